/**
 * The image automation controllers (`image.capstan.dev/v1`): ImageRepository (scan tags), ImagePolicy (choose
 * one, bad tags held back), ImageUpdateAutomation (write the choices into Git, push, and revert a commit whose
 * HelmRelease rollout fails), and the annotation automation of HelmReleases (`capstan.dev/automated`, values
 * patched in place). Tag lists live in memory (tag-store.ts explains why).
 *
 * ```ts
 * register(manager, {
 *   kube, workDir: join(cacheDir, 'image-automation'),
 *   events: new KubeEventRecorder({ core: kube.core, component: 'capstan-image-automation', instance, log }),
 * });
 * ```
 */
export { register, repositoryRefIndex, automationSourceIndex, rolloutReleasesIndex, type ImageAutomationDeps, type ImageControllers } from './register.ts';
export { ImageRepositoryReconciler, type ImageRepositoryReconcilerOptions } from './image-repository-reconciler.ts';
export { ImagePolicyReconciler, repositoryKeyOf, type ImagePolicyReconcilerOptions } from './image-policy-reconciler.ts';
export { ImageUpdateAutomationReconciler, type ImageUpdateAutomationReconcilerOptions } from './image-update-automation-reconciler.ts';
export { HelmReleaseImageReconciler, canonicalImage, automatedImagesOf, canonicalImageIndex, automatedImagesIndex, type HelmReleaseImageReconcilerOptions } from './helmrelease-image-reconciler.ts';
export { TagStore, type ScannedTags } from './tag-store.ts';
export { choosePolicyTag, type PolicyChoice } from './policy-choice.ts';
export { parseExcludedTags, withExcludedTag, maxExcludedTags } from './excluded-tags.ts';
export { parseRollout, formatRollout, rolloutOf, releaseOutcome, generationOutcome, specHolds, type Rollout, type ReleaseRollout, type ReleaseOutcome } from './rollout.ts';
export { commitMessage, templateData, checkMessageTemplate, type MessageInput } from './commit-message.ts';
export { ImageReconcileError, isImageReconcileError } from './errors.ts';
export {
  imageRepositoryGvk, imagePolicyGvk, imageUpdateAutomationGvk, excludedTagsAnnotation, excludedTagsPrefix, rolloutAnnotation,
  imageFieldManager,
} from './kinds.ts';
