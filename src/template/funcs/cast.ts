/**
 * github.com/spf13/cast v1.7.0 as Sprig uses it (`cast.ToInt64`, `cast.ToInt`, `cast.ToFloat64`
 * behind int, int64, float64, add, max, until …), on top of Go's strconv (../fmt) and amd64's
 * float→int conversion. cast.ToX drops the error of cast.ToXE, so every failure yields 0.
 */
import { tryParseFloat } from '../fmt/atof.ts';
import { tryParseInt } from '../fmt/atoi.ts';
import { GoNumber } from '../value.ts';
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

/** cast.ToInt64: strings through strconv.ParseInt(trimZeroDecimal(s), 0, 0). A bigint in int64 range. */
export function castToInt64(v: GoValue): bigint {
  if (v === undefined || v === null) return 0n;
  switch (typeof v) {
    case 'bigint': return BigInt.asIntN(64, v);
    case 'number': return floatToInt64(v);
    case 'boolean': return v ? 1n : 0n;
    case 'string': {
      const r = tryParseInt(trimZeroDecimal(v), 0, 64);
      return r.err === undefined ? r.n : 0n;
    }
  }
  if (v instanceof GoNumber) {
    return typeof v.value === 'number' ? floatToInt64(v.value) : BigInt.asIntN(64, v.value);
  }
  return 0n;
}

/** cast.ToInt (int is 64 bits on the platforms Helm ships for). */
export function castToInt(v: GoValue): bigint {
  return castToInt64(v);
}

/** cast.ToFloat64: strings through strconv.ParseFloat(s, 64). */
export function castToFloat64(v: GoValue): number {
  if (v === undefined || v === null) return 0;
  switch (typeof v) {
    case 'bigint': return Number(v);
    case 'number': return v;
    case 'boolean': return v ? 1 : 0;
    case 'string': {
      const r = tryParseFloat(v, 64);
      return r.err === undefined ? r.value : 0;
    }
  }
  if (v instanceof GoNumber) return Number(v.value);
  return 0;
}
