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
  const raw = parser(text);
  cache.set(text, { parser, raw });
  return raw;
}

/** Empties the cache (tests). */
export function clearYamlParseCache(): void {
  cache.clear();
}
