/**
 * The predefined functions, called directly: html/js/urlquery escaping (outputs from Go 1.23),
 * comparisons across Go's numeric kinds, index/slice/len on typed values, truth.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalArgs, htmlEscapeString, jsEscapeString, urlQueryEscape } from '../../../src/template/builtins-escape.ts';
import { builtins, index, length, slice, truth } from '../../../src/template/builtins.ts';
import { eq, ge, gt, le, lt, ne } from '../../../src/template/compare.ts';
import { GoFuncError, GoNumber, GoStruct, sliceType, withMapType, withSliceType } from '../../../src/template/value.ts';
import type { GoValue } from '../../../src/template/value.ts';

// [input, html, js, urlquery] — as Go's text/template html/js/urlquery print them.
const escapes: [string, string, string, string][] = [
  ['<a href="x">&amp;\'</a>', '&lt;a href=&#34;x&#34;&gt;&amp;amp;&#39;&lt;/a&gt;',
    '\\u003Ca href\\u003D\\"x\\"\\u003E\\u0026amp;\\\'\\u003C/a\\u003E', '%3Ca+href%3D%22x%22%3E%26amp%3B%27%3C%2Fa%3E'],
  ['tab\there\u0001\u007f', 'tab\there\u0001\u007f', 'tab\\u0009here\\u0001\u007f', 'tab%09here%01%7F'],
  ['é ñ 😀 \\u00a0', 'é ñ 😀 \\u00a0', 'é ñ 😀 \\\\u00a0', '%C3%A9+%C3%B1+%F0%9F%98%80+%5Cu00a0'],
  ['a=b&c d/e?f#g+h~i.j_k-l', 'a=b&amp;c d/e?f#g+h~i.j_k-l', 'a\\u003Db\\u0026c d/e?f#g+h~i.j_k-l', 'a%3Db%26c+d%2Fe%3Ff%23g%2Bh~i.j_k-l'],
  ['\u2028\u0085\ufeff\u00a0', '\u2028\u0085\ufeff\u00a0', '\\u2028\\u0085\\uFEFF\\u00A0', '%E2%80%A8%C2%85%EF%BB%BF%C2%A0'],
  ['nul\u0000', 'nul\ufffd', 'nul\\u0000', 'nul%00'],
  ['plain', 'plain', 'plain', 'plain'],
];

for (const [input, html, js, url] of escapes) {
  test(`escape ${JSON.stringify(input)}`, () => {
    assert.equal(htmlEscapeString(input), html);
    assert.equal(jsEscapeString(input), js);
    assert.equal(urlQueryEscape(input), url);
  });
}

test('evalArgs: Sprint of the arguments, nil as <no value>', () => {
  assert.equal(evalArgs(['a']), 'a');
  assert.equal(evalArgs([1n, 2n]), '1 2');
  assert.equal(evalArgs(['a', 1n, 'b']), 'a1b');
  assert.equal(evalArgs([null]), '<no value>');
  assert.equal(evalArgs([undefined, 1n]), '<no value>1');
  assert.equal(evalArgs([]), '');
});

const i64 = (v: bigint): GoNumber => new GoNumber('int64', v);
const u8 = (v: bigint): GoNumber => new GoNumber('uint8', v);
const f32 = (v: number): GoNumber => new GoNumber('float32', Math.fround(v));

function err(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof Error);
    return e.message;
  }
  return 'no error';
}

test('eq: Go basicKind rules', () => {
  assert.equal(eq(1n, 1n), true);
  assert.equal(eq(1n, i64(1n)), true, 'int kinds compare with each other');
  assert.equal(eq(u8(1n), 1n), true, 'unsigned compares with signed');
  assert.equal(eq(-1n, u8(255n)), false);
  assert.equal(eq(1.5, f32(1.5)), true);
  assert.equal(eq('a', 'b', 'a'), true);
  assert.equal(eq(undefined, null), true, 'no value and nil are both nil');
  assert.equal(eq(null, 'x'), false);
  assert.equal(eq(null, [1n]), false);
  assert.equal(eq(true, true), true);
  assert.equal(err(() => eq(1n, 1.0)), 'incompatible types for comparison');
  assert.equal(err(() => eq('1', 1n)), 'incompatible types for comparison');
  assert.equal(err(() => eq(1n)), 'missing argument for comparison');
  assert.equal(err(() => eq(['a'], ['a'])), 'non-comparable type [a]: []interface {}');
  assert.equal(err(() => eq(new Map([['a', 1]]), ['a'])), 'non-comparable types map[a:%!s(float64=1)]: map[string]interface {}, []interface {}: [a]');
  assert.equal(err(() => eq(withSliceType(['a'], '[]string'), 1n)), 'incompatible types for comparison');
  assert.equal(ne(1n, 2n), true);
  assert.ok(err(() => ne(1n, 'a')).includes('incompatible'));
});

test('lt/le/gt/ge: ordered kinds only', () => {
  assert.equal(lt(1n, 2n), true);
  assert.equal(lt(i64(-1n), u8(0n)), true);
  assert.equal(lt(u8(3n), -1n), false);
  assert.equal(lt('a', 'b'), true);
  assert.equal(lt('z', 'é'), true, 'strings compare by bytes');
  assert.equal(lt('\uffff', '😀'), true, 'UTF-8 order, not UTF-16 order');
  assert.equal(le(2n, 2n), true);
  assert.equal(gt(2.5, 1.5), true);
  assert.equal(ge('a', 'a'), true);
  assert.equal(err(() => lt(true, false)), 'invalid type for comparison');
  assert.equal(err(() => lt(null, 1n)), 'invalid type for comparison');
  assert.equal(err(() => lt(1n, undefined)), 'invalid type for comparison');
  assert.equal(err(() => lt([1n], 1n)), 'invalid type for comparison');
  assert.equal(err(() => lt(1n, 1.5)), 'incompatible types for comparison');
  assert.equal(err(() => le(1.5, 1n)), 'incompatible types for comparison');
  assert.equal(err(() => gt('1', 1n)), 'incompatible types for comparison');
});

test('index: slices, maps, strings, bytes and nesting', () => {
  const m = new Map<string, GoValue>([['a', new Map<string, GoValue>([['b', 'c']])], ['l', [1n, null]]]);
  assert.equal(index(m, 'a', 'b'), 'c');
  assert.equal(index(m, 'zz'), null, 'missing key: zero value of interface{}');
  assert.equal(index(withMapType(new Map([['a', 'x']]), 'map[string]string'), 'zz'), '');
  assert.equal(index(m, 'l', 0n), 1n);
  assert.deepEqual(index('héllo', 1n), new GoNumber('uint8', 0xc3n));
  assert.deepEqual(index(new Uint8Array([7, 8]), i64(1n)), new GoNumber('uint8', 8n));
  const arr = [1n];
  assert.equal(index(arr), arr, 'no indexes: the item itself');
  assert.equal(err(() => index(m, 'l', 5n)), 'index out of range: 5');
  assert.equal(err(() => index(m, 'l', -1n)), 'index out of range: -1');
  assert.equal(err(() => index([1n], 1n)), 'reflect: slice index out of range');
  assert.equal(err(() => index('ab', 2n)), 'reflect: string index out of range');
  assert.equal(err(() => index(m, 'l', 1.0)), 'cannot index slice/array with type float64');
  assert.equal(err(() => index(m, 'l', null)), 'cannot index slice/array with nil');
  assert.equal(err(() => index(m, 'l', 1n, 0n)), 'index of nil pointer');
  assert.equal(err(() => index(m, 1n)), 'value has type int; should be string');
  assert.equal(err(() => index(m, undefined)), 'value is nil; should be of type string');
  assert.equal(err(() => index(null, 1n)), 'index of untyped nil');
  assert.equal(err(() => index(1.5, 1n)), "can't index item of type float64");
  assert.ok((() => { try { index(1.5, 1n); } catch (e) { return e instanceof GoFuncError; } return false; })());
});

test('slice: bytes of strings, typed slices', () => {
  assert.equal(slice('héllo', 1n, 3n), 'é');
  assert.equal(slice('abc', 1n), 'bc');
  assert.deepEqual(slice([1n, 2n, 3n], 1n, 2n), [2n]);
  const typed = slice(withSliceType(['a', 'b'], '[]string'), 1n) as GoValue[];
  assert.deepEqual([...typed], ['b']);
  assert.equal(sliceType(typed), '[]string');
  assert.equal(err(() => slice([1n], 2n, 1n)), 'index out of range: 2');
  assert.equal(err(() => slice([1n, 2n, 3n], 2n, 1n)), 'invalid slice index: 2 > 1');
  assert.equal(err(() => slice('abc', 1n, 2n, 3n)), 'cannot 3-index slice a string');
  assert.equal(err(() => slice([1n], 0n, 0n, 0n, 0n)), 'too many slice indexes: 4');
  assert.equal(err(() => slice(1n)), "can't slice item of type int");
  assert.equal(err(() => slice(undefined)), 'slice of untyped nil');
});

test('len: byte length of strings; errors', () => {
  assert.equal(length('héllo ✓'), 10n);
  assert.equal(length([1n, 2n]), 2n);
  assert.equal(length(new Map([['a', 1]])), 1n);
  assert.equal(length(new Uint8Array(3)), 3n);
  assert.equal(err(() => length(null)), 'len of nil pointer');
  assert.equal(err(() => length(3.5)), 'len of type float64');
  assert.equal(err(() => length(true)), 'len of type bool');
  assert.equal(err(() => length(undefined)), 'reflect: call of reflect.Value.Type on zero Value');
  const st = new GoStruct({ typeName: 'x.T', fields: new Map(), pointer: true, json: () => null });
  assert.equal(err(() => length(st)), 'len of type x.T');
});

test('truth: Go zero values are false', () => {
  const falsy: GoValue[] = [undefined, null, false, '', 0n, 0, -0, i64(0n), f32(0), [], new Map(), new Uint8Array(0)];
  const truthy: GoValue[] = [true, 'x', 1n, NaN, 0.1, u8(1n), [null], new Map([['a', null]]),
    new GoStruct({ typeName: 'T', fields: new Map(), json: () => null })];
  for (const v of falsy) assert.equal(truth(v), false, String(v));
  for (const v of truthy) assert.equal(truth(v), true, String(v));
});

test('builtins: names and signatures', () => {
  const b = builtins();
  assert.deepEqual([...b.keys()].sort(), ['and', 'call', 'eq', 'ge', 'gt', 'html', 'index', 'js', 'le', 'len', 'lt', 'ne', 'not',
    'or', 'print', 'printf', 'println', 'slice', 'urlquery']);
  assert.deepEqual(b.get('printf')!.params, ['string']);
  assert.equal(b.get('printf')!.variadic, 'interface {}');
});
