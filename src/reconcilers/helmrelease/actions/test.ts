/**
 * The test action: `helm test` of the current revision. TestSuccess records the outcome; a failure counts
 * against the active remediation unless test failures are ignored.
 */
import { ConditionType, Reason, markFalse, markTrue } from '../../../api/index.ts';
import { releaseTest } from '../../../helm/index.ts';
import { activeRemediation, ignoreTestFailures } from '../remediation.ts';
import { countFailure } from '../status/failures.ts';
import { chartRef, errorMessage, record, releaseRef, type ReleaseContext } from './context.ts';
import { isLocked } from './release-outcome.ts';
import { timeoutMsOf } from './timeouts.ts';

export async function runTest(ctx: ReleaseContext): Promise<boolean> {
  const { spec } = ctx.hr;
  try {
    const rel = await releaseTest(ctx.clients.cfg, { name: ctx.target.name, timeoutMs: timeoutMsOf(spec, 'test') });
    const n = (rel.hooks ?? []).filter((h) => h.events.includes('test')).length;
    const message = `Helm test succeeded for release ${releaseRef(ctx, rel.version)} with chart ${chartRef(ctx)}: ${n} test hook(s) completed successfully`;
    markTrue(ctx.obj, ConditionType.TestSuccess, Reason.TestSucceeded, message);
    record(ctx, 'Normal', Reason.TestSucceeded, message);
    return true;
  } catch (e) {
    if (isLocked(e)) throw e;
    const message = ctx.redactor.redact(`Helm test failed for release ${releaseRef(ctx)} with chart ${chartRef(ctx)}: ${errorMessage(e)}`);
    markFalse(ctx.obj, ConditionType.TestSuccess, Reason.TestFailed, message);
    record(ctx, 'Warning', Reason.TestFailed, message);
    const active = activeRemediation(spec, ctx.obj.status.lastAttemptedReleaseAction);
    if (!ignoreTestFailures(spec, active)) countFailure(ctx.obj.status, active?.action ?? 'install');
    return false;
  }
}
