/** encoding/json's encoding of strings and floats (encode.go appendString and floatEncoder). */
import { formatFloat, runeAt } from '@capstan/strconv';
import { unsupportedValue } from './errors.ts';

const HEX = '0123456789abcdef';

/**
 * The JSON encoding of Go string s, quotes included (Go's appendString). Invalid UTF-8 (a raw byte
 * U+DC80–U+DCFF of @capstan/strconv's model, or any other lone surrogate) becomes `\ufffd`; U+2028 and
 * U+2029 are always escaped; `<`, `>` and `&` when escapeHTML (json.Marshal's default).
 */
export function encodeString(s: string, escapeHTML: boolean): string {
  let out = '"';
  let start = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c && !(escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26))) {
        i++;
        continue;
      }
      out += s.slice(start, i);
      switch (c) {
        case 0x5c: case 0x22: out += '\\' + String.fromCharCode(c); break;
        case 0x08: out += '\\b'; break;
        case 0x0c: out += '\\f'; break;
        case 0x0a: out += '\\n'; break;
        case 0x0d: out += '\\r'; break;
        case 0x09: out += '\\t'; break;
        default: out += '\\u00' + HEX[c >> 4]! + HEX[c & 0xf]!;
      }
      i++;
      start = i;
      continue;
    }
    const g = runeAt(s, i);
    if (g.r === 0xfffd && (g.bad >= 0 || (c >= 0xd800 && c <= 0xdfff))) {
      // invalid UTF-8 byte (or a lone surrogate): U+FFFD, written as an escape
      out += s.slice(start, i) + '\\ufffd';
      i += g.units;
      start = i;
      continue;
    }
    if (g.r === 0x2028 || g.r === 0x2029) {
      out += s.slice(start, i) + '\\u202' + HEX[g.r & 0xf]!;
      i += g.units;
      start = i;
      continue;
    }
    i += g.units;
  }
  return out + s.slice(start) + '"';
}

/**
 * encoding/json's float formatting: 'f' unless the exponent is < -6 or ≥ 21, then 'e' written e-7 (not
 * e-07). Throws MarshalError (`json: unsupported value: NaN`) for NaN and ±Inf.
 */
export function encodeFloat(f: number, bits: 32 | 64): string {
  if (!Number.isFinite(f)) throw unsupportedValue(formatFloat(f, 'g', -1, bits));
  const abs = Math.abs(bits === 32 ? Math.fround(f) : f);
  let fmt = 'f';
  if (abs !== 0) {
    if (bits === 64 ? abs < 1e-6 || abs >= 1e21 : abs < Math.fround(1e-6) || abs >= Math.fround(1e21)) fmt = 'e';
  }
  let b = formatFloat(f, fmt, -1, bits);
  if (fmt === 'e') {
    // clean up e-09 to e-9
    const n = b.length;
    if (n >= 4 && b[n - 4] === 'e' && b[n - 3] === '-' && b[n - 2] === '0') b = b.slice(0, n - 2) + b[n - 1];
  }
  return b;
}
