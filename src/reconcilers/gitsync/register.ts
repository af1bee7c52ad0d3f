/**
 * Wiring the GitSync controller into a Manager: the controller (primary kind GitSync, reconciled on spec,
 * label and annotation changes), and the watches that bring a GitSync back when something it depends on
 * changes: its GitRepository (a new artifact revision or digest), the GitSyncs it depends on (they became
 * Ready), and the HelmReleases and GitSyncs it applied (their health). Capstan kinds are watched with the
 * manager's `watchLabelSelector`, as the other controllers watch them (one informer per kind).
 */
import { generationOrMetadataChanged, objectKey, type Manager, type MapFunc } from '../../controller/index.ts';
import type { KubeObject } from '../../kube/index.ts';
import type { GitSync } from '../../api/index.ts';
import { gitRepositoryGvk, helmReleaseGvk } from '../shared/kinds.ts';
import { artifactChangedPredicate } from '../shared/predicates.ts';
import { dependencyKeys } from './dependencies.ts';
import { gitSyncGvk } from './kinds.ts';
import { ownerKeyFromLabels } from './ownership.ts';
import { GitSyncReconciler, type GitSyncReconcilerOptions } from './reconciler.ts';

/** Index of GitSyncs by their GitRepository (`ns/name`). */
export const sourceIndex = 'gitsync.sourceRef';
/** Index of GitSyncs by the GitSyncs they depend on (`ns/name`). */
export const dependsOnIndex = 'gitsync.dependsOn';

type GitSyncLike = KubeObject & Partial<Pick<GitSync, 'spec'>>;

/** `ns/name` of the GitRepository a GitSync reads. */
export function sourceKeyOf(gs: GitSyncLike): string[] {
  const ref = gs.spec?.sourceRef;
  if (ref === undefined) return [];
  return [`${ref.namespace ?? gs.metadata.namespace ?? 'default'}/${ref.name}`];
}

function dependsOnKeysOf(gs: GitSyncLike): string[] {
  return gs.spec === undefined ? [] : dependencyKeys({ metadata: gs.metadata, spec: gs.spec });
}

const bySource: MapFunc = (repo, cache) => cache.byIndex(gitSyncGvk, sourceIndex, objectKey(repo)).map(objectKey);
const owner: MapFunc = (o) => {
  const key = ownerKeyFromLabels(o);
  return key === undefined ? [] : [key];
};
/** A GitSync changed: the GitSyncs that depend on it, and the GitSync that applied it (its health). */
const dependentsAndOwner: MapFunc = (gs, cache) => [...cache.byIndex(gitSyncGvk, dependsOnIndex, objectKey(gs)).map(objectKey), ...owner(gs, cache)];

/**
 * Registers the GitSync controller with `manager` (before it starts) and returns the reconciler. The
 * GitSyncs of a GitRepository, for a webhook receiver that wants to nudge them too, are
 * `manager.cache.byIndex(gitSyncGvk, sourceIndex, 'ns/name')`.
 */
export function register(manager: Manager, deps: GitSyncReconcilerOptions): GitSyncReconciler {
  const reconciler = new GitSyncReconciler(deps);
  const selector = manager.settings.watchLabelSelector;
  const opts = selector !== undefined ? { labelSelector: selector } : {};
  manager.addController(reconciler, { predicates: [generationOrMetadataChanged] })
    .watches(gitSyncGvk, dependentsAndOwner, opts)
    .watches(gitRepositoryGvk, bySource, { ...opts, predicates: [artifactChangedPredicate] })
    .watches(helmReleaseGvk, owner, opts);
  manager.index<GitSyncLike>(gitSyncGvk, sourceIndex, sourceKeyOf);
  manager.index<GitSyncLike>(gitSyncGvk, dependsOnIndex, dependsOnKeysOf);
  return reconciler;
}
