/**
 * Sprig's internal conversions to strings (strings.go): `strval` (behind toString, quote, join …)
 * and `strslice` (behind toStrings, join, sortAlpha). Exported for other function groups.
 */
import { sprint } from '../fmt/index.ts';
import { utf8Decode } from '@capstan/strconv';
import { sliceType, withSliceType, type GoValue } from '../value.ts';

/** Go nil (or an invalid value, which reaches an `interface {}` parameter as nil). */
export function isNil(v: GoValue): v is null | undefined {
  return v === null || v === undefined;
}

/**
 * sprig's strval: a string as is, []byte as string(b), an error or fmt.Stringer via its method, and
 * anything else as fmt.Sprintf("%v", v).
 */
export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return utf8Decode(v);
  return sprint([v === undefined ? null : v]);
}

/** Go's `[]string` type tag on a fresh array. */
export function stringSlice(items: string[]): string[] {
  return withSliceType(items, '[]string');
}

/**
 * sprig's strslice: a []string as is; the elements of any other slice (nil elements dropped)
 * through strval; nil as an empty list; anything else as a one-element list.
 */
export function strslice(v: GoValue): string[] {
  if (Array.isArray(v)) {
    if (sliceType(v) === '[]string') return v as string[];
    const out: string[] = [];
    for (const e of v) if (!isNil(e)) out.push(strval(e));
    return stringSlice(out);
  }
  if (v instanceof Uint8Array) {
    // reflect path: each element is a uint8, formatted with %v.
    return stringSlice(Array.from(v, (b) => String(b)));
  }
  if (isNil(v)) return stringSlice([]);
  return stringSlice([strval(v)]);
}
