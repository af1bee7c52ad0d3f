import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as C from '../../../src/chart/index.ts';

const enc = new TextEncoder();
const v = (o: unknown) => C.fromPlain(o) as C.Values;

function chart(name: string, values: string, deps: C.Chart[] = []): C.Chart {
  const ch = C.loadChartFiles([
    { name: 'Chart.yaml', data: enc.encode(`apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`) },
    { name: 'values.yaml', data: enc.encode(values) },
  ]);
  ch.setDependencies(deps);
  return ch;
}

test('coalesceValues: user values win, maps merge, lists replace, null deletes', () => {
  // (keys are not y/n: YAML 1.1 reads those as booleans, as go-yaml v2 does)
  const ch = chart('p', 'a: 1\nm: {p: 1, q: 2}\nl: [1, 2]\ngone: 5\n');
  const user = v({ m: { q: 3, r: 4 }, l: [9], gone: null });
  const out = C.coalesceValues(ch, user);
  assert.deepEqual(C.toPlain(out), { m: { q: 3, r: 4, p: 1 }, l: [9], a: 1 });
  assert.deepEqual(C.toPlain(user), { m: { q: 3, r: 4 }, l: [9], gone: null }, 'input not modified');
  assert.deepEqual(C.toPlain(C.mergeValues(ch, user)), { m: { q: 3, r: 4, p: 1 }, l: [9], gone: null, a: 1 });
  assert.deepEqual(C.toPlain(C.coalesceValues(chart('y', 'y: 1\n'), null)), { true: 1 });
});

test('globals are copied down to subcharts, parent globals win', () => {
  const sub = chart('sub', 'global: {g: sub, only: sub}\nk: 1\n');
  const ch = chart('p', 'global: {g: parent}\n', [sub]);
  const out = C.coalesceValues(ch, new Map());
  assert.deepEqual(C.toPlain(out), { global: { g: 'parent' }, sub: { global: { g: 'parent', only: 'sub' }, k: 1 } });
});

test('warnings as Helm words them', () => {
  const warnings: string[] = [];
  const warn = (m: string, o: string) => warnings.push(`${o}: ${m}`);
  const sub = chart('sub', 'tbl: {x: 1}\n');
  const ch = chart('p', 'scalar: 5\nsub: {tbl: {x: 1}}\n', [sub]);
  C.coalesceValues(ch, v({ scalar: { y: 1 }, sub: { tbl: 7 } }), warn);
  assert.deepEqual(warnings, [
    'coalesce.go:237: warning: skipped value for p.scalar: Not a table.',
    'coalesce.go:298: warning: cannot overwrite table with non table for p.sub.tbl (map[x:1])',
  ]);
  warnings.length = 0;
  C.coalesceTables(v({ a: { b: 1 } }), v({ a: 1.5e6 }), warn);
  assert.deepEqual(warnings, ['coalesce.go:301: warning: destination for a is a table. Ignoring non-table value (1.5e+06)']);
});

test('a non-table value for a subchart is an error', () => {
  const ch = chart('p', '', [chart('sub', '')]);
  assert.throws(() => C.coalesceValues(ch, v({ sub: 5n })), { message: 'type mismatch on sub: %!t(int64=5)' });
  assert.throws(() => C.coalesceValues(ch, v({ sub: 'x' })), { message: 'type mismatch on sub: %!t(string=x)' });
  assert.throws(() => C.coalesceValues(ch, v({ sub: [1] })), { message: 'type mismatch on sub: [%!t(float64=1)]' });
});

test('coalesceTables and mergeTables', () => {
  assert.deepEqual(C.toPlain(C.coalesceTables(v({ a: null, b: 1 }), v({ a: 2, c: 3 }))!), { b: 1, c: 3 });
  assert.deepEqual(C.toPlain(C.mergeTables(v({ a: null, b: 1 }), v({ a: 2, c: 3 }))!), { a: null, b: 1, c: 3 });
  assert.equal(C.coalesceTables(null, v({ a: 1 }))?.get('a'), 1);
});

test('mergeMaps (-f files): maps merge, everything else replaced', () => {
  assert.deepEqual(C.toPlain(C.mergeMaps(v({ a: { b: 1 }, c: { d: 1 } }), v({ a: { e: 2 }, c: 5 }))), { a: { b: 1, e: 2 }, c: 5 });
});

test('pathValue and table', () => {
  const vals = v({ a: { b: { c: true } }, t: 1 });
  assert.equal(C.pathValue(vals, 'a.b.c'), true);
  assert.throws(() => C.pathValue(vals, 'a.b'), C.NoValueError);
  assert.throws(() => C.table(vals, 'a.x'), { message: '"x" is not a table' });
  assert.throws(() => C.table(vals, 't'), { message: '"t" is not a table' });
});
