/**
 * A changed release target (the decide side, pure; actions/previous-target.ts observes and acts), as Flux's
 * helm-controller does it (internal/action/verify.go ReleaseTargetChanged, and reconcileRelease): when
 * spec.storageNamespace, the release namespace (spec.targetNamespace), the release name (spec.releaseName, or
 * the name derived from targetNamespace) or the chart name no longer match what status recorded —
 * status.storageNamespace and the newest status.history snapshot's namespace, name and chartName — the release
 * at the old target is uninstalled before the new one is installed; else it would be left behind (and an
 * install at the new target could fail on objects that already exist).
 *
 * What happens to the release at the old target:
 *
 * | observed at the old target                                    | verdict                                |
 * | ------------------------------------------------------------- | -------------------------------------- |
 * | target unchanged, or nothing recorded in status               | none                                   |
 * | no release, or its newest revision is uninstalled             | forget (nothing left to uninstall)     |
 * | a release recorded as another HelmRelease's (ownership.ts)    | leave it in place, forget              |
 * | a release of this HelmRelease, or of none (helm CLI, old one) | uninstall, then forget                 |
 *
 * "Forget" clears status.history and the failure counters (Flux's ClearHistory and ClearFailures), so the
 * new target starts as a fresh install.
 */
import type { HelmReleaseStatus } from '../../api/index.ts';
import type { Release } from '../../release/index.ts';
import { foreignOwner, recordedOwner, type OwnerRef } from './ownership.ts';
import type { ReleaseTarget } from './release-name.ts';

/** Which part of the target changed, worded as Flux words it. */
export type TargetChangeReason = 'storage namespace' | 'release namespace' | 'release name' | 'chart name';

export interface TargetChange {
  reason: TargetChangeReason;
  /** what changed, e.g. `release name a -> b` */
  detail: string;
  /** where the release was, from status */
  previous: ReleaseTarget;
  previousChartName: string;
}

/** Flux's ReleaseTargetChanged: compares status (the storage namespace and newest snapshot) with the spec's target. */
export function releaseTargetChanged(
  status: Pick<HelmReleaseStatus, 'storageNamespace' | 'history'>, target: ReleaseTarget, chartName: string,
): TargetChange | undefined {
  const cur = status.history?.[0];
  const storageNamespace = status.storageNamespace ?? '';
  if (storageNamespace === '' || cur === undefined) return undefined;
  const previous: ReleaseTarget = { name: cur.name, namespace: cur.namespace, storageNamespace };
  const change = (reason: TargetChangeReason, from: string, to: string): TargetChange =>
    ({ reason, detail: `${reason} ${from} -> ${to}`, previous, previousChartName: cur.chartName });
  if (target.storageNamespace !== storageNamespace) return change('storage namespace', storageNamespace, target.storageNamespace);
  if (target.namespace !== cur.namespace) return change('release namespace', cur.namespace, target.namespace);
  if (target.name !== cur.name) return change('release name', cur.name, target.name);
  if (chartName !== cur.chartName) return change('chart name', cur.chartName, chartName);
  return undefined;
}

export type PreviousTargetVerdict =
  | { kind: 'forget' }
  | { kind: 'leave'; owner: OwnerRef }
  | { kind: 'uninstall'; release: Release };

/** What to do with the release at the old target, from its storage history (oldest first). */
export function decidePreviousTarget(self: OwnerRef, history: readonly Release[]): PreviousTargetVerdict {
  const last = history.at(-1);
  if (last === undefined || last.info?.status === 'uninstalled') return { kind: 'forget' };
  const owner = foreignOwner(self, recordedOwner(history));
  if (owner !== undefined) return { kind: 'leave', owner };
  return { kind: 'uninstall', release: last };
}
