/**
 * Sprig v3.3.0's date.go (date, dateInZone, dateModify, ago, duration, durationRound, htmlDate, toDate,
 * unixEpoch and their aliases) plus `now` (time.Now), on Go's time semantics from @capstan/gotime.
 */
import {
  HOUR, MINUTE, SECOND, Time, UTC, durationString, format, loadLocation, now, parseDuration, parseInLocation,
  local, unixTime, durationRound as roundDuration,
} from '@capstan/gotime';
import { tryParseInt } from '../fmt/atoi.ts';
import { def, GoFuncError, GoNumber, type FuncDef, type GoValue } from '../value.ts';
import { GoTime, timeOfValue, timeValue } from './date-value.ts';

const ANY = 'interface {}';
const TIME = 'time.Time';

/** The time a value stands for in sprig's `date` family: time.Time, *time.Time, int64/int/int32 Unix seconds, else now. */
function timeOf(v: GoValue, allowPointerAndInt32: boolean): Time {
  if (v instanceof GoTime && v.pointer) return allowPointerAndInt32 ? v.time : now();
  const t = timeOfValue(v);
  if (t) return t;
  if (typeof v === 'bigint') return unixTime(Number(v));
  if (v instanceof GoNumber && (v.kind === 'int64' || (allowPointerAndInt32 && v.kind === 'int32'))) {
    return unixTime(Number(v.value));
  }
  return now();
}

function asTime(v: GoValue): Time {
  const t = v instanceof GoTime && v.pointer ? undefined : timeOfValue(v);
  if (!t) throw new Error('wrong type for value; expected time.Time');
  return t;
}

function dateInZone(layout: string, d: GoValue, zone: string): string {
  const t = timeOf(d, true);
  let loc;
  try {
    loc = loadLocation(zone);
  } catch {
    loc = UTC;
  }
  return format(t.in(loc), layout);
}

/** time.Since(t) */
function since(t: Time): bigint {
  return now().sub(t);
}

const YEAR = HOUR * 24n * 365n;
const MONTH = HOUR * 24n * 30n;
const DAY = HOUR * 24n;

function durationRoundText(d: bigint): string {
  let u = BigInt.asUintN(64, d);
  if (d < 0n) u = BigInt.asUintN(64, -u);
  if (u > YEAR) return `${u / YEAR}y`;
  if (u > MONTH) return `${u / MONTH}mo`;
  if (u > DAY) return `${u / DAY}d`;
  if (u > HOUR) return `${u / HOUR}h`;
  if (u > MINUTE) return `${u / MINUTE}m`;
  if (u > SECOND) return `${u / SECOND}s`;
  return '0s';
}

export const dateFuncs: Record<string, FuncDef> = {
  now: def([], TIME, () => timeValue(now())),
  date: def(['string', ANY], 'string', ([f, d]) => dateInZone(f as string, d, 'Local')),
  htmlDate: def([ANY], 'string', ([d]) => dateInZone('2006-01-02', d, 'Local')),
  htmlDateInZone: def([ANY, 'string'], 'string', ([d, z]) => dateInZone('2006-01-02', d, z as string)),
  dateInZone: def(['string', ANY, 'string'], 'string', ([f, d, z]) => dateInZone(f as string, d, z as string)),
  date_in_zone: def(['string', ANY, 'string'], 'string', ([f, d, z]) => dateInZone(f as string, d, z as string)),
  dateModify: def(['string', TIME], TIME, ([f, d]) => dateModify(f as string, d)),
  date_modify: def(['string', TIME], TIME, ([f, d]) => dateModify(f as string, d)),
  mustDateModify: def(['string', TIME], TIME, ([f, d]) => mustDateModify(f as string, d), { returnsError: true }),
  must_date_modify: def(['string', TIME], TIME, ([f, d]) => mustDateModify(f as string, d), { returnsError: true }),
  ago: def([ANY], 'string', ([d]) => {
    const t = d instanceof GoTime && d.pointer ? now() : timeOfValue(d) ?? (typeof d === 'bigint' ? unixTime(Number(d))
        : d instanceof GoNumber && d.kind === 'int64' ? unixTime(Number(d.value)) : now());
    return durationString(roundDuration(since(t), SECOND));
  }),
  duration: def([ANY], 'string', ([sec]) => {
    let n = 0n;
    // strconv.ParseInt(sec, 10, 64) with the error ignored: 0, or the limit on overflow
    if (typeof sec === 'string') n = tryParseInt(sec, 10, 64).n;
    else if (sec instanceof GoNumber && sec.kind === 'int64') n = sec.value as bigint;
    return durationString(BigInt.asIntN(64, n * SECOND));
  }),
  durationRound: def([ANY], 'string', ([v]) => {
    let d = 0n;
    if (typeof v === 'string') {
      try {
        d = parseDuration(v);
      } catch {
        d = 0n;
      }
    } else if (v instanceof GoNumber && v.kind === 'int64') {
      d = v.value as bigint;
    } else if (!(v instanceof GoTime && v.pointer) && timeOfValue(v)) {
      d = since(timeOfValue(v) as Time);
    }
    return durationRoundText(d);
  }),
  toDate: def(['string', 'string'], TIME, ([f, s]) => {
    try {
      return timeValue(parseInLocation(f as string, s as string, local()));
    } catch {
      return timeValue(Time.zero());
    }
  }),
  mustToDate: def(['string', 'string'], TIME, ([f, s]) => {
    try {
      return timeValue(parseInLocation(f as string, s as string, local()));
    } catch (e) {
      throw new GoFuncError((e as Error).message);
    }
  }, { returnsError: true }),
  unixEpoch: def([TIME], 'string', ([d]) => String(asTime(d).unix())),
};

function dateModify(f: string, d: GoValue): GoValue {
  const t = asTime(d);
  try {
    return timeValue(t.add(parseDuration(f)));
  } catch {
    return timeValue(t);
  }
}

function mustDateModify(f: string, d: GoValue): GoValue {
  const t = asTime(d);
  try {
    return timeValue(t.add(parseDuration(f)));
  } catch (e) {
    throw new GoFuncError((e as Error).message);
  }
}
