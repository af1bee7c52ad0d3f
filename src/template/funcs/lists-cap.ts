/**
 * Go slice capacity, which Sprig's `slice` exposes: reflect.Value.Slice accepts an end index up
 * to cap(list), and the extra elements are whatever the backing array holds (zero values for
 * slices grown by append). Slices built by appending one element at a time (encoding/json
 * decoding, Sprig's uniq/compact/keys/until …) have the capacity of Go's growslice policy
 * (go1.23: doubling below 256 elements, then ~1.25×, rounded up to malloc size classes).
 *
 * Capacity and backing array are kept as tags on the JS array; untagged arrays have cap == len.
 */
import { GoNumber, sliceType } from '../value.ts';
import type { GoNumberKind, GoValue } from '../value.ts';

/** Global symbols so that other modules (e.g. the YAML/JSON decoders) can tag without imports. */
export const SLICE_CAP = Symbol.for('capstan.goSliceCap');
const SLICE_BACKING = Symbol.for('capstan.goSliceBacking');

interface Backing {
  base: readonly GoValue[];
  offset: number;
}

type CapTagged = Record<symbol, unknown>;

/** cap(s) */
export function sliceCap(arr: readonly GoValue[]): number {
  const c = (arr as unknown as CapTagged)[SLICE_CAP];
  return typeof c === 'number' && c >= arr.length ? c : arr.length;
}

/** Tags a slice with its capacity; returns the same array. */
export function withSliceCap<T extends GoValue[]>(arr: T, cap: number): T {
  if (cap > arr.length) (arr as unknown as CapTagged)[SLICE_CAP] = cap;
  return arr;
}

function backingOf(arr: readonly GoValue[]): Backing {
  const b = (arr as unknown as CapTagged)[SLICE_BACKING] as Backing | undefined;
  return b ?? { base: arr, offset: 0 };
}

const SIZE_CLASSES = [
  8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352,
  384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304,
  2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880,
  12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
];
const MAX_SMALL_SIZE = 32768;
const MALLOC_HEADER_SIZE = 8;
const MIN_SIZE_FOR_MALLOC_HEADER = 512;
const PAGE_SIZE = 8192;

/** runtime.roundupsize */
function roundupsize(size: number, noscan: boolean): number {
  let req = size;
  if (req <= MAX_SMALL_SIZE - MALLOC_HEADER_SIZE) {
    if (!noscan && req > MIN_SIZE_FOR_MALLOC_HEADER) req += MALLOC_HEADER_SIZE;
    const cls = SIZE_CLASSES.find((c) => c >= req) ?? req;
    return cls - (req - size);
  }
  return Math.ceil(req / PAGE_SIZE) * PAGE_SIZE;
}

/** runtime.nextslicecap */
function nextslicecap(newLen: number, oldCap: number): number {
  let newcap = oldCap;
  const doublecap = newcap + newcap;
  if (newLen > doublecap) return newLen;
  if (oldCap < 256) return doublecap;
  while (newcap < newLen) newcap += (newcap + 3 * 256) >> 2;
  return newcap;
}

/** The capacity growslice picks when appending to a full slice of capacity oldCap. */
export function growCap(oldCap: number, newLen: number, elemSize: number, pointers: boolean): number {
  const newcap = nextslicecap(newLen, oldCap);
  return Math.floor(roundupsize(newcap * elemSize, !pointers) / elemSize);
}

/** Capacity after appending n elements one by one to an empty slice. */
export function appendedCap(n: number, elemSize = 16, pointers = true): number {
  let cap = 0;
  for (let len = 1; len <= n; len++) {
    if (len > cap) cap = growCap(cap, len, elemSize, pointers);
  }
  return cap;
}

/** Size and pointer-ness of a slice type's elements (amd64). */
export function elemLayout(goSliceType: string): { size: number; pointers: boolean } {
  const elem = goSliceType.slice(2);
  switch (elem) {
    case 'interface {}': case 'string': return { size: 16, pointers: true };
    case 'int': case 'int64': case 'uint': case 'uint64': case 'float64': case 'uintptr':
      return { size: 8, pointers: false };
    case 'int32': case 'uint32': case 'float32': return { size: 4, pointers: false };
    case 'int16': case 'uint16': return { size: 2, pointers: false };
    case 'int8': case 'uint8': case 'bool': return { size: 1, pointers: false };
  }
  if (elem.startsWith('[]')) return { size: 24, pointers: true };
  return { size: 8, pointers: true };
}

/** Tags `arr` (built by single appends from empty) with the capacity Go would give it. */
export function withAppendedCap<T extends GoValue[]>(arr: T): T {
  const { size, pointers } = elemLayout(sliceType(arr));
  return withSliceCap(arr, appendedCap(arr.length, size, pointers));
}

/** The zero value of a slice type's element. */
export function zeroElem(goSliceType: string): GoValue {
  const elem = goSliceType.slice(2);
  switch (elem) {
    case 'string': return '';
    case 'int': return 0n;
    case 'float64': return 0;
    case 'bool': return false;
    case 'float32': return new GoNumber('float32', 0);
    case 'int8': case 'int16': case 'int32': case 'int64': case 'uint': case 'uint8': case 'uint16':
    case 'uint32': case 'uint64': case 'uintptr':
      return new GoNumber(elem as GoNumberKind, 0n);
  }
  return null;
}

/**
 * s[start:end] for a slice value (bounds already checked against cap): elements past len come
 * from the backing array, or are zero values. The result keeps cap - start and the backing.
 */
export function reslice(arr: readonly GoValue[], start: number, end: number): GoValue[] {
  const back = backingOf(arr);
  const zero = zeroElem(sliceType(arr));
  const out: GoValue[] = [];
  for (let i = start; i < end; i++) {
    const idx = back.offset + i;
    out.push(i < arr.length ? (arr[i] ?? null) : idx < back.base.length ? (back.base[idx] ?? null) : zero);
  }
  const cap = sliceCap(arr) - start;
  if (cap > out.length) {
    (out as unknown as CapTagged)[SLICE_CAP] = cap;
    (out as unknown as CapTagged)[SLICE_BACKING] = { base: back.base, offset: back.offset + start };
  }
  return out;
}
