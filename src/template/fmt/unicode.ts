/**
 * Go's `unicode` package predicates and simple (one rune to one rune) case mappings, as used by
 * strings.ToUpper/ToLower/Title, goutils, xstrings and the template lexer. JavaScript's own toUpperCase/toLowerCase
 * apply the full (SpecialCasing) mappings ("ß" → "SS", context-dependent final sigma); Go never does.
 */
import { runeAt, RUNE_ERROR } from '@capstan/strconv';

const LU = /\p{Lu}/u;
const LL = /\p{Ll}/u;
const LT = /\p{Lt}/u;
const L = /\p{L}/u;
const ND = /\p{Nd}/u;
const N = /\p{N}/u;
const P = /\p{P}/u;

function ch(r: number): string {
  return String.fromCodePoint(r);
}

/** unicode.IsUpper (general category Lu). */
export function isUpper(r: number): boolean {
  if (r < 0x80) return r >= 0x41 && r <= 0x5a;
  return LU.test(ch(r));
}

/** unicode.IsLower (general category Ll). */
export function isLower(r: number): boolean {
  if (r < 0x80) return r >= 0x61 && r <= 0x7a;
  return LL.test(ch(r));
}

/** unicode.IsTitle (general category Lt). */
export function isTitle(r: number): boolean {
  if (r < 0x80) return false;
  return LT.test(ch(r));
}

/** unicode.IsLetter (category L). */
export function isLetter(r: number): boolean {
  if (r < 0x80) return (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a);
  return L.test(ch(r));
}

/** unicode.IsDigit (category Nd). */
export function isDigit(r: number): boolean {
  if (r < 0x80) return r >= 0x30 && r <= 0x39;
  return ND.test(ch(r));
}

/** unicode.IsNumber (category N). */
export function isNumber(r: number): boolean {
  if (r < 0x80) return r >= 0x30 && r <= 0x39;
  return N.test(ch(r));
}

/** unicode.IsPunct (category P). */
export function isPunct(r: number): boolean {
  return P.test(ch(r));
}

/** unicode.IsSpace: Latin-1 '\t'..'\r', ' ', U+0085, U+00A0; beyond that the White_Space property. */
export function isSpace(r: number): boolean {
  if (r <= 0xff) {
    return (r >= 0x09 && r <= 0x0d) || r === 0x20 || r === 0x85 || r === 0xa0;
  }
  return r === 0x1680 || (r >= 0x2000 && r <= 0x200a) || r === 0x2028 || r === 0x2029 ||
    r === 0x202f || r === 0x205f || r === 0x3000;
}

/** Simple upper mapping of the Greek letters with ypogegrammeni (whose full mapping is two runes). */
function greekIotaUpper(r: number): number {
  if (r >= 0x1f80 && r <= 0x1faf) return r | 0x08;
  if (r === 0x1fb3 || r === 0x1fc3 || r === 0x1ff3) return r + 9;
  return r;
}

/** unicode.ToUpper. */
export function toUpper(r: number): number {
  if (r < 0x80) return r >= 0x61 && r <= 0x7a ? r - 32 : r;
  if (r === RUNE_ERROR) return r;
  const u = ch(r).toUpperCase();
  const c = u.codePointAt(0)!;
  if (u.length === (c > 0xffff ? 2 : 1)) return c;
  return greekIotaUpper(r);
}

/** unicode.ToLower. */
export function toLower(r: number): number {
  if (r < 0x80) return r >= 0x41 && r <= 0x5a ? r + 32 : r;
  if (r === 0x130) return 0x69; // İ: full mapping is "i̇", simple mapping is "i"
  const u = ch(r).toLowerCase();
  const c = u.codePointAt(0)!;
  if (u.length === (c > 0xffff ? 2 : 1)) return c;
  return r;
}

/** unicode.ToTitle: upper case except for the Latin digraphs and Georgian Mkhedruli. */
export function toTitle(r: number): number {
  if (r >= 0x1c4 && r <= 0x1cc) return r <= 0x1c6 ? 0x1c5 : r <= 0x1c9 ? 0x1c8 : 0x1cb;
  if (r >= 0x1f1 && r <= 0x1f3) return 0x1f2;
  if ((r >= 0x10d0 && r <= 0x10fa) || (r >= 0x10fd && r <= 0x10ff)) return r;
  return toUpper(r);
}

/**
 * strings.Map: applies `f` to every rune; an invalid byte is passed as U+FFFD and the result is
 * written as a rune (so raw bytes become U+FFFD).
 */
export function mapRunes(s: string, f: (r: number) => number): string {
  let out = '';
  for (let i = 0; i < s.length;) {
    const g = runeAt(s, i);
    i += g.units;
    out += String.fromCodePoint(f(g.r));
  }
  return out;
}

/** []rune(s): the runes of a Go string (invalid bytes become U+FFFD). */
export function toRunes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length;) {
    const g = runeAt(s, i);
    i += g.units;
    out.push(g.r);
  }
  return out;
}

/** string([]rune). */
export function fromRunes(rs: readonly number[]): string {
  let out = '';
  for (const r of rs) out += String.fromCodePoint(r);
  return out;
}

/** true when every code unit is ASCII (byte and UTF-16 indices then agree). */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}
