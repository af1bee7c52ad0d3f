/** Go's time.Parse / time.ParseInLocation, with Go's ParseError texts. */
import { DAYS_BEFORE, LONG_DAY_NAMES, LONG_MONTH_NAMES, daysIn, isLeap } from './civil.ts';
import { TimeError, timeQuote } from './duration.ts';
import { nextStdChunk, type Std } from './layout.ts';
import { UTC, fixedZone, type Location } from './location.ts';
import { local } from './load.ts';
import { date, type Time } from './time.ts';

const SHORT_DAY_NAMES = LONG_DAY_NAMES.map((d) => d.slice(0, 3));
const SHORT_MONTH_NAMES = LONG_MONTH_NAMES.map((m) => m.slice(0, 3));

class Bad extends Error {}
const BAD = new Bad('bad value for field');

function parseError(layout: string, value: string, layoutElem: string, valueElem: string, message: string): TimeError {
  if (message === '') {
    return new TimeError(`parsing time ${timeQuote(value)} as ${timeQuote(layout)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(layoutElem)}`);
  }
  return new TimeError(`parsing time ${timeQuote(value)}${message}`);
}

const isDigit = (s: string, i: number): boolean => i < s.length && s[i]! >= '0' && s[i]! <= '9';

function getnum(s: string, fixed: boolean): [number, string] {
  if (!isDigit(s, 0)) throw BAD;
  if (!isDigit(s, 1)) {
    if (fixed) throw BAD;
    return [s.charCodeAt(0) - 48, s.slice(1)];
  }
  return [(s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48), s.slice(2)];
}

function getnum3(s: string, fixed: boolean): [number, string] {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigit(s, i); i++) n = n * 10 + (s.charCodeAt(i) - 48);
  if (i === 0 || (fixed && i !== 3)) throw BAD;
  return [n, s.slice(i)];
}

/** leadingInt: the leading digits as a number (undefined on int64 overflow). */
function leadingInt(s: string): [number, string] | undefined {
  let i = 0;
  let x = 0n;
  for (; i < s.length && isDigit(s, i); i++) {
    x = x * 10n + BigInt(s.charCodeAt(i) - 48);
    if (x > 1n << 63n) return undefined;
  }
  return [Number(x), s.slice(i)];
}

function atoi(s: string): number {
  let neg = false;
  if (s.length > 0 && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const r = leadingInt(s);
  if (!r || r[1].length > 0) throw BAD;
  return neg ? -r[0] : r[0];
}

function lookup(tab: readonly string[], val: string): [number, string] {
  for (let i = 0; i < tab.length; i++) {
    const v = tab[i] as string;
    if (val.length >= v.length && val.slice(0, v.length).toLowerCase() === v.toLowerCase() && /^[A-Za-z]*$/.test(val.slice(0, v.length))) {
      return [i, val.slice(v.length)];
    }
  }
  throw BAD;
}

function cutspace(s: string): string {
  let i = 0;
  while (i < s.length && s[i] === ' ') i++;
  return s.slice(i);
}

/** Go's skip: [rest of value, ok]; on failure the value as far as it was consumed. */
function skip(value: string, prefix: string): [string, boolean] {
  while (prefix.length > 0) {
    if (prefix[0] === ' ') {
      if (value.length > 0 && value[0] !== ' ') return [value, false];
      prefix = cutspace(prefix);
      value = cutspace(value);
      continue;
    }
    if (value.length === 0 || value[0] !== prefix[0]) return [value, false];
    prefix = prefix.slice(1);
    value = value.slice(1);
  }
  return [value, true];
}

function parseNanoseconds(value: string, nbytes: number): [number, string] {
  if (value[0] !== '.' && value[0] !== ',') throw BAD;
  if (nbytes > 10) {
    value = value.slice(0, 10);
    nbytes = 10;
  }
  let ns = atoi(value.slice(1, nbytes));
  if (ns < 0) return [0, 'fractional second'];
  for (let i = 0; i < 10 - nbytes; i++) ns *= 10;
  return [ns, ''];
}

function parseSignedOffset(value: string): number {
  const sign = value[0];
  if (sign !== '-' && sign !== '+') return 0;
  const r = leadingInt(value.slice(1));
  if (!r || r[1] === value.slice(1)) return 0;
  if (r[0] > 23) return 0;
  return value.length - r[1].length;
}

function parseTimeZone(value: string): number | undefined {
  if (value.length < 3) return undefined;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  if (value.startsWith('GMT')) return value.length === 3 ? 3 : 3 + parseSignedOffset(value.slice(3));
  if (value[0] === '+' || value[0] === '-') {
    const n = parseSignedOffset(value);
    return n > 0 ? n : undefined;
  }
  let nUpper = 0;
  for (; nUpper < 6; nUpper++) {
    if (nUpper >= value.length) break;
    const c = value[nUpper] as string;
    if (c < 'A' || c > 'Z') break;
  }
  switch (nUpper) {
    case 5: return value[4] === 'T' ? 5 : undefined;
    case 4: return value[3] === 'T' || value.startsWith('WITA') ? 4 : undefined;
    case 3: return 3;
    default: return undefined;
  }
}

const TZ_KINDS = new Set(['ISO8601TZ', 'ISO8601ShortTZ', 'ISO8601ColonTZ', 'ISO8601SecondsTZ', 'ISO8601ColonSecondsTZ',
  'NumTZ', 'NumShortTZ', 'NumColonTZ', 'NumSecondsTz', 'NumColonSecondsTZ']);

/** Go's time.Parse(layout, value): UTC unless the value names a zone. Throws TimeError. */
export function parse(layout: string, value: string): Time {
  return parseIn(layout, value, UTC, local());
}

/** Go's time.ParseInLocation(layout, value, loc). Throws TimeError. */
export function parseInLocation(layout: string, value: string, loc: Location): Time {
  return parseIn(layout, value, loc, loc);
}

function parseIn(layout: string, value: string, defaultLocation: Location, localLoc: Location): Time {
  const alayout = layout;
  const avalue = value;
  let rangeErr = '';
  let amSet = false;
  let pmSet = false;
  let year = 0, month = -1, day = -1, yday = -1, hour = 0, min = 0, sec = 0, nsec = 0;
  let z: Location | undefined;
  let zoneOffset = -1;
  let zoneName = '';

  for (;;) {
    const { prefix, std, suffix } = nextStdChunk(layout);
    const stdstr = layout.slice(prefix.length, layout.length - suffix.length);
    const [rest, ok] = skip(value, prefix);
    value = rest;
    if (!ok) throw parseError(alayout, avalue, prefix, value, '');
    if (!std) {
      if (value.length !== 0) throw parseError(alayout, avalue, '', value, `: extra text: ${timeQuote(value)}`);
      break;
    }
    layout = suffix;
    const hold = value;
    try {
      ({ value, rangeErr } = step(std));
    } catch (e) {
      if (!(e instanceof Bad)) throw e;
      if (rangeErr !== '') throw parseError(alayout, avalue, stdstr, value, `: ${rangeErr} out of range`);
      throw parseError(alayout, avalue, stdstr, hold, '');
    }
    if (rangeErr !== '') throw parseError(alayout, avalue, stdstr, value, `: ${rangeErr} out of range`);
  }

  function step(std: Std): { value: string; rangeErr: string } {
    let v = value;
    let re = '';
    switch (std.kind) {
      case 'Year': {
        if (v.length < 2) throw BAD;
        const p = v.slice(0, 2);
        v = v.slice(2);
        year = atoi(p);
        year += year >= 69 ? 1900 : 2000;
        break;
      }
      case 'LongYear':
        if (v.length < 4 || !isDigit(v, 0)) throw BAD;
        year = atoi(v.slice(0, 4));
        v = v.slice(4);
        break;
      case 'Month': [month, v] = lookup(SHORT_MONTH_NAMES, v); month++; break;
      case 'LongMonth': [month, v] = lookup(LONG_MONTH_NAMES, v); month++; break;
      case 'NumMonth': case 'ZeroMonth':
        [month, v] = getnum(v, std.kind === 'ZeroMonth');
        if (month <= 0 || month > 12) re = 'month';
        break;
      case 'WeekDay': [, v] = lookup(SHORT_DAY_NAMES, v); break;
      case 'LongWeekDay': [, v] = lookup(LONG_DAY_NAMES, v); break;
      case 'Day': case 'UnderDay': case 'ZeroDay':
        if (std.kind === 'UnderDay' && v[0] === ' ') v = v.slice(1);
        [day, v] = getnum(v, std.kind === 'ZeroDay');
        break;
      case 'UnderYearDay': case 'ZeroYearDay':
        for (let i = 0; i < 2; i++) if (std.kind === 'UnderYearDay' && v[0] === ' ') v = v.slice(1);
        [yday, v] = getnum3(v, std.kind === 'ZeroYearDay');
        break;
      case 'Hour':
        [hour, v] = getnum(v, false);
        if (hour < 0 || hour >= 24) re = 'hour';
        break;
      case 'Hour12': case 'ZeroHour12':
        [hour, v] = getnum(v, std.kind === 'ZeroHour12');
        if (hour < 0 || hour > 12) re = 'hour';
        break;
      case 'Minute': case 'ZeroMinute':
        [min, v] = getnum(v, std.kind === 'ZeroMinute');
        if (min < 0 || min >= 60) re = 'minute';
        break;
      case 'Second': case 'ZeroSecond': {
        [sec, v] = getnum(v, std.kind === 'ZeroSecond');
        if (sec < 0 || sec >= 60) {
          re = 'second';
          break;
        }
        if (v.length >= 2 && (v[0] === '.' || v[0] === ',') && isDigit(v, 1)) {
          const next = nextStdChunk(layout).std;
          if (next && (next.kind === 'FracSecond0' || next.kind === 'FracSecond9')) break;
          let n = 2;
          while (n < v.length && isDigit(v, n)) n++;
          [nsec, re] = parseNanoseconds(v, n);
          v = v.slice(n);
        }
        break;
      }
      case 'PM': case 'pm': {
        if (v.length < 2) throw BAD;
        const p = v.slice(0, 2);
        v = v.slice(2);
        const [am, pm] = std.kind === 'PM' ? ['AM', 'PM'] : ['am', 'pm'];
        if (p === pm) pmSet = true;
        else if (p === am) amSet = true;
        else throw BAD;
        break;
      }
      case 'TZ': {
        if (v.startsWith('UTC')) {
          z = UTC;
          v = v.slice(3);
          break;
        }
        const n = parseTimeZone(v);
        if (n === undefined) throw BAD;
        zoneName = v.slice(0, n);
        v = v.slice(n);
        break;
      }
      case 'FracSecond0': {
        const ndigit = 1 + std.digits;
        if (v.length < ndigit) throw BAD;
        [nsec, re] = parseNanoseconds(v, ndigit);
        v = v.slice(ndigit);
        break;
      }
      case 'FracSecond9': {
        if (v.length < 2 || (v[0] !== '.' && v[0] !== ',') || !isDigit(v, 1)) break;
        let i = 0;
        while (i + 1 < v.length && isDigit(v, i + 1)) i++;
        [nsec, re] = parseNanoseconds(v, 1 + i);
        v = v.slice(1 + i);
        break;
      }
      default:
        if (TZ_KINDS.has(std.kind)) [v, re] = parseOffset(std, v);
    }
    return { value: v, rangeErr: re };
  }

  function parseOffset(std: Std, v: string): [string, string] {
    const k = std.kind;
    if (k.startsWith('ISO8601') && v[0] === 'Z') {
      z = UTC;
      return [v.slice(1), ''];
    }
    let sign: string, hh: string, mm: string, ss: string;
    if (k === 'ISO8601ColonTZ' || k === 'NumColonTZ') {
      if (v.length < 6 || v[3] !== ':') throw BAD;
      [sign, hh, mm, ss, v] = [v.slice(0, 1), v.slice(1, 3), v.slice(4, 6), '00', v.slice(6)];
    } else if (k === 'NumShortTZ' || k === 'ISO8601ShortTZ') {
      if (v.length < 3) throw BAD;
      [sign, hh, mm, ss, v] = [v.slice(0, 1), v.slice(1, 3), '00', '00', v.slice(3)];
    } else if (k === 'ISO8601ColonSecondsTZ' || k === 'NumColonSecondsTZ') {
      if (v.length < 9 || v[3] !== ':' || v[6] !== ':') throw BAD;
      [sign, hh, mm, ss, v] = [v.slice(0, 1), v.slice(1, 3), v.slice(4, 6), v.slice(7, 9), v.slice(9)];
    } else if (k === 'ISO8601SecondsTZ' || k === 'NumSecondsTz') {
      if (v.length < 7) throw BAD;
      [sign, hh, mm, ss, v] = [v.slice(0, 1), v.slice(1, 3), v.slice(3, 5), v.slice(5, 7), v.slice(7)];
    } else {
      if (v.length < 5) throw BAD;
      [sign, hh, mm, ss, v] = [v.slice(0, 1), v.slice(1, 3), v.slice(3, 5), '00', v.slice(5)];
    }
    const hr = getnum(hh, true)[0];
    const mi = getnum(mm, true)[0];
    const se = getnum(ss, true)[0];
    let re = '';
    if (hr > 24) re = 'time zone offset hour';
    if (mi > 60) re = 'time zone offset minute';
    if (se > 60) re = 'time zone offset second';
    zoneOffset = (hr * 60 + mi) * 60 + se;
    if (sign === '-') zoneOffset = -zoneOffset;
    else if (sign !== '+') throw BAD;
    return [v, re];
  }

  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;

  if (yday >= 0) {
    let d = 0;
    let m = 0;
    if (isLeap(year)) {
      if (yday === 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) {
        yday--;
      }
    }
    if (yday < 1 || yday > 365) throw parseError(alayout, avalue, '', value, ': day-of-year out of range');
    if (m === 0) {
      m = Math.floor((yday - 1) / 31) + 1;
      if ((DAYS_BEFORE[m] as number) < yday) m++;
      d = yday - (DAYS_BEFORE[m - 1] as number);
    }
    if (month >= 0 && month !== m) throw parseError(alayout, avalue, '', value, ': day-of-year does not match month');
    month = m;
    if (day >= 0 && day !== d) throw parseError(alayout, avalue, '', value, ': day-of-year does not match day');
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }

  if (day < 1 || day > daysIn(month, year)) throw parseError(alayout, avalue, '', value, ': day out of range');

  if (z) return date(year, month, day, hour, min, sec, nsec, z);

  if (zoneOffset !== -1) {
    const u = date(year, month, day, hour, min, sec, nsec, UTC);
    const t = u.add(BigInt(-zoneOffset) * 1000000000n);
    const zl = localLoc.lookup(t.sec);
    if (zl.offset === zoneOffset && (zoneName === '' || zl.name === zoneName)) return t.in(localLoc);
    return t.in(fixedZone(zoneName, zoneOffset));
  }

  if (zoneName !== '') {
    const t = date(year, month, day, hour, min, sec, nsec, UTC);
    const offset = localLoc.lookupName(zoneName, t.sec);
    if (offset !== undefined) return t.add(BigInt(-offset) * 1000000000n).in(localLoc);
    let off = 0;
    if (zoneName.length > 3 && zoneName.startsWith('GMT')) off = atoi(zoneName.slice(3)) * 3600;
    return t.in(fixedZone(zoneName, off));
  }

  return date(year, month, day, hour, min, sec, nsec, defaultLocation);
}
