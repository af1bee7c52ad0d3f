/**
 * GitSync (`sync.capstan.dev/v1`): applies every Kubernetes document under a path of a GitRepository's
 * revision with server-side apply (field manager `capstan-gitsync`), Namespaces and CRDs first, dry-run before any
 * write, with an inventory, pruning of what left Git (only what it applied), dependsOn, suspend, a health
 * summary (HelmReleases Ready), and Flux documents translated (./flux).
 *
 * ```ts
 * register(manager, {
 *   kube, log, events: new KubeEventRecorder({ core: kube.core, component: 'capstan-gitsync', instance, log }),
 *   sources: new ArtifactSourceTrees(sourceArtifacts),   // the process's one SourceArtifacts (src/reconcilers/source)
 * });
 * ```
 */
export { register, sourceIndex, dependsOnIndex, sourceKeyOf } from './register.ts';
export { GitSyncReconciler, type GitSyncReconcilerOptions } from './reconciler.ts';
export { ArtifactSourceTrees, type SourceTree, type SourceTrees } from './source-trees.ts';
export { gitSyncGvk } from './kinds.ts';
export { gitSyncFieldManager, ownerAnnotation, ownerNameLabel, ownerNamespaceLabel, pruneAnnotation, revisionAnnotation } from './ownership.ts';
export { GitSyncError, formatProblem, type Problem, type SourceLocation } from './errors.ts';
export { loadManifests } from './manifest-files.ts';
export { buildObjects, type DesiredObject } from './build.ts';
export { syncTree, type SyncOptions, type SyncOutcome } from './sync.ts';
export * as flux from './flux/index.ts';
