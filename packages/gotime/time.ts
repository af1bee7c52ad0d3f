/**
 * Go's time.Time: an instant (Unix seconds + nanoseconds), a Location, and optionally a monotonic
 * clock reading (as time.Now gives). Methods mirror Go's names and semantics.
 */
import {
  SECONDS_PER_DAY, ZERO_TIME_UNIX, civilFromDays, floorDiv, floorMod, norm, weekdayFromDays, daysFromCivil,
} from './civil.ts';
import { MAX_DURATION, MIN_DURATION, SECOND } from './duration.ts';
import { Location, UTC } from './location.ts';
import { local } from './load.ts';

/** Monotonic readings are nanoseconds since this process started (as Go's runtime counts them). */
const START_NANO = process.hrtime.bigint() - 1n;

export interface Clock {
  year: number;
  month: number;
  day: number;
  /** 1-based day of the year */
  yday: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

export class Time {
  /** Unix seconds */
  readonly sec: number;
  /** 0..999999999 */
  readonly nsec: number;
  readonly loc: Location;
  /** monotonic clock reading in nanoseconds, when the time came from Now */
  readonly mono: bigint | undefined;

  constructor(sec: number, nsec: number, loc: Location, mono?: bigint) {
    this.sec = sec;
    this.nsec = nsec;
    this.loc = loc;
    this.mono = mono;
  }

  /** The zero Time: January 1, year 1, 00:00:00 UTC. */
  static zero(): Time {
    return new Time(ZERO_TIME_UNIX, 0, UTC);
  }

  isZero(): boolean {
    return this.sec === ZERO_TIME_UNIX && this.nsec === 0;
  }

  /** Zone name and offset in effect. */
  zone(): { name: string; offset: number } {
    const z = this.loc.lookup(this.sec);
    return { name: z.name, offset: z.offset };
  }

  /** Calendar fields in the time's location. */
  clock(): Clock {
    const { offset } = this.zone();
    const local = this.sec + offset;
    const days = floorDiv(local, SECONDS_PER_DAY);
    const secOfDay = local - days * SECONDS_PER_DAY;
    const c = civilFromDays(days);
    return {
      year: c.year, month: c.month, day: c.day, yday: c.yday + 1,
      hour: Math.floor(secOfDay / 3600), minute: Math.floor((secOfDay % 3600) / 60), second: secOfDay % 60,
      weekday: weekdayFromDays(days),
    };
  }

  /** t.In(loc) (drops the monotonic reading, as Go does). */
  in(loc: Location): Time {
    return new Time(this.sec, this.nsec, loc);
  }

  utc(): Time {
    return this.in(UTC);
  }

  local(): Time {
    return this.in(local());
  }

  unix(): number {
    return this.sec;
  }

  /** Nanoseconds since the Unix epoch (Go wraps beyond int64; so do we). */
  unixNano(): bigint {
    return BigInt.asIntN(64, BigInt(this.sec) * SECOND + BigInt(this.nsec));
  }

  /** t.Add(d) for a Duration in nanoseconds. */
  add(d: bigint): Time {
    let dsec = d / SECOND;
    let nsec = this.nsec + Number(d % SECOND);
    if (nsec >= 1e9) {
      dsec++;
      nsec -= 1e9;
    } else if (nsec < 0) {
      dsec--;
      nsec += 1e9;
    }
    let mono = this.mono;
    if (mono !== undefined) {
      const te = mono + d;
      mono = te < MIN_DURATION || te > MAX_DURATION ? undefined : te;
    }
    return new Time(this.sec + Number(dsec), nsec, this.loc, mono);
  }

  /** t.Sub(u) as a Duration, saturating like Go. */
  sub(u: Time): bigint {
    if (this.mono !== undefined && u.mono !== undefined) return clamp(this.mono - u.mono);
    const d = BigInt(this.sec - u.sec) * SECOND + BigInt(this.nsec - u.nsec);
    return clamp(d);
  }

  /** t.AddDate(years, months, days). */
  addDate(years: number, months: number, days: number): Time {
    const c = this.clock();
    return date(c.year + years, c.month + months, c.day + days, c.hour, c.minute, c.second, this.nsec, this.loc);
  }

  compare(u: Time): number {
    if (this.sec !== u.sec) return this.sec < u.sec ? -1 : 1;
    if (this.nsec !== u.nsec) return this.nsec < u.nsec ? -1 : 1;
    return 0;
  }

  /** Without monotonic reading (t.Round(0)). */
  stripMono(): Time {
    return this.mono === undefined ? this : new Time(this.sec, this.nsec, this.loc);
  }

  /** t.Truncate(d) / t.Round(d) for d > 0, on the absolute time since year 1 as Go does. */
  roundTo(d: bigint, round: boolean): Time {
    const t = this.stripMono();
    if (d <= 0n) return t;
    const abs = (BigInt(this.sec - ZERO_TIME_UNIX) * SECOND + BigInt(this.nsec));
    const r = ((abs % d) + d) % d;
    if (!round) return t.add(-r);
    return r + r < d ? t.add(-r) : t.add(d - r);
  }
}

function clamp(d: bigint): bigint {
  return d < MIN_DURATION ? MIN_DURATION : d > MAX_DURATION ? MAX_DURATION : d;
}

/** Go's time.Date with its normalisation of out-of-range fields and zone resolution. */
export function date(
  year: number, month: number, day: number, hour: number, min: number, sec: number, nsec: number, loc: Location,
): Time {
  let m = month - 1;
  [year, m] = norm(year, m, 12);
  [sec, nsec] = norm(sec, nsec, 1e9);
  [min, sec] = norm(min, sec, 60);
  [hour, min] = norm(hour, min, 60);
  [day, hour] = norm(day, hour, 24);
  const days = daysFromCivil(year, m + 1, 1) + day - 1;
  let unix = days * SECONDS_PER_DAY + hour * 3600 + min * 60 + sec;
  const z = loc.lookup(unix);
  let offset = z.offset;
  if (offset !== 0) {
    const utc = unix - offset;
    if (utc < z.start || utc >= z.end) offset = loc.lookup(utc).offset;
    unix -= offset;
  }
  return new Time(unix, nsec, loc);
}

/** time.Unix(sec, nsec) in Local. */
export function unixTime(sec: number, nsec = 0): Time {
  const s = sec + floorDiv(nsec, 1e9);
  return new Time(s, floorMod(nsec, 1e9), local());
}

/** time.Now(): Local, with a monotonic reading. */
export function now(): Time {
  const ms = Date.now();
  const hr = process.hrtime.bigint();
  const sub = Number(hr % 1000000n); // sub-millisecond digits from the high-resolution clock
  const sec = Math.floor(ms / 1000);
  const nsec = (ms - sec * 1000) * 1e6 + sub;
  return new Time(sec, nsec, local(), hr - START_NANO);
}
