/** Go's strconv.ParseInt / Atoi / ParseFloat, with their exact acceptance rules and range results. */

export type NumErr = 'syntax' | 'range' | null;

const MAX_U64 = 2n ** 64n - 1n;
const MIN_I64 = -(2n ** 63n);
const MAX_I64 = 2n ** 63n - 1n;

function lower(c: string): string {
  return c.toLowerCase();
}

/** strconv's underscoreOK: underscores only between digits (or after a base prefix). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1]!))) {
    i = 2;
    saw = '0';
    hex = lower(s[1]!) === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseUint(s, base, 64). */
export function parseUint(s: string, base: number): [bigint, NumErr] {
  if (s === '') return [0n, 'syntax'];
  const base0 = base === 0;
  const s0 = s;
  if (base === 0) {
    base = 10;
    if (s[0] === '0') {
      const c1 = s.length >= 3 ? lower(s[1]!) : '';
      if (c1 === 'b') { base = 2; s = s.slice(2); }
      else if (c1 === 'o') { base = 8; s = s.slice(2); }
      else if (c1 === 'x') { base = 16; s = s.slice(2); }
      else { base = 8; s = s.slice(1); }
    }
  }
  const b = BigInt(base);
  const cutoff = MAX_U64 / b + 1n;
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    let d: number;
    const code = c.charCodeAt(0);
    if (c === '_' && base0) {
      underscores = true;
      continue;
    } else if (code >= 0x30 && code <= 0x39) d = code - 0x30;
    else if (lower(c) >= 'a' && lower(c) <= 'z' && c.length === 1 && code < 0x80) d = lower(c).charCodeAt(0) - 0x61 + 10;
    else return [0n, 'syntax'];
    if (d >= base) return [0n, 'syntax'];
    if (n >= cutoff) return [MAX_U64, 'range'];
    n *= b;
    const n1 = n + BigInt(d);
    if (n1 > MAX_U64) return [MAX_U64, 'range'];
    n = n1;
  }
  if (underscores && !underscoreOK(s0)) return [0n, 'syntax'];
  return [n, null];
}

/** strconv.ParseInt(s, base, 64). On a range error the value is clamped, as Go returns it. */
export function parseInt64(s: string, base: number): [bigint, NumErr] {
  if (s === '') return [0n, 'syntax'];
  let neg = false;
  let body = s;
  if (s[0] === '+') body = s.slice(1);
  else if (s[0] === '-') {
    neg = true;
    body = s.slice(1);
  }
  const [un, err] = parseUint(body, base);
  if (err === 'syntax') return [0n, 'syntax'];
  if (err === 'range') return [neg ? MIN_I64 : MAX_I64, 'range'];
  if (!neg && un > MAX_I64) return [MAX_I64, 'range'];
  if (neg && un > -MIN_I64) return [MIN_I64, 'range'];
  return [neg ? -un : un, null];
}

/** strconv.Atoi on a 64-bit platform: [value, error] (value clamped on range errors). */
export function atoi(s: string): [bigint, NumErr] {
  return parseInt64(s, 10);
}

function commonPrefixLenIgnoreCase(s: string, prefix: string): number {
  let n = Math.min(prefix.length, s.length);
  for (let i = 0; i < n; i++) {
    if (lower(s[i]!) !== prefix[i]) return i;
  }
  return n;
}

function special(s: string): [number, number] | null {
  if (s.length === 0) return null;
  let sign = 1;
  let nsign = 0;
  let t = s;
  const c = s[0]!;
  if (c === '+' || c === '-' || c === 'i' || c === 'I') {
    if (c === '+' || c === '-') {
      if (c === '-') sign = -1;
      nsign = 1;
      t = s.slice(1);
    }
    let n = commonPrefixLenIgnoreCase(t, 'infinity');
    if (n > 3 && n < 8) n = 3;
    if (n === 3 || n === 8) return [sign * Infinity, nsign + n];
  } else if (c === 'n' || c === 'N') {
    if (commonPrefixLenIgnoreCase(s, 'nan') === 3) return [NaN, 3];
  }
  return null;
}

interface FloatScan {
  ok: boolean;
  end: number;
  hex: boolean;
}

/** strconv's readFloat: where the longest valid float prefix of `s` ends. */
function readFloat(s: string): FloatScan {
  let underscores = false;
  let i = 0;
  const fail: FloatScan = { ok: false, end: 0, hex: false };
  if (i >= s.length) return fail;
  if (s[i] === '+' || s[i] === '-') i++;
  let base = 10;
  let expChar = 'e';
  let hex = false;
  if (i + 2 < s.length && s[i] === '0' && lower(s[i + 1]!) === 'x') {
    base = 16;
    i += 2;
    expChar = 'p';
    hex = true;
  }
  let sawdot = false;
  let sawdigits = false;
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (c === '_') {
      underscores = true;
      continue;
    }
    if (c === '.') {
      if (sawdot) break;
      sawdot = true;
      continue;
    }
    if (c >= '0' && c <= '9') {
      sawdigits = true;
      continue;
    }
    if (base === 16 && lower(c) >= 'a' && lower(c) <= 'f') {
      sawdigits = true;
      continue;
    }
    break;
  }
  if (!sawdigits) return fail;
  if (i < s.length && lower(s[i]!) === expChar) {
    i++;
    if (i >= s.length) return fail;
    if (s[i] === '+' || s[i] === '-') i++;
    if (i >= s.length || s[i]! < '0' || s[i]! > '9') return fail;
    for (; i < s.length && ((s[i]! >= '0' && s[i]! <= '9') || s[i] === '_'); i++) {
      if (s[i] === '_') underscores = true;
    }
  } else if (base === 16) {
    return fail;
  }
  if (underscores && !underscoreOK(s.slice(0, i))) return fail;
  return { ok: true, end: i, hex };
}

function hexFloat(s: string): number {
  // [sign] 0x mantissa[.frac] p [sign] exp, underscores already validated.
  const t = s.replace(/_/g, '');
  const m = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(t);
  if (!m) return NaN;
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  const digits = (intPart + frac).replace(/^0+/, '') || '0';
  let exp = Number(m[4]) - 4 * frac.length;
  let mant = BigInt('0x' + digits);
  // Keep 64 significant bits plus a sticky bit so Number() rounds as Go does (to nearest even).
  const bits = mant.toString(2).length;
  if (bits > 64) {
    const shift = BigInt(bits - 64);
    const sticky = mant & ((1n << shift) - 1n) ? 1n : 0n;
    mant = (mant >> shift) | sticky;
    exp += Number(shift);
  }
  let v = Number(mant);
  while (exp > 0 && Number.isFinite(v) && v !== 0) {
    const k = Math.min(exp, 1000);
    v *= 2 ** k;
    exp -= k;
  }
  while (exp < 0 && v !== 0) {
    const k = Math.max(exp, -1000);
    v *= 2 ** k;
    exp -= k;
  }
  return m[1] === '-' ? -v : v;
}

/** strconv.ParseFloat(s, 64): [value, error]; a range error returns ±Inf as Go does. */
export function parseFloat64(s: string): [number, NumErr] {
  const sp = special(s);
  if (sp) return sp[1] === s.length ? [sp[0], null] : [0, 'syntax'];
  const scan = readFloat(s);
  if (!scan.ok || scan.end !== s.length) return [0, 'syntax'];
  const v = scan.hex ? hexFloat(s) : Number(s.replace(/_/g, ''));
  if (!Number.isFinite(v)) return [v, 'range'];
  return [v, null];
}

/** Go's float64 → int64 conversion on amd64 (out of range and NaN give math.MinInt64). */
export function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f) || f >= 2 ** 63 || f < -(2 ** 63)) return MIN_I64;
  return BigInt(Math.trunc(f));
}
