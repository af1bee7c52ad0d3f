/**
 * Exact decimal expansion of binary floating-point values, with Go's strconv rounding rules
 * (strconv/decimal.go: Round / RoundUp / RoundDown, and roundShortest from ftoa.go).
 */

/** Decimal digits d[0..nd) with the decimal point at dp (value = 0.d × 10^dp). */
export class Decimal {
  d: number[];
  nd: number;
  dp: number;
  constructor(d: number[], dp: number) {
    this.d = d;
    this.nd = d.length;
    this.dp = dp;
  }

  /** The exact value mant × 2^exp2. */
  static of(mant: bigint, exp2: number): Decimal {
    if (mant === 0n) return new Decimal([], 0);
    let s: string;
    let dp: number;
    if (exp2 >= 0) {
      s = (mant << BigInt(exp2)).toString();
      dp = s.length;
    } else {
      s = (mant * 5n ** BigInt(-exp2)).toString();
      dp = s.length + exp2;
    }
    let end = s.length;
    while (end > 0 && s.charCodeAt(end - 1) === 0x30) end--;
    const d: number[] = new Array<number>(end);
    for (let i = 0; i < end; i++) d[i] = s.charCodeAt(i) - 0x30;
    return new Decimal(d, dp);
  }

  private trim(): void {
    while (this.nd > 0 && this.d[this.nd - 1] === 0) this.nd--;
    if (this.nd === 0) this.dp = 0;
  }

  private shouldRoundUp(nd: number): boolean {
    if (nd < 0 || nd >= this.nd) return false;
    if (this.d[nd] === 5 && nd + 1 === this.nd) {
      // exactly halfway: round to even
      return nd > 0 && this.d[nd - 1]! % 2 !== 0;
    }
    return this.d[nd]! >= 5;
  }

  /** Rounds to nd digits (half to even on exact ties). */
  round(nd: number): void {
    if (nd < 0 || nd >= this.nd) return;
    if (this.shouldRoundUp(nd)) this.roundUp(nd);
    else this.roundDown(nd);
  }

  roundDown(nd: number): void {
    if (nd < 0 || nd >= this.nd) return;
    this.nd = nd;
    this.trim();
  }

  roundUp(nd: number): void {
    if (nd < 0 || nd >= this.nd) return;
    for (let i = nd - 1; i >= 0; i--) {
      if (this.d[i]! < 9) {
        this.d[i]!++;
        this.nd = i + 1;
        return;
      }
    }
    this.d[0] = 1;
    this.nd = 1;
    this.dp++;
  }

  /** The digits as a string. */
  digits(): string {
    let s = '';
    for (let i = 0; i < this.nd; i++) s += String.fromCharCode(0x30 + this.d[i]!);
    return s;
  }
}

/**
 * Rounds d (the exact value of mant × 2^(exp − mantBits)) to the shortest decimal that still
 * reads back as the same float (Go's roundShortest).
 */
export function roundShortest(d: Decimal, mant: bigint, exp: number, mantBits: number, bias: number): void {
  if (mant === 0n) {
    d.nd = 0;
    return;
  }
  const minexp = bias + 1;
  if (exp > minexp && 332 * (d.dp - d.nd) >= 100 * (exp - mantBits)) return;

  const upper = Decimal.of(mant * 2n + 1n, exp - mantBits - 1);
  let mantlo: bigint;
  let explo: number;
  if (mant > 1n << BigInt(mantBits) || exp === minexp) {
    mantlo = mant - 1n;
    explo = exp;
  } else {
    mantlo = mant * 2n - 1n;
    explo = exp - 1;
  }
  const lower = Decimal.of(mantlo * 2n + 1n, explo - mantBits - 1);
  const inclusive = mant % 2n === 0n;

  let upperdelta = 0;
  for (let ui = 0; ; ui++) {
    const mi = ui - upper.dp + d.dp;
    if (mi >= d.nd) break;
    const li = ui - upper.dp + lower.dp;
    const l = li >= 0 && li < lower.nd ? lower.d[li]! : 0;
    const m = mi >= 0 ? d.d[mi]! : 0;
    const u = ui < upper.nd ? upper.d[ui]! : 0;

    const okdown = l !== m || (inclusive && li + 1 === lower.nd);
    if (upperdelta === 0 && m + 1 < u) upperdelta = 2;
    else if (upperdelta === 0 && m !== u) upperdelta = 1;
    else if (upperdelta === 1 && (m !== 9 || u !== 0)) upperdelta = 2;
    const okup = upperdelta > 0 && (inclusive || upperdelta > 1 || ui + 1 < upper.nd);

    if (okdown && okup) {
      d.round(mi + 1);
      return;
    }
    if (okdown) {
      d.roundDown(mi + 1);
      return;
    }
    if (okup) {
      d.roundUp(mi + 1);
      return;
    }
  }
}
