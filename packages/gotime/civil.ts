/**
 * Calendar arithmetic for Go's proleptic Gregorian calendar, on Unix seconds held in JS numbers
 * (exact far beyond Go's representable years).
 */

export const SECONDS_PER_DAY = 86400;

/** Unix seconds of Go's zero Time, January 1, year 1, 00:00:00 UTC. */
export const ZERO_TIME_UNIX = -62135596800;

export const LONG_MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export const LONG_DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Days before the start of each month in a non-leap year (index 0..12). */
export const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365] as const;

export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

export function floorMod(a: number, b: number): number {
  const r = a % b;
  return r < 0 ? r + b : r;
}

export function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Number of days in `month` (1..12) of `year`. */
export function daysIn(month: number, year: number): number {
  if (month === 2 && isLeap(year)) return 29;
  return (DAYS_BEFORE[month] as number) - (DAYS_BEFORE[month - 1] as number);
}

/** Days since 1970-01-01 of the civil date (month 1..12, day 1..31; no normalisation). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floorDiv(y, 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
  /** 0-based day of the year */
  yday: number;
}

/** Civil date of a count of days since 1970-01-01. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = floorDiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const yday = days - daysFromCivil(year, 1, 1);
  return { year, month, day, yday };
}

/** Weekday (0 = Sunday) of a count of days since 1970-01-01 (a Thursday). */
export function weekdayFromDays(days: number): number {
  return floorMod(days + 4, 7);
}

/** Go's norm: moves overflow of `lo` (in units of `base`) into `hi`. */
export function norm(hi: number, lo: number, base: number): [number, number] {
  if (lo < 0) {
    const n = Math.floor((-lo - 1) / base) + 1;
    hi -= n;
    lo += n * base;
  }
  if (lo >= base) {
    const n = Math.floor(lo / base);
    hi += n;
    lo -= n * base;
  }
  return [hi, lo];
}
