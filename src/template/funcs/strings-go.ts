/** Go's `strings` package functions whose semantics differ from JavaScript's built-ins. */
import { runeAt } from '@capstan/strconv';
import { byteLen } from './strings-goutils.ts';
import { isDigit, isLetter, isSpace, mapRunes, toLower, toTitle, toUpper } from '../fmt/unicode.ts';

/** A Go runtime panic raised by a Sprig function (reported as `error calling NAME: MSG`). */
export class GoPanic extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoPanic';
  }
}

/** strings.ToUpper (simple case mapping, rune by rune). */
export function goToUpper(s: string): string {
  return mapRunes(s, toUpper);
}

/** strings.ToLower. */
export function goToLower(s: string): string {
  return mapRunes(s, toLower);
}

function isSeparator(r: number): boolean {
  if (r <= 0x7f) {
    if (r >= 0x30 && r <= 0x39) return false;
    if (r >= 0x61 && r <= 0x7a) return false;
    if (r >= 0x41 && r <= 0x5a) return false;
    return r !== 0x5f;
  }
  if (isLetter(r) || isDigit(r)) return false;
  return isSpace(r);
}

/** strings.Title (deprecated in Go, still what Sprig's `title` calls). */
export function goTitle(s: string): string {
  let prev = 0x20;
  return mapRunes(s, (r) => {
    const sep = isSeparator(prev);
    prev = r;
    return sep ? toTitle(r) : r;
  });
}

/** Splits a string into its runes' substrings (raw bytes stay single units). */
function runeStrings(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length;) {
    const g = runeAt(s, i);
    out.push(s.slice(i, i + g.units));
    i += g.units;
  }
  return out;
}

/** strings.TrimFunc-style trimming of runes matching `pred` from both ends. */
function trimRunes(s: string, pred: (r: number) => boolean): string {
  let start = 0;
  while (start < s.length) {
    const g = runeAt(s, start);
    if (!pred(g.r)) break;
    start += g.units;
  }
  let end = s.length;
  while (end > start) {
    let i = end - 1;
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > start) {
      const d = s.charCodeAt(i - 1);
      if (d >= 0xd800 && d <= 0xdbff) i--;
    }
    const g = runeAt(s, i);
    if (!pred(g.r)) break;
    end = i;
  }
  return s.slice(start, end);
}

/** strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  return trimRunes(s, isSpace);
}

/** strings.Trim(s, cutset). */
export function goTrim(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  const set = new Set<number>();
  for (let i = 0; i < cutset.length;) {
    const g = runeAt(cutset, i);
    i += g.units;
    set.add(g.r);
  }
  return trimRunes(s, (r) => set.has(r));
}

const MAX_INT = 2n ** 63n - 1n;

/** strings.Repeat, with Go's panics. */
export function goRepeat(s: string, count: bigint): string {
  if (count === 0n) return '';
  if (count === 1n) return s;
  if (count < 0n) throw new GoPanic('strings: negative Repeat count');
  const total = BigInt(byteLen(s)) * count;
  if (total > MAX_INT) throw new GoPanic('strings: Repeat output length overflow');
  if (s === '') return '';
  // Beyond what a JS string can hold (Go would try to allocate it).
  if (total > (1n << 29n) - 64n) throw new GoPanic('runtime error: makeslice: len out of range');
  return s.repeat(Number(count));
}

/** strings.Replace(s, old, new, -1). */
export function goReplaceAll(s: string, old: string, repl: string): string {
  if (old === '') {
    const parts = runeStrings(s);
    return repl + parts.map((p) => p + repl).join('');
  }
  return s.split(old).join(repl);
}

/** strings.SplitN(s, sep, n) (n < 0: all). */
export function goSplitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const parts = runeStrings(s);
    if (n < 0 || n >= parts.length) return parts;
    return [...parts.slice(0, n - 1), parts.slice(n - 1).join('')];
  }
  if (n < 0) return s.split(sep);
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}
