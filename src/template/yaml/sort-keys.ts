/** go-yaml's map key ordering (sorter.go, keyList.Less): numbers first, then "natural" string order. */
import { YInt, type YV } from './values.ts';

// reflect.Kind numbers, as go-yaml compares kinds of differently typed keys
const K_BOOL = 1;
const K_INT = 2;
const K_UINT64 = 11;
const K_FLOAT64 = 14;
const K_INTERFACE = 20;
const K_MAP = 21;
const K_SLICE = 23;
const K_STRING = 24;

function kind(v: YV): number {
  if (v === null) return K_INTERFACE;
  switch (typeof v) {
    case 'boolean': return K_BOOL;
    case 'number': return K_FLOAT64;
    case 'string': return K_STRING;
  }
  if (v instanceof YInt) return v.unsigned ? K_UINT64 : K_INT;
  if (Array.isArray(v)) return K_SLICE;
  return K_MAP;
}

function keyFloat(v: YV): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof YInt) return Number(v.v);
  return undefined;
}

function numLess(a: YV, b: YV): boolean {
  if (a instanceof YInt && b instanceof YInt) return a.v < b.v;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b;
  return false;
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

function isLetter(r: string): boolean {
  return LETTER.test(r);
}

function isDigit(r: string | undefined): boolean {
  return r !== undefined && DIGIT.test(r);
}

/** keyList.Less; `v3` selects yaml.v3's variant (letters sort after digit runs differently). */
export function keyLess(a: YV, b: YV, v3 = false): boolean {
  const ak = kind(a);
  const bk = kind(b);
  const af = keyFloat(a);
  const bf = keyFloat(b);
  if (af !== undefined && bf !== undefined) {
    if (af !== bf) return af < bf;
    if (ak !== bk) return ak < bk;
    return numLess(a, b);
  }
  if (ak !== K_STRING || bk !== K_STRING) return ak < bk;
  const ar = Array.from(a as string);
  const br = Array.from(b as string);
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) {
      digits = isDigit(ar[i]);
      continue;
    }
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
    if (al || bl) {
      if (v3 && digits) return al;
      return bl;
    }
    let an = 0n;
    let bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai]!.codePointAt(0)! - 48));
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi]!.codePointAt(0)! - 48));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
  }
  return ar.length < br.length;
}

/** Sorts keys as go-yaml's encoder does; returns the permutation of indices. */
export function sortedKeyOrder(keys: readonly YV[], v3 = false): number[] {
  const idx = keys.map((_, i) => i);
  idx.sort((x, y) => {
    const a = keys[x]!;
    const b = keys[y]!;
    if (keyLess(a, b, v3)) return -1;
    if (keyLess(b, a, v3)) return 1;
    return 0;
  });
  return idx;
}
