/**
 * The source controllers (GitRepository, HelmRepository), the `SourceArtifacts` service other controllers
 * read sources through, and the push webhook wiring. See register.ts for how to add them to a Manager.
 */
export { registerSourceControllers, type SourceControllers, type SourceControllersDeps } from './register.ts';
export { SourceArtifacts, SourceUnavailableError, type GitArtifactTree, type SourceArtifactsOptions } from './source-artifacts.ts';
export type { ArtifactChange, ArtifactListener } from './artifact-changes.ts';
export type { HelmRepositoryClientHandle } from './helm-clients.ts';
export { GitRepositoryReconciler, gitCacheKey, type GitRepositoryReconcilerOptions } from './git-repository-reconciler.ts';
export { HelmRepositoryReconciler, type HelmRepositoryReconcilerOptions } from './helm-repository-reconciler.ts';
export { ArtifactGc, type ArtifactGcOptions } from './artifact-gc.ts';
export { readAccess, HelmRepositoryAccessError, type HelmRepositoryAccess } from './helm-repository-access.ts';
export {
  ReceiversConfig, ReceiversConfigError, parseReceivers, requestReconcile, startSourceWebhooks,
  type ReceiversSource, type SourceWebhooksOptions,
} from './webhook-receivers.ts';
