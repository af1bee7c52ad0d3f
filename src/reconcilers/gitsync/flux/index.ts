/**
 * Flux documents found in a synced path, translated into their Capstan equivalents (pure functions):
 * Flux v2 HelmRelease (`helm.toolkit.fluxcd.io/v2`, `v2beta2`, `v2beta1`), Flux sources
 * (`source.toolkit.fluxcd.io/v1`, `v1beta2`, `v1beta1` GitRepository and HelmRepository) and Flux v1's
 * helm-operator HelmRelease (`helm.fluxcd.io/v1`), and Flux Kustomizations (`kustomize.toolkit.fluxcd.io/v1`,
 * `v1beta2`) as GitSyncs. README's "Flux documents" section has the mapping table.
 *
 * ```ts
 * const t = translateFluxDocument(doc);          // undefined: not a Flux document Capstan translates
 * if (t && t.rejected.length > 0) fail(formatNotes(t.rejected));
 * else if (t) apply(t.object), report(t.ignored);
 * ```
 */
import { translateFluxV1HelmRelease, fluxV1HelmReleaseVersion } from './helm-release-v1.ts';
import { fluxV2HelmReleaseVersions, translateFluxV2HelmRelease } from './helm-release-v2.ts';
import { fluxKustomizationVersions, translateFluxKustomization } from './kustomization.ts';
import { fluxSourceVersions, translateFluxGitRepository, translateFluxHelmRepository } from './sources.ts';
import type { FieldNote, FluxTranslation, Json } from './types.ts';

export type { FieldNote, FluxTranslation } from './types.ts';
export { translatedFromAnnotation } from './types.ts';
export { defaultReleaseName, fluxV1Interval, gitRefOf, translateFluxV1HelmRelease } from './helm-release-v1.ts';
export { translateFluxV2HelmRelease } from './helm-release-v2.ts';
export { translateFluxGitRepository, translateFluxHelmRepository } from './sources.ts';
export { translateFluxKustomization } from './kustomization.ts';

const includes = (list: readonly string[], v: unknown): boolean => typeof v === 'string' && list.includes(v);

/** Whether the document belongs to a Flux API group (translated or not). */
export function isFluxApiVersion(apiVersion: unknown): boolean {
  return typeof apiVersion === 'string' && /^[a-z.]*fluxcd\.io\//.test(apiVersion);
}

/**
 * The Capstan equivalent of a Flux document, or undefined when `doc` is not one of the Flux kinds Capstan
 * translates (other Flux kinds, such as an OCIRepository, are applied as they are and fail if their CRD is
 * not installed).
 */
export function translateFluxDocument(doc: Json): FluxTranslation | undefined {
  const { apiVersion, kind } = doc;
  if (kind === 'HelmRelease' && includes(fluxV2HelmReleaseVersions, apiVersion)) return translateFluxV2HelmRelease(doc);
  if (kind === 'HelmRelease' && apiVersion === fluxV1HelmReleaseVersion) return translateFluxV1HelmRelease(doc);
  if (kind === 'GitRepository' && includes(fluxSourceVersions, apiVersion)) return translateFluxGitRepository(doc);
  if (kind === 'HelmRepository' && includes(fluxSourceVersions, apiVersion)) return translateFluxHelmRepository(doc);
  if (kind === 'Kustomization' && includes(fluxKustomizationVersions, apiVersion)) return translateFluxKustomization(doc);
  return undefined;
}

/** `path (reason); path (reason)`, for messages. */
export function formatNotes(notes: readonly FieldNote[]): string {
  return notes.map((n) => `${n.path} (${n.reason})`).join('; ');
}
