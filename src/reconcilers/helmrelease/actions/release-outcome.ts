/**
 * Recording the outcome of an install or upgrade (Flux's install.go/upgrade.go success and failure paths):
 * Released, the failure counters, Remediated and TestSuccess cleared for a new release, an event.
 */
import { ConditionType, Reason, deleteCondition, markFalse, markTrue } from '../../../api/index.ts';
import { ActionError } from '../../../helm/index.ts';
import type { Release } from '../../../release/index.ts';
import { describeAccessDenied } from '../access-denied.ts';
import { clearFailures, countFailure } from '../status/failures.ts';
import type { ReleaseAction } from '../remediation.ts';
import { chartRef, errorMessage, record, releaseRef, type ReleaseContext } from './context.ts';

const verb: Record<ReleaseAction, string> = { install: 'install', upgrade: 'upgrade' };

/** Errors that mean "not now" rather than "failed": another operation holds the release. */
export function isLocked(e: unknown): boolean {
  return e instanceof ActionError && e.code === 'Locked';
}

export function releaseSucceeded(ctx: ReleaseContext, action: ReleaseAction, rel: Release): void {
  const s = ctx.obj.status;
  clearFailures(s);
  const reason = action === 'install' ? Reason.InstallSucceeded : Reason.UpgradeSucceeded;
  const message = `Helm ${verb[action]} succeeded for release ${releaseRef(ctx, rel.version)} with chart ${chartRef(ctx)}`;
  markTrue(ctx.obj, ConditionType.Released, reason, message);
  deleteCondition(ctx.obj, ConditionType.Remediated);
  deleteCondition(ctx.obj, ConditionType.TestSuccess);
  record(ctx, 'Normal', reason, message);
}

export function releaseFailed(ctx: ReleaseContext, action: ReleaseAction, e: unknown): void {
  countFailure(ctx.obj.status, action);
  const reason = action === 'install' ? Reason.InstallFailed : Reason.UpgradeFailed;
  const why = describeAccessDenied(e, ctx.clients.identity) ?? errorMessage(e);
  const message = ctx.redactor.redact(`Helm ${verb[action]} failed for release ${releaseRef(ctx)} with chart ${chartRef(ctx)}: ${why}`);
  markFalse(ctx.obj, ConditionType.Released, reason, message);
  record(ctx, 'Warning', reason, message);
  ctx.log.warn({ action, err: message }, 'release action failed');
}
