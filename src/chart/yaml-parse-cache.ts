/**
 * A process-wide cache of raw YAML parses by parser and text, for values files that are parsed
 * again on every render of the same chart (an operator's reconcile loop). The cached parse result
 * never reaches a caller: callers convert it with a function that builds new containers and does
 * not modify its input (toJsonLike). Failed parses are not cached. Least recently used entries go
 * first, within this cache's part of the text-cache budget (@capstan/text-cache).
 */
import { TextCache } from '@capstan/text-cache';
import type { YamlParser } from './yaml-values.ts';

interface Entry {
  readonly parser: YamlParser;
  readonly raw: unknown;
}

/** parsed values files take about this many bytes per character of text (measured on the shared corpus) */
const BYTES_PER_CHAR = 2.7;

const cache = new TextCache<Entry>({ name: 'values-yaml', bytesPerChar: BYTES_PER_CHAR, share: 0.1, maxEntryChars: 2 * 1024 * 1024 });

/** parser(text), through the cache. The result must only be read. */
export function parseYamlCached(parser: YamlParser, text: string): unknown {
  const hit = cache.get(text);
  if (hit !== undefined && hit.parser === parser) return hit.raw;
  const fromStore = store !== null && store.parser === parser ? store.getYaml(text) : undefined;
  if (fromStore !== undefined) {
    cache.set(text, { parser, raw: fromStore.raw });
    return fromStore.raw;
  }
  const raw = parser(text);
  cache.set(text, { parser, raw });
  if (store !== null && store.parser === parser) store.putYaml(text, raw);
  return raw;
}

/**
 * A second level behind the in-memory cache for one parser, kept by the caller (the CLI keeps one per
 * chart on disk, src/cli/template-parse-store.ts): asked on a miss, told about every new parse.
 * `getYaml` wraps its answer so that a stored `null` (an empty document) is told apart from a miss.
 */
export interface YamlParseStore {
  readonly parser: YamlParser;
  getYaml(text: string): { raw: unknown } | undefined;
  putYaml(text: string, raw: unknown): void;
}

let store: YamlParseStore | null = null;

/** Installs (or with null removes) the second-level store. */
export function setYamlParseStore(s: YamlParseStore | null): void {
  store = s;
}

/** Empties the cache (tests). */
export function clearYamlParseCache(): void {
  cache.clear();
}
