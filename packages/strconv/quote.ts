/** Go's strconv quoting: Quote, QuoteToASCII, QuoteRune, CanBackquote, IsPrint, Unquote. */
import { IS_GRAPHIC, IS_NOT_PRINT16, IS_NOT_PRINT32, IS_PRINT16, IS_PRINT32 } from './isprint-tables.ts';
import { decodeRune, runeAt, validString, runeToString, validRune, RUNE_ERROR, utf8Decode, utf8Encode } from './utf8.ts';

const LOWER_HEX = '0123456789abcdef';

function bsearch(s: Uint16Array | Uint32Array, v: number): [number, boolean] {
  let i = 0;
  let j = s.length;
  while (i < j) {
    const h = (i + j) >>> 1;
    if (s[h]! < v) i = h + 1;
    else j = h;
  }
  return [i, i < s.length && s[i] === v];
}

/** strconv.IsPrint (unicode.IsPrint: letters, marks, numbers, punctuation, symbols and U+0020). */
export function isPrint(r: number): boolean {
  if (r <= 0xff) {
    if (r >= 0x20 && r <= 0x7e) return true;
    if (r >= 0xa1 && r <= 0xff) return r !== 0xad;
    return false;
  }
  if (r >= 0 && r < 0x10000) {
    const [i] = bsearch(IS_PRINT16, r);
    if (i >= IS_PRINT16.length || r < IS_PRINT16[i & ~1]! || IS_PRINT16[i | 1]! < r) return false;
    return !bsearch(IS_NOT_PRINT16, r)[1];
  }
  const [i] = bsearch(IS_PRINT32, r);
  if (i >= IS_PRINT32.length || r < IS_PRINT32[i & ~1]! || IS_PRINT32[i | 1]! < r) return false;
  if (r >= 0x20000) return true;
  return !bsearch(IS_NOT_PRINT32, r - 0x10000)[1];
}

function isInGraphicList(r: number): boolean {
  if (r > 0xffff) return false;
  return bsearch(IS_GRAPHIC, r)[1];
}

/** strconv.IsGraphic. */
export function isGraphic(r: number): boolean {
  return isPrint(r) || isInGraphicList(r);
}

function hex(v: number, digits: number): string {
  let s = '';
  for (let shift = (digits - 1) * 4; shift >= 0; shift -= 4) s += LOWER_HEX[Math.floor(v / 2 ** shift) & 0xf];
  return s;
}

function escapedRune(r: number, quote: string, asciiOnly: boolean, graphicOnly: boolean): string {
  if (r === quote.charCodeAt(0) || r === 0x5c) return '\\' + String.fromCharCode(r);
  if (asciiOnly) {
    if (r < 0x80 && isPrint(r)) return String.fromCharCode(r);
  } else if (isPrint(r) || (graphicOnly && isInGraphicList(r))) {
    return String.fromCodePoint(r);
  }
  switch (r) {
    case 0x07: return '\\a';
    case 0x08: return '\\b';
    case 0x0c: return '\\f';
    case 0x0a: return '\\n';
    case 0x0d: return '\\r';
    case 0x09: return '\\t';
    case 0x0b: return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return '\\x' + hex(r, 2);
  if (!validRune(r)) r = RUNE_ERROR;
  if (r < 0x10000) return '\\u' + hex(r, 4);
  return '\\U' + hex(r, 8);
}

function quoteWith(s: string, quote: string, asciiOnly: boolean, graphicOnly: boolean): string {
  let out = quote;
  for (let i = 0; i < s.length;) {
    const g = runeAt(s, i);
    i += g.units;
    if (g.bad >= 0) {
      out += '\\x' + hex(g.bad, 2);
      continue;
    }
    out += escapedRune(g.r, quote, asciiOnly, graphicOnly);
  }
  return out + quote;
}

/** strconv.Quote. */
export function quote(s: string): string {
  return quoteWith(s, '"', false, false);
}

/** strconv.QuoteToASCII. */
export function quoteToASCII(s: string): string {
  return quoteWith(s, '"', true, false);
}

/** strconv.QuoteToGraphic. */
export function quoteToGraphic(s: string): string {
  return quoteWith(s, '"', false, true);
}

function quoteRuneWith(r: number, asciiOnly: boolean): string {
  if (!validRune(r)) r = RUNE_ERROR;
  return "'" + escapedRune(r, "'", asciiOnly, false) + "'";
}

/** strconv.QuoteRune. */
export function quoteRune(r: number): string {
  return quoteRuneWith(r, false);
}

/** strconv.QuoteRuneToASCII. */
export function quoteRuneToASCII(r: number): string {
  return quoteRuneWith(r, true);
}

/** strconv.CanBackquote. */
export function canBackquote(s: string): boolean {
  for (let i = 0; i < s.length;) {
    const g = runeAt(s, i);
    i += g.units;
    if (g.bad >= 0) return false;
    const r = g.r;
    if (r >= 0x80) {
      if (r === 0xfeff) return false;
      continue;
    }
    if ((r < 0x20 && r !== 0x09) || r === 0x60 || r === 0x7f) return false;
  }
  return true;
}

function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/**
 * strconv.UnquoteChar over the bytes `b` from index `i`: returns [value, multibyte, newIndex],
 * or null for a syntax error. `value` is a rune, or a byte (0–255) for \x and octal escapes.
 */
export function unquoteChar(b: Uint8Array, i: number, q: number): [number, boolean, number] | null {
  if (i >= b.length) return null;
  const c = b[i]!;
  if (c === q && (q === 0x27 || q === 0x22)) return null;
  if (c >= 0x80) {
    const [r, size] = decodeRune(b, i);
    return [r, true, i + size];
  }
  if (c !== 0x5c) return [c, false, i + 1];
  if (i + 1 >= b.length) return null;
  const e = b[i + 1]!;
  i += 2;
  switch (e) {
    case 0x61: return [0x07, false, i];
    case 0x62: return [0x08, false, i];
    case 0x66: return [0x0c, false, i];
    case 0x6e: return [0x0a, false, i];
    case 0x72: return [0x0d, false, i];
    case 0x74: return [0x09, false, i];
    case 0x76: return [0x0b, false, i];
    case 0x78: case 0x75: case 0x55: {
      const n = e === 0x78 ? 2 : e === 0x75 ? 4 : 8;
      if (b.length - i < n) return null;
      let v = 0;
      for (let j = 0; j < n; j++) {
        const x = unhex(b[i + j]!);
        if (x < 0) return null;
        v = v * 16 + x;
      }
      i += n;
      if (e === 0x78) return [v, false, i];
      if (!validRune(v)) return null;
      return [v, true, i];
    }
    case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37: {
      let v = e - 0x30;
      if (b.length - i < 2) return null;
      for (let j = 0; j < 2; j++) {
        const x = b[i + j]! - 0x30;
        if (x < 0 || x > 7) return null;
        v = (v << 3) | x;
      }
      i += 2;
      if (v > 255) return null;
      return [v, false, i];
    }
    case 0x5c: return [0x5c, false, i];
    case 0x27: case 0x22:
      if (e !== q) return null;
      return [e, false, i];
    default:
      return null;
  }
}

/**
 * strconv.Unquote: interprets a single-, double- or back-quoted Go string literal.
 * Returns null when the literal is invalid (Go's ErrSyntax).
 */
export function unquote(s: string): string | null {
  const b = utf8Encode(s);
  if (b.length < 2) return null;
  const q = b[0]!;
  if (q === 0x60) {
    const end = b.indexOf(0x60, 1);
    if (end !== b.length - 1) return null;
    const inner = b.subarray(1, end);
    return utf8Decode(inner.includes(0x0d) ? inner.filter((c) => c !== 0x0d) : inner);
  }
  if (q !== 0x22 && q !== 0x27) return null;
  const end = b.indexOf(q, 1);
  if (end < 0) return null;
  const fast = b.subarray(1, end);
  if (end === b.length - 1 && !fast.includes(0x5c) && !fast.includes(0x0a)) {
    const str = utf8Decode(fast);
    if (q === 0x22) {
      if (validString(str)) return str;
    } else if (str.length > 0) {
      const g = runeAt(str, 0);
      if (g.units === str.length && g.bad < 0) return str;
    }
  }
  const out: number[] = [];
  let i = 1;
  while (i < b.length && b[i] !== q) {
    if (b[i] === 0x0a) return null;
    const res = unquoteChar(b, i, q);
    if (!res) return null;
    const [v, multibyte, next] = res;
    i = next;
    if (v < 0x80 || !multibyte) out.push(v);
    else out.push(...utf8Encode(runeToString(v)));
    if (q === 0x27) break;
  }
  if (!(i < b.length && b[i] === q)) return null;
  if (i + 1 !== b.length) return null;
  return utf8Decode(Uint8Array.from(out));
}
