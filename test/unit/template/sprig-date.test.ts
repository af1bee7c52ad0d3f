/**
 * Sprig's date functions (src/template/funcs/date.ts) and the time.Time template value, against
 * Helm 3.17.2's conformance cases and Go's behaviour for the argument kinds sprig distinguishes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dateFuncs } from '../../../src/template/funcs/date.ts';
import { GoTime } from '../../../src/template/funcs/date-value.ts';
import { GoFuncError, GoNumber, GoStruct, typeName, type GoValue } from '../../../src/template/value.ts';

const ctx = { templateName: 't', charge: (): void => {} };

function call(name: string, ...args: GoValue[]): GoValue {
  const f = dateFuncs[name];
  assert.ok(f, name);
  return f.fn(args, ctx);
}

function method(v: GoValue, name: string, ...args: GoValue[]): GoValue {
  assert.ok(v instanceof GoStruct, `${name} on a struct`);
  const m = v.methods[name];
  assert.ok(m, name);
  return m.fn(args, ctx);
}

/** How text/template prints these results: Stringers through String(), numbers by value. */
function show(v: GoValue): string {
  if (v instanceof GoStruct) return String(v.methods['String']?.fn([], ctx));
  if (v instanceof GoNumber) return String(v.value);
  return String(v);
}

const int64 = (n: bigint): GoNumber => new GoNumber('int64', n);
const toDate = (layout: string, value: string): GoValue => call('toDate', layout, value);

const cases = new Map<string, { snippet: string; expect?: string; expectError?: string }>(
  readFileSync(new URL('../../../../shared/conformance/cases.jsonl', import.meta.url), 'utf8')
    .trim().split('\n').map((l) => JSON.parse(l) as { id: string; snippet: string }).map((c) => [c.id, c]),
);

// The conformance runs used a UTC machine; Go's Local is read lazily, so pin it before first use.
process.env['TZ'] = 'UTC';

const CONFORMANCE: [string, string, () => string][] = [
  ['sprig.date.001', '{{ date "2006-01-02" (toDate "2006-01-02" "2024-03-05") }}',
    () => show(call('date', '2006-01-02', toDate('2006-01-02', '2024-03-05')))],
  ['sprig.date.003', '{{ dateInZone "2006-01-02 15:04 MST" (toDate "2006-01-02T15:04:05Z07:00" "2024-03-05T10:20:30Z") "UTC" }}',
    () => show(call('dateInZone', '2006-01-02 15:04 MST', toDate('2006-01-02T15:04:05Z07:00', '2024-03-05T10:20:30Z'), 'UTC'))],
  ['sprig.date.004', '{{ dateInZone "2006-01-02 15:04 -0700" (toDate "2006-01-02T15:04:05Z07:00" "2024-03-05T10:20:30Z") "Asia/Tokyo" }}',
    () => show(call('dateInZone', '2006-01-02 15:04 -0700', toDate('2006-01-02T15:04:05Z07:00', '2024-03-05T10:20:30Z'), 'Asia/Tokyo'))],
  ['sprig.date.005', '{{ dateInZone "15:04" 0 "UTC" }}', () => show(call('dateInZone', '15:04', 0n, 'UTC'))],
  ['err.argtype.050', '{{ dateInZone "2006" 0 "Nowhere/Zone" }}', () => show(call('dateInZone', '2006', 0n, 'Nowhere/Zone'))],
  ['sprig.date.011', '{{ toDate "2006-01-02" "garbage" | date "2006" }}', () => show(call('date', '2006', toDate('2006-01-02', 'garbage')))],
  ['sprig.date.015', '{{ toDate "2006-01-02" "2024-03-05" | dateModify "bad" | date "2006-01-02" }}',
    () => show(call('date', '2006-01-02', call('dateModify', 'bad', toDate('2006-01-02', '2024-03-05'))))],
  ['sprig.date.017', '{{ duration 95 }}', () => show(call('duration', 95n))],
  ['sprig.date.018', '{{ duration "3661" }}', () => show(call('duration', '3661'))],
  ['sprig.date.020', '{{ duration 86400 }}', () => show(call('duration', 86400n))],
  ['sprig.date.021', '{{ durationRound "2h10m5s" }}', () => show(call('durationRound', '2h10m5s'))],
  ['sprig.date.022', '{{ durationRound 100000 }}', () => show(call('durationRound', 100000n))],
  ['sprig.date.023', '{{ durationRound "400h" }}', () => show(call('durationRound', '400h'))],
  ['sprig.date.024', '{{ durationRound "3s" }}', () => show(call('durationRound', '3s'))],
  ['sprig.date.027', '{{ durationRound "-5m" }}', () => show(call('durationRound', '-5m'))],
  ['sprig.date.028', '{{ date "Mon Jan _2 2006" (toDate "2006-01-02" "2024-03-05") }}',
    () => show(call('date', 'Mon Jan _2 2006', toDate('2006-01-02', '2024-03-05')))],
  ['sprig.date.029', '{{ date "02/01/06 03:04PM .000" (toDate "2006-01-02T15:04:05.000Z07:00" "2024-03-05T22:04:05.123Z") }}',
    () => show(call('date', '02/01/06 03:04PM .000', toDate('2006-01-02T15:04:05.000Z07:00', '2024-03-05T22:04:05.123Z')))],
  ['sprig.date.030', '{{ date "2006-01-02" 1700000000 | len }}', () => String((call('date', '2006-01-02', 1700000000n) as string).length)],
  ['sprig.date.031', '{{ toDate "2006-01-02 15:04:05" "2024-03-05 10:20:30" | date "2006-01-02T15:04:05Z07:00" }}',
    () => show(call('date', '2006-01-02T15:04:05Z07:00', toDate('2006-01-02 15:04:05', '2024-03-05 10:20:30')))],
  ['sprig.date.032', '{{ date_in_zone "2006" (toDate "2006" "2020") "UTC" }}', () => show(call('date_in_zone', '2006', toDate('2006', '2020'), 'UTC'))],
  ['sprig.date.033', '{{ toDate "2006-01-02" "2024-02-30" | date "2006-01-02" }}', () => show(call('date', '2006-01-02', toDate('2006-01-02', '2024-02-30')))],
  ['sprig.date.034', '{{ (toDate "2006-01-02" "2024-03-05").Weekday }}', () => show(method(toDate('2006-01-02', '2024-03-05'), 'Weekday'))],
  ['sprig.date.035', '{{ toDate "2006-01-02" "2024-03-05" | typeOf }}', () => typeName(toDate('2006-01-02', '2024-03-05'))],
  ['sprig.date.036', '{{ date_modify "+1h" (toDate "2006" "2020") | date "2006-01-02 15" }}',
    () => show(call('date', '2006-01-02 15', call('date_modify', '+1h', toDate('2006', '2020'))))],
  ['sprig.reflect.018', '{{ typeOf (toDate "2006" "2020") }}', () => typeName(toDate('2006', '2020'))],
];

test('date functions reproduce Helm 3.17.2 conformance results', () => {
  for (const [id, snippet, run] of CONFORMANCE) {
    const c = cases.get(id);
    assert.ok(c, id);
    assert.equal(c.snippet, snippet, id);
    assert.equal(run(), c.expect, id);
  }
});

test('mustToDate and mustDateModify return Go\'s errors', () => {
  assert.throws(() => call('mustToDate', '2006', 'x'),
    (e: unknown) => e instanceof GoFuncError && e.message === 'parsing time "x" as "2006": cannot parse "x" as "2006"');
  assert.throws(() => call('mustDateModify', 'x', call('now')),
    (e: unknown) => e instanceof GoFuncError && e.message === 'time: invalid duration "x"');
  assert.match(cases.get('err.argtype.039')?.expectError ?? '', /error calling mustToDate: parsing time "x" as "2006": cannot parse "x" as "2006"$/);
  assert.match(cases.get('err.argtype.040')?.expectError ?? '', /error calling mustDateModify: time: invalid duration "x"$/);
  assert.equal(show(call('mustToDate', '2006-01-02', '2024-03-05')), show(toDate('2006-01-02', '2024-03-05')));
});

test('date accepts time.Time, *time.Time, int, int64 and int32; anything else means now', () => {
  const t = toDate('2006-01-02T15:04:05Z07:00', '2024-03-05T10:20:30Z') as GoTime;
  assert.equal(call('dateInZone', '2006-01-02 15:04:05', t, 'UTC'), '2024-03-05 10:20:30');
  assert.equal(call('dateInZone', '2006-01-02 15:04:05', new GoTime(t.time, true), 'UTC'), '2024-03-05 10:20:30');
  assert.equal(call('dateInZone', '2006', int64(0n), 'UTC'), '1970');
  assert.equal(call('dateInZone', '2006', new GoNumber('int32', 86400n * 400n), 'UTC'), '1971');
  const thisYear = String(new Date().getUTCFullYear());
  assert.equal(call('dateInZone', '2006', 1.5e9, 'UTC'), thisYear, 'float64 (a YAML number) is not a date: now');
  assert.equal(call('dateInZone', '2006', '1500000000', 'UTC'), thisYear);
  assert.equal(call('dateInZone', '2006', new GoNumber('uint8', 1n), 'UTC'), thisYear);
  assert.equal(call('htmlDateInZone', 86400n * 365n, 'Asia/Tokyo'), '1971-01-01');
  assert.equal(call('dateInZone', '2006-01-02 15:04 MST', 0n, 'America/New_York'), '1969-12-31 19:00 EST');
});

test('duration and durationRound take int64 (not int) and strings', () => {
  assert.equal(call('duration', int64(3661n)), '1h1m1s');
  assert.equal(call('duration', 3661n), '0s');
  assert.equal(call('duration', 'x'), '0s');
  assert.equal(call('duration', '99999999999999999999'), '-1s', 'ParseInt clamps, the multiplication wraps');
  assert.equal(call('durationRound', int64(3n * 86400n * 1000000000n + 1n)), '3d');
  assert.equal(call('durationRound', int64(400n * 86400n * 1000000000n)), '1y');
  assert.equal(call('durationRound', int64(45n * 86400n * 1000000000n)), '1mo');
  assert.equal(call('durationRound', '1h'), '60m', 'strictly greater than one hour for "h"');
  assert.equal(call('durationRound', 'bogus'), '0s');
  assert.match(String(call('durationRound', toDate('2006', '2020'))), /^\d+y$/);
});

test('ago, now and unixEpoch', () => {
  assert.match(String(call('ago', toDate('2006', '2020'))), /^\d+h\d+m\d+s$/);
  assert.equal(call('ago', call('now')), '0s');
  assert.match(String(call('ago', int64(BigInt(Math.floor(Date.now() / 1000)) - 90n))), /^1m(29|3[01])s$/);
  assert.equal(call('unixEpoch', toDate('2006-01-02T15:04:05Z07:00', '2024-03-05T10:20:30+01:00')), '1709630430');
  const now = call('now') as GoTime;
  assert.equal(typeName(now), 'time.Time');
  assert.match(show(now), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? [+-]\d{4} \S+ m=\+\d+\.\d{9}$/);
  assert.ok(Math.abs(now.time.sec - Date.now() / 1000) < 5);
});

test('time.Time methods and JSON', () => {
  const t = toDate('2006-01-02T15:04:05.999999999Z07:00', '2024-03-05T10:20:30.5+09:00');
  assert.equal(show(t), '2024-03-05 10:20:30.5 +0900 +0900');
  assert.equal(method(t, 'Year'), 2024n);
  assert.equal(show(method(t, 'Month')), 'March');
  assert.equal(typeName(method(t, 'Month')), 'time.Month');
  assert.equal(method(t, 'Day'), 5n);
  assert.equal(method(t, 'YearDay'), 65n);
  assert.equal(show(method(t, 'Unix')), '1709601630');
  assert.equal(show(method(t, 'UnixMilli')), '1709601630500');
  assert.equal(method(t, 'Format', '3:04PM'), '10:20AM');
  assert.equal(show(method(t, 'UTC')), '2024-03-05 01:20:30.5 +0000 UTC');
  assert.equal(show(method(t, 'Add', 1000000000n)), '2024-03-05 10:20:31.5 +0900 +0900');
  assert.equal(show(method(t, 'AddDate', 0n, 1n, 0n)), '2024-04-05 10:20:30.5 +0900 +0900');
  const later = toDate('2006', '2020');
  const earlier = toDate('2006', '2019');
  assert.equal(show(method(later, 'Sub', earlier)), '8760h0m0s');
  assert.equal(typeName(method(later, 'Sub', earlier)), 'time.Duration');
  assert.equal(method(later, 'After', earlier), true);
  assert.equal(method(later, 'Equal', later), true);
  assert.equal(show(method(later, 'Truncate', 3600n * 1000000000n * 24n)), '2020-01-01 00:00:00 +0000 UTC');
  assert.equal((t as GoStruct).json(), '2024-03-05T10:20:30.5+09:00');
  assert.equal(method(toDate('2006', 'x'), 'IsZero'), true);
  assert.equal(show(toDate('2006', 'x')), '0001-01-01 00:00:00 +0000 UTC');
});

test('dateModify keeps the time on a bad duration; arguments are time.Time', () => {
  const t = toDate('2006-01-02', '2024-03-05');
  assert.equal(show(call('dateModify', '-1.5h', t)), '2024-03-04 22:30:00 +0000 UTC');
  assert.equal(show(call('dateModify', 'nope', t)), '2024-03-05 00:00:00 +0000 UTC');
  assert.equal(dateFuncs['dateModify']?.params[1], 'time.Time');
  assert.equal(dateFuncs['unixEpoch']?.params[0], 'time.Time');
  assert.equal(dateFuncs['date']?.params[1], 'interface {}');
});

test('GoString and MarshalJSON of time.Time', () => {
  const t = toDate('2006-01-02T15:04:05Z07:00', '2020-01-01T00:00:00Z');
  assert.equal(method(t, 'GoString'), 'time.Date(2020, time.January, 1, 0, 0, 0, 0, time.UTC)');
  assert.equal(method(toDate('2006', '2020'), 'GoString'), 'time.Date(2020, time.January, 1, 0, 0, 0, 0, time.Local)');
  assert.equal(new TextDecoder().decode(method(t, 'MarshalJSON') as Uint8Array), '"2020-01-01T00:00:00Z"');
});
