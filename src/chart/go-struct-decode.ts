/**
 * Decoding a YAML document into a Go struct the way sigs.k8s.io/yaml does: YAML → JSON, where
 * scalars bound for `string` fields become strings (floats formatted at 32 bits, the well-known
 * `appVersion: 1.10` → "1.1"), then encoding/json into the struct (field names matched exactly,
 * else case-insensitively; unknown keys ignored; type errors worded as encoding/json words them).
 */

import { compareStrings, formatFloat } from '@capstan/strconv';
import { jsonKindWord } from './yaml-values.ts';
import type { Value } from './values.ts';

export type FieldSpec =
  | { readonly t: 'string' }
  | { readonly t: 'bool' }
  | { readonly t: 'any' }
  | { readonly t: 'slice'; readonly elem: FieldSpec; readonly goType: string }
  | { readonly t: 'map'; readonly elem: FieldSpec; readonly goType: string }
  | { readonly t: 'struct'; readonly struct: StructSpec; readonly pointer: boolean };

export interface StructSpec {
  /** Go type name as encoding/json prints it, e.g. `chart.Metadata` */
  readonly goType: string;
  /** fields: JSON name → property name and spec */
  readonly fields: ReadonlyArray<{ readonly json: string; readonly prop: string; readonly spec: FieldSpec }>;
}

export class JsonDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonDecodeError';
  }
}

interface Ctx {
  struct: string;
  path: string[];
}

function typeName(spec: FieldSpec): string {
  switch (spec.t) {
    case 'string': return 'string';
    case 'bool': return 'bool';
    case 'any': return 'interface {}';
    case 'slice':
    case 'map':
      return spec.goType;
    case 'struct':
      return spec.struct.goType;
  }
}

function typeError(v: Value, spec: FieldSpec, ctx: Ctx | null): JsonDecodeError {
  const what = jsonKindWord(v);
  if (!ctx || ctx.path.length === 0) {
    return new JsonDecodeError(`json: cannot unmarshal ${what} into Go value of type ${typeName(spec)}`);
  }
  return new JsonDecodeError(
    `json: cannot unmarshal ${what} into Go struct field ${ctx.struct}.${ctx.path.join('.')} of type ${typeName(spec)}`,
  );
}

/** sigs.k8s.io/yaml: a scalar headed for a string field becomes a string. */
function toStringScalar(v: Value): Value {
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    // go-yaml gives int for integer literals (FormatInt) and float64 otherwise (FormatFloat 'g' 32).
    if (Number.isInteger(v) && Math.abs(v) < 2 ** 63) return BigInt(v).toString();
    return formatFloat(v, 'g', -1, 32);
  }
  return v;
}

function findField(spec: StructSpec, key: string) {
  const exact = spec.fields.find((f) => f.json === key);
  if (exact) return exact;
  const lower = key.toLowerCase();
  return spec.fields.find((f) => f.json.toLowerCase() === lower);
}

/** Decodes `v` into a new value of `spec` (or into `into` for structs, as json.Unmarshal into an existing struct). */
export function decodeValue(v: Value, spec: FieldSpec, ctx: Ctx | null, into?: unknown): unknown {
  switch (spec.t) {
    case 'any':
      return v;
    case 'string': {
      const s = toStringScalar(v);
      if (s === null) return into ?? '';
      if (typeof s !== 'string') throw typeError(s, spec, ctx);
      return s;
    }
    case 'bool':
      if (v === null) return into ?? false;
      if (typeof v !== 'boolean') throw typeError(v, spec, ctx);
      return v;
    case 'slice': {
      if (v === null) return null;
      if (!Array.isArray(v)) throw typeError(v, spec, ctx);
      return v.map((x) => decodeValue(x, spec.elem, ctx));
    }
    case 'map': {
      if (v === null) return null;
      if (!(v instanceof Map)) throw typeError(v, spec, ctx);
      const out = new Map<string, unknown>((into as Map<string, unknown> | null | undefined) ?? []);
      for (const k of [...v.keys()].sort(compareStrings)) out.set(k, decodeValue(v.get(k)!, spec.elem, ctx));
      return out;
    }
    case 'struct': {
      if (v === null) return spec.pointer ? null : into;
      if (!(v instanceof Map)) throw typeError(v, spec, ctx);
      const obj = (into as Record<string, unknown> | null | undefined) ?? newStruct(spec.struct);
      const structName = spec.struct.goType.replace(/^.*\./, '');
      for (const key of [...v.keys()].sort(compareStrings)) {
        const f = findField(spec.struct, key);
        if (!f) continue;
        const sub: Ctx = { struct: structName, path: [...(ctx?.path ?? []), f.json] };
        const cur = f.spec.t === 'struct' || f.spec.t === 'map' ? obj[f.prop] : undefined;
        obj[f.prop] = decodeValue(v.get(key)!, f.spec, sub, f.spec.t === 'string' || f.spec.t === 'bool' ? obj[f.prop] : cur);
      }
      return obj;
    }
  }
}

/** A zero-valued struct for a spec. */
export function newStruct(spec: StructSpec): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (const f of spec.fields) {
    switch (f.spec.t) {
      case 'string': obj[f.prop] = ''; break;
      case 'bool': obj[f.prop] = false; break;
      default: obj[f.prop] = null;
    }
  }
  return obj;
}

/**
 * sigs.k8s.io/yaml.Unmarshal of an already parsed document into a struct value. Throws
 * `error unmarshaling JSON: while decoding JSON: json: …` for type errors.
 */
export function unmarshalStruct<T>(doc: Value, spec: StructSpec, into?: T): T {
  try {
    return decodeValue(doc, { t: 'struct', struct: spec, pointer: false }, null, into ?? newStruct(spec)) as T;
  } catch (e) {
    if (e instanceof JsonDecodeError) {
      throw new JsonDecodeError(`error unmarshaling JSON: while decoding JSON: ${e.message}`);
    }
    throw e;
  }
}
