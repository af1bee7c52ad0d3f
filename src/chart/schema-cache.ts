/**
 * A process-wide cache of compiled values schemas by their JSON text: a chart's values.schema.json
 * is compiled again on every render of the chart otherwise (an operator's reconcile loop). A compiled
 * Schema is only read by validation. Texts that fail to decode or compile are not cached (the caller
 * reports their error each time). Least recently used entries go first, within this cache's part of
 * the text-cache budget (@capstan/text-cache).
 */
import { TextCache } from '@capstan/text-cache';
import { decodeJsonPrefix, type JsonValue } from './go-json.ts';
import { Schema } from './jsonschema/schema.ts';

/** compiled schemas take about this many bytes per character of JSON text (measured on the shared corpus) */
const BYTES_PER_CHAR = 13.5;

const cache = new TextCache<Schema>({ name: 'values-schemas', bytesPerChar: BYTES_PER_CHAR, share: 0.1, maxEntryChars: 1024 * 1024 });

/**
 * gojsonschema.NewSchema over the decoded text (numbers as JsonNumber), through the cache. Throws
 * what decodeJsonPrefix throws (decode phase) or what Schema throws (compile phase), tagged by
 * `phase` on the returned failure so the caller can keep Helm's messages.
 */
export function compileSchemaCached(text: string): { schema: Schema } | { phase: 'decode' | 'compile'; error: unknown } {
  const hit = cache.get(text);
  if (hit !== undefined) return { schema: hit };
  let doc: JsonValue;
  try {
    doc = decodeJsonPrefix(text, { useNumber: true }).value;
  } catch (error) {
    return { phase: 'decode', error };
  }
  let schema: Schema;
  try {
    schema = new Schema(doc);
  } catch (error) {
    return { phase: 'compile', error };
  }
  cache.set(text, schema);
  return { schema };
}

/** Empties the cache (tests). */
export function clearSchemaCache(): void {
  cache.clear();
}
