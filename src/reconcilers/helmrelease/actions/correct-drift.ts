/**
 * Correcting drift: every object found missing or changed is applied again (server-side apply, field
 * manager capstan, forced), post-rendered as the release applied it. Drifted records what was corrected.
 */
import { ConditionType, Reason, markFalse, markTrue } from '../../../api/index.ts';
import { describeRef } from '../../../kube/index.ts';
import { describeAccessDenied } from '../access-denied.ts';
import { driftSummary, type DriftReport } from '../drift/detect.ts';
import { errorMessage, record, releaseRef, type ReleaseContext } from './context.ts';

export async function runCorrectDrift(ctx: ReleaseContext, report: DriftReport, version: number): Promise<boolean> {
  const failed: string[] = [];
  for (const d of report.drifted) {
    try {
      await ctx.clients.kube.apply(d.object, { force: true });
    } catch (e) {
      failed.push(`${describeRef(d.ref)}: ${describeAccessDenied(e, ctx.clients.identity) ?? errorMessage(e)}`);
    }
  }
  const summary = driftSummary(report);
  ctx.driftCorrected = true;
  if (failed.length > 0) {
    const message = ctx.redactor.redact(`Cluster state of release ${releaseRef(ctx, version)} has drifted (${summary}) and could not be corrected: ${failed.join('; ')}`);
    markTrue(ctx.obj, ConditionType.Drifted, Reason.DriftDetected, message);
    record(ctx, 'Warning', Reason.DriftDetected, message);
    return false;
  }
  const message = `Cluster state of release ${releaseRef(ctx, version)} has been corrected: ${summary}`;
  markFalse(ctx.obj, ConditionType.Drifted, Reason.DriftCorrected, message);
  record(ctx, 'Normal', Reason.DriftCorrected, message);
  return true;
}
