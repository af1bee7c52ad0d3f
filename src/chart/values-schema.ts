/**
 * values.schema.json validation as Helm 3.17 does it (pkg/chartutil/jsonschema.go) with
 * xeipuuv/gojsonschema v1.2.0 semantics: the parent's schema against its coalesced values, then each
 * subchart's schema against its part, errors collected per chart.
 */

import { JsonNumber } from '@capstan/gojson';
import { compareStrings } from '@capstan/strconv';
import type { Chart } from './chart.ts';
import type { JsonValue } from './go-json.ts';
import { SchemaCompileError } from './jsonschema/locale.ts';
import { compileSchemaCached } from './schema-cache.ts';
import { resultErrorString, validateDocument } from './jsonschema/validate.ts';
import type { Value, Values } from './values.ts';

export class SchemaValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaValidationError';
  }
}

/** Values as gojsonschema sees them after Helm's YAML→JSON round trip (numbers as literals, keys sorted). */
export function valuesToJsonDocument(v: Value): JsonValue {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return new JsonNumber(v.toString());
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) {
      const s = Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
      throw new SchemaValidationError(`error marshaling into JSON: json: unsupported value: ${s}`);
    }
    return new JsonNumber(String(v));
  }
  if (Array.isArray(v)) return v.map(valuesToJsonDocument);
  const out = new Map<string, JsonValue>();
  for (const k of [...v.keys()].sort(compareStrings)) out.set(k, valuesToJsonDocument(v.get(k)!));
  return out;
}

/**
 * chartutil.ValidateAgainstSingleSchema: null when valid, else the text Helm prints for this chart
 * (`- field: description\n` per error, or a schema error's message).
 */
export function validateAgainstSingleSchema(values: Values | null, schemaJson: Uint8Array | string): string | null {
  const doc: JsonValue = values === null ? new Map() : valuesToJsonDocument(values);
  const text = typeof schemaJson === 'string' ? schemaJson : new TextDecoder().decode(schemaJson);
  const compiled = compileSchemaCached(text);
  if (!('schema' in compiled)) {
    const e = compiled.error;
    if (compiled.phase === 'decode') return (e as Error).message;
    if (e instanceof SchemaCompileError || e instanceof Error) return e.message;
    throw e;
  }
  const errors = validateDocument(compiled.schema.root, doc);
  if (errors.length === 0) return null;
  return errors.map((e) => `- ${resultErrorString(e)}\n`).join('');
}

/** chartutil.ValidateAgainstSchema: the per-chart report, or null when every schema passes. */
export function validateAgainstSchema(chart: Chart, values: Values): string | null {
  let sb = '';
  if (chart.schema !== null) {
    const err = validateAgainstSingleSchema(values, chart.schema);
    if (err !== null) sb += `${chart.name()}:\n${err}`;
  }
  for (const sub of chart.dependencies()) {
    const sv = values.get(sub.name());
    const err = validateAgainstSchema(sub, sv instanceof Map ? sv : new Map());
    if (err !== null) sb += err;
  }
  return sb.length > 0 ? sb : null;
}

/**
 * What ToRenderValuesWithSchemaValidation does with the coalesced values: throws
 * `values don't meet the specifications of the schema(s) in the following chart(s):\n…`.
 */
export function validateValuesSchema(chart: Chart, coalescedValues: Values): void {
  const err = validateAgainstSchema(chart, coalescedValues);
  if (err !== null) {
    throw new SchemaValidationError(`values don't meet the specifications of the schema(s) in the following chart(s):\n${err}`);
  }
}
