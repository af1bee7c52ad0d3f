/**
 * dario.cat/mergo v1.0.1 `Merge` / `MergeWithOverwrite` as Sprig's merge functions call them
 * (dst and src both map[string]interface{}), and copystructure.Copy for deepCopy.
 *
 * Mergo semantics reproduced (derived from merge.go's map branch):
 * - a nil src value is skipped, or stored as nil with overwrite;
 * - a map src value merges recursively, IN PLACE, into a map dst value (nested dst maps are
 *   mutated, and src maps are stored by reference where dst had nothing);
 * - otherwise the src value is stored when overwriting, or when the dst key is missing or holds
 *   an "empty" value (nil, 0, "", false, empty slice/map); a non-empty dst value is kept
 *   (with overwrite, even an empty src slice replaces a non-empty dst value).
 */
import {
  GoStruct, isNilMap, isNilSlice, mapType, nilMap, nilSlice, sliceType, valueMethods, withMapType, withSliceType,
} from '../value.ts';
import type { GoMap, GoValue } from '../value.ts';
import { isEmpty } from './defaults.ts';
import { goPanic } from './lists-util.ts';

/** mergo.Merge(&dst, src[, WithOverride]); returns the (possibly newly made) dst. */
export function mergoMerge(dst: GoMap | null, src: GoMap | null, overwrite: boolean): GoMap | null {
  if (src === null) return dst; // a nil src map has no keys
  const d = dst ?? new Map<string, GoValue>(); // mergo makes a map for a nil dst
  mergeMaps(d, src, overwrite);
  return d;
}

function mergeMaps(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const [key, srcEl] of src) {
    const dstValid = dst.has(key);
    const dstEl = dst.get(key);
    if (srcEl === null || srcEl === undefined) {
      if (overwrite) dst.set(key, null);
      continue;
    }
    if (srcEl instanceof Map && dstEl instanceof Map) {
      mergeMaps(dstEl, srcEl, overwrite);
    }
    const isSlice = Array.isArray(srcEl) || srcEl instanceof Uint8Array;
    // mergo's slice branch stores src already when overwriting (then skips the checks below)
    if (isSlice && overwrite) dst.set(key, srcEl);
    if (dstValid && !isEmpty(dstEl)) {
      if (isSlice) continue;
      if (srcEl instanceof Map && dstEl instanceof Map) continue;
    }
    if (overwrite || !dstValid || isEmpty(dstEl)) {
      dst.set(key, srcEl);
    }
  }
}

/**
 * copystructure.Copy: a deep copy of maps and slices (types kept); scalars and structs as they
 * are. Copying a nil interface panics inside reflect, as it does in Go.
 */
export function deepCopyValue(v: GoValue): GoValue {
  if (v === undefined || v === null) goPanic('reflect: call of reflect.Value.Type on zero Value');
  return copyValue(v, new Map());
}

function copyValue(v: GoValue, seen: Map<object, GoValue>): GoValue {
  if (v === null || v === undefined || typeof v !== 'object') return v;
  if (v instanceof Uint8Array) return new Uint8Array(v);
  if (v instanceof GoStruct) return v;
  const done = seen.get(v);
  if (done !== undefined) return done;
  if (Array.isArray(v)) {
    if (isNilSlice(v)) return nilSlice(sliceType(v));
    const out: GoValue[] = withSliceType([], sliceType(v));
    seen.set(v, out);
    for (const e of v) out.push(copyValue(e, seen));
    return out;
  }
  if (v instanceof Map) {
    if (isNilMap(v)) return nilMap(mapType(v));
    const out: GoMap = new Map();
    const methods = valueMethods(v);
    withMapType(out, mapType(v), methods);
    seen.set(v, out);
    for (const [k, e] of v) out.set(k, copyValue(e, seen));
    return out;
  }
  return v;
}
