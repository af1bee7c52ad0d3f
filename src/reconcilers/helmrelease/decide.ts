/**
 * Deciding the next step from the observed release state (Flux's actionForState), as a pure function:
 *
 * | state     | next                                                                                      |
 * | --------- | ----------------------------------------------------------------------------------------- |
 * | InSync    | nothing                                                                                   |
 * | Locked    | unlock (a pending revision whose writer is gone is marked failed)                         |
 * | Absent    | install, or stall when install retries are exhausted                                      |
 * | Unmanaged | upgrade (adopt the release)                                                               |
 * | OutOfSync | upgrade, or stall when the active remediation's retries are exhausted                     |
 * | Untested  | test                                                                                      |
 * | Failed    | upgrade when no remediation is active or its failures were reset; stall when retries are  |
 * |           | exhausted and the last failure need not be remediated; else rollback (uninstall for       |
 * |           | install failures, upgrade.remediation.strategy uninstall, or nothing to roll back to)     |
 * | Drifted   | correct drift (driftDetection enabled), nothing in warn mode                              |
 */
import type { HelmReleaseSpec } from '../../api/index.ts';
import { activeRemediation, failureCount, mustRemediateLastFailure, retriesExhausted, type Failures, type ReleaseAction } from './remediation.ts';
import type { ReleaseStatusKind } from './release-state.ts';

export type ActionName = 'install' | 'upgrade' | 'test' | 'rollback' | 'uninstall' | 'unlock' | 'correct-drift';

/** Kinds of action: at most one of each kind runs per reconcile (Flux's MustContinue). */
export type ActionKind = 'release' | 'test' | 'remediate' | 'unlock' | 'drift';

export const kindOfAction: Record<ActionName, ActionKind> = {
  install: 'release', upgrade: 'release', test: 'test', rollback: 'remediate', uninstall: 'remediate', unlock: 'unlock', 'correct-drift': 'drift',
};

export type NextStep =
  | { type: 'none' }
  | { type: 'stall'; action: ReleaseAction; attempts: number }
  | { type: 'act'; action: ActionName };

export interface DecideInput {
  status: ReleaseStatusKind;
  spec: Pick<HelmReleaseSpec, 'install' | 'upgrade' | 'driftDetection'>;
  failures: Failures;
  lastAction: ReleaseAction | undefined;
  /** a successful revision older than the current one exists */
  canRollback: boolean;
}

const act = (action: ActionName): NextStep => ({ type: 'act', action });

export function decide(i: DecideInput): NextStep {
  const install = activeRemediation(i.spec, 'install');
  const active = activeRemediation(i.spec, i.lastAction);
  switch (i.status) {
    case 'InSync': return { type: 'none' };
    case 'Locked': return act('unlock');
    case 'Absent':
      if (install !== undefined && retriesExhausted(install, i.failures)) {
        return { type: 'stall', action: 'install', attempts: i.failures.install };
      }
      return act('install');
    case 'Unmanaged': return act('upgrade');
    case 'OutOfSync':
      if (active !== undefined && retriesExhausted(active, i.failures)) return { type: 'stall', action: active.action, attempts: failureCount(active, i.failures) };
      return act('upgrade');
    case 'Untested': return act('test');
    case 'Drifted': return i.spec.driftDetection.mode === 'enabled' ? act('correct-drift') : { type: 'none' };
    case 'Failed': {
      if (active === undefined || failureCount(active, i.failures) <= 0) return act('upgrade');
      if (retriesExhausted(active, i.failures) && !mustRemediateLastFailure(active)) {
        return { type: 'stall', action: active.action, attempts: failureCount(active, i.failures) };
      }
      return act(active.strategy === 'rollback' && i.canRollback ? 'rollback' : 'uninstall');
    }
  }
}
