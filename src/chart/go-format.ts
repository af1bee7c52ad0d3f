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

/** Shortest decimal digits and exponent of a finite non-zero number at 32 or 64 bits. */
function shortestDigits(x: number, bits: 32 | 64): { digits: string; exp: number } {
  const abs = Math.abs(x);
  if (bits === 64) {
    const [m, e] = abs.toExponential().split('e') as [string, string];
    return { digits: m.replace('.', ''), exp: Number(e) };
  }
  const f = Math.fround(abs);
  for (let p = 1; p <= 9; p++) {
    const s = f.toPrecision(p);
    if (Math.fround(Number(s)) === f) {
      const [m, e] = Number(s).toExponential().split('e') as [string, string];
      return { digits: m.replace('.', ''), exp: Number(e) };
    }
  }
  const [m, e] = f.toExponential(8).split('e') as [string, string];
  return { digits: m.replace('.', '').replace(/0+$/, '') || '0', exp: Number(e) };
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
