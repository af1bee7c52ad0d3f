/**
 * Byte-level character classes of libyaml / go-yaml (yamlprivateh.go). All YAML processing here works
 * on UTF-8 bytes exactly like go-yaml does; `b` is a byte array and reads past its end yield 0.
 */

export type Bytes = ArrayLike<number>;

export function at(b: Bytes, i: number): number {
  return b[i] ?? 0;
}

export function isAlpha(b: Bytes, i: number): boolean {
  const c = at(b, i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
}

export function isDigit(b: Bytes, i: number): boolean {
  const c = at(b, i);
  return c >= 0x30 && c <= 0x39;
}

export function asDigit(b: Bytes, i: number): number {
  return at(b, i) - 0x30;
}

export function isHex(b: Bytes, i: number): boolean {
  const c = at(b, i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

export function asHex(b: Bytes, i: number): number {
  const c = at(b, i);
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return c - 0x30;
}

export function isAscii(b: Bytes, i: number): boolean {
  return at(b, i) <= 0x7f;
}

export function isPrintable(b: Bytes, i: number): boolean {
  const c = at(b, i);
  const c1 = at(b, i + 1);
  const c2 = at(b, i + 2);
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    (c === 0xc2 && c1 >= 0xa0) ||
    (c > 0xc2 && c < 0xed) ||
    (c === 0xed && c1 < 0xa0) ||
    c === 0xee ||
    (c === 0xef && !(c1 === 0xbb && c2 === 0xbf) && !(c1 === 0xbf && (c2 === 0xbe || c2 === 0xbf)))
  );
}

export function isZ(b: Bytes, i: number): boolean {
  return at(b, i) === 0;
}

/** Note: like go-yaml, this looks at the start of `b`, not at `i`. */
export function isBom(b: Bytes, _i: number): boolean {
  return at(b, 0) === 0xef && at(b, 1) === 0xbb && at(b, 2) === 0xbf;
}

export function isBomAt(b: Bytes, i: number): boolean {
  return at(b, i) === 0xef && at(b, i + 1) === 0xbb && at(b, i + 2) === 0xbf;
}

export function isSpace(b: Bytes, i: number): boolean {
  return at(b, i) === 0x20;
}

export function isTab(b: Bytes, i: number): boolean {
  return at(b, i) === 0x09;
}

export function isBlank(b: Bytes, i: number): boolean {
  const c = at(b, i);
  return c === 0x20 || c === 0x09;
}

export function isBreak(b: Bytes, i: number): boolean {
  const c = at(b, i);
  return (
    c === 0x0d ||
    c === 0x0a ||
    (c === 0xc2 && at(b, i + 1) === 0x85) ||
    (c === 0xe2 && at(b, i + 1) === 0x80 && (at(b, i + 2) === 0xa8 || at(b, i + 2) === 0xa9))
  );
}

export function isCrlf(b: Bytes, i: number): boolean {
  return at(b, i) === 0x0d && at(b, i + 1) === 0x0a;
}

export function isBreakz(b: Bytes, i: number): boolean {
  return isBreak(b, i) || at(b, i) === 0;
}

export function isSpacez(b: Bytes, i: number): boolean {
  return at(b, i) === 0x20 || isBreakz(b, i);
}

export function isBlankz(b: Bytes, i: number): boolean {
  return isBlank(b, i) || isBreakz(b, i);
}

/** Width in bytes of the UTF-8 sequence starting with byte `c` (0 for an invalid leading byte). */
export function width(c: number): number {
  if ((c & 0x80) === 0) return 1;
  if ((c & 0xe0) === 0xc0) return 2;
  if ((c & 0xf0) === 0xe0) return 3;
  if ((c & 0xf8) === 0xf0) return 4;
  return 0;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export function utf8Encode(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Short all-ASCII inputs (most YAML scalars and keys) skip TextDecoder's per-call cost. */
const SHORT_ASCII = 64;

export function utf8Decode(b: ArrayLike<number>): string {
  const n = b.length;
  if (n <= SHORT_ASCII) {
    let s = '';
    let i = 0;
    for (; i < n; i++) {
      const c = b[i]!;
      if (c >= 0x80) break;
      s += String.fromCharCode(c);
    }
    if (i === n) return s;
  }
  return decoder.decode(b instanceof Uint8Array ? b : Uint8Array.from(b));
}

/** Appends the UTF-8 encoding of code point `v` to `out`. */
export function appendRune(out: number[], v: number): void {
  if (v <= 0x7f) {
    out.push(v);
  } else if (v <= 0x7ff) {
    out.push(0xc0 + (v >> 6), 0x80 + (v & 0x3f));
  } else if (v <= 0xffff) {
    out.push(0xe0 + (v >> 12), 0x80 + ((v >> 6) & 0x3f), 0x80 + (v & 0x3f));
  } else {
    out.push(0xf0 + (v >> 18), 0x80 + ((v >> 12) & 0x3f), 0x80 + ((v >> 6) & 0x3f), 0x80 + (v & 0x3f));
  }
}
