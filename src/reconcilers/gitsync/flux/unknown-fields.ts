/**
 * Finds the fields of a document that a Capstan kind's zod schema does not have, and removes them, so that
 * nothing the schema would strip goes unnoticed. The walk follows the schema's structure (objects, arrays,
 * records, and the optional/default/prefault/pipe wrappers around them); anything below an `unknown` or a
 * scalar is taken as it is.
 *
 * It reads zod's definitions (`schema._zod.def`), which zod documents as its introspection surface; no zod
 * API lists "the keys an object schema would strip", which is what is needed here.
 */
import type { z } from 'zod';
import { isObject, type Json, type Notes } from './types.ts';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const wrappers = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema under optional/default/pipe wrappers. */
function unwrap(s: z.ZodType): Def {
  let d = defOf(s);
  for (let i = 0; i < 16; i++) {
    if (wrappers.has(d.type) && d.innerType) d = defOf(d.innerType);
    else if (d.type === 'pipe' && d.in) d = defOf(d.in);
    else break;
  }
  return d;
}

export interface UnknownFieldOptions {
  /** a reason when an unknown field at `path` must reject the document rather than be ignored */
  rejects?: (path: string) => string | undefined;
  /** the reason written for an ignored field (default: "not a field of Capstan's <what>") */
  what: string;
}

/**
 * Removes from `value` (in place) every key `schema` does not know, noting each as ignored or rejected.
 * `path` is the field path of `value` in the document.
 */
export function dropUnknownFields(schema: z.ZodType, value: unknown, path: string, notes: Notes, opts: UnknownFieldOptions): void {
  const d = unwrap(schema);
  if (d.type === 'object' && d.shape !== undefined && isObject(value)) {
    walkObject(d.shape, value, path, notes, opts);
  } else if (d.type === 'array' && d.element !== undefined && Array.isArray(value)) {
    value.forEach((item, i) => dropUnknownFields(d.element as z.ZodType, item, `${path}[${i}]`, notes, opts));
  } else if (d.type === 'record' && d.valueType !== undefined && isObject(value)) {
    for (const [k, v] of Object.entries(value)) dropUnknownFields(d.valueType, v, `${path}[${k}]`, notes, opts);
  }
}

function walkObject(shape: Record<string, z.ZodType>, value: Json, path: string, notes: Notes, opts: UnknownFieldOptions): void {
  for (const key of Object.keys(value)) {
    const at = path === '' ? key : `${path}.${key}`;
    const field = shape[key];
    if (field === undefined) {
      const rejection = opts.rejects?.(at);
      if (rejection !== undefined) notes.reject(at, rejection);
      else notes.ignore(at, `not a field of Capstan's ${opts.what}`);
      delete value[key];
      continue;
    }
    dropUnknownFields(field, value[key], at, notes, opts);
  }
}
