/**
 * `spec.dependsOn`: every HelmRelease named must be Ready=True for its current generation (its Ready
 * condition's observedGeneration equals its metadata.generation), read from the informer cache.
 */
import { ConditionType, getCondition, type HelmRelease } from '../../api/index.ts';
import type { CacheReader } from '../../controller/index.ts';
import type { KubeObject } from '../../kube/index.ts';
import { helmReleaseGvk } from '../shared/kinds.ts';

/** `ns/name` of each dependency of `hr`. */
export function dependencyKeys(hr: Pick<HelmRelease, 'metadata' | 'spec'>): string[] {
  const own = hr.metadata.namespace ?? 'default';
  return (hr.spec.dependsOn ?? []).map((d) => `${d.namespace ?? own}/${d.name}`);
}

/** Why `dep` is not ready, or undefined when it is. */
export function notReadyReason(dep: KubeObject | undefined): string | undefined {
  if (dep === undefined) return 'not found';
  const holder = dep as KubeObject & { status?: { conditions?: [] } };
  const ready = getCondition(holder, ConditionType.Ready);
  if (ready === undefined) return 'has no Ready condition yet';
  if (ready.observedGeneration !== undefined && ready.observedGeneration !== dep.metadata.generation) {
    return `is not reconciled at generation ${dep.metadata.generation ?? 0} yet`;
  }
  if (ready.status !== 'True') return `is not ready: ${ready.message}`;
  return undefined;
}

/**
 * The message for the dependencies that are not ready (`dependency 'ns/a' is not ready: …`), or undefined when
 * all are.
 */
export function checkDependencies(hr: Pick<HelmRelease, 'metadata' | 'spec'>, cache: CacheReader): string | undefined {
  const problems: string[] = [];
  for (const key of dependencyKeys(hr)) {
    const why = notReadyReason(cache.get(helmReleaseGvk, key));
    if (why !== undefined) problems.push(`dependency '${key}' ${why}`);
  }
  return problems.length === 0 ? undefined : problems.join('; ');
}
