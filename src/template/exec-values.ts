/**
 * Value helpers of the executor: Go's isTrue (the truth of if/with/and/or/not).
 */
import { GoNumber } from './value.ts';
import type { GoValue } from './value.ts';

/**
 * Go's isTrue: whether the value is non-zero for its type, and whether it has a truth value at all
 * (always true in the GoValue model). `undefined` ("no value") and `null` (nil) are false.
 */
export function isTrue(v: GoValue): [truth: boolean, ok: boolean] {
  return [truthOf(v), true];
}

/** The truth of a value (isTrue without the ok flag). */
export function truthOf(v: GoValue): boolean {
  switch (typeof v) {
    case 'undefined': return false;
    case 'boolean': return v;
    case 'string': return v.length > 0;
    case 'bigint': return v !== 0n;
    case 'number': return v !== 0;
  }
  if (v === null) return false;
  if (v instanceof GoNumber) return v.value !== 0n && v.value !== 0;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  return true; // struct values are always true; non-nil pointers too
}
