/**
 * Recording a release that needs nothing more: Released true (when not already), Remediated gone, TestSuccess
 * as the tests say, Drifted as drift detection found (with an event when warn mode finds new drift).
 */
import { ConditionType, Reason, deleteCondition, getCondition, isTrue, markFalse, markTrue } from '../../api/index.ts';
import type { Release } from '../../release/index.ts';
import { chartRef, record, releaseRef, type ReleaseContext } from './actions/context.ts';
import { driftSummary } from './drift/detect.ts';
import { testOutcome } from './release-state.ts';

function recordReleased(ctx: ReleaseContext, cur: Release): void {
  if (isTrue(ctx.obj, ConditionType.Released)) return;
  const install = cur.version === 1;
  markTrue(ctx.obj, ConditionType.Released, install ? Reason.InstallSucceeded : Reason.UpgradeSucceeded,
    `Helm ${install ? 'install' : 'upgrade'} succeeded for release ${releaseRef(ctx, cur.version)} with chart ${chartRef(ctx)}`);
}

function recordTests(ctx: ReleaseContext, cur: Release): void {
  if (!ctx.hr.spec.test.enable) {
    deleteCondition(ctx.obj, ConditionType.TestSuccess);
    return;
  }
  const t = testOutcome(cur);
  if (t === 'none') markTrue(ctx.obj, ConditionType.TestSuccess, Reason.TestSucceeded, `release ${releaseRef(ctx, cur.version)} has no test hooks`);
  else if (t === 'passed' && !isTrue(ctx.obj, ConditionType.TestSuccess)) {
    markTrue(ctx.obj, ConditionType.TestSuccess, Reason.TestSucceeded, `Helm test succeeded for release ${releaseRef(ctx, cur.version)} with chart ${chartRef(ctx)}`);
  }
}

function recordDrift(ctx: ReleaseContext, cur: Release): void {
  const mode = ctx.hr.spec.driftDetection.mode;
  if (mode === 'disabled') {
    deleteCondition(ctx.obj, ConditionType.Drifted);
    return;
  }
  if (ctx.driftCorrected === true) return;
  const report = ctx.drift;
  if (report === undefined) return;
  if (report.drifted.length === 0) {
    // a DriftCorrected (or earlier NoDriftDetected) stays until drift is found again
    if (getCondition(ctx.obj, ConditionType.Drifted)?.status !== 'False') {
      markFalse(ctx.obj, ConditionType.Drifted, Reason.NoDriftDetected, `No drift detected for release ${releaseRef(ctx, cur.version)}`);
    }
    return;
  }
  const message = ctx.redactor.redact(`Cluster state of release ${releaseRef(ctx, cur.version)} has drifted from the desired state: ${driftSummary(report)}`);
  const before = getCondition(ctx.obj, ConditionType.Drifted);
  markTrue(ctx.obj, ConditionType.Drifted, Reason.DriftDetected, message);
  if (before?.message !== message) record(ctx, 'Warning', Reason.DriftDetected, message);
}

export function recordInSync(ctx: ReleaseContext, cur: Release | undefined): void {
  deleteCondition(ctx.obj, ConditionType.Stalled);
  if (cur === undefined) return;
  recordReleased(ctx, cur);
  deleteCondition(ctx.obj, ConditionType.Remediated);
  recordTests(ctx, cur);
  recordDrift(ctx, cur);
}
