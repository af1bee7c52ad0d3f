/**
 * github.com/spf13/cast v1.7.0 conversions as Sprig uses them (`toInt64`, `toInt`, `toFloat64`),
 * with Go's strconv parsing and amd64 float→int conversion rules.
 *
 * The `E` variants' errors are discarded by cast.ToInt64/ToFloat64, so every failure yields 0.
 */
import { GoNumber, GoStruct } from '../value.ts';
import type { GoValue } from '../value.ts';

const MIN_INT64 = -(1n << 63n);
const TWO_63 = 2 ** 63;

/**
 * Go's `int64(f)` for a float64 on amd64 (CVTTSD2SQ): truncation toward zero; NaN and
 * out-of-range values give the "integer indefinite" value, math.MinInt64.
 */
export function floatToInt64(f: number): bigint {
  if (Number.isNaN(f) || f >= TWO_63 || f < -TWO_63) return MIN_INT64;
  return BigInt(Math.trunc(f));
}

/** cast.ToInt64 (the error is dropped, as cast.ToInt64 does). Returns a bigint in int64 range. */
export function castToInt64(v: GoValue): bigint {
  if (v === undefined || v === null) return 0n;
  switch (typeof v) {
    case 'bigint': return BigInt.asIntN(64, v);
    case 'number': return floatToInt64(v);
    case 'boolean': return v ? 1n : 0n;
    case 'string': {
      const r = goParseInt(trimZeroDecimal(v));
      return r ?? 0n;
    }
  }
  if (v instanceof GoNumber) {
    if (typeof v.value === 'number') return floatToInt64(v.value);
    return BigInt.asIntN(64, v.value);
  }
  if (v instanceof GoStruct) return 0n;
  return 0n;
}

/** cast.ToInt (int is 64 bits on the platforms Helm ships for). */
export function castToInt(v: GoValue): bigint {
  return castToInt64(v);
}

/** cast.ToFloat64 (the error is dropped). */
export function castToFloat64(v: GoValue): number {
  if (v === undefined || v === null) return 0;
  switch (typeof v) {
    case 'bigint': return Number(v);
    case 'number': return v;
    case 'boolean': return v ? 1 : 0;
    case 'string': return goParseFloat(v) ?? 0;
  }
  if (v instanceof GoNumber) return Number(v.value);
  return 0;
}

/** cast's trimZeroDecimal: "12.000" → "12" (only when every digit after the dot is 0). */
export function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    switch (s[i - 1]) {
      case '.':
        if (foundZero) return s.slice(0, i - 1);
        break;
      case '0':
        foundZero = true;
        break;
      default:
        return s;
    }
  }
  return s;
}

function lower(c: string): string {
  return c.toLowerCase();
}

/** strconv's underscoreOK: underscores only between digits (or after a base prefix). */
export function underscoreOK(str: string): boolean {
  let s = str;
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1] ?? ''))) {
    i = 2;
    saw = '0';
    hex = lower(s[1] ?? '') === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
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

/** strconv.ParseInt(s, 0, 64); undefined on any error (syntax or range). */
export function goParseInt(s0: string): bigint | undefined {
  if (s0 === '') return undefined;
  let s = s0;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const un = goParseUint0(s);
  if (un === undefined) return undefined;
  const cutoff = 1n << 63n;
  if (!neg && un >= cutoff) return undefined;
  if (neg && un > cutoff) return undefined;
  return neg ? -un : un;
}

/** strconv.ParseUint(s, 0, 64) */
function goParseUint0(s0: string): bigint | undefined {
  if (s0 === '') return undefined;
  let s = s0;
  let base = 10n;
  if (s[0] === '0') {
    const p = lower(s[1] ?? '');
    if (s.length >= 3 && p === 'b') { base = 2n; s = s.slice(2); }
    else if (s.length >= 3 && p === 'o') { base = 8n; s = s.slice(2); }
    else if (s.length >= 3 && p === 'x') { base = 16n; s = s.slice(2); }
    else { base = 8n; s = s.slice(1); }
  }
  const maxVal = (1n << 64n) - 1n;
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_') { underscores = true; continue; }
    let d: number;
    const lc = lower(c);
    if (c >= '0' && c <= '9') d = c.charCodeAt(0) - 48;
    else if (lc >= 'a' && lc <= 'z' && lc.length === 1) d = lc.charCodeAt(0) - 97 + 10;
    else return undefined;
    if (BigInt(d) >= base) return undefined;
    n = n * base + BigInt(d);
    if (n > maxVal) return undefined;
  }
  if (underscores && !underscoreOK(s0)) return undefined;
  return n;
}

/** strconv.ParseFloat(s, 64); undefined on a syntax error or on overflow (ErrRange). */
export function goParseFloat(s: string): number | undefined {
  const sp = special(s);
  if (sp !== undefined) return sp.n === s.length ? sp.value : undefined;
  const r = readFloat(s);
  if (!r || r.end !== s.length) return undefined;
  let value: number;
  if (r.hex) {
    value = hexFloatValue(r.digits, r.dp, r.exp);
  } else {
    value = Number(`${r.digits === '' ? '0' : r.digits}e${r.exp - r.digits.length + r.dp}`);
  }
  if (!Number.isFinite(value)) return undefined;
  return r.neg ? -value : value;
}

function special(s: string): { value: number; n: number } | undefined {
  if (s.length === 0) return undefined;
  let sign = 1;
  let nsign = 0;
  let rest = s;
  const c0 = s[0] ?? '';
  if (c0 === '+' || c0 === '-') {
    if (c0 === '-') sign = -1;
    nsign = 1;
    rest = s.slice(1);
  } else if (lower(c0) === 'n') {
    return rest.slice(0, 3).toLowerCase() === 'nan' ? { value: NaN, n: 3 } : undefined;
  } else if (lower(c0) !== 'i') {
    return undefined;
  }
  let n = 0;
  const word = 'infinity';
  while (n < rest.length && n < word.length && lower(rest[n] ?? '') === word[n]) n++;
  if (n > 3 && n < 8) n = 3;
  if (n === 3 || n === 8) return { value: sign * Infinity, n: nsign + n };
  return undefined;
}

interface ReadFloat {
  neg: boolean;
  hex: boolean;
  /** significant digits with leading zeros removed (decimal or hex digits) */
  digits: string;
  /** position of the point relative to the start of `digits` (in digits) */
  dp: number;
  /** explicit exponent (decimal for base 10, binary for hex) */
  exp: number;
  end: number;
}

/** strconv's readFloat: syntax check; returns where the number ends. */
function readFloat(s: string): ReadFloat | undefined {
  let i = 0;
  let underscores = false;
  let neg = false;
  if (i >= s.length) return undefined;
  if (s[i] === '+') i++;
  else if (s[i] === '-') { i++; neg = true; }
  let hex = false;
  if (i + 2 < s.length && s[i] === '0' && lower(s[i + 1] ?? '') === 'x') {
    hex = true;
    i += 2;
  }
  let sawdot = false;
  let sawdigits = false;
  let digits = '';
  let dp = 0;
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c === '_') { underscores = true; continue; }
    if (c === '.') {
      if (sawdot) break;
      sawdot = true;
      dp = digits.length;
      continue;
    }
    const isDec = c >= '0' && c <= '9';
    const isHex = hex && lower(c) >= 'a' && lower(c) <= 'f';
    if (isDec || isHex) {
      sawdigits = true;
      if (c === '0' && digits.length === 0) { dp--; continue; }
      digits += lower(c);
      continue;
    }
    break;
  }
  if (!sawdigits) return undefined;
  if (!sawdot) dp = digits.length;
  let exp = 0;
  const expChar = hex ? 'p' : 'e';
  if (i < s.length && lower(s[i] ?? '') === expChar) {
    i++;
    if (i >= s.length) return undefined;
    let esign = 1;
    if (s[i] === '+') i++;
    else if (s[i] === '-') { i++; esign = -1; }
    const c = s[i] ?? '';
    if (i >= s.length || c < '0' || c > '9') return undefined;
    let e = 0;
    for (; i < s.length; i++) {
      const d = s[i] ?? '';
      if (d === '_') { underscores = true; continue; }
      if (d < '0' || d > '9') break;
      if (e < 10000) e = e * 10 + (d.charCodeAt(0) - 48);
    }
    exp = e * esign;
  } else if (hex) {
    return undefined;
  }
  if (underscores && !underscoreOK(s.slice(0, i))) return undefined;
  return { neg, hex, digits, dp, exp, end: i };
}

/** Value of 0x<digits with point at dp>p<exp>, correctly rounded (ties to even). */
function hexFloatValue(digits: string, dp: number, exp: number): number {
  if (digits === '') return 0;
  let mant = BigInt('0x' + digits);
  let e2 = exp + 4 * (dp - digits.length);
  // Normalise to at most 54 significant bits (53 + guard), keeping a sticky bit.
  const bits = mant.toString(2).length;
  // Determine the target precision, accounting for subnormals (min exponent -1074).
  const topExp = e2 + bits - 1; // exponent of the leading bit
  if (topExp > 1023) return Infinity;
  let keep = 53;
  if (topExp < -1022) keep = 53 - (-1022 - topExp);
  if (keep < 0) return 0;
  if (bits > keep) {
    const drop = BigInt(bits - keep);
    const rem = mant & ((1n << drop) - 1n);
    mant >>= drop;
    e2 += Number(drop);
    const half = 1n << (drop - 1n);
    if (rem > half || (rem === half && (mant & 1n) === 1n)) mant += 1n;
  }
  // mant now fits exactly; scale in two steps to stay exact.
  let v = Number(mant);
  while (e2 > 0) { const step = Math.min(e2, 1000); v *= 2 ** step; e2 -= step; }
  while (e2 < 0) { const step = Math.min(-e2, 1000); v /= 2 ** step; e2 += step; }
  return v;
}
