/**
 * Rollback remediation: `helm rollback` to the newest successful revision before the failed one, with
 * spec.rollback's options. Remediated records it (True: the release was rolled back, which is not "ready").
 */
import { ConditionType, Reason, markFalse, markTrue } from '../../../api/index.ts';
import { rollback } from '../../../helm/index.ts';
import type { Release } from '../../../release/index.ts';
import { previousSuccessful } from '../release-state.ts';
import { chartRef, errorMessage, record, releaseRef, type ReleaseContext } from './context.ts';
import { isLocked } from './release-outcome.ts';
import { rollbackFlags } from './action-options.ts';

export async function runRollback(ctx: ReleaseContext, history: readonly Release[]): Promise<boolean> {
  const { spec } = ctx.hr;
  const cur = history.at(-1);
  const target = cur === undefined ? undefined : previousSuccessful(history, cur.version);
  const to = target === undefined ? releaseRef(ctx) : releaseRef(ctx, target.version);
  const chart = target?.chart?.metadata ? `${target.chart.metadata.name ?? '?'}@${target.chart.metadata.version ?? '?'}` : chartRef(ctx);
  try {
    await rollback(ctx.clients.cfg, {
      name: ctx.target.name, ...(target !== undefined ? { version: target.version } : {}), ...rollbackFlags(spec),
    });
    const message = `Helm rollback to previous release ${to} with chart ${chart} succeeded`;
    markTrue(ctx.obj, ConditionType.Remediated, Reason.RollbackSucceeded, message);
    record(ctx, 'Normal', Reason.RollbackSucceeded, message);
    return true;
  } catch (e) {
    if (isLocked(e)) throw e;
    const message = ctx.redactor.redact(`Helm rollback to previous release ${to} with chart ${chart} failed: ${errorMessage(e)}`);
    markFalse(ctx.obj, ConditionType.Remediated, Reason.RollbackFailed, message);
    record(ctx, 'Warning', Reason.RollbackFailed, message);
    ctx.obj.status.failures = (ctx.obj.status.failures ?? 0) + 1;
    return false;
  }
}
