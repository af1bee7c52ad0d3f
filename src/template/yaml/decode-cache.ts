/**
 * A process-wide cache of go-yaml decodes (the YAML value tree, before the JSON conversion) by
 * text, for `fromYaml`/`fromYamlArray`: charts often decode the same text several times in one
 * render (istio's CRDs), and an operator re-renders the same chart every interval. The cached tree
 * is never modified: the JSON conversion (yamlToGo) only reads it and builds new containers, so
 * every caller still gets values of its own. Failed decodes are not cached. Least recently used
 * entries go first, within this cache's part of the text-cache budget (@capstan/text-cache).
 */
import { TextCache } from '@capstan/text-cache';
import { decodeYaml } from './decode.ts';
import type { YV } from './values.ts';

/** a decode of an empty document (undefined) is kept as this marker */
const EMPTY = Symbol('empty');

/** decoded YAML trees take about this many bytes per character of text (measured on the shared corpus) */
const BYTES_PER_CHAR = 7.1;

const cache = new TextCache<YV | typeof EMPTY>({ name: 'yaml-decode', bytesPerChar: BYTES_PER_CHAR, share: 0.15, maxEntryChars: 2 * 1024 * 1024 });

/** decodeYaml(text) through the cache; the result must only be read. */
export function decodeYamlCached(text: string): YV | undefined {
  const hit = cache.get(text);
  if (hit !== undefined) return hit === EMPTY ? undefined : hit;
  const v = decodeYaml(text);
  cache.set(text, v === undefined ? EMPTY : v);
  return v;
}

/** Empties the cache (tests). */
export function clearYamlDecodeCache(): void {
  cache.clear();
}
