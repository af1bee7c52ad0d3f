/**
 * JSON merge patches (RFC 7386) computed from a before and an after document: the smallest patch that turns
 * `before` into `after` (removed keys become `null`; arrays and scalars are replaced whole). Used to write
 * status and metadata changes without a read-modify-write of the whole object.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** JSON text with object keys sorted: equal documents give equal text whatever their key order. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isObject(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** The merge patch from `before` to `after`, or undefined when they are equal. */
export function mergePatch(before: unknown, after: unknown): Json | undefined {
  if (jsonEqual(before, after)) return undefined;
  if (!isObject(before) || !isObject(after)) return (after ?? null) as Json;
  const patch: Record<string, Json> = {};
  for (const k of Object.keys(before)) {
    if (before[k] !== undefined && after[k] === undefined) patch[k] = null;
  }
  for (const [k, v] of Object.entries(after)) {
    if (v === undefined) continue;
    const p = mergePatch(before[k], v);
    if (p !== undefined) patch[k] = p;
  }
  return patch;
}
