/**
 * Sprig's defaults.go (default, empty, coalesce, all, any, ternary) and reflect.go (typeOf, typeIs,
 * typeIsLike, kindOf, kindIs) plus reflect.DeepEqual. Values from YAML are float64 (numbers here),
 * template integer literals are int (bigint); expectations follow Sprig v3.3.0 and Helm's
 * conformance cases (e.g. `empty .Values.zero` is true, `deepEqual .Values.int 42` is false).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultFuncs } from '../../../src/template/funcs/defaults.ts';
import { reflectionFuncs } from '../../../src/template/funcs/reflection.ts';
import {
  GoNumber, GoStruct, int64, nilMap, nilSlice, withMapType, withSliceType, type GoValue,
} from '../../../src/template/value.ts';
import { call, runTable, type Row } from './sprig-table.ts';

const map = (o: Record<string, GoValue>): Map<string, GoValue> => new Map(Object.entries(o));
const strs = (xs: string[]): GoValue[] => withSliceType(xs, '[]string');
const struct = (pointer: boolean, fields: Record<string, GoValue> = { Name: 'x' }): GoStruct =>
  new GoStruct({ typeName: 'chart.Metadata', fields: map(fields), pointer, json: () => null });

const defaults: Row[] = [
  ['default', ['d', 0n], 'd'],
  ['default', ['d', ''], 'd'],
  ['default', ['d', new Map()], 'd'],
  ['default', ['d', null], 'd'],
  ['default', ['d', undefined], 'd'],
  ['default', ['d', 0], 'd'],
  ['default', ['d', '0'], '0'],
  ['default', ['d', ' '], ' '],
  ['default', [5n, undefined], 5n],
  ['default', ['d', 'x', 'y'], 'x'],
  ['default', ['d'], 'd'],
  ['default', ['d', false], 'd'],
  ['default', [true, false], true],
  ['default', ['d', []], 'd'],
  ['default', ['d', 42], 42],
  ['default', ['d', 1e21], 1e21],
  ['default', ['d', -7], -7],
  ['default', ['d', true], true],
  ['default', ['d', int64(0n)], 'd'],
  ['default', ['d', new Uint8Array()], 'd'],
  ['coalesce', [0n, '', 'first', 'second'], 'first'],
  ['coalesce', [], null],
  ['coalesce', [null, '', 0, false], null],
  ['coalesce', [undefined, 3n], 3n],
  ['all', [1n, 'a', true], true],
  ['all', [1n, '', true], false],
  ['all', [], true],
  ['all', [null], false],
  ['any', [0n, '', false], false],
  ['any', [], false],
  ['any', [0n, 'x'], true],
  ['empty', [0n], true],
  ['empty', ['0'], false],
  ['empty', [''], true],
  ['empty', [0], true],
  ['empty', [-0], true],
  ['empty', [NaN], false],
  ['empty', [3.14], false],
  ['empty', [false], true],
  ['empty', [true], false],
  ['empty', [null], true],
  ['empty', [undefined], true],
  ['empty', [[]], true],
  ['empty', [[null]], false],
  ['empty', [strs([])], true],
  ['empty', [new Map()], true],
  ['empty', [map({ x: map({}) })], false],
  ['empty', [int64(0n)], true],
  ['empty', [new GoNumber('uint8', 1n)], false],
  ['empty', [new GoNumber('float32', 0)], true],
  ['empty', [new Uint8Array([0])], false],
  ['empty', [struct(false, {})], false],
  ['empty', [struct(true)], false],
  ['ternary', ['a', 'b', true], 'a'],
  ['ternary', ['a', 'b', false], 'b'],
  ['ternary', [null, 'b', true], null],
];

runTable('sprig defaults', defaultFuncs, defaults);

const reflection: Row[] = [
  ['typeOf', ['hello'], 'string'],
  ['typeOf', [3.14], 'float64'],
  ['typeOf', [7n], 'int'],
  ['typeOf', [true], 'bool'],
  ['typeOf', [null], '<nil>'],
  ['typeOf', [undefined], '<nil>'],
  ['typeOf', [[1n, 'a']], '[]interface {}'],
  ['typeOf', [strs(['a'])], '[]string'],
  ['typeOf', [map({})], 'map[string]interface {}'],
  ['typeOf', [withMapType(new Map(), 'map[string]string')], 'map[string]string'],
  ['typeOf', [new Uint8Array([1])], '[]uint8'],
  ['typeOf', [int64(1n)], 'int64'],
  ['typeOf', [struct(false)], 'chart.Metadata'],
  ['typeOf', [struct(true)], '*chart.Metadata'],
  ['typeIs', ['string', 'x'], true],
  ['typeIs', ['int', 1], false],
  ['typeIs', ['float64', 1], true],
  ['typeIs', ['chart.Metadata', struct(true)], false],
  ['typeIsLike', ['chart.Metadata', struct(true)], true],
  ['typeIsLike', ['chart.Metadata', struct(false)], true],
  ['typeIsLike', ['*chart.Metadata', struct(false)], false],
  ['kindOf', ['x'], 'string'],
  ['kindOf', [42], 'float64'],
  ['kindOf', [7n], 'int'],
  ['kindOf', [null], 'invalid'],
  ['kindOf', [undefined], 'invalid'],
  ['kindOf', [[]], 'slice'],
  ['kindOf', [new Uint8Array()], 'slice'],
  ['kindOf', [map({ a: 1 })], 'map'],
  ['kindOf', [struct(false)], 'struct'],
  ['kindOf', [struct(true)], 'ptr'],
  ['kindOf', [int64(1n)], 'int64'],
  ['kindOf', [false], 'bool'],
  ['kindIs', ['int', 1n], true],
  ['kindIs', ['float64', 42], true],
  ['kindIs', ['invalid', null], true],
  ['kindIs', ['map', []], false],
  ['deepEqual', [map({ a: 1n }), map({ a: 1n })], true],
  ['deepEqual', [map({ a: 1n }), map({ a: 1 })], false],
  ['deepEqual', [map({ a: 1n }), map({ b: 1n })], false],
  ['deepEqual', [[1n], [1]], false],
  ['deepEqual', [[1n, [null, 'x']], [1n, [null, 'x']]], true],
  ['deepEqual', [1n, 1n], true],
  ['deepEqual', [42, 42.0], true],
  ['deepEqual', [42, 42n], false],
  ['deepEqual', [0, -0], true],
  ['deepEqual', [NaN, NaN], false],
  ['deepEqual', [null, null], true],
  ['deepEqual', [null, undefined], true],
  ['deepEqual', [null, 0n], false],
  ['deepEqual', ['a', 'a'], true],
  ['deepEqual', [strs(['a']), ['a']], false],
  ['deepEqual', [strs(['a']), strs(['a'])], true],
  ['deepEqual', [nilSlice(), []], false],
  ['deepEqual', [nilSlice(), nilSlice()], true],
  ['deepEqual', [nilMap(), new Map()], false],
  ['deepEqual', [nilMap(), nilMap()], true],
  ['deepEqual', [int64(5n), int64(5n)], true],
  ['deepEqual', [int64(5n), 5n], false],
  ['deepEqual', [new Uint8Array([1, 2]), new Uint8Array([1, 2])], true],
  ['deepEqual', [new Uint8Array([1, 2]), new Uint8Array([1, 3])], false],
  ['deepEqual', [struct(false), struct(false)], true],
  ['deepEqual', [struct(false), struct(true)], false],
  ['deepEqual', [struct(false, { Name: 'a' }), struct(false, { Name: 'b' })], false],
];

runTable('sprig reflection', reflectionFuncs, reflection);

describe('sprig defaults and reflection signatures', () => {
  it('declares Go parameter and result types', () => {
    const d = defaultFuncs;
    assert.deepEqual([d.default!.params, d.default!.variadic, d.default!.result], [['interface {}'], 'interface {}', 'interface {}']);
    assert.deepEqual([d.coalesce!.params, d.coalesce!.variadic], [[], 'interface {}']);
    assert.deepEqual([d.all!.variadic, d.all!.result, d.any!.result], ['interface {}', 'bool', 'bool']);
    assert.deepEqual(d.ternary!.params, ['interface {}', 'interface {}', 'bool']);
    assert.deepEqual(reflectionFuncs.deepEqual!.params, ['interface {}', 'interface {}']);
    assert.deepEqual(reflectionFuncs.typeIs!.params, ['string', 'interface {}']);
  });
  it('default returns the given value itself', () => {
    const m = map({ a: 1 });
    assert.equal(call(defaultFuncs, 'default', ['d', m]), m);
  });
});
