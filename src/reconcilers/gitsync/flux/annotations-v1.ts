/**
 * Flux v1's image automation annotations on a HelmRelease → Capstan's:
 * - `fluxcd.io/automated: "true"` → `capstan.dev/automated: "true"`;
 * - `fluxcd.io/tag.<container>: <filter>` and `filter.fluxcd.io/<container>: <filter>` →
 *   `capstan.dev/tag.<container>: <filter>` (`glob:`, `semver:`, `regex:`/`regexp:` kept as written);
 * - the old prefix `flux.weave.works/` is read as `fluxcd.io/`.
 * The other Flux v1 annotations (`fluxcd.io/locked`, `fluxcd.io/ignore`, image aliases
 * `repository.fluxcd.io/…`, `registry.fluxcd.io/…`, `tag.fluxcd.io/…`) have no Capstan meaning: they are left
 * on the object and reported as ignored.
 */
import { automatedAnnotation, tagAnnotation } from '../../../api/index.ts';
import type { Notes } from './types.ts';

const fluxV1Domains = /^(fluxcd\.io|flux\.weave\.works|(repository|registry|tag)\.fluxcd\.io)\//;

/** The annotations with Flux v1's automation ones replaced by Capstan's; notes the ones left as they are. */
export function translateV1Annotations(annotations: Record<string, string>, notes: Notes): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(annotations)) {
    const k = key.replace(/^flux\.weave\.works\//, 'fluxcd.io/');
    if (k === 'fluxcd.io/automated') {
      out[automatedAnnotation] = value;
    } else if (k.startsWith('fluxcd.io/tag.') && k.length > 'fluxcd.io/tag.'.length) {
      out[tagAnnotation(k.slice('fluxcd.io/tag.'.length))] = value;
    } else if (k.startsWith('filter.fluxcd.io/') && k.length > 'filter.fluxcd.io/'.length) {
      out[tagAnnotation(k.slice('filter.fluxcd.io/'.length))] = value;
    } else {
      out[key] = value;
      if (fluxV1Domains.test(key) && key !== 'fluxcd.io/sync-checksum') {
        notes.ignore(`metadata.annotations[${key}]`, 'a Flux v1 annotation Capstan does not act on');
      }
    }
  }
  return out;
}
