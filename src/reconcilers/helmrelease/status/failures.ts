/**
 * The failure counters of `status` (failures, installFailures, upgradeFailures) and the "last attempted"
 * fields. Counters count failed release actions and test failures; a successful install or upgrade resets
 * them, and so does a change of what is attempted (generation, chart revision, values) or a new reconcile
 * request (`capstan.dev/reconcile-requested-at`), which is how a stalled release is retried.
 */
import type { HelmReleaseStatus } from '../../../api/index.ts';
import type { Failures, ReleaseAction } from '../remediation.ts';

export function failuresOf(s: HelmReleaseStatus | undefined): Failures {
  return { install: s?.installFailures ?? 0, upgrade: s?.upgradeFailures ?? 0 };
}

export function countFailure(s: HelmReleaseStatus, action: ReleaseAction): void {
  s.failures = (s.failures ?? 0) + 1;
  if (action === 'install') s.installFailures = (s.installFailures ?? 0) + 1;
  else s.upgradeFailures = (s.upgradeFailures ?? 0) + 1;
}

export function clearFailures(s: HelmReleaseStatus): void {
  delete s.failures;
  delete s.installFailures;
  delete s.upgradeFailures;
}

export interface Attempt {
  generation: number;
  revision: string;
  revisionDigest: string | undefined;
  configDigest: string;
  /** a new value of the reconcile-requested-at annotation */
  newRequest: boolean;
}

/** Resets the counters when the attempt differs from the last one, then records it as the last attempted. */
export function recordAttempt(s: HelmReleaseStatus, a: Attempt): void {
  const changed = s.lastAttemptedGeneration !== a.generation || s.lastAttemptedRevision !== a.revision || s.lastAttemptedConfigDigest !== a.configDigest;
  if (changed || a.newRequest) clearFailures(s);
  s.lastAttemptedGeneration = a.generation;
  s.lastAttemptedRevision = a.revision;
  if (a.revisionDigest !== undefined) s.lastAttemptedRevisionDigest = a.revisionDigest;
  else delete s.lastAttemptedRevisionDigest;
  s.lastAttemptedConfigDigest = a.configDigest;
}
