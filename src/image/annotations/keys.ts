/**
 * The annotations of Flux v1 image automation on a HelmRelease, under Capstan's prefix and Flux v1's (so
 * translated v1 releases keep working):
 * - `capstan.dev/automated: "true"` (or `fluxcd.io/automated`, `flux.weave.works/automated`): update the images;
 * - `capstan.dev/locked: "true"` (or the `fluxcd.io/`, `flux.weave.works/` forms), `fluxcd.io/ignore: "true"`:
 *   do not, even when automated;
 * - `capstan.dev/tag.<container>: glob:…|semver:…|regex:…` (or `fluxcd.io/tag.<container>`,
 *   `flux.weave.works/tag.<container>`, `filter.fluxcd.io/<container>`): the container's tag filter, in that
 *   order of precedence;
 * - `repository.fluxcd.io/<c>`, `registry.fluxcd.io/<c>`, `tag.fluxcd.io/<c>`: dot paths under `values` of an
 *   image the shapes do not cover.
 */
import type { ImageMapping } from './values-images.ts';

const PREFIXES = ['capstan.dev/', 'fluxcd.io/', 'flux.weave.works/'] as const;

export type Annotations = Readonly<Record<string, string>>;

function flag(a: Annotations, name: string): { value: boolean; key?: string } {
  for (const p of PREFIXES) {
    const v = a[`${p}${name}`];
    if (v !== undefined) return { value: v === 'true', key: `${p}${name}` };
  }
  return { value: false };
}

/** Whether the release asks for automation (`…/automated: "true"`), and which annotation said so. */
export function automatedFlag(a: Annotations): { value: boolean; key?: string } {
  return flag(a, 'automated');
}

/** Whether automation is held off (`…/locked: "true"` or `fluxcd.io/ignore: "true"`). */
export function lockedFlag(a: Annotations): boolean {
  return flag(a, 'locked').value || a['fluxcd.io/ignore'] === 'true' || a['flux.weave.works/ignore'] === 'true';
}

/** The tag filter of each container: annotation text and the key it came from, by precedence. */
export function tagFilters(a: Annotations): Map<string, { filter: string; key: string }> {
  const out = new Map<string, { filter: string; key: string }>();
  const sources = [...PREFIXES.map((p) => `${p}tag.`), 'filter.fluxcd.io/'];
  for (const src of [...sources].reverse()) {
    for (const [k, v] of Object.entries(a)) {
      if (k.startsWith(src) && k.length > src.length) out.set(k.slice(src.length), { filter: v, key: k });
    }
  }
  return out;
}

/** `repository.fluxcd.io/<c>` & co.: user-mapped image paths per container alias. */
export function imageMappings(a: Annotations): Map<string, ImageMapping> {
  const out = new Map<string, { registry?: string; repository?: string; tag?: string }>();
  const fields = { 'registry.fluxcd.io/': 'registry', 'repository.fluxcd.io/': 'repository', 'tag.fluxcd.io/': 'tag' } as const;
  for (const [k, v] of Object.entries(a)) {
    for (const [prefix, field] of Object.entries(fields)) {
      if (!k.startsWith(prefix) || k.length === prefix.length) continue;
      const c = k.slice(prefix.length);
      out.set(c, { ...out.get(c), [field]: v });
    }
  }
  return out;
}
