/**
 * Reflection helpers shared by Sprig's list and dict functions: slice access as `reflect.Value`
 * sees it, Go's kind names for error messages, reflect.DeepEqual, Sprig's `empty`, `strval`,
 * `strslice`, and typed nil slices (Go's `var s []interface{}`, which toJson prints as `null`).
 */
import { GoNumber, GoStruct, kindOf, sliceType, typeName, withSliceType } from '../value.ts';
import type { GoMap, GoValue } from '../value.ts';
import { sprintf } from '../fmt/index.ts';

export const NIL_DEREF = 'runtime error: invalid memory address or nil pointer dereference';
export const MAKESLICE_LEN = 'runtime error: makeslice: len out of range';

/**
 * Marks a typed nil slice (Go distinguishes `[]interface{}(nil)` from an empty slice: json
 * prints `null` for it, `%v` prints `[]`). A global symbol, so other modules can test for it
 * without importing this file.
 */
export const NIL_SLICE = Symbol.for('capstan.goNilSlice');

/** A typed nil slice of the given Go type (an empty, frozen-length array tagged as nil). */
export function nilSlice(goType: string = '[]interface {}'): GoValue[] {
  const arr: GoValue[] = [];
  (arr as unknown as Record<symbol, boolean>)[NIL_SLICE] = true;
  return withSliceType(arr, goType);
}

/** Whether `v` is a typed nil slice made by {@link nilSlice}. */
export function isNilSlice(v: GoValue): boolean {
  return Array.isArray(v) && (v as unknown as Record<symbol, boolean>)[NIL_SLICE] === true;
}

/** Marks a typed nil map (`map[string]interface {}(nil)`: json prints `null`, `%v` prints `map[]`). */
export const NIL_MAP = Symbol.for('capstan.goNilMap');

/** A typed nil `map[string]interface {}` (an empty Map tagged as nil). */
export function nilMap(): GoMap {
  const m: GoMap = new Map();
  (m as unknown as Record<symbol, boolean>)[NIL_MAP] = true;
  return m;
}

/** Whether `v` is a nil map: null/undefined passed for a map, or one made by {@link nilMap}. */
export function isNilMap(v: GoValue): boolean {
  return v === null || v === undefined || (v instanceof Map && (v as unknown as Record<symbol, boolean>)[NIL_MAP] === true);
}

/** A Go panic (text/template reports it as `error calling NAME: MSG`). */
export function goPanic(msg: string): never {
  throw new Error(msg);
}

/**
 * `reflect.TypeOf(v).Kind()` as Sprig calls it: panics with a nil dereference for a nil
 * interface (reflect.TypeOf(nil) is a nil Type).
 */
export function reflectKind(v: GoValue): string {
  if (v === undefined || v === null) goPanic(NIL_DEREF);
  return kindOf(v);
}

/**
 * The elements of a slice/array value as `l2.Index(i).Interface()` returns them, or undefined
 * when the value's kind is not slice/array. `[]byte` yields uint8 values.
 */
export function sliceElems(v: GoValue): GoValue[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v, (b) => new GoNumber('uint8', BigInt(b)));
  return undefined;
}

/** Sprig's `empty` (defaults.go), which also equals mergo's isEmptyValue with dereferencing. */
export function isEmpty(v: GoValue): boolean {
  if (v === undefined || v === null) return true;
  switch (typeof v) {
    case 'string': return v.length === 0;
    case 'boolean': return !v;
    case 'bigint': return v === 0n;
    case 'number': return v === 0;
  }
  if (v instanceof GoNumber) return v.value === 0n || v.value === 0;
  if (v instanceof Uint8Array || Array.isArray(v)) return v.length === 0;
  if (v instanceof Map) return v.size === 0;
  return false; // structs are never empty; non-nil pointers to structs neither
}

/** reflect.DeepEqual on two interface values. */
export function deepEqual(a: GoValue, b: GoValue): boolean {
  return deepEq(a, b, new Map());
}

function deepEq(a: GoValue, b: GoValue, seen: Map<object, Set<object>>): boolean {
  const aNil = a === undefined || a === null;
  const bNil = b === undefined || b === null;
  if (aNil || bNil) return aNil && bNil;
  if (typeName(a) !== typeName(b)) return false;
  switch (typeof a) {
    case 'string':
    case 'boolean':
    case 'bigint':
    case 'number':
      return a === b;
  }
  if (a instanceof GoNumber) return b instanceof GoNumber && a.value === b.value;
  if (a instanceof Uint8Array) {
    if (!(b instanceof Uint8Array) || a.length !== b.length) return false;
    return a.every((x, i) => x === b[i]);
  }
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (a === b) return true;
  // cycle guard: a pair already under comparison is assumed equal, as Go does
  let set = seen.get(a);
  if (set?.has(b)) return true;
  if (!set) { set = new Set(); seen.set(a, set); }
  set.add(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    if (isNilSlice(a) !== isNilSlice(b)) return false;
    return a.every((x, i) => deepEq(x, b[i], seen));
  }
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (!b.has(k) || !deepEq(v, b.get(k), seen)) return false;
    }
    return true;
  }
  if (a instanceof GoStruct && b instanceof GoStruct) {
    if (a.fields.size !== b.fields.size) return false;
    for (const [k, v] of a.fields) {
      if (!b.fields.has(k) || !deepEq(v, b.fields.get(k), seen)) return false;
    }
    return true;
  }
  return false;
}

const UTF8 = new TextDecoder('utf-8');

/** Sprig's strval: string as is, []byte decoded, otherwise fmt.Sprintf("%v", v). */
export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return UTF8.decode(v);
  return sprintf('%v', [v === undefined ? null : v]);
}

/** Sprig's strslice: []string as is (same array), nil elements dropped, scalars wrapped. */
export function strslice(v: GoValue): string[] {
  if (Array.isArray(v) && sliceType(v) === '[]string') return v as string[];
  const elems = sliceElems(v);
  if (elems) {
    const out: string[] = [];
    for (const e of elems) {
      if (e !== null && e !== undefined) out.push(strval(e));
    }
    return out;
  }
  if (v === null || v === undefined) return [];
  return [strval(v)];
}

/** Go's string comparison (byte-wise on UTF-8, i.e. by code point). */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i) ?? 0;
    const cb = b.codePointAt(i) ?? 0;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
