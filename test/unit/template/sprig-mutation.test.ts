import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sliceType, typeName, withMapType, withSliceType } from '../../../src/template/value.ts';
import type { FuncDef, GoMap, GoValue } from '../../../src/template/value.ts';
import { listFuncs } from '../../../src/template/funcs/lists.ts';
import { dictFuncs } from '../../../src/template/funcs/dicts.ts';
import { isNilMap, isNilSlice, nilMap } from '../../../src/template/value.ts';
import { appendedCap, growCap, sliceCap, withSliceCap } from '../../../src/template/funcs/lists-cap.ts';
import { testCtx } from './sprig-support.ts';

const all: Record<string, FuncDef> = { ...listFuncs, ...dictFuncs };
const ctx = testCtx();
function call(name: string, ...args: GoValue[]): GoValue {
  const fd = all[name];
  if (!fd) throw new Error(`no ${name}`);
  return fd.fn(args, ctx);
}
const m = (...kv: [string, GoValue][]): GoMap => new Map(kv);
const entries = (v: GoValue): unknown => (v instanceof Map ? Object.fromEntries([...v].map(([k, x]) => [k, entries(x)])) : v);

test('set/unset mutate and return the same map (sprig.dict_mutate.001/003/007/033)', () => {
  const d = m(['a', 1n]);
  assert.equal(call('set', d, 'b', 2n), d);
  assert.deepEqual(entries(d), { a: 1n, b: 2n });
  assert.equal(call('unset', d, 'a'), d);
  assert.deepEqual(entries(d), { b: 2n });
  assert.equal(call('unset', d, 'zz'), d);
});

test('merge mutates dst deeply, shares src maps by reference (sprig.dict_mutate.009/014/026)', () => {
  const a = m(['x', 1n], ['n', m(['p', 1n])]);
  const b = m(['x', 2n], ['y', 3n], ['n', m(['p', 2n], ['q', 3n])]);
  const r = call('merge', a, b);
  assert.equal(r, a);
  assert.deepEqual(entries(a), { x: 1n, n: { p: 1n, q: 3n }, y: 3n });
  assert.deepEqual(entries(b), { x: 2n, y: 3n, n: { p: 2n, q: 3n } });

  const nested = m(['x', m(['k', m(['z', 'deep'])])]);
  const d = call('merge', m(), nested) as GoMap;
  call('set', d.get('x') ?? null, 'new', 1n);
  assert.deepEqual(entries(nested), { x: { k: { z: 'deep' }, new: 1n } });
});

test('deepCopy is independent (sprig.dict_mutate.008) and keeps types', () => {
  const values = withMapType(m(['a', 1]), 'chartutil.Values');
  const c = call('deepCopy', values) as GoMap;
  call('set', c, 'z', 26n);
  assert.equal(values.has('z'), false);
  assert.equal(typeName(c), 'chartutil.Values');
  const strs = withSliceType(['a'], '[]string');
  assert.equal(typeName(call('deepCopy', strs)), '[]string');
});

test('append/prepend copy; sortAlpha sorts a []string in place', () => {
  const l: GoValue[] = [1n, 2n];
  call('append', l, 3n);
  call('prepend', l, 0n);
  assert.deepEqual(l, [1n, 2n]); // sprig.list.051
  const strs = withSliceType(['b', 'a', 'c'], '[]string');
  assert.equal(call('sortAlpha', strs), strs);
  assert.deepEqual([...strs], ['a', 'b', 'c']);
  const iface: GoValue[] = ['b', 'a'];
  call('sortAlpha', iface);
  assert.deepEqual(iface, ['b', 'a']);
});

test('typed nil slices and maps', () => {
  assert.ok(isNilSlice(call('rest', [])));
  assert.ok(isNilSlice(call('initial', [])));
  assert.ok(isNilSlice(call('concat')));
  assert.ok(isNilSlice(call('concat', [], [])));
  assert.ok(!isNilSlice(call('reverse', [])));
  assert.ok(!isNilSlice(call('list')));
  assert.ok(isNilSlice(call('deepCopy', call('rest', []))));
  assert.equal(call('slice', []), null); // untyped nil: `slice (list) | typeOf` is <nil>
  assert.ok(isNilMap(call('unset', null, 'a')));
  assert.ok(isNilMap(call('merge', null, null)));
  assert.equal(typeName(call('merge', null, null)), 'map[string]interface {}');
  assert.throws(() => call('set', nilMap(), 'a', 1n), { message: 'assignment to entry in nil map' });
  const made = call('merge', nilMap(), m(['a', 1n]));
  assert.ok(made instanceof Map && !isNilMap(made) && made.get('a') === 1n);
});

test('result slice types', () => {
  assert.equal(sliceType(call('until', 2n) as GoValue[]), '[]int');
  assert.equal(sliceType(call('keys', m(['a', 1n])) as GoValue[]), '[]string');
  assert.equal(sliceType(call('chunk', 1n, [1n]) as GoValue[]), '[][]interface {}');
  assert.equal(sliceType(call('slice', withSliceType(['a', 'b'], '[]string'), 1n) as GoValue[]), '[]string');
  assert.equal(sliceType(call('reverse', withSliceType(['a'], '[]string')) as GoValue[]), '[]interface {}');
});

test('dig asserts map[string]interface {} exactly (a chartutil.Values is not one)', () => {
  const values = withMapType(m(['a', 1n]), 'chartutil.Values');
  assert.throws(() => call('dig', 'a', 'def', values), {
    message: 'interface conversion: interface {} is chartutil.Values, not map[string]interface {}',
  });
  assert.throws(() => call('dig', 'a'), { message: 'dig needs at least three arguments' });
});

test('slice capacity: Go growslice caps, and slicing up to cap', () => {
  // encoding/json appends one element at a time: caps 1, 2, 4, 4, 8 …
  assert.deepEqual([0, 1, 2, 3, 4, 5, 9, 17].map((n) => appendedCap(n)), [0, 1, 2, 4, 4, 8, 16, 32]);
  assert.equal(growCap(3, 4, 16, true), 6); // append to a full len-3 []interface{}: 96-byte size class
  assert.equal(appendedCap(600, 8, false), 848);
  // helm: {{ slice .Values.list 0 4 }} → [a b c <nil>] (values lists come from encoding/json)
  const list = withSliceCap(['a', 'b', 'c'], appendedCap(3));
  assert.equal(sliceCap(list), 4);
  assert.deepEqual([...(call('slice', list, 0n, 4n) as GoValue[])], ['a', 'b', 'c', null]);
  assert.throws(() => call('slice', list, 0n, 5n), { message: 'reflect.Value.Slice: slice index out of bounds' });
  // elements past len come from the backing array
  const head = call('slice', withSliceType(call('until', 5n) as GoValue[], '[]int'), 0n, 1n) as GoValue[];
  assert.deepEqual([...(call('slice', head, 0n, 8n) as GoValue[])], [0n, 1n, 2n, 3n, 4n, 0n, 0n, 0n]);
});

test('sequences charge the execution budget; endless Go loops cannot run', () => {
  const small = testCtx(1000);
  const until = listFuncs.until;
  const untilStep = listFuncs.untilStep;
  assert.ok(until && untilStep);
  assert.throws(() => until.fn([1000000000n], small), /budget exhausted/);
  // i += step overflows int64 and wraps below stop: Go loops until it runs out of memory
  assert.throws(() => untilStep.fn([2n ** 63n - 8n, 2n ** 63n - 1n, 3n], testCtx(Number.MAX_SAFE_INTEGER)), {
    message: 'runtime: out of memory',
  });
});
