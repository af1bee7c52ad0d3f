/**
 * Template values for Go's time types: time.Time (a struct whose String() is
 * `2006-01-02 15:04:05.999999999 -0700 MST`), time.Duration, time.Month, time.Weekday and *time.Location,
 * with the methods templates may call on them (`.Year`, `.Format "…"`, `.Unix`, `.Weekday` …).
 */
import {
  LONG_DAY_NAMES, LONG_MONTH_NAMES, RFC3339_NANO, SECOND, Time, UTC, durationRound, durationString,
  durationTruncate, format, local, timeQuote, timeString, type Location,
} from '@capstan/gotime';
import { registerNamedType } from '../convert.ts';
import { def, GoNumber, GoStruct, int, int64, type FuncDef, type GoValue } from '../value.ts';
import { valueReceivers } from './receiver.ts';

// time.Duration is a named int64: integer constants convert to it, other integer types do not.
registerNamedType('time.Duration', 'int64');
const DURATION = 'time.Duration';

const UNIX_TO_INTERNAL = 62135596800;
const WALL_TO_INTERNAL = (1884 * 365 + Math.floor(1884 / 4) - Math.floor(1884 / 100) + Math.floor(1884 / 400)) * 86400;

/** A time.Time (or, with `pointer`, a *time.Time) template value; `time` is the instant it holds. */
export class GoTime extends GoStruct {
  readonly time: Time;
  constructor(t: Time, pointer = false) {
    super({
      typeName: 'time.Time',
      pointer,
      fields: timeFields(t),
      methods: timeMethods(t),
      json: () => format(t, RFC3339_NANO),
    });
    this.time = t;
  }
}

/** Wraps a Time as the template value Go would hand around. */
export function timeValue(t: Time): GoTime {
  return new GoTime(t);
}

/**
 * The instant a time.Time value holds: a GoTime, or any time.Time struct value (e.g. one the executor
 * dereferenced from a *time.Time), decoded from Go's wall/ext/loc fields. Undefined for anything else.
 */
export function timeOfValue(v: GoValue): Time | undefined {
  if (v instanceof GoTime) return v.time;
  if (!(v instanceof GoStruct) || v.typeName !== 'time.Time') return undefined;
  const wall = v.fields.get('wall');
  const ext = v.fields.get('ext');
  if (!(wall instanceof GoNumber) || !(ext instanceof GoNumber)) return undefined;
  const w = wall.value as bigint;
  const nsec = Number(w & ((1n << 30n) - 1n));
  const internal = w >> 63n === 1n ? Number((w >> 30n) & ((1n << 33n) - 1n)) + WALL_TO_INTERNAL : Number(ext.value);
  const loc = v.fields.get('loc');
  return new Time(internal - UNIX_TO_INTERNAL, nsec, loc instanceof GoLocation ? loc.location : UTC);
}

/** Go's unexported fields (wall, ext, loc), so that deepEqual compares times as Go does. */
function timeFields(t: Time): Map<string, GoValue> {
  const internal = t.sec + UNIX_TO_INTERNAL;
  const monoOK = t.mono !== undefined && internal >= WALL_TO_INTERNAL && internal - WALL_TO_INTERNAL < 2 ** 33;
  const wall = monoOK
    ? (1n << 63n) | (BigInt(internal - WALL_TO_INTERNAL) << 30n) | BigInt(t.nsec)
    : BigInt(t.nsec);
  const ext = monoOK ? (t.mono as bigint) : BigInt(internal);
  return new Map<string, GoValue>([
    ['wall', new GoNumber('uint64', wall)],
    ['ext', int64(ext)],
    ['loc', t.loc === UTC ? null : locationValue(t.loc)],
  ]);
}

const TIME = 'time.Time';

function timeMethods(t: Time): Record<string, FuncDef> {
  return valueReceivers(timeMethodDefs(t));
}

function timeMethodDefs(t: Time): Record<string, FuncDef> {
  const c = (): ReturnType<Time['clock']> => t.clock();
  const other = (v: GoValue): Time => {
    const u = timeOfValue(v);
    if (!u) throw new Error('wrong type for value; expected time.Time');
    return u;
  };
  return {
    Add: def([DURATION], TIME, ([d]) => timeValue(t.add(durationArg(d)))),
    AddDate: def(['int', 'int', 'int'], TIME, ([y, m, d]) => timeValue(t.addDate(Number(y), Number(m), Number(d)))),
    After: def([TIME], 'bool', ([u]) => t.compare(other(u)) > 0),
    Before: def([TIME], 'bool', ([u]) => t.compare(other(u)) < 0),
    Compare: def([TIME], 'int', ([u]) => BigInt(t.compare(other(u)))),
    Equal: def([TIME], 'bool', ([u]) => t.compare(other(u)) === 0),
    Day: def([], 'int', () => int(c().day)),
    Format: def(['string'], 'string', ([layout]) => format(t, layout as string)),
    GoString: def([], 'string', () => goString(t)),
    Hour: def([], 'int', () => int(c().hour)),
    In: def(['*time.Location'], TIME, ([l]) => {
      if (!(l instanceof GoLocation)) throw new Error('time: missing Location in call to Time.In');
      return timeValue(t.in(l.location));
    }),
    IsDST: def([], 'bool', () => t.loc.lookup(t.sec).isDST),
    IsZero: def([], 'bool', () => t.isZero()),
    Local: def([], TIME, () => timeValue(t.local())),
    Location: def([], '*time.Location', () => locationValue(t.loc)),
    MarshalJSON: def([], '[]uint8', () => new TextEncoder().encode(`"${format(t, RFC3339_NANO)}"`), { returnsError: true }),
    MarshalText: def([], '[]uint8', () => new TextEncoder().encode(format(t, RFC3339_NANO)), { returnsError: true }),
    Minute: def([], 'int', () => int(c().minute)),
    Month: def([], 'time.Month', () => monthValue(c().month)),
    Nanosecond: def([], 'int', () => int(t.nsec)),
    Round: def([DURATION], TIME, ([d]) => timeValue(t.roundTo(durationArg(d), true))),
    Second: def([], 'int', () => int(c().second)),
    String: def([], 'string', () => timeString(t)),
    Sub: def([TIME], DURATION, ([u]) => durationValue(t.sub(other(u)))),
    Truncate: def([DURATION], TIME, ([d]) => timeValue(t.roundTo(durationArg(d), false))),
    UTC: def([], TIME, () => timeValue(t.utc())),
    Unix: def([], 'int64', () => int64(BigInt(t.sec))),
    UnixMilli: def([], 'int64', () => int64(BigInt(t.sec) * 1000n + BigInt(Math.floor(t.nsec / 1e6)))),
    UnixMicro: def([], 'int64', () => int64(BigInt(t.sec) * 1000000n + BigInt(Math.floor(t.nsec / 1e3)))),
    UnixNano: def([], 'int64', () => int64(t.unixNano())),
    Weekday: def([], 'time.Weekday', () => weekdayValue(c().weekday)),
    Year: def([], 'int', () => int(c().year)),
    YearDay: def([], 'int', () => int(c().yday)),
  };
}

/** Time.GoString: `time.Date(2020, time.January, 1, 0, 0, 0, 0, time.UTC)`. */
function goString(t: Time): string {
  const c = t.clock();
  const loc = t.loc === UTC ? 'time.UTC' : t.loc === local() ? 'time.Local' : `time.Location(${timeQuote(t.loc.name)})`;
  return `time.Date(${c.year}, time.${LONG_MONTH_NAMES[c.month - 1]}, ${c.day}, ${c.hour}, ${c.minute}, ${c.second}, ${t.nsec}, ${loc})`;
}

/** A Duration argument as nanoseconds (int64 / int / time.Duration values). */
function durationArg(v: GoValue): bigint {
  if (typeof v === 'bigint') return v;
  if (v instanceof GoNumber && typeof v.value === 'bigint') return v.value;
  if (v instanceof GoStruct && v.typeName === 'time.Duration') {
    const n = v.json();
    if (typeof n === 'bigint') return n;
  }
  return 0n;
}

/** A time.Duration template value (prints as `1h2m3s`). */
export function durationValue(d: bigint): GoStruct {
  const f = (unit: bigint): number => Number(d / unit) + Number(d % unit) / Number(unit);
  return new GoStruct({
    typeName: 'time.Duration',
    fields: new Map(),
    methods: valueReceivers({
      String: def([], 'string', () => durationString(d)),
      Hours: def([], 'float64', () => f(3600n * SECOND)),
      Minutes: def([], 'float64', () => f(60n * SECOND)),
      Seconds: def([], 'float64', () => f(SECOND)),
      Milliseconds: def([], 'int64', () => int64(d / 1000000n)),
      Microseconds: def([], 'int64', () => int64(d / 1000n)),
      Nanoseconds: def([], 'int64', () => int64(d)),
      Round: def([DURATION], 'time.Duration', ([m]) => durationValue(durationRound(d, durationArg(m)))),
      Truncate: def([DURATION], 'time.Duration', ([m]) => durationValue(durationTruncate(d, durationArg(m)))),
      Abs: def([], DURATION, () => durationValue(d >= 0n ? d : d === -(1n << 63n) ? (1n << 63n) - 1n : -d)),
    }),
    json: () => d,
  });
}

/** time.Month (prints as `March`; encodes to JSON as its number). */
export function monthValue(m: number): GoStruct {
  const name = LONG_MONTH_NAMES[m - 1] ?? `%!Month(${m})`;
  return new GoStruct({
    typeName: 'time.Month',
    fields: new Map(),
    methods: valueReceivers({ String: def([], 'string', () => name) }),
    json: () => BigInt(m),
  });
}

/** time.Weekday (prints as `Tuesday`). */
export function weekdayValue(d: number): GoStruct {
  const name = LONG_DAY_NAMES[d] ?? `%!Weekday(${d})`;
  return new GoStruct({
    typeName: 'time.Weekday',
    fields: new Map(),
    methods: valueReceivers({ String: def([], 'string', () => name) }),
    json: () => BigInt(d),
  });
}

/** *time.Location (prints as its name). */
export class GoLocation extends GoStruct {
  readonly location: Location;
  constructor(loc: Location) {
    super({
      typeName: 'time.Location',
      pointer: true,
      fields: new Map(),
      // Go declares String on *Location; templates only ever hold the pointer, and printing
      // dereferences it first, so the method is marked callable on the value as well.
      methods: valueReceivers({ String: def([], 'string', () => loc.name) }),
      json: () => new Map(),
    });
    this.location = loc;
  }
}

export function locationValue(loc: Location): GoLocation {
  return new GoLocation(loc);
}
