/**
 * Go `math` functions whose results differ from JavaScript's built-ins in edge cases:
 * math.Pow (Go's own algorithm, used by Sprig's `round`), math.Max/math.Min (Inf beats NaN,
 * signed zeros) and math.Modf.
 */

/** math.Frexp: f = frac × 2^exp with |frac| in [0.5, 1). */
export function frexp(f: number): [number, number] {
  if (f === 0 || !Number.isFinite(f)) return [f, 0];
  let e = 0;
  let x = f;
  // bring into the normal range first
  if (Math.abs(x) < 2 ** -1022) { x *= 2 ** 52; e -= 52; }
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const bexp = (hi >>> 20) & 0x7ff;
  e += bexp - 1022;
  buf.setUint32(0, (hi & ~(0x7ff << 20)) | (1022 << 20));
  return [buf.getFloat64(0), e];
}

/** math.Ldexp: frac × 2^exp with a single rounding (denormal results included). */
export function ldexp(frac: number, exp: number): number {
  if (frac === 0 || !Number.isFinite(frac)) return frac;
  const [f, e0] = frexp(frac);
  let e = e0 + exp;
  let x = f;
  if (e < -1075) return Math.sign(x) * 0; // underflow (keeps the sign of zero)
  if (e > 1024) return x < 0 ? -Infinity : Infinity;
  // f in [0.5,1): f × 2^e. Split so each step is exact except the last multiplication.
  if (e < -1021) {
    x = x * 2 ** (e + 53);
    return x * 2 ** -53;
  }
  if (e > 1023) {
    x *= 2;
    e -= 1;
  }
  return x * 2 ** e;
}

/** math.Modf's fractional part (sign of f; NaN for infinities). */
export function modfFrac(f: number): number {
  if (Number.isNaN(f) || !Number.isFinite(f)) return NaN;
  const frac = f - Math.trunc(f);
  return frac === 0 ? (Object.is(f, -0) || f < 0 ? -0 : 0) : frac;
}

function isOddInt(y: number): boolean {
  if (Math.abs(y) >= 2 ** 53) return false;
  return Number.isInteger(y) && Math.abs(y % 2) === 1;
}

/** math.Pow, following Go's algorithm (repeated squaring with exponent bookkeeping). */
export function goPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (y === 1) return x;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0) {
    if (y < 0) return Object.is(x, -0) && isOddInt(y) ? -Infinity : Infinity;
    if (y > 0) return Object.is(x, -0) && isOddInt(y) ? x : 0;
  }
  if (!Number.isFinite(y)) {
    if (x === -1) return 1;
    return (Math.abs(x) < 1) === (y > 0) ? 0 : Infinity;
  }
  if (!Number.isFinite(x)) {
    if (x < 0) return goPow(1 / x, -y);
    return y < 0 ? 0 : Infinity;
  }
  if (y === 0.5) return Math.sqrt(x);
  if (y === -0.5) return 1 / Math.sqrt(x);
  const ay = Math.abs(y);
  let yi = Math.trunc(ay);
  let yf = ay - yi;
  if (yf !== 0 && x < 0) return NaN;
  if (yi >= 2 ** 63) {
    if (x === -1) return 1;
    return (Math.abs(x) < 1) === (y > 0) ? 0 : Infinity;
  }
  let a1 = 1.0;
  let ae = 0;
  if (yf !== 0) {
    if (yf > 0.5) { yf--; yi++; }
    a1 = Math.exp(yf * Math.log(x));
  }
  let [x1, xe] = frexp(x);
  for (let i = BigInt(yi); i !== 0n; i >>= 1n) {
    if (xe < -(1 << 12) || (1 << 12) < xe) {
      ae += xe;
      break;
    }
    if ((i & 1n) === 1n) {
      a1 *= x1;
      ae += xe;
    }
    x1 *= x1;
    xe *= 2;
    if (x1 < 0.5) {
      x1 += x1;
      xe--;
    }
  }
  if (y < 0) {
    a1 = 1 / a1;
    ae = -ae;
  }
  return ldexp(a1, ae);
}

/** math.Max */
export function goMax(x: number, y: number): number {
  if (x === Infinity || y === Infinity) return Infinity;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0 && x === y) return Object.is(x, -0) ? y : x;
  return x > y ? x : y;
}

/** math.Min */
export function goMin(x: number, y: number): number {
  if (x === -Infinity || y === -Infinity) return -Infinity;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0 && x === y) return Object.is(x, -0) ? x : y;
  return x < y ? x : y;
}
