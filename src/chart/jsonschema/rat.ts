/**
 * Exact rationals for JSON number literals (Go's big.Rat as gojsonschema uses it), and big.Float's
 * `%v` printing of such a number.
 */

export interface Rat {
  readonly num: bigint;
  /** always > 0 */
  readonly den: bigint;
}

const NUM_RE = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/;

/** big.Rat.SetString for decimal literals; null when not a number. */
export function parseRat(text: string): Rat | null {
  const m = NUM_RE.exec(text);
  if (!m) return null;
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  if (int === '' && frac === '') return null;
  let num = BigInt((int || '0') + frac);
  if (sign === '-') num = -num;
  let e = Number(exp) - frac.length;
  if (Math.abs(e) > 100000) return null;
  let den = 1n;
  if (e >= 0) num *= 10n ** BigInt(e);
  else den = 10n ** BigInt(-e);
  return normalize(num, den);
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

function normalize(num: bigint, den: bigint): Rat {
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}

export function ratIsInt(r: Rat): boolean {
  return r.den === 1n;
}

export function ratCmp(a: Rat, b: Rat): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Whether a / b is an integer (b ≠ 0). */
export function ratQuoIsInt(a: Rat, b: Rat): boolean {
  // (a.num/a.den) / (b.num/b.den) = (a.num*b.den) / (a.den*b.num)
  const n = a.num * b.den;
  const d = a.den * b.num;
  return n % d === 0n;
}

/** Decimal digits and exponent of a rational whose denominator divides a power of ten. */
function decimalDigits(r: Rat): { neg: boolean; digits: string; exp: number } | null {
  let den = r.den;
  let twos = 0;
  let fives = 0;
  while (den % 2n === 0n) {
    den /= 2n;
    twos++;
  }
  while (den % 5n === 0n) {
    den /= 5n;
    fives++;
  }
  if (den !== 1n) return null;
  const k = Math.max(twos, fives);
  const scaled = ((r.num < 0n ? -r.num : r.num) * 10n ** BigInt(k)) / r.den;
  let s = scaled.toString();
  // value = s × 10^-k; exponent of the first digit = len(s) - 1 - k
  const exp = s.length - 1 - k;
  s = s.replace(/0+$/, '') || '0';
  return { neg: r.num < 0n, digits: s, exp };
}

/** `%v` of new(big.Float).SetRat(r): shortest 'g' (exponent form when exp < -4 or ≥ 6). */
export function formatRatG(r: Rat): string {
  if (r.num === 0n) return '0';
  let d = decimalDigits(r);
  if (!d || d.digits.length > 19) {
    const x = Number(r.num) / Number(r.den);
    const [m, e] = Math.abs(x).toExponential().split('e') as [string, string];
    d = { neg: x < 0, digits: m.replace('.', ''), exp: Number(e) };
  }
  const { neg, digits, exp } = d;
  const sign = neg ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ae = Math.abs(exp);
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${ae < 10 ? '0' + ae : ae}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return sign + digits + '0'.repeat(exp + 1 - digits.length);
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}
