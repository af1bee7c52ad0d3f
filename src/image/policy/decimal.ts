/**
 * Decimal numbers for the `numerical` policy, compared exactly. Flux parses tags with Go's
 * `strconv.ParseFloat`, which rounds to float64: timestamps such as `20240102030405123` (17 digits) collide.
 * Here a tag is read as a decimal literal (`[+-]digits[.digits][e[+-]digits]`) and compared digit by digit, so
 * every distinct value orders correctly. `NaN`, `Inf` and hexadecimal floats, which ParseFloat also accepts,
 * are not numbers here (no image tag uses them) and are skipped like any other non-number.
 */

const DECIMAL = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/;

/** value = sign × 0.digits × 10^exp, with `digits` free of leading and trailing zeros (zero: digits ""). */
export interface Decimal {
  readonly sign: 1 | -1;
  readonly digits: string;
  readonly exp: number;
}

/** Parses a decimal literal; undefined when `s` is not one. */
export function parseDecimal(s: string): Decimal | undefined {
  const m = DECIMAL.exec(s);
  if (m === null) return undefined;
  const int = m[2] ?? '';
  const frac = m[3] ?? '';
  if (int === '' && frac === '') return undefined;
  const e = m[4] !== undefined ? Number(m[4]) : 0;
  if (!Number.isSafeInteger(e)) return undefined;
  const all = int + frac;
  const lead = all.length - all.replace(/^0+/, '').length;
  const digits = all.slice(lead).replace(/0+$/, '');
  if (digits === '') return { sign: 1, digits: '', exp: 0 };
  return { sign: m[1] === '-' ? -1 : 1, digits, exp: int.length - lead + e };
}

function compareMagnitude(a: Decimal, b: Decimal): number {
  if (a.digits === '' || b.digits === '') return a.digits === '' ? (b.digits === '' ? 0 : -1) : 1;
  if (a.exp !== b.exp) return a.exp < b.exp ? -1 : 1;
  const n = Math.max(a.digits.length, b.digits.length);
  const x = a.digits.padEnd(n, '0');
  const y = b.digits.padEnd(n, '0');
  return x < y ? -1 : x > y ? 1 : 0;
}

/** -1, 0 or 1 by numeric value (`1.0` equals `1`, `1e3` equals `1000`). */
export function compareDecimal(a: Decimal, b: Decimal): number {
  const sa = a.digits === '' ? 0 : a.sign;
  const sb = b.digits === '' ? 0 : b.sign;
  if (sa !== sb) return sa < sb ? -1 : 1;
  const m = compareMagnitude(a, b);
  return sa < 0 ? -m : m;
}
