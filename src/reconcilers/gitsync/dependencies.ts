/**
 * `spec.dependsOn`: every GitSync named must be Ready=True for its current generation, read from the cache.
 */
import { ConditionType, getCondition, type GitSync } from '../../api/index.ts';
import type { CacheReader } from '../../controller/index.ts';
import type { KubeObject } from '../../kube/index.ts';
import { gitSyncGvk } from './kinds.ts';

export function dependencyKeys(gs: { metadata: { namespace?: string | undefined }; spec: Pick<GitSync['spec'], 'dependsOn'> }): string[] {
  const own = gs.metadata.namespace ?? 'default';
  return (gs.spec.dependsOn ?? []).map((d) => `${d.namespace ?? own}/${d.name}`);
}

function notReady(dep: KubeObject | undefined): string | undefined {
  if (dep === undefined) return 'not found';
  const ready = getCondition(dep as Parameters<typeof getCondition>[0], ConditionType.Ready);
  const observed = (dep.status as { observedGeneration?: number } | undefined)?.observedGeneration;
  if (ready === undefined || observed !== dep.metadata.generation) return 'is not reconciled yet';
  return ready.status === 'True' ? undefined : `is not ready: ${ready.message}`;
}

/** `dependency 'ns/a' is not ready: …` for each dependency that is not Ready, or undefined. */
export function checkDependencies(gs: Pick<GitSync, 'metadata' | 'spec'>, cache: CacheReader): string | undefined {
  const problems = dependencyKeys(gs).flatMap((key) => {
    const why = notReady(cache.get(gitSyncGvk, key));
    return why === undefined ? [] : [`dependency '${key}' ${why}`];
  });
  return problems.length === 0 ? undefined : problems.join('; ');
}
