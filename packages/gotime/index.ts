/**
 * Go's time package (Go 1.23) in TypeScript, as much of it as templates and Helm's records see: Time,
 * Location (tzdata from the system or Intl), Format/Parse layouts, Duration. Shared by the template
 * engine (sprig's date functions, TOML) and the release codec (time.Time's JSON form).
 */
export { Time, date, now, unixTime, type Clock } from './time.ts';
export { Location, UTC, fixedZone } from './location.ts';
export { loadLocation, local, intlLocation, LocationError } from './load.ts';
export { format, timeString, RFC3339, RFC3339_NANO } from './format.ts';
export { parse, parseInLocation } from './parse.ts';
export {
  durationString, parseDuration, durationRound, durationTruncate, TimeError, timeQuote,
  NANOSECOND, MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, MIN_DURATION, MAX_DURATION,
} from './duration.ts';
export { LONG_MONTH_NAMES, LONG_DAY_NAMES, ZERO_TIME_UNIX } from './civil.ts';
