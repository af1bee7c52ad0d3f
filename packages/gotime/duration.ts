/**
 * Go's time.Duration (int64 nanoseconds, as bigint): String() (`1h2m3.5s`), ParseDuration and Round,
 * with Go's error texts (`time: invalid duration "x"`).
 */

export const NANOSECOND = 1n;
export const MICROSECOND = 1000n;
export const MILLISECOND = 1000000n;
export const SECOND = 1000000000n;
export const MINUTE = 60n * SECOND;
export const HOUR = 60n * MINUTE;

export const MIN_DURATION = -(1n << 63n);
export const MAX_DURATION = (1n << 63n) - 1n;

/** Go's time.Duration.String(). */
export function durationString(d: bigint): string {
  const neg = d < 0n;
  let u = BigInt.asUintN(64, neg ? -d : d);
  let out: string;
  if (u < SECOND) {
    if (u === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (u < MICROSECOND) {
      prec = 0;
      unit = 'ns';
    } else if (u < MILLISECOND) {
      prec = 3;
      unit = 'µs';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const [frac, rest] = fmtFrac(u, prec);
    out = `${rest}${frac}${unit}`;
  } else {
    const [frac, rest] = fmtFrac(u, 9);
    u = rest;
    out = `${u % 60n}${frac}s`;
    u /= 60n;
    if (u > 0n) {
      out = `${u % 60n}m${out}`;
      u /= 60n;
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

/** The fraction of v/10**prec without trailing zeros (and without the dot when zero), and v/10**prec. */
function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) digits = digit.toString() + digits;
    v /= 10n;
  }
  return [print ? `.${digits}` : '', v];
}

/** Go's quote() helper of package time (used in its error messages). */
export function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c >= 0x80 || c < 0x20) {
      for (const b of new TextEncoder().encode(ch)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    } else {
      if (ch === '"' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return out + '"';
}

/** A Go error from package time (its message is the Go text). */
export class TimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeError';
  }
}

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', NANOSECOND],
  ['us', MICROSECOND],
  ['µs', MICROSECOND], // U+00B5
  ['μs', MICROSECOND], // U+03BC
  ['ms', MILLISECOND],
  ['s', SECOND],
  ['m', MINUTE],
  ['h', HOUR],
]);

const LIMIT = 1n << 63n;
const isDigitCh = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Go's time.ParseDuration; throws TimeError with Go's message. */
export function parseDuration(orig: string): bigint {
  let s = orig;
  let d = 0n;
  let neg = false;
  const invalid = (): TimeError => new TimeError(`time: invalid duration ${timeQuote(orig)}`);
  if (s !== '') {
    const c = s[0];
    if (c === '-' || c === '+') {
      neg = c === '-';
      s = s.slice(1);
    }
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  while (s !== '') {
    let v = 0n;
    let f = 0n;
    let scale = 1;
    if (!(s[0] === '.' || isDigitCh(s[0]))) throw invalid();
    // leadingInt
    let i = 0;
    for (; i < s.length && isDigitCh(s[i]); i++) {
      if (v > LIMIT / 10n) throw invalid();
      v = v * 10n + BigInt((s.charCodeAt(i) - 48));
      if (v > LIMIT) throw invalid();
    }
    const pre = i > 0;
    s = s.slice(i);
    let post = false;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      // leadingFraction
      let j = 0;
      let overflow = false;
      for (; j < s.length && isDigitCh(s[j]); j++) {
        if (overflow) continue;
        if (f > (LIMIT - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
        if (y > LIMIT) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) throw invalid();
    let k = 0;
    for (; k < s.length; k++) {
      const c = s[k];
      if (c === '.' || isDigitCh(c)) break;
    }
    if (k === 0) throw new TimeError(`time: missing unit in duration ${timeQuote(orig)}`);
    const u = s.slice(0, k);
    s = s.slice(k);
    const unit = UNITS.get(u);
    if (unit === undefined) throw new TimeError(`time: unknown unit ${timeQuote(u)} in duration ${timeQuote(orig)}`);
    if (v > LIMIT / unit) throw invalid();
    v *= unit;
    if (f > 0n) {
      // float64 arithmetic exactly as Go does it, then uint64 truncation
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > LIMIT) throw invalid();
    }
    d += v;
    if (d > LIMIT) throw invalid();
  }
  if (neg) return BigInt.asIntN(64, -d);
  if (d > MAX_DURATION) throw invalid();
  return d;
}

/** Go's Duration.Round(m). */
export function durationRound(d: bigint, m: bigint): bigint {
  if (m <= 0n) return d;
  let r = d % m;
  const lessThanHalf = (x: bigint, y: bigint): boolean => BigInt.asUintN(64, x + x) < BigInt.asUintN(64, y);
  if (d < 0n) {
    r = -r;
    if (lessThanHalf(r, m)) return d + r;
    const d1 = d - m + r;
    if (d1 >= MIN_DURATION && d1 < d) return d1;
    return MIN_DURATION;
  }
  if (lessThanHalf(r, m)) return d - r;
  const d1 = d + m - r;
  if (d1 <= MAX_DURATION && d1 > d) return d1;
  return MAX_DURATION;
}

/** Go's Duration.Truncate(m). */
export function durationTruncate(d: bigint, m: bigint): bigint {
  if (m <= 0n) return d;
  return d - (d % m);
}
