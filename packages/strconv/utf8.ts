/**
 * Go strings are byte sequences; ours are JavaScript (UTF-16) strings. The mapping used throughout
 * the template engine and every other Go port of Capstan ("surrogate escape"):
 *
 * - every valid Unicode scalar value is itself (encoded as UTF-8 when Go needs bytes);
 * - a byte that is not part of valid UTF-8 (0x80–0xFF) is the lone low surrogate U+DC80–U+DCFF,
 *   so `"\xff"` in Go is `"\udcff"` here and round-trips through {@link utf8Encode}/{@link utf8Decode};
 * - any other lone surrogate (which cannot come from Go) is treated as U+FFFD.
 *
 * With this, Go's byte-level behaviour (invalid UTF-8 printed as `\xff` by %q, replaced by `\ufffd`
 * in JSON, counted as one rune by padding) can be reproduced exactly.
 */
import { Buffer, isUtf8 } from 'node:buffer';

export const RUNE_ERROR = 0xfffd;
const encoder = new TextEncoder();
// ignoreBOM: keep a leading U+FEFF (Go's string(b) does not strip it)
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
export const MAX_RUNE = 0x10ffff;

/** The JS character standing for the raw (invalid UTF-8) byte `b` (0x80–0xFF). */
export function rawByteChar(b: number): string {
  return String.fromCharCode(0xdc00 | b);
}

/** If code unit `c` is an escaped raw byte, returns the byte value, else -1. */
export function rawByteOf(c: number): number {
  return c >= 0xdc80 && c <= 0xdcff ? c & 0xff : -1;
}

/** One Go rune as `for range` / utf8.DecodeRuneInString see it. */
export interface GoRune {
  /** the rune (RUNE_ERROR for an invalid byte) */
  r: number;
  /** the invalid byte's value when this is a one-byte decoding error, else -1 */
  bad: number;
  /** number of UTF-16 code units consumed */
  units: number;
}

/** Decodes the rune starting at JS index `i` of `s` (which must be < s.length). */
export function runeAt(s: string, i: number): GoRune {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return { r: c, bad: -1, units: 1 };
  if (c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return { r: ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000, bad: -1, units: 2 };
  }
  const b = rawByteOf(c);
  if (b >= 0) return { r: RUNE_ERROR, bad: b, units: 1 };
  return { r: RUNE_ERROR, bad: -1, units: 1 };
}

/** Iterates the runes of a Go string. */
export function* runes(s: string): Generator<GoRune> {
  for (let i = 0; i < s.length;) {
    const g = runeAt(s, i);
    yield g;
    i += g.units;
  }
}

/** utf8.RuneCountInString. */
export function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** utf8.RuneLen for a valid rune. */
export function runeLen(r: number): number {
  if (r < 0) return -1;
  if (r < 0x80) return 1;
  if (r < 0x800) return 2;
  if (r >= 0xd800 && r <= 0xdfff) return -1;
  if (r < 0x10000) return 3;
  if (r <= MAX_RUNE) return 4;
  return -1;
}

/** utf8.ValidRune. */
export function validRune(r: number): boolean {
  return (r >= 0 && r < 0xd800) || (r > 0xdfff && r <= MAX_RUNE);
}

/** string(rune(r)) in Go: invalid runes become U+FFFD. */
export function runeToString(r: number): string {
  return String.fromCodePoint(validRune(r) ? r : RUNE_ERROR);
}

/** The bytes of a Go string ([]byte(s)). */
export function utf8Encode(s: string): Uint8Array {
  // Without lone surrogates there are no escaped raw bytes: plain UTF-8.
  if (s.isWellFormed()) return encoder.encode(s);
  const out: number[] = [];
  for (let i = 0; i < s.length;) {
    const g = runeAt(s, i);
    i += g.units;
    if (g.bad >= 0) {
      out.push(g.bad);
      continue;
    }
    const r = g.r;
    if (r < 0x80) out.push(r);
    else if (r < 0x800) out.push(0xc0 | (r >> 6), 0x80 | (r & 0x3f));
    else if (r < 0x10000) out.push(0xe0 | (r >> 12), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f));
    else out.push(0xf0 | (r >> 18), 0x80 | ((r >> 12) & 0x3f), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f));
  }
  return Uint8Array.from(out);
}

/** Number of bytes of a Go string (len(s)). */
export function byteLength(s: string): number {
  if (s.isWellFormed()) return Buffer.byteLength(s, 'utf8');
  let n = 0;
  for (let i = 0; i < s.length;) {
    const g = runeAt(s, i);
    i += g.units;
    n += g.bad >= 0 ? 1 : runeLen(g.r);
  }
  return n;
}

/**
 * utf8.DecodeRune on bytes: returns [rune, size]; [RUNE_ERROR, 1] for invalid input,
 * [RUNE_ERROR, 0] at the end.
 */
export function decodeRune(b: Uint8Array, i: number): [number, number] {
  const n = b.length - i;
  if (n <= 0) return [RUNE_ERROR, 0];
  const c0 = b[i]!;
  if (c0 < 0x80) return [c0, 1];
  if (c0 < 0xc2 || c0 > 0xf4) return [RUNE_ERROR, 1];
  const c1 = n > 1 ? b[i + 1]! : -1;
  let lo = 0x80;
  let hi = 0xbf;
  if (c0 === 0xe0) lo = 0xa0;
  else if (c0 === 0xed) hi = 0x9f;
  else if (c0 === 0xf0) lo = 0x90;
  else if (c0 === 0xf4) hi = 0x8f;
  if (c1 < lo || c1 > hi) return [RUNE_ERROR, 1];
  if (c0 < 0xe0) return [((c0 & 0x1f) << 6) | (c1 & 0x3f), 2];
  const c2 = n > 2 ? b[i + 2]! : -1;
  if (c2 < 0x80 || c2 > 0xbf) return [RUNE_ERROR, 1];
  if (c0 < 0xf0) return [((c0 & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f), 3];
  const c3 = n > 3 ? b[i + 3]! : -1;
  if (c3 < 0x80 || c3 > 0xbf) return [RUNE_ERROR, 1];
  return [((c0 & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f), 4];
}

/** string(b) in Go: bytes to our string form (invalid bytes become escaped raw bytes). */
export function utf8Decode(b: Uint8Array): string {
  if (isUtf8(b)) return decoder.decode(b);
  let out = '';
  let chunk: number[] = [];
  for (let i = 0; i < b.length;) {
    const [r, size] = decodeRune(b, i);
    if (r === RUNE_ERROR && size === 1) chunk.push(0xdc00 | b[i]!);
    else if (r >= 0x10000) chunk.push(0xd800 + ((r - 0x10000) >> 10), 0xdc00 + ((r - 0x10000) & 0x3ff));
    else chunk.push(r);
    i += size;
    if (chunk.length >= 4096) {
      out += String.fromCharCode(...chunk);
      chunk = [];
    }
  }
  return out + String.fromCharCode(...chunk);
}

/** utf8.ValidString: false when the string holds escaped raw bytes. */
export function validString(s: string): boolean {
  if (s.isWellFormed()) return true;
  for (let i = 0; i < s.length;) {
    const g = runeAt(s, i);
    if (g.bad >= 0) return false;
    i += g.units;
  }
  return true;
}

/** Go's string comparison (byte-wise, i.e. by UTF-8 encoding): -1, 0 or 1. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Differing code units: surrogates need byte-level comparison.
    if ((x >= 0xd800 && x <= 0xdfff) || (y >= 0xd800 && y <= 0xdfff)) {
      const ab = utf8Encode(a);
      const bb = utf8Encode(b);
      const m = Math.min(ab.length, bb.length);
      for (let j = 0; j < m; j++) {
        if (ab[j] !== bb[j]) return ab[j]! < bb[j]! ? -1 : 1;
      }
      return ab.length === bb.length ? 0 : ab.length < bb.length ? -1 : 1;
    }
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
