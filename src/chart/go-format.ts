/**
 * The few pieces of Go's fmt/strconv that chart messages need: `%v` of values (warnings), `%t` of
 * non-bools (`%!t(string=x)`), and strconv.FormatFloat(x, 'g', -1, 32|64).
 */

import type { Value } from './values.ts';

/** Go's `%v` of a JSON-like value. */
export function formatGoV(v: Value | undefined): string {
  if (v === null || v === undefined) return '<nil>';
  switch (typeof v) {
    case 'boolean': return v ? 'true' : 'false';
    case 'string': return v;
    case 'bigint': return v.toString();
    case 'number': return formatFloatG(v, 64);
  }
  if (Array.isArray(v)) return '[' + v.map(formatGoV).join(' ') + ']';
  const keys = [...v.keys()].sort(compareGoStrings);
  return 'map[' + keys.map((k) => `${k}:${formatGoV(v.get(k))}`).join(' ') + ']';
}

/** Go's `%t` applied to any value: booleans print, other kinds print as `%!t(type=value)`. */
export function formatGoT(v: Value | undefined): string {
  if (v === null || v === undefined) return '%!t(<nil>)';
  switch (typeof v) {
    case 'boolean': return v ? 'true' : 'false';
    case 'string': return `%!t(string=${v})`;
    case 'bigint': return `%!t(int64=${v.toString()})`;
    case 'number': return `%!t(float64=${formatFloatG(v, 64)})`;
  }
  if (Array.isArray(v)) return '[' + v.map(formatGoT).join(' ') + ']';
  const keys = [...v.keys()].sort(compareGoStrings);
  return 'map[' + keys.map((k) => `%!t(string=${k}):${formatGoT(v.get(k))}`).join(' ') + ']';
}

/** Byte-wise (UTF-8) string order, as Go's sort.Strings. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

const view = new DataView(new ArrayBuffer(8));

/** The exact decimal expansion of a finite positive double: x = 0.digits × 10^dp. */
function exactDecimal(x: number): { digits: string; dp: number } {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  if (biased !== 0) mant |= 1n << 52n;
  const e2 = (biased === 0 ? 1 : biased) - 1075;
  const n = e2 >= 0 ? mant << BigInt(e2) : mant * 5n ** BigInt(-e2);
  const digits = n.toString();
  return { digits, dp: digits.length - Math.max(0, -e2) };
}

/**
 * Shortest decimal digits and exponent (x = d.ddd × 10^exp) of a finite non-zero number that read
 * back at 32 or 64 bits give the same number; of several, the closest (ties to even), as Go does.
 */
function shortestDigits(x: number, bits: 32 | 64): { digits: string; exp: number } {
  const abs = Math.abs(x);
  if (bits === 64) {
    // ECMAScript's Number::toString picks the same digits as Go's shortest formatting.
    const [m, e] = abs.toExponential().split('e') as [string, string];
    return { digits: m.replace('.', ''), exp: Number(e) };
  }
  const f = Math.fround(abs);
  const { digits, dp } = exactDecimal(f);
  const result = (n: bigint, scale: number): { digits: string; exp: number } => {
    const s = n.toString();
    return { digits: s.replace(/0+$/, '') || '0', exp: scale + s.length - 1 };
  };
  for (let p = 1; p < digits.length; p++) {
    const down = BigInt(digits.slice(0, p));
    const up = down + 1n;
    const scale = dp - p;
    const rest = digits.slice(p).replace(/0+$/, '');
    // which neighbour is closer: the rest of the digits against one half (5000…)
    const cmp = rest === '5' ? 0 : rest[0]! > '5' || (rest[0] === '5' && rest.length > 1) ? 1 : -1;
    const upFirst = cmp > 0 || (cmp === 0 && (down & 1n) === 1n);
    for (const c of upFirst ? [up, down] : [down, up]) {
      if (Math.fround(Number(`${c}e${scale}`)) === f) return result(c, scale);
    }
  }
  return result(BigInt(digits), dp - digits.length);
}

/** strconv.FormatFloat(x, 'g', -1, bits). */
export function formatFloatG(x: number, bits: 32 | 64): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const sign = x < 0 ? '-' : '';
  const { digits, exp } = shortestDigits(x, bits);
  if (exp < -4 || exp >= 6) {
    // %e form: d.ddde±XX
    const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    const ae = Math.abs(exp);
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${ae < 10 ? '0' + ae : ae}`;
  }
  if (exp < 0) return sign + '0.' + '0'.repeat(-exp - 1) + digits;
  if (digits.length <= exp + 1) return sign + digits + '0'.repeat(exp + 1 - digits.length);
  return sign + digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
}
