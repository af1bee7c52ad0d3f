/**
 * Sprig v3.3.0 list functions (list.go). They take `interface{}` and use reflection, so any
 * slice (`[]interface {}`, `[]string`, `[]int`, `[]byte` …) is accepted; other kinds give
 * `Cannot … on type KIND` (an error for the must* variants, a panic otherwise — the template
 * error text is the same), and a nil list panics with a nil-pointer dereference.
 */
import { compareStrings } from '@capstan/strconv';
import { GoFuncError, def, nilSlice, sliceType, withSliceType } from '../value.ts';
import type { FuncDef, GoValue } from '../value.ts';
import { castToInt } from './cast.ts';
import { isEmpty } from './defaults.ts';
import { deepEqual } from './reflection.ts';
import { strslice, strval } from './strings-strval.ts';
import { growCap, reslice, sliceCap, withAppendedCap, withSliceCap } from './lists-cap.ts';
import { sequenceFuncs } from './lists-seq.ts';
import { goPanic, reflectKind, sliceElems } from './lists-util.ts';

const IFACE = 'interface {}';
const SLICE = '[]interface {}';

/** The elements of `list`, or Sprig's error `Cannot <what> type KIND` for non-slices. */
function elemsOr(list: GoValue, message: (kind: string) => string): GoValue[] {
  const kind = reflectKind(list);
  const elems = sliceElems(list);
  if (!elems) throw new GoFuncError(message(kind));
  return elems;
}

function push(a: GoValue[]): GoValue {
  const elems = elemsOr(a[0], (k) => `Cannot push on type ${k}`);
  // append(nl, v) on a full slice of len l
  return withSliceCap([...elems, a[1] ?? null], growCap(elems.length, elems.length + 1, 16, true));
}

function prepend(a: GoValue[]): GoValue {
  const elems = elemsOr(a[0], (k) => `Cannot prepend on type ${k}`);
  // append([]interface{}{v}, nl...)
  const cap = elems.length === 0 ? 1 : growCap(1, elems.length + 1, 16, true);
  return withSliceCap([a[1] ?? null, ...elems], cap);
}

/** Go's int(f) on amd64 (out of range / NaN → MinInt64) as a JS number (for sizes). */
function goIntOfFloat(f: number): number {
  if (Number.isNaN(f) || f >= 2 ** 63 || f < -(2 ** 63)) return -(2 ** 63);
  return Math.trunc(f);
}

function makeLen(n: number): void {
  if (n < 0) goPanic('runtime error: makeslice: len out of range');
}

function chunk(a: GoValue[]): GoValue {
  const size = Number(a[0] as bigint);
  const elems = elemsOr(a[1], (k) => `Cannot chunk type ${k}`);
  const l = elems.length;
  const cs = goIntOfFloat(Math.floor((l - 1) / size) + 1);
  makeLen(cs);
  const out: GoValue[] = [];
  for (let i = 0; i < cs; i++) {
    let clen = size;
    if (i === cs - 1) {
      clen = goIntOfFloat(Math.floor(l % size));
      if (clen === 0) clen = size;
    }
    makeLen(clen);
    const part: GoValue[] = [];
    for (let j = 0; j < clen; j++) {
      const ix = i * size + j;
      if (ix >= l) goPanic('reflect: slice index out of range');
      part.push(elems[ix] ?? null);
    }
    out.push(part);
  }
  return withSliceType(out, '[][]interface {}');
}

function first(a: GoValue[]): GoValue {
  const elems = elemsOr(a[0], (k) => `Cannot find first on type ${k}`);
  return elems.length === 0 ? null : (elems[0] ?? null);
}

function last(a: GoValue[]): GoValue {
  const elems = elemsOr(a[0], (k) => `Cannot find last on type ${k}`);
  return elems.length === 0 ? null : (elems[elems.length - 1] ?? null);
}

function rest(a: GoValue[]): GoValue {
  const elems = elemsOr(a[0], (k) => `Cannot find rest on type ${k}`);
  return elems.length === 0 ? nilSlice() : elems.slice(1);
}

function initial(a: GoValue[]): GoValue {
  const elems = elemsOr(a[0], (k) => `Cannot find initial on type ${k}`);
  return elems.length === 0 ? nilSlice() : elems.slice(0, -1);
}

function sortAlpha(a: GoValue[]): GoValue {
  const list = a[0];
  if (Array.isArray(list) || list instanceof Uint8Array) {
    // strslice returns a []string argument itself, which sort.Sort then sorts in place;
    // otherwise it makes a []string with capacity len(list) and skips nil elements.
    const s = strslice(list);
    s.sort(compareStrings);
    if (s !== list) withSliceCap(s, list.length);
    return withSliceType(s, '[]string');
  }
  return withSliceType([strval(list)], '[]string');
}

function reverse(a: GoValue[]): GoValue {
  const elems = elemsOr(a[0], (k) => `Cannot find reverse on type ${k}`);
  return [...elems].reverse();
}

function compact(a: GoValue[]): GoValue {
  const elems = elemsOr(a[0], (k) => `Cannot compact on type ${k}`);
  return withAppendedCap(elems.filter((e) => !isEmpty(e)));
}

function inList(haystack: readonly GoValue[], needle: GoValue): boolean {
  return haystack.some((h) => deepEqual(needle, h));
}

function uniq(a: GoValue[]): GoValue {
  const elems = elemsOr(a[0], (k) => `Cannot find uniq on type ${k}`);
  const dest: GoValue[] = [];
  for (const item of elems) if (!inList(dest, item)) dest.push(item);
  return withAppendedCap(dest);
}

function without(a: GoValue[]): GoValue {
  const elems = elemsOr(a[0], (k) => `Cannot find without on type ${k}`);
  const omit = a.slice(1);
  return withAppendedCap(elems.filter((item) => !inList(omit, item)));
}

function has(a: GoValue[]): GoValue {
  const needle = a[0] ?? null;
  const haystack = a[1];
  if (haystack === null || haystack === undefined) return false;
  const elems = elemsOr(haystack, (k) => `Cannot find has on type ${k}`);
  return inList(elems, needle);
}

function slice(a: GoValue[]): GoValue {
  const list = a[0];
  const kind = reflectKind(list);
  if (!(Array.isArray(list) || list instanceof Uint8Array)) {
    throw new GoFuncError(`list should be type of slice or array but ${kind}`);
  }
  const l = list.length;
  if (l === 0) return null;
  const indices = a.slice(1);
  const start = indices.length > 0 ? castToInt(indices[0]) : 0n;
  const end = indices.length < 2 ? BigInt(l) : castToInt(indices[1]);
  // reflect.Value.Slice checks the indices against the capacity, not the length.
  const cap = list instanceof Uint8Array ? l : sliceCap(list);
  if (start < 0n || end < start || end > BigInt(cap)) {
    goPanic('reflect.Value.Slice: slice index out of bounds');
  }
  if (list instanceof Uint8Array) return list.subarray(Number(start), Number(end));
  return withSliceType(reslice(list, Number(start), Number(end)), sliceType(list));
}

function concat(a: GoValue[]): GoValue {
  const res: GoValue[] = [];
  for (const list of a) {
    const kind = reflectKind(list);
    const elems = sliceElems(list);
    if (!elems) goPanic(`Cannot concat type ${kind} as list`);
    res.push(...elems);
  }
  return res.length === 0 ? nilSlice() : withAppendedCap(res);
}

/** A function and its must* twin: same body, the must* one declares an error result. */
function pair(
  name: string,
  mustName: string,
  params: readonly string[],
  result: string,
  fn: (a: GoValue[]) => GoValue,
  variadic?: string,
): Record<string, FuncDef> {
  const opts = variadic === undefined ? {} : { variadic };
  return {
    [name]: def(params, result, fn, opts),
    [mustName]: def(params, result, fn, { ...opts, returnsError: true }),
  };
}

export const listFuncs: Record<string, FuncDef> = {
  list: def([], SLICE, (a) => [...a], { variadic: IFACE }),
  tuple: def([], SLICE, (a) => [...a], { variadic: IFACE }),
  ...pair('append', 'mustAppend', [IFACE, IFACE], SLICE, push),
  ...pair('push', 'mustPush', [IFACE, IFACE], SLICE, push),
  ...pair('prepend', 'mustPrepend', [IFACE, IFACE], SLICE, prepend),
  ...pair('chunk', 'mustChunk', ['int', IFACE], '[][]interface {}', chunk),
  ...pair('first', 'mustFirst', [IFACE], IFACE, first),
  ...pair('last', 'mustLast', [IFACE], IFACE, last),
  ...pair('rest', 'mustRest', [IFACE], SLICE, rest),
  ...pair('initial', 'mustInitial', [IFACE], SLICE, initial),
  ...pair('reverse', 'mustReverse', [IFACE], SLICE, reverse),
  ...pair('compact', 'mustCompact', [IFACE], SLICE, compact),
  ...pair('uniq', 'mustUniq', [IFACE], SLICE, uniq),
  ...pair('without', 'mustWithout', [IFACE], SLICE, without, IFACE),
  ...pair('has', 'mustHas', [IFACE, IFACE], 'bool', has),
  ...pair('slice', 'mustSlice', [IFACE], IFACE, slice, IFACE),
  concat: def([], IFACE, concat, { variadic: IFACE }),
  sortAlpha: def([IFACE], '[]string', sortAlpha),
  ...sequenceFuncs,
};
