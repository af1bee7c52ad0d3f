/** Go's strconv.FormatFloat, exact for every format, precision and bit size. */
import { Decimal, roundShortest } from './decimal.ts';

/** strconv's floatInfo: the IEEE 754 layout of float32 / float64 (ParseFloat needs it too). */
export interface FloatInfo {
  mantBits: number;
  expBits: number;
  bias: number;
}

export const FLOAT32: FloatInfo = { mantBits: 23, expBits: 8, bias: -127 };
export const FLOAT64: FloatInfo = { mantBits: 52, expBits: 11, bias: -1023 };

const view = new DataView(new ArrayBuffer(8));

/** Raw IEEE bits of v as float64 (or float32 after rounding) as a bigint. */
function floatBits(v: number, bitSize: 32 | 64): bigint {
  if (bitSize === 32) {
    view.setFloat32(0, v);
    return BigInt(view.getUint32(0));
  }
  view.setFloat64(0, v);
  return view.getBigUint64(0);
}

/** Digits (d, nd) with the decimal point at dp, as strconv's decimalSlice. */
interface Digits {
  d: string;
  nd: number;
  dp: number;
}

/**
 * strconv.FormatFloat(f, fmt, prec, bitSize). fmt is one of b e E f g G x X; prec -1 means
 * the shortest representation that reads back as the same value.
 */
export function formatFloat(f: number, fmt: string, prec: number, bitSize: 32 | 64): string {
  if (bitSize === 64 && prec < 0 && 'eEfgG'.includes(fmt) && fmt.length === 1) return shortest64(f, fmt);
  const flt = bitSize === 32 ? FLOAT32 : FLOAT64;
  const bits = floatBits(f, bitSize);
  const mantBitsN = BigInt(flt.mantBits);
  const neg = bits >> BigInt(flt.expBits + flt.mantBits) !== 0n;
  let exp = Number((bits >> mantBitsN) & ((1n << BigInt(flt.expBits)) - 1n));
  let mant = bits & ((1n << mantBitsN) - 1n);

  if (exp === (1 << flt.expBits) - 1) {
    if (mant !== 0n) return 'NaN';
    return neg ? '-Inf' : '+Inf';
  }
  if (exp === 0) {
    exp++; // denormal
  } else {
    mant |= 1n << mantBitsN;
  }
  exp += flt.bias;

  if (fmt === 'b') return fmtB(neg, mant, exp, flt);
  if (fmt === 'x' || fmt === 'X') return fmtX(prec, fmt, neg, mant, exp, flt);

  const shortest = prec < 0;
  let digs: Digits;
  if (shortest) {
    digs = exactShortestDigits(mant, exp, flt);
    switch (fmt) {
      case 'e': case 'E': prec = Math.max(digs.nd - 1, 0); break;
      case 'f': prec = Math.max(digs.nd - digs.dp, 0); break;
      case 'g': case 'G': prec = digs.nd; break;
    }
  } else {
    const d = Decimal.of(mant, exp - flt.mantBits);
    switch (fmt) {
      case 'e': case 'E': d.round(prec + 1); break;
      case 'f': d.round(d.dp + prec); break;
      case 'g': case 'G':
        if (prec === 0) prec = 1;
        d.round(prec);
        break;
    }
    digs = { d: d.digits(), nd: d.nd, dp: d.dp };
  }
  return formatDigits(shortest, neg, digs, prec, fmt);
}

/** Fast path: float64, shortest, e/E/f/g/G (the common `%v` case). */
function shortest64(f: number, fmt: string): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  const neg = f < 0 || Object.is(f, -0);
  let digs: Digits = { d: '', nd: 0, dp: 0 };
  if (f !== 0) {
    const s = Math.abs(f).toExponential();
    const e = s.indexOf('e');
    const d = s.slice(0, e).replace('.', '');
    digs = { d, nd: d.length, dp: Number(s.slice(e + 1)) + 1 };
  }
  let prec = 0;
  switch (fmt) {
    case 'e': case 'E': prec = Math.max(digs.nd - 1, 0); break;
    case 'f': prec = Math.max(digs.nd - digs.dp, 0); break;
    default: prec = digs.nd;
  }
  return formatDigits(true, neg, digs, prec, fmt);
}

/** Shortest digits by Go's exact big-decimal algorithm (float32, and float64 zero). */
export function exactShortestDigits(mant: bigint, exp: number, flt: { mantBits: number; bias: number }): Digits {
  const d = Decimal.of(mant, exp - flt.mantBits);
  roundShortest(d, mant, exp, flt.mantBits, flt.bias);
  return { d: d.digits(), nd: d.nd, dp: d.dp };
}

/** Exposed for tests: shortest digits of a float64 through the exact algorithm. */
export function exactShortest64(f: number): { d: string; dp: number } {
  const bits = floatBits(f, 64);
  let exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  if (exp === 0) exp++;
  else mant |= 1n << 52n;
  exp += FLOAT64.bias;
  const r = exactShortestDigits(mant, exp, FLOAT64);
  return { d: r.d, dp: r.dp };
}

function formatDigits(shortest: boolean, neg: boolean, digs: Digits, prec: number, fmt: string): string {
  switch (fmt) {
    case 'e': case 'E':
      return fmtE(neg, digs, prec, fmt);
    case 'f':
      return fmtF(neg, digs, prec);
    case 'g': case 'G': {
      let eprec = prec;
      if (eprec > digs.nd && digs.nd >= digs.dp) eprec = digs.nd;
      // %e is used if the exponent from the conversion is less than -4 or greater than or
      // equal to the precision. If precision was the shortest possible, use precision 6.
      if (shortest) eprec = 6;
      const exp = digs.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > digs.nd) prec = digs.nd;
        return fmtE(neg, digs, prec - 1, fmt === 'g' ? 'e' : 'E');
      }
      if (prec > digs.dp) prec = digs.nd;
      return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
    }
  }
  return '%' + fmt;
}

function fmtE(neg: boolean, d: Digits, prec: number, fmt: string): string {
  let out = neg ? '-' : '';
  out += d.nd !== 0 ? d.d[0] : '0';
  if (prec > 0) {
    out += '.';
    const m = Math.min(d.nd, prec + 1);
    let i = 1;
    if (i < m) {
      out += d.d.slice(i, m);
      i = m;
    }
    if (i <= prec) out += '0'.repeat(prec - i + 1);
  }
  out += fmt;
  let exp = d.dp - 1;
  if (d.nd === 0) exp = 0;
  if (exp < 0) {
    out += '-';
    exp = -exp;
  } else {
    out += '+';
  }
  return out + (exp < 10 ? '0' + exp : String(exp));
}

function fmtF(neg: boolean, d: Digits, prec: number): string {
  let out = neg ? '-' : '';
  if (d.dp > 0) {
    const m = Math.min(d.nd, d.dp);
    out += d.d.slice(0, m);
    if (m < d.dp) out += '0'.repeat(d.dp - m);
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    // digits d[dp .. dp+prec), zero outside [0, nd)
    const lead = Math.min(Math.max(-d.dp, 0), prec);
    out += '0'.repeat(lead);
    const start = d.dp + lead;
    const end = Math.min(d.dp + prec, d.nd);
    if (start < end) out += d.d.slice(start, end);
    const written = lead + Math.max(end - start, 0);
    if (written < prec) out += '0'.repeat(prec - written);
  }
  return out;
}

function fmtB(neg: boolean, mant: bigint, exp: number, flt: FloatInfo): string {
  exp -= flt.mantBits;
  return (neg ? '-' : '') + mant.toString() + 'p' + (exp >= 0 ? '+' : '') + String(exp);
}

const MASK64 = (1n << 64n) - 1n;

function fmtX(prec: number, fmt: string, neg: boolean, mant: bigint, exp: number, flt: FloatInfo): string {
  if (mant === 0n) exp = 0;
  // Shift digits so leading 1 (if any) is at bit 1<<60.
  mant <<= BigInt(60 - flt.mantBits);
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant <<= 1n;
    exp--;
  }
  // Round if requested.
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & ((1n << 60n) - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      // Wrapped around.
      mant >>= 1n;
      exp++;
    }
  }
  const hex = fmt === 'X' ? '0123456789ABCDEF' : '0123456789abcdef';
  let out = neg ? '-' : '';
  out += '0' + fmt + String(Number((mant >> 60n) & 1n));
  mant = (mant << 4n) & MASK64; // remove leading 0 or 1
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  }
  out += fmt === 'X' ? 'P' : 'p';
  if (exp < 0) {
    out += '-';
    exp = -exp;
  } else {
    out += '+';
  }
  return out + (exp < 10 ? '0' + exp : String(exp));
}
