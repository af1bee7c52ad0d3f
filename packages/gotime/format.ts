/** Go's Time.Format / Time.String. */
import { LONG_DAY_NAMES, LONG_MONTH_NAMES } from './civil.ts';
import { nextStdChunk, type Std } from './layout.ts';
import type { Clock, Time } from './time.ts';

export const RFC3339 = '2006-01-02T15:04:05Z07:00';
export const RFC3339_NANO = '2006-01-02T15:04:05.999999999Z07:00';

/** Go's appendInt: decimal with zero padding to `width` (sign excluded). */
export function padInt(x: number, width: number): string {
  const neg = x < 0;
  const s = String(Math.abs(x)).padStart(width, '0');
  return neg ? `-${s}` : s;
}

function fracSecond(nsec: number, std: Std): string {
  const trim = std.kind === 'FracSecond9';
  const n = std.digits;
  if (trim && (n === 0 || nsec === 0)) return '';
  let b = std.sep + padInt(nsec, 9);
  if (n < 9) b = b.slice(0, b.length - 9 + n);
  if (trim) {
    b = b.replace(/0+$/, '');
    if (b.endsWith(std.sep)) b = b.slice(0, -1);
  }
  return b;
}

function zoneOffset(offset: number, kind: Std['kind']): string {
  const iso = kind.startsWith('ISO8601');
  if (offset === 0 && iso) return 'Z';
  let zone = Math.trunc(offset / 60);
  let absoffset = offset;
  let b: string;
  if (zone < 0) {
    b = '-';
    zone = -zone;
    absoffset = -absoffset;
  } else {
    b = '+';
  }
  b += padInt(Math.trunc(zone / 60), 2);
  const colon = kind === 'ISO8601ColonTZ' || kind === 'NumColonTZ' || kind === 'ISO8601ColonSecondsTZ' || kind === 'NumColonSecondsTZ';
  if (colon) b += ':';
  if (kind !== 'NumShortTZ' && kind !== 'ISO8601ShortTZ') b += padInt(zone % 60, 2);
  if (kind === 'ISO8601SecondsTZ' || kind === 'NumSecondsTz' || kind === 'NumColonSecondsTZ' || kind === 'ISO8601ColonSecondsTZ') {
    if (kind === 'NumColonSecondsTZ' || kind === 'ISO8601ColonSecondsTZ') b += ':';
    b += padInt(absoffset % 60, 2);
  }
  return b;
}

/** Go's Time.Format(layout). */
export function format(t: Time, layout: string): string {
  const { name, offset } = t.zone();
  let clock: Clock | undefined;
  let out = '';
  while (layout !== '') {
    const { prefix, std, suffix } = nextStdChunk(layout);
    out += prefix;
    if (!std) break;
    layout = suffix;
    clock ??= t.clock();
    const c = clock;
    switch (std.kind) {
      case 'Year': out += padInt(Math.abs(c.year) % 100, 2); break;
      case 'LongYear': out += padInt(c.year, 4); break;
      case 'Month': out += (LONG_MONTH_NAMES[c.month - 1] as string).slice(0, 3); break;
      case 'LongMonth': out += LONG_MONTH_NAMES[c.month - 1] as string; break;
      case 'NumMonth': out += padInt(c.month, 0); break;
      case 'ZeroMonth': out += padInt(c.month, 2); break;
      case 'WeekDay': out += (LONG_DAY_NAMES[c.weekday] as string).slice(0, 3); break;
      case 'LongWeekDay': out += LONG_DAY_NAMES[c.weekday] as string; break;
      case 'Day': out += padInt(c.day, 0); break;
      case 'UnderDay': out += (c.day < 10 ? ' ' : '') + padInt(c.day, 0); break;
      case 'ZeroDay': out += padInt(c.day, 2); break;
      case 'UnderYearDay': out += (c.yday < 100 ? (c.yday < 10 ? '  ' : ' ') : '') + padInt(c.yday, 0); break;
      case 'ZeroYearDay': out += padInt(c.yday, 3); break;
      case 'Hour': out += padInt(c.hour, 2); break;
      case 'Hour12': out += padInt(c.hour % 12 === 0 ? 12 : c.hour % 12, 0); break;
      case 'ZeroHour12': out += padInt(c.hour % 12 === 0 ? 12 : c.hour % 12, 2); break;
      case 'Minute': out += padInt(c.minute, 0); break;
      case 'ZeroMinute': out += padInt(c.minute, 2); break;
      case 'Second': out += padInt(c.second, 0); break;
      case 'ZeroSecond': out += padInt(c.second, 2); break;
      case 'PM': out += c.hour >= 12 ? 'PM' : 'AM'; break;
      case 'pm': out += c.hour >= 12 ? 'pm' : 'am'; break;
      case 'TZ':
        if (name !== '') {
          out += name;
        } else {
          let zone = Math.trunc(offset / 60);
          out += zone < 0 ? '-' : '+';
          zone = Math.abs(zone);
          out += padInt(Math.trunc(zone / 60), 2) + padInt(zone % 60, 2);
        }
        break;
      case 'FracSecond0': case 'FracSecond9': out += fracSecond(t.nsec, std); break;
      default: out += zoneOffset(offset, std.kind);
    }
  }
  return out;
}

/** Go's Time.String(): `2006-01-02 15:04:05.999999999 -0700 MST` plus ` m=±s.nnnnnnnnn` with a monotonic reading. */
export function timeString(t: Time): string {
  let s = format(t, '2006-01-02 15:04:05.999999999 -0700 MST');
  if (t.mono !== undefined) {
    let m = t.mono;
    const sign = m < 0n ? '-' : '+';
    if (m < 0n) m = -m;
    const m2 = m % 1000000000n;
    const secs = m / 1000000000n;
    const m1 = secs % 1000000000n;
    const m0 = secs / 1000000000n;
    s += ` m=${sign}`;
    if (m0 !== 0n) s += `${m0}${String(m1).padStart(9, '0')}`;
    else s += `${m1}`;
    s += `.${String(m2).padStart(9, '0')}`;
  }
  return s;
}
