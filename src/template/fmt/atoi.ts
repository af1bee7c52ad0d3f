/** Go's strconv integer conversions: ParseInt, ParseUint, Atoi, FormatInt, Itoa. */
import { ERR_RANGE, ERR_SYNTAX, NumError } from './numerror.ts';

const MAX_UINT64 = (1n << 64n) - 1n;

function lower(c: number): number {
  return c | 0x20;
}

/** underscoreOK: underscores may only separate digits (or follow a base prefix). */
export function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0') {
    const c = lower(s.charCodeAt(1));
    if (c === 0x62 || c === 0x6f || c === 0x78) {
      i = 2;
      saw = '0';
      hex = c === 0x78;
    }
  }
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (hex && lower(c) >= 0x61 && lower(c) <= 0x66)) {
      saw = '0';
      continue;
    }
    if (c === 0x5f) {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** A strconv integer result without the throw: Go's returned value and its error text, if any. */
export interface IntResult {
  n: bigint;
  err?: string;
}

/** strconv.ParseUint without the throw. */
export function tryParseUint(s: string, base: number, bitSize: number): IntResult {
  if (s === '') return { n: 0n, err: ERR_SYNTAX };
  const base0 = base === 0;
  const s0 = s;
  if (base >= 2 && base <= 36) {
    // ok
  } else if (base === 0) {
    base = 10;
    if (s[0] === '0') {
      const c = s.length >= 3 ? lower(s.charCodeAt(1)) : 0;
      if (c === 0x62) {
        base = 2;
        s = s.slice(2);
      } else if (c === 0x6f) {
        base = 8;
        s = s.slice(2);
      } else if (c === 0x78) {
        base = 16;
        s = s.slice(2);
      } else {
        base = 8;
        s = s.slice(1);
      }
    }
  } else {
    return { n: 0n, err: 'invalid base ' + String(base) };
  }
  if (bitSize === 0) bitSize = 64;
  else if (bitSize < 0 || bitSize > 64) return { n: 0n, err: 'invalid bit size ' + String(bitSize) };

  const b = BigInt(base);
  const cutoff = MAX_UINT64 / b + 1n;
  const maxVal = (1n << BigInt(bitSize)) - 1n;
  let underscores = false;
  let n = 0n;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c === 0x5f && base0) {
      underscores = true;
      continue;
    } else if (c >= 0x30 && c <= 0x39) {
      d = c - 0x30;
    } else if (lower(c) >= 0x61 && lower(c) <= 0x7a) {
      d = lower(c) - 0x61 + 10;
    } else {
      return { n: 0n, err: ERR_SYNTAX };
    }
    if (d >= base) return { n: 0n, err: ERR_SYNTAX };
    if (n >= cutoff) return { n: maxVal, err: ERR_RANGE };
    n *= b;
    const n1 = (n + BigInt(d)) & MAX_UINT64;
    if (n1 < n || n1 > maxVal) return { n: maxVal, err: ERR_RANGE };
    n = n1;
  }
  if (underscores && !underscoreOK(s0)) return { n: 0n, err: ERR_SYNTAX };
  return { n };
}

/** strconv.ParseUint; throws {@link NumError} (with `.value`) on failure. */
export function parseUint(s: string, base: number, bitSize: number): bigint {
  const r = tryParseUint(s, base, bitSize);
  if (r.err !== undefined) throw new NumError('ParseUint', s, r.err, r.n);
  return r.n;
}

/**
 * strconv.ParseInt without the throw: on a syntax error `n` is 0, on a range error it is the
 * clamped value Go returns.
 */
export function tryParseInt(s: string, base: number, bitSize: number): IntResult {
  if (s === '') return { n: 0n, err: ERR_SYNTAX };
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') {
    s = s.slice(1);
    neg = true;
  }
  const r = tryParseUint(s, base, bitSize);
  if (r.err !== undefined && r.err !== ERR_RANGE) return { n: 0n, err: r.err };
  if (bitSize === 0) bitSize = 64;
  const cutoff = 1n << BigInt(bitSize - 1);
  if (!neg && r.n >= cutoff) return { n: cutoff - 1n, err: ERR_RANGE };
  if (neg && r.n > cutoff) return { n: -cutoff, err: ERR_RANGE };
  return { n: neg ? -r.n : r.n };
}

function parseIntAs(fn: string, s: string, base: number, bitSize: number): bigint {
  const r = tryParseInt(s, base, bitSize);
  if (r.err !== undefined) throw new NumError(fn, s, r.err, r.n);
  return r.n;
}

/** strconv.ParseInt (bitSize 0 = int = 64 bits); throws {@link NumError} (with `.value`). */
export function parseInt(s: string, base: number, bitSize: number): bigint {
  return parseIntAs('ParseInt', s, base, bitSize);
}

/** strconv.Atoi; throws {@link NumError}. */
export function atoi(s: string): bigint {
  const n = s.length;
  if (n > 0 && n < 19) {
    let t = s;
    if (t[0] === '-' || t[0] === '+') {
      t = t.slice(1);
      if (t.length < 1) throw new NumError('Atoi', s, ERR_SYNTAX, 0n);
    }
    for (let i = 0; i < t.length; i++) {
      const d = t.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9) throw new NumError('Atoi', s, ERR_SYNTAX, 0n);
    }
    const v = BigInt(t);
    return s[0] === '-' ? -v : v;
  }
  return parseIntAs('Atoi', s, 10, 0);
}

/** strconv.FormatInt(n, base) for 2 ≤ base ≤ 36. */
export function formatInt(n: bigint, base: number): string {
  if (base < 2 || base > 36) throw new Error('strconv: illegal AppendInt/FormatInt base');
  return n.toString(base);
}

/** strconv.FormatUint(n, base): n is taken modulo 2^64. */
export function formatUint(n: bigint, base: number): string {
  return formatInt(BigInt.asUintN(64, n), base);
}

/** strconv.Itoa. */
export function itoa(n: bigint | number): string {
  return typeof n === 'bigint' ? n.toString() : String(Math.trunc(n));
}
