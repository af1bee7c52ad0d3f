/** Go's strconv.ParseFloat: Go syntax (underscores, hex floats, inf/nan), exact rounding, Go errors. */
import { underscoreOK } from './atoi.ts';
import { FLOAT32, FLOAT64, type FloatInfo } from '@capstan/strconv';
import { ERR_RANGE, ERR_SYNTAX, NumError } from './numerror.ts';

const view = new DataView(new ArrayBuffer(8));

function fromBits(bits: bigint, flt: FloatInfo): number {
  if (flt === FLOAT32) {
    view.setUint32(0, Number(bits));
    return view.getFloat32(0);
  }
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}

function lower(c: number): number {
  return c | 0x20;
}

function commonPrefixLenIgnoreCase(s: string, prefix: string): number {
  const n = Math.min(prefix.length, s.length);
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== prefix.charCodeAt(i)) return i;
  }
  return n;
}

/** Infinity / NaN spellings: returns [value, length] or null. */
function special(s: string): [number, number] | null {
  if (s.length === 0) return null;
  let sign = 1;
  let nsign = 0;
  const c = s[0];
  if (c === '+' || c === '-' || c === 'i' || c === 'I') {
    if (c === '+' || c === '-') {
      if (c === '-') sign = -1;
      nsign = 1;
      s = s.slice(1);
    }
    let n = commonPrefixLenIgnoreCase(s, 'infinity');
    if (n > 3 && n < 8) n = 3;
    if (n === 3 || n === 8) return [sign * Infinity, nsign + n];
  } else if (c === 'n' || c === 'N') {
    if (commonPrefixLenIgnoreCase(s, 'nan') === 3) return [NaN, 3];
  }
  return null;
}

interface ReadFloat {
  /** all significant digits (without leading zeros) as an integer */
  mantissa: bigint;
  /** value = mantissa × base^exp (base 10), or × 2^exp (hex) */
  exp: number;
  neg: boolean;
  hex: boolean;
  n: number;
}

/** readFloat: parses the longest float prefix; null when there is none. */
function readFloat(s: string): ReadFloat | null {
  let underscores = false;
  let i = 0;
  if (i >= s.length) return null;
  let neg = false;
  if (s[i] === '+') i++;
  else if (s[i] === '-') {
    i++;
    neg = true;
  }
  let base = 10;
  let expChar = 0x65; // 'e'
  let hex = false;
  if (i + 2 < s.length && s[i] === '0' && lower(s.charCodeAt(i + 1)) === 0x78) {
    base = 16;
    i += 2;
    expChar = 0x70; // 'p'
    hex = true;
  }
  let sawdot = false;
  let sawdigits = false;
  let nd = 0;
  let dp = 0;
  let digits = '';
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5f) {
      underscores = true;
      continue;
    }
    if (c === 0x2e) {
      if (sawdot) break;
      sawdot = true;
      dp = nd;
      continue;
    }
    if (c >= 0x30 && c <= 0x39) {
      sawdigits = true;
      if (c === 0x30 && nd === 0) {
        dp--;
        continue;
      }
      nd++;
      digits += s[i];
      continue;
    }
    if (base === 16 && lower(c) >= 0x61 && lower(c) <= 0x66) {
      sawdigits = true;
      nd++;
      digits += s[i];
      continue;
    }
    break;
  }
  if (!sawdigits) return null;
  if (!sawdot) dp = nd;
  if (base === 16) dp *= 4;
  let e10 = 0;
  if (i < s.length && lower(s.charCodeAt(i)) === expChar) {
    i++;
    if (i >= s.length) return null;
    let esign = 1;
    if (s[i] === '+') i++;
    else if (s[i] === '-') {
      i++;
      esign = -1;
    }
    if (i >= s.length || s.charCodeAt(i) < 0x30 || s.charCodeAt(i) > 0x39) return null;
    let e = 0;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x5f) {
        underscores = true;
        continue;
      }
      if (c < 0x30 || c > 0x39) break;
      if (e < 10000) e = e * 10 + (c - 0x30);
    }
    e10 = e * esign;
  } else if (base === 16) {
    return null;
  }
  if (underscores && !underscoreOK(s.slice(0, i))) return null;
  const mantissa = digits === '' ? 0n : BigInt((hex ? '0x' : '') + digits);
  // value = 0.digits × base^dp × (2|10)^e10  →  mantissa × unit^(dp·k − nd·k + e10)
  const exp = hex ? dp - nd * 4 + e10 : dp - nd + e10;
  return { mantissa, exp, neg, hex, n: i };
}

/** Rounds num/den (> 0) to the nearest float of the given format (half to even). */
function ratToFloat(num: bigint, den: bigint, flt: FloatInfo): { bits: bigint; overflow: boolean } {
  const maxExp = (1 << flt.expBits) + flt.bias - 2;
  const minExp = flt.bias + 1;
  // e = floor(log2(num/den))
  let e = num.toString(2).length - den.toString(2).length;
  if (e >= 0 ? num < den << BigInt(e) : num << BigInt(-e) < den) e--;
  if (e < minExp) e = minExp;
  // q = num/den × 2^(mantBits − e)
  const sh = flt.mantBits - e;
  let n = num;
  let d = den;
  if (sh >= 0) n <<= BigInt(sh);
  else d <<= BigInt(-sh);
  let q = n / d;
  const r2 = (n - q * d) * 2n;
  if (r2 > d || (r2 === d && (q & 1n) === 1n)) q++;
  if (q === 1n << BigInt(flt.mantBits + 1)) {
    q >>= 1n;
    e++;
  }
  if (e > maxExp) {
    return { bits: BigInt((1 << flt.expBits) - 1) << BigInt(flt.mantBits), overflow: true };
  }
  let biased = 0n;
  if (q >= 1n << BigInt(flt.mantBits)) biased = BigInt(e - flt.bias);
  const bits = (q & ((1n << BigInt(flt.mantBits)) - 1n)) | (biased << BigInt(flt.mantBits));
  return { bits, overflow: false };
}

function convert(r: ReadFloat, flt: FloatInfo): { value: number; overflow: boolean } {
  const signBit = 1n << BigInt(flt.mantBits + flt.expBits);
  let res: { bits: bigint; overflow: boolean };
  if (r.mantissa === 0n) {
    res = { bits: 0n, overflow: false };
  } else if (r.hex) {
    const nbits = r.mantissa.toString(2).length;
    if (nbits + r.exp > 1 << flt.expBits) res = { bits: BigInt((1 << flt.expBits) - 1) << BigInt(flt.mantBits), overflow: true };
    else if (nbits + r.exp < flt.bias - flt.mantBits - 2) res = { bits: 0n, overflow: false };
    else res = r.exp >= 0 ? ratToFloat(r.mantissa << BigInt(r.exp), 1n, flt) : ratToFloat(r.mantissa, 1n << BigInt(-r.exp), flt);
  } else {
    const dp = r.mantissa.toString().length + r.exp; // decimal point position
    if (dp > 310) res = { bits: BigInt((1 << flt.expBits) - 1) << BigInt(flt.mantBits), overflow: true };
    else if (dp < -330) res = { bits: 0n, overflow: false };
    else if (flt === FLOAT64) {
      // ECMAScript number parsing is correctly rounded.
      const v = Number(`${r.mantissa}e${r.exp}`);
      return { value: r.neg ? -v : v, overflow: !Number.isFinite(v) };
    } else {
      res = r.exp >= 0 ? ratToFloat(r.mantissa * 10n ** BigInt(r.exp), 1n, flt) : ratToFloat(r.mantissa, 10n ** BigInt(-r.exp), flt);
    }
  }
  const bits = r.neg ? res.bits | signBit : res.bits;
  return { value: fromBits(bits, flt), overflow: res.overflow };
}

/** A strconv.ParseFloat result without the throw: Go's returned value and its error text, if any. */
export interface FloatResult {
  value: number;
  err?: string;
}

/** strconv.ParseFloat without the throw (`value` is ±Inf on a range error, 0 on a syntax error). */
export function tryParseFloat(s: string, bitSize: 32 | 64 = 64): FloatResult {
  const sp = special(s);
  if (sp) return sp[1] === s.length ? { value: sp[0] } : { value: 0, err: ERR_SYNTAX };
  const r = readFloat(s);
  if (!r || r.n !== s.length) return { value: 0, err: ERR_SYNTAX };
  const { value, overflow } = convert(r, bitSize === 32 ? FLOAT32 : FLOAT64);
  return overflow ? { value, err: ERR_RANGE } : { value };
}

/**
 * strconv.ParseFloat(s, bitSize). Returns the value (a float32 value when bitSize is 32);
 * throws {@link NumError} — with `.value` ±Inf for `value out of range`.
 */
export function parseFloat(s: string, bitSize: 32 | 64 = 64): number {
  const r = tryParseFloat(s, bitSize);
  if (r.err !== undefined) throw new NumError('ParseFloat', s, r.err, r.value);
  return r.value;
}
