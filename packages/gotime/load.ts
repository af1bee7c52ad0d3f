/**
 * Go's time.LoadLocation and time.Local: zoneinfo files from $ZONEINFO and the platform directories,
 * exactly as Go reads them. Where the machine has no zoneinfo directory at all, named zones fall back
 * to Intl (offsets and abbreviations from ICU), so templates still get the zone they asked for.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { Location, UTC, type Zone, type ZoneAt, type ZoneSource } from './location.ts';
import { locationFromTZData } from './tzif.ts';

const PLATFORM_SOURCES = ['/usr/share/zoneinfo/', '/usr/share/lib/zoneinfo/', '/usr/lib/locale/TZ/', '/etc/zoneinfo'];

/** A LoadLocation failure (message as Go's where it matters: `unknown time zone X`). */
export class LocationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocationError';
  }
}

function readZoneFile(path: string): Uint8Array | 'ENOENT' | Error {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return 'ENOENT';
    if (st.size > 10 << 20) return new Error(`file ${path} is too large`);
    return readFileSync(path);
  } catch (e) {
    // Go reports the bare errno text (`is a directory`)
    const code = (e as NodeJS.ErrnoException).code;
    return new Error(code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message);
  }
}

function loadFrom(name: string, sources: readonly string[]): Location {
  let firstErr: Error | undefined;
  for (const source of sources) {
    const path = source === '' ? name : `${source.replace(/\/$/, '')}/${name}`;
    const data = readZoneFile(path);
    if (data instanceof Uint8Array) {
      try {
        return locationFromTZData(name, data);
      } catch (e) {
        firstErr ??= e as Error;
        continue;
      }
    }
    if (data !== 'ENOENT') firstErr ??= data;
  }
  if (firstErr) throw new LocationError(firstErr.message);
  throw new LocationError(`unknown time zone ${name}`);
}

const cache = new Map<string, Location>();

/** Go's time.LoadLocation(name). Throws LocationError. `Local` and `UTC` are the shared locations. */
export function loadLocation(name: string): Location {
  if (name === '' || name === 'UTC') return UTC;
  if (name === 'Local') return local();
  if (name.includes('..') || name[0] === '/' || name[0] === '\\') throw new LocationError('time: invalid location name');
  const hit = cache.get(name);
  if (hit) return hit;
  let loc: Location;
  const zoneinfo = process.env['ZONEINFO'] ?? '';
  try {
    loc = loadFrom(name, zoneinfo !== '' ? [zoneinfo, ...PLATFORM_SOURCES] : PLATFORM_SOURCES);
  } catch (e) {
    const fallback = PLATFORM_SOURCES.some((d) => existsSync(d)) ? undefined : intlLocation(name);
    if (!fallback) throw e;
    loc = fallback;
  }
  if (cache.size < 500) cache.set(name, loc);
  return loc;
}

let localLoc: Location | undefined;

/** Go's time.Local, initialised from $TZ or /etc/localtime as Go's initLocal does. */
export function local(): Location {
  localLoc ??= initLocal();
  return localLoc;
}

function initLocal(): Location {
  // Go's Local is its own Location even when it falls back to UTC (named "UTC")
  const fallback = (): Location => UTC.withName('UTC');
  const env = process.env['TZ'];
  if (env === undefined) {
    try {
      return loadFrom('localtime', ['/etc']).withName('Local');
    } catch {
      return fallback();
    }
  }
  let tz = env;
  if (tz.startsWith(':')) tz = tz.slice(1);
  if (tz !== '' && tz[0] === '/') {
    try {
      return loadFrom(tz, ['']).withName(tz === '/etc/localtime' ? 'Local' : tz);
    } catch {
      return fallback();
    }
  }
  if (tz !== '' && tz !== 'UTC') {
    try {
      return loadFrom(tz, PLATFORM_SOURCES);
    } catch {
      return fallback();
    }
  }
  return fallback();
}

/** Zone rules from ICU, for machines without zoneinfo files (exported for tests). */
export function intlLocation(name: string): Location | undefined {
  let fmt: Intl.DateTimeFormat;
  let abbr: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
    });
    abbr = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'short' });
  } catch {
    return undefined;
  }
  return new Location(name, new IntlZones(fmt, abbr));
}

class IntlZones implements ZoneSource {
  readonly zones: readonly Zone[] = [];
  private readonly fmt: Intl.DateTimeFormat;
  private readonly abbr: Intl.DateTimeFormat;
  constructor(fmt: Intl.DateTimeFormat, abbr: Intl.DateTimeFormat) {
    this.fmt = fmt;
    this.abbr = abbr;
  }

  lookup(sec: number): ZoneAt {
    const ms = Math.max(-8.64e15, Math.min(8.64e15, sec * 1000));
    const date = new Date(ms);
    const parts = Object.fromEntries(this.fmt.formatToParts(date).map((p) => [p.type, p.value]));
    let year = Number(parts['year']);
    if (parts['era'] === 'BC' || parts['era'] === 'B') year = 1 - year;
    const d = new Date(0);
    d.setUTCFullYear(year, Number(parts['month']) - 1, Number(parts['day']));
    d.setUTCHours(Number(parts['hour']), Number(parts['minute']), Number(parts['second']), 0);
    const offset = Math.round((d.getTime() - Math.floor(ms / 1000) * 1000) / 1000);
    const raw = this.abbr.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '';
    const name = /^[A-Z]{3,5}$/.test(raw) ? raw : goStyleAbbrev(offset);
    return { name, offset, start: sec, end: sec + 1, isDST: false };
  }
}

/** tzdata's numeric abbreviations for zones without a letter one: `+09`, `+0530`, `-03`. */
function goStyleAbbrev(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  const h = String(Math.floor(a / 3600)).padStart(2, '0');
  const m = Math.floor((a % 3600) / 60);
  return m === 0 ? `${sign}${h}` : `${sign}${h}${String(m).padStart(2, '0')}`;
}
