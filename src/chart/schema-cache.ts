/**
 * A process-wide cache of compiled values schemas by their JSON text: a chart's values.schema.json
 * is compiled again on every render of the chart otherwise (an operator's reconcile loop). A compiled
 * Schema is only read by validation. Texts that fail to decode or compile are not cached (the caller
 * reports their error each time). Bounded by the total size of the texts (least recently used first).
 */
import { decodeJsonPrefix, type JsonValue } from './go-json.ts';
import { Schema } from './jsonschema/schema.ts';

const MAX_CHARS = 4 * 1024 * 1024;
const MAX_ENTRY_CHARS = 1024 * 1024;

const entries = new Map<string, Schema>();
let totalChars = 0;

/**
 * gojsonschema.NewSchema over the decoded text (numbers as JsonNumber), through the cache. Throws
 * what decodeJsonPrefix throws (decode phase) or what Schema throws (compile phase), tagged by
 * `phase` on the returned failure so the caller can keep Helm's messages.
 */
export function compileSchemaCached(text: string): { schema: Schema } | { phase: 'decode' | 'compile'; error: unknown } {
  const hit = entries.get(text);
  if (hit !== undefined) {
    entries.delete(text);
    entries.set(text, hit);
    return { schema: hit };
  }
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
  if (text.length <= MAX_ENTRY_CHARS) {
    entries.set(text, schema);
    totalChars += text.length;
    for (const [t] of entries) {
      if (totalChars <= MAX_CHARS) break;
      entries.delete(t);
      totalChars -= t.length;
    }
  }
  return { schema };
}

/** Empties the cache (tests). */
export function clearSchemaCache(): void {
  entries.clear();
  totalChars = 0;
}
