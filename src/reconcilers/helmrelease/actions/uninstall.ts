/**
 * Uninstalling: as remediation of a failed install (or upgrade with strategy uninstall), and when the
 * HelmRelease is deleted. spec.uninstall's options apply to both.
 */
import { ConditionType, Reason, markFalse, markTrue, type HelmReleaseSpec } from '../../../api/index.ts';
import { uninstall, type ActionConfig, type UninstallResult } from '../../../helm/index.ts';
import { chartRef, errorMessage, record, releaseRef, type ReleaseContext } from './context.ts';
import { isLocked } from './release-outcome.ts';
import { uninstallFlags } from './action-options.ts';

/** `helm uninstall` with the spec's options. */
export function uninstallRelease(cfg: ActionConfig, name: string, spec: HelmReleaseSpec): Promise<UninstallResult> {
  return uninstall(cfg, { name, ...uninstallFlags(spec) });
}

export async function runUninstallRemediation(ctx: ReleaseContext): Promise<boolean> {
  try {
    const r = await uninstallRelease(ctx.clients.cfg, ctx.target.name, ctx.hr.spec);
    const message = `Helm uninstall for release ${releaseRef(ctx, r.release.version)} with chart ${chartRef(ctx)} succeeded`;
    markTrue(ctx.obj, ConditionType.Remediated, Reason.UninstallSucceeded, message);
    record(ctx, 'Normal', Reason.UninstallSucceeded, message);
    return true;
  } catch (e) {
    if (isLocked(e)) throw e;
    const message = ctx.redactor.redact(`Helm uninstall for release ${releaseRef(ctx)} with chart ${chartRef(ctx)} failed: ${errorMessage(e)}`);
    markFalse(ctx.obj, ConditionType.Remediated, Reason.UninstallFailed, message);
    record(ctx, 'Warning', Reason.UninstallFailed, message);
    ctx.obj.status.failures = (ctx.obj.status.failures ?? 0) + 1;
    return false;
  }
}
