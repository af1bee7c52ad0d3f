/**
 * Flux v1 style image automation on a HelmRelease (`capstan.dev/automated: "true"`,
 * `capstan.dev/tag.<container>: semver:~1.2`, and the `fluxcd.io/` forms): find the images in `values` as Flux
 * v1's helm-operator did, and compute the patched `values` for new tags. No Git write: the reconciler patches the
 * HelmRelease.
 *
 * ```ts
 * const auto = readImageAutomation(hr);
 * if (auto.automated && !auto.locked) {
 *   const next: Record<string, string> = {};
 *   for (const c of auto.containers) {
 *     const t = selectLatest((await scanImage({ image: c.image, logger })).tags, c.policy);
 *     if (t !== undefined && t.tag !== c.tag) next[c.name] = t.tag;
 *   }
 *   const values = patchValuesTags(hr, next);
 * }
 * ```
 */
export {
  readImageAutomation, patchValuesTags, ImageAutomationError, DEFAULT_TAG_FILTER,
  type HelmReleaseLike, type AutomatedContainer, type ImageAutomation,
} from './automation.ts';
export { findValuesImages, RELEASE_CONTAINER, type ValuesImage, type ImageMapping } from './values-images.ts';
export { parseImageRef, refName, refString, type ImageRef } from './image-ref.ts';
export { automatedFlag, lockedFlag, tagFilters, imageMappings, type Annotations } from './keys.ts';
