/**
 * Remediation rules (Flux's Install/UpgradeRemediation): which remediation is active (the one of the last
 * release action attempted), how many failures it has counted, whether its retries are exhausted and whether
 * the last failure must still be remediated. Pure.
 */
import type { HelmReleaseSpec } from '../../api/index.ts';

export type ReleaseAction = 'install' | 'upgrade';

export interface Failures {
  install: number;
  upgrade: number;
}

export interface ActiveRemediation {
  action: ReleaseAction;
  /** negative: retry forever */
  retries: number;
  remediateLastFailure: boolean | undefined;
  ignoreTestFailures: boolean | undefined;
  /** install failures are always remediated by uninstalling */
  strategy: 'rollback' | 'uninstall';
}

/** The remediation of the last release action attempted, or undefined when none was attempted. */
export function activeRemediation(spec: Pick<HelmReleaseSpec, 'install' | 'upgrade'>, last: ReleaseAction | undefined): ActiveRemediation | undefined {
  if (last === 'install') {
    const r = spec.install.remediation;
    return { action: 'install', retries: r.retries, remediateLastFailure: r.remediateLastFailure, ignoreTestFailures: r.ignoreTestFailures, strategy: 'uninstall' };
  }
  if (last === 'upgrade') {
    const r = spec.upgrade.remediation;
    return { action: 'upgrade', retries: r.retries, remediateLastFailure: r.remediateLastFailure, ignoreTestFailures: r.ignoreTestFailures, strategy: r.strategy };
  }
  return undefined;
}

export function failureCount(r: Pick<ActiveRemediation, 'action'>, f: Failures): number {
  return r.action === 'install' ? f.install : f.upgrade;
}

/** More failures than retries allow (never with negative retries). */
export function retriesExhausted(r: ActiveRemediation, f: Failures): boolean {
  return r.retries >= 0 && failureCount(r, f) > r.retries;
}

/** Whether the last failure is remediated even when retries are exhausted (default: when retries > 0). */
export function mustRemediateLastFailure(r: ActiveRemediation): boolean {
  return r.remediateLastFailure ?? r.retries > 0;
}

/** Test failures count as release failures unless ignored (remediation's own setting wins over test.ignoreFailures). */
export function ignoreTestFailures(spec: Pick<HelmReleaseSpec, 'test'>, r: ActiveRemediation | undefined): boolean {
  return r?.ignoreTestFailures ?? spec.test.ignoreFailures;
}
