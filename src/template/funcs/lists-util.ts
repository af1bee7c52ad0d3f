/**
 * Reflection helpers shared by Sprig's list and dict functions: slice access as `reflect.Value`
 * sees it, Go's kind names for error messages, and Go's runtime panics.
 */
import { GoNumber, kindOf } from '../value.ts';
import type { GoValue } from '../value.ts';

export const NIL_DEREF = 'runtime error: invalid memory address or nil pointer dereference';
export const MAKESLICE_LEN = 'runtime error: makeslice: len out of range';

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
