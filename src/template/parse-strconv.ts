/**
 * The parts of Go's strconv (and unicode) that the template lexer, parser and error messages need:
 * Unquote/UnquoteChar, Quote, ParseInt/ParseUint with base 0, ParseFloat, IsPrint and `%#U`.
 * Strings are JavaScript strings; byte-level results (`"\xff"`) are decoded as UTF-8.
 */

import { byteLength, isPrint, quote, utf8Decode, utf8Encode } from './fmt/index.ts';

export { isPrint };
/** strconv.Quote (also fmt's `%q` for strings). */
export const goQuote: (s: string) => string = quote;
/** Length in UTF-8 bytes of a Go string (len(s)). */
export const utf8Len: (s: string) => number = byteLength;
/** UTF-8 bytes of a Go string. */
export const utf8Bytes: (s: string) => Uint8Array = utf8Encode;
export { utf8Decode };

/** strconv.ErrSyntax's text; thrown as the message of an Error. */
export const ERR_SYNTAX = 'invalid syntax';

const LETTER_RE = /^\p{L}$/u;
const DIGIT_RE = /^\p{Nd}$/u;

/** unicode.IsLetter */
export function isLetter(r: number): boolean {
  if (r < 0x80) return (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a);
  return r <= 0x10ffff && LETTER_RE.test(String.fromCodePoint(r));
}

/** unicode.IsDigit */
export function isDigit(r: number): boolean {
  if (r < 0x80) return r >= 0x30 && r <= 0x39;
  return r <= 0x10ffff && DIGIT_RE.test(String.fromCodePoint(r));
}

function hex(n: number, width: number, upper = false): string {
  const s = n.toString(16);
  const p = s.length < width ? '0'.repeat(width - s.length) + s : s;
  return upper ? p.toUpperCase() : p;
}

/** fmt's `%#U`: `U+0041 'A'`, or `U+0001` for unprintable runes. */
export function formatRuneU(r: number): string {
  const u = 'U+' + hex(r, 4, true);
  return isPrint(r) ? `${u} '${String.fromCodePoint(r)}'` : u;
}

function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

export interface UnquotedChar {
  value: number;
  /** false for `\x` and octal escapes: a single byte, not a rune */
  multibyte: boolean;
  tail: string;
}

/** strconv.UnquoteChar; throws Error(ERR_SYNTAX). */
export function unquoteChar(s: string, quote: number): UnquotedChar {
  if (s.length === 0) throw new Error(ERR_SYNTAX);
  const c = s.charCodeAt(0);
  if (c === quote && (quote === 0x27 || quote === 0x22)) throw new Error(ERR_SYNTAX);
  if (c >= 0x80) {
    const r = s.codePointAt(0)!;
    return { value: r, multibyte: true, tail: s.slice(r > 0xffff ? 2 : 1) };
  }
  if (c !== 0x5c) return { value: c, multibyte: false, tail: s.slice(1) };
  if (s.length <= 1) throw new Error(ERR_SYNTAX);
  const e = s.charCodeAt(1);
  let rest = s.slice(2);
  let value: number;
  let multibyte = false;
  switch (e) {
    case 0x61: value = 7; break; // a
    case 0x62: value = 8; break; // b
    case 0x66: value = 12; break; // f
    case 0x6e: value = 10; break; // n
    case 0x72: value = 13; break; // r
    case 0x74: value = 9; break; // t
    case 0x76: value = 11; break; // v
    case 0x78: case 0x75: case 0x55: { // x u U
      const n = e === 0x78 ? 2 : e === 0x75 ? 4 : 8;
      if (rest.length < n) throw new Error(ERR_SYNTAX);
      let v = 0;
      for (let j = 0; j < n; j++) {
        const x = unhex(rest.charCodeAt(j));
        if (x < 0) throw new Error(ERR_SYNTAX);
        v = v * 16 + x;
      }
      rest = rest.slice(n);
      if (e !== 0x78) {
        if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new Error(ERR_SYNTAX);
        multibyte = true;
      }
      value = v;
      break;
    }
    case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37: {
      let v = e - 0x30;
      if (rest.length < 2) throw new Error(ERR_SYNTAX);
      for (let j = 0; j < 2; j++) {
        const x = rest.charCodeAt(j) - 0x30;
        if (x < 0 || x > 7) throw new Error(ERR_SYNTAX);
        v = (v << 3) | x;
      }
      rest = rest.slice(2);
      if (v > 255) throw new Error(ERR_SYNTAX);
      value = v;
      break;
    }
    case 0x5c: value = 0x5c; break;
    case 0x27: case 0x22:
      if (e !== quote) throw new Error(ERR_SYNTAX);
      value = e;
      break;
    default:
      throw new Error(ERR_SYNTAX);
  }
  return { value, multibyte, tail: rest };
}

function pushRune(buf: number[], r: number): void {
  if (r < 0x80) buf.push(r);
  else if (r < 0x800) buf.push(0xc0 | (r >> 6), 0x80 | (r & 0x3f));
  else if (r < 0x10000) buf.push(0xe0 | (r >> 12), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f));
  else buf.push(0xf0 | (r >> 18), 0x80 | ((r >> 12) & 0x3f), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f));
}

/** strconv.Unquote for `"…"`, `` `…` `` and `'…'` literals; throws Error(ERR_SYNTAX). */
export function unquote(s: string): string {
  if (s.length < 2) throw new Error(ERR_SYNTAX);
  const quote = s.charCodeAt(0);
  const end = s.indexOf(s[0]!, 1);
  if (end < 0) throw new Error(ERR_SYNTAX);
  if (quote === 0x60) {
    if (end !== s.length - 1) throw new Error(ERR_SYNTAX);
    const body = s.slice(1, -1);
    return body.includes('\r') ? body.replaceAll('\r', '') : body;
  }
  if (quote !== 0x22 && quote !== 0x27) throw new Error(ERR_SYNTAX);
  let rest = s.slice(1);
  // Fast path: no escapes.
  const first = s.slice(0, end + 1);
  if (!first.includes('\\') && !first.includes('\n') && end === s.length - 1) {
    const body = s.slice(1, end);
    if (quote === 0x22) return body;
    const r = body.codePointAt(0);
    if (r !== undefined && body.length === (r > 0xffff ? 2 : 1)) return body;
  }
  const buf: number[] = [];
  while (rest.length > 0 && rest.charCodeAt(0) !== quote) {
    if (rest.charCodeAt(0) === 0x0a) throw new Error(ERR_SYNTAX);
    const u = unquoteChar(rest, quote);
    rest = u.tail;
    if (u.value < 0x80 || !u.multibyte) buf.push(u.value);
    else pushRune(buf, u.value);
    if (quote === 0x27) break;
  }
  if (!(rest.length > 0 && rest.charCodeAt(0) === quote)) throw new Error(ERR_SYNTAX);
  rest = rest.slice(1);
  if (rest.length > 0) throw new Error(ERR_SYNTAX);
  return utf8Decode(Uint8Array.from(buf));
}

/** strconv's underscoreOK. */
function underscoreOK(s0: string): boolean {
  let saw = '^';
  let i = 0;
  let s = s0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let isHex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1]!)) {
    i = 2;
    saw = '0';
    isHex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (isHex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseUint(s, 0, 64); null on any error. */
export function parseUint0(s0: string): bigint | null {
  if (s0.length === 0) return null;
  let s = s0;
  let base = 10;
  if (s[0] === '0') {
    const c = s[1]?.toLowerCase();
    if (s.length >= 3 && c === 'b') { base = 2; s = s.slice(2); }
    else if (s.length >= 3 && c === 'o') { base = 8; s = s.slice(2); }
    else if (s.length >= 3 && c === 'x') { base = 16; s = s.slice(2); }
    else { base = 8; s = s.slice(1); }
  }
  let n = 0n;
  const b = BigInt(base);
  let underscores = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c === 0x5f) { underscores = true; continue; }
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) d = (c | 0x20) - 0x61 + 10;
    else return null;
    if (d >= base) return null;
    n = n * b + BigInt(d);
    if (n > 0xffffffffffffffffn) return null;
  }
  if (underscores && !underscoreOK(s0)) return null;
  return n;
}

/** strconv.ParseInt(s, 0, 64); null on any error. */
export function parseInt0(s: string): bigint | null {
  if (s.length === 0) return null;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const u = parseUint0(s);
  if (u === null) return null;
  if (!neg && u >= 1n << 63n) return null;
  if (neg && u > 1n << 63n) return null;
  return neg ? -u : u;
}

/** strconv.ParseFloat(s, 64) for the syntax the template lexer produces; null on syntax or range error. */
export function parseFloat64(s: string): number | null {
  let i = 0;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    i = 1;
  }
  let base = 10;
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X')) {
    base = 16;
    i += 2;
  }
  let underscores = false;
  let sawdot = false;
  let sawdigits = false;
  let mant = '';
  let fracDigits = 0;
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (c === '_') { underscores = true; continue; }
    if (c === '.') {
      if (sawdot) break;
      sawdot = true;
      mant += base === 10 ? '.' : '';
      continue;
    }
    const isDig = (c >= '0' && c <= '9') || (base === 16 && /[a-fA-F]/.test(c));
    if (!isDig) break;
    sawdigits = true;
    mant += c;
    if (sawdot && base === 16) fracDigits++;
  }
  if (!sawdigits) return null;
  let exp = 0;
  let expStr = '';
  const expChar = base === 10 ? 'e' : 'p';
  if (i < s.length && s[i]!.toLowerCase() === expChar) {
    i++;
    if (i >= s.length) return null;
    let esign = '';
    if (s[i] === '+' || s[i] === '-') { esign = s[i]!; i++; }
    if (i >= s.length || s[i]! < '0' || s[i]! > '9') return null;
    let digits = '';
    for (; i < s.length && ((s[i]! >= '0' && s[i]! <= '9') || s[i] === '_'); i++) {
      if (s[i] === '_') { underscores = true; continue; }
      digits += s[i];
    }
    expStr = esign + digits;
    exp = Number(expStr);
  } else if (base === 16) {
    return null;
  }
  if (i !== s.length) return null;
  if (underscores && !underscoreOK(s)) return null;
  let v: number;
  if (base === 10) {
    v = Number(mant + (expStr ? 'e' + expStr : ''));
  } else {
    const m = BigInt('0x' + mant);
    const e2 = exp - 4 * fracDigits;
    v = m === 0n ? 0 : Number(m) * Math.pow(2, e2);
    if (!Number.isFinite(v) && m !== 0n) {
      // scale in two steps to avoid intermediate overflow/underflow
      v = Number(m) * Math.pow(2, e2 / 2) * Math.pow(2, e2 - e2 / 2);
    }
  }
  if (!Number.isFinite(v)) return null;
  return neg ? -v : v;
}
