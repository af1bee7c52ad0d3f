/**
 * A process-wide cache of go-yaml decodes (the YAML value tree, before the JSON conversion) by
 * text, for `fromYaml`/`fromYamlArray`: charts often decode the same text several times in one
 * render (istio's CRDs), and an operator re-renders the same chart every interval. The cached tree
 * is never modified: the JSON conversion (yamlToGo) only reads it and builds new containers, so
 * every caller still gets values of its own. Failed decodes are not cached. Bounded by the total
 * size of the texts (least recently used entries go first).
 */
import { decodeYaml } from './decode.ts';
import type { YV } from './values.ts';

const MAX_CHARS = 8 * 1024 * 1024;
const MAX_ENTRY_CHARS = 2 * 1024 * 1024;

/** a decode of an empty document (undefined) is kept as this marker */
const EMPTY = Symbol('empty');

const entries = new Map<string, YV | typeof EMPTY>();
let totalChars = 0;

/** decodeYaml(text) through the cache; the result must only be read. */
export function decodeYamlCached(text: string): YV | undefined {
  const hit = entries.get(text);
  if (hit !== undefined) {
    entries.delete(text);
    entries.set(text, hit);
    return hit === EMPTY ? undefined : hit;
  }
  const v = decodeYaml(text);
  if (text.length <= MAX_ENTRY_CHARS) {
    entries.set(text, v === undefined ? EMPTY : v);
    totalChars += text.length;
    for (const [t] of entries) {
      if (totalChars <= MAX_CHARS) break;
      entries.delete(t);
      totalChars -= t.length;
    }
  }
  return v;
}

/** Empties the cache (tests). */
export function clearYamlDecodeCache(): void {
  entries.clear();
  totalChars = 0;
}
