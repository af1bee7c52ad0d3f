/**
 * The subset of github.com/shopspring/decimal v1.4.0 that Sprig's `addf`/`subf`/`mulf`/`divf`
 * use: NewFromFloat, Add, Sub, Mul, Div (DivRound to DivisionPrecision = 16) and Float64.
 * A decimal is value × 10^exp with an arbitrary-precision value.
 */

const DIVISION_PRECISION = 16;
const MAX_INT32 = 2147483647;
const MIN_INT32 = -2147483648;

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function babs(v: bigint): bigint {
  return v < 0n ? -v : v;
}

function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  return f > 0 ? '+Inf' : '-Inf';
}

export class Decimal {
  readonly value: bigint;
  readonly exp: number;
  constructor(value: bigint, exp: number) {
    this.value = value;
    this.exp = exp;
  }

  /**
   * decimal.NewFromFloat: the shortest decimal that round-trips to the float (the same digits
   * JavaScript prints). Panics on NaN/±Inf as the Go code does.
   */
  static fromFloat(f: number): Decimal {
    if (f === 0) return new Decimal(0n, 0);
    if (!Number.isFinite(f)) throw new Error(`Cannot create a Decimal from ${formatGoFloat(f)}`);
    const s = Math.abs(f).toExponential(); // d.ddddde±x, shortest round-trip digits
    const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
    if (!m) throw new Error(`internal: cannot decompose float ${s}`);
    const digits = (m[1] ?? '') + (m[2] ?? '');
    const e10 = Number(m[3]);
    const value = BigInt(digits) * (f < 0 ? -1n : 1n);
    return new Decimal(value, e10 - (digits.length - 1));
  }

  private rescale(exp: number): Decimal {
    if (this.exp === exp) return this;
    const diff = Math.abs(exp - this.exp);
    const scale = pow10(diff);
    // Go's big.Int Quo truncates toward zero, as BigInt division does.
    const value = exp > this.exp ? this.value / scale : this.value * scale;
    return new Decimal(value, exp);
  }

  private static rescalePair(a: Decimal, b: Decimal): [Decimal, Decimal] {
    if (a.exp < b.exp) return [a, b.rescale(a.exp)];
    if (a.exp > b.exp) return [a.rescale(b.exp), b];
    return [a, b];
  }

  add(d2: Decimal): Decimal {
    const [a, b] = Decimal.rescalePair(this, d2);
    return new Decimal(a.value + b.value, a.exp);
  }

  sub(d2: Decimal): Decimal {
    const [a, b] = Decimal.rescalePair(this, d2);
    return new Decimal(a.value - b.value, a.exp);
  }

  mul(d2: Decimal): Decimal {
    const e = this.exp + d2.exp;
    if (e > MAX_INT32 || e < MIN_INT32) throw new Error(`exponent ${e} overflows an int32!`);
    return new Decimal(this.value * d2.value, e);
  }

  cmp(d2: Decimal): number {
    const [a, b] = Decimal.rescalePair(this, d2);
    return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  }

  /** decimal.QuoRem */
  quoRem(d2: Decimal, precision: number): [Decimal, Decimal] {
    if (d2.value === 0n) throw new Error('decimal division by 0');
    const scale = -precision;
    const e = this.exp - d2.exp - scale;
    if (e > MAX_INT32 || e < MIN_INT32) throw new Error('overflow in decimal QuoRem');
    let aa: bigint;
    let bb: bigint;
    let scalerest: number;
    if (e < 0) {
      aa = this.value;
      bb = d2.value * pow10(-e);
      scalerest = this.exp;
    } else {
      aa = this.value * pow10(e);
      bb = d2.value;
      scalerest = scale + d2.exp;
    }
    const q = aa / bb;
    const r = aa % bb;
    return [new Decimal(q, scale), new Decimal(r, scalerest)];
  }

  /** decimal.DivRound: half away from zero at the given precision. */
  divRound(d2: Decimal, precision: number): Decimal {
    const [q, r] = this.quoRem(d2, precision);
    const r2 = new Decimal(babs(r.value) * 2n, r.exp + precision);
    const c = r2.cmp(new Decimal(babs(d2.value), d2.exp));
    if (c < 0) return q;
    const sign = (v: bigint): number => (v < 0n ? -1 : v > 0n ? 1 : 0);
    if (sign(this.value) * sign(d2.value) < 0) return q.sub(new Decimal(1n, -precision));
    return q.add(new Decimal(1n, -precision));
  }

  div(d2: Decimal): Decimal {
    return this.divRound(d2, DIVISION_PRECISION);
  }

  /** decimal.Float64: the nearest float64 (big.Rat.Float64 rounds to nearest even). */
  float64(): number {
    if (this.value === 0n) return 0;
    // JavaScript's number parsing is correctly rounded, like big.Rat.Float64.
    return Number(`${this.value}e${this.exp}`);
  }
}
