/**
 * GitSync (`sync.capstan.dev/v1`): applies every Kubernetes document under a path of a GitRepository's
 * revision with server-side apply (field manager `capstan`), Namespaces and CRDs first, dry-run before any
 * write, with an inventory, pruning of what left Git (only what it applied), dependsOn, suspend, a health
 * summary (HelmReleases Ready), and Flux documents translated (./flux).
 *
 * ```ts
 * register(manager, {
 *   kube, log, events: new KubeEventRecorder({ core: kube.core, component: 'capstan-gitsync', instance, log }),
 *   sources: new ArtifactSourceTrees({ store, dir: join(cacheDir, 'gitsync-trees'), kube, git }),
 * });
 * ```
 */
export { register, sourceIndex, dependsOnIndex, sourceKeyOf } from './register.ts';
export { GitSyncReconciler, defaultTreeDir, type GitSyncReconcilerOptions } from './reconciler.ts';
export { ArtifactSourceTrees, type ArtifactSourceTreesOptions, type SourceTree, type SourceTrees } from './source-trees.ts';
export { gitSyncGvk, FluxFieldsIgnoredCondition, UnsupportedFieldsReason } from './kinds.ts';
export { ownerAnnotation, ownerNameLabel, ownerNamespaceLabel, pruneAnnotation, revisionAnnotation } from './ownership.ts';
export { GitSyncError, formatProblem, type Problem, type SourceLocation } from './errors.ts';
export { loadManifests } from './manifest-files.ts';
export { buildObjects, type DesiredObject } from './build.ts';
export { syncTree, type SyncOptions, type SyncOutcome } from './sync.ts';
export * as flux from './flux/index.ts';
