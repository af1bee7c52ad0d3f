/**
 * A process-wide cache of raw YAML parses by parser and text, for values files that are parsed
 * again on every render of the same chart (an operator's reconcile loop). The cached parse result
 * never reaches a caller: callers convert it with a function that builds new containers and does
 * not modify its input (toJsonLike). Failed parses are not cached. Bounded by the total size of
 * the texts (least recently used entries go first).
 */
import type { YamlParser } from './yaml-values.ts';

interface Entry {
  readonly parser: YamlParser;
  readonly raw: unknown;
}

const MAX_CHARS = 8 * 1024 * 1024;
const MAX_ENTRY_CHARS = 2 * 1024 * 1024;

const entries = new Map<string, Entry>();
let totalChars = 0;

/** parser(text), through the cache. The result must only be read. */
export function parseYamlCached(parser: YamlParser, text: string): unknown {
  const hit = entries.get(text);
  if (hit !== undefined && hit.parser === parser) {
    entries.delete(text);
    entries.set(text, hit);
    return hit.raw;
  }
  const raw = parser(text);
  if (text.length <= MAX_ENTRY_CHARS) {
    if (hit === undefined) totalChars += text.length;
    else entries.delete(text);
    entries.set(text, { parser, raw });
    for (const [t] of entries) {
      if (totalChars <= MAX_CHARS) break;
      entries.delete(t);
      totalChars -= t.length;
    }
  }
  return raw;
}

/** Empties the cache (tests). */
export function clearYamlParseCache(): void {
  entries.clear();
  totalChars = 0;
}
