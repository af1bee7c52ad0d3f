/**
 * Marks methods declared with a value receiver in Go (`func (t Time) String() string`), as opposed to
 * pointer receivers (`func (v *Version) Original() string`). fmt calls a value-receiver String/Error on
 * a struct value too, not only through a pointer; the mark (`receiver: 'value'` on the FuncDef) lets
 * the printer tell the two apart.
 */
import type { FuncDef } from '../value.ts';

/** A FuncDef of a method, with the kind of receiver Go declares it on. */
export type MethodDef = FuncDef & { readonly receiver?: 'value' | 'pointer' };

/** Returns the same methods, each marked as declared on a value receiver. */
export function valueReceivers(methods: Record<string, FuncDef>): Record<string, MethodDef> {
  const out: Record<string, MethodDef> = {};
  for (const [name, m] of Object.entries(methods)) out[name] = { ...m, receiver: 'value' };
  return out;
}
