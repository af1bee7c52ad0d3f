/**
 * Automatic image-tag rollout, the reusable pieces: registry scans (`registry`), tag policies (`policy`), the
 * Setters write-back to Git (`setters`) and Flux v1 style HelmRelease annotations (`annotations`). The
 * controllers (ImageRepository, ImagePolicy, ImageUpdateAutomation, HelmRelease automation) compose them.
 */
export * from './registry/index.ts';
export * from './policy/index.ts';
export * from './setters/index.ts';
export * from './annotations/index.ts';
