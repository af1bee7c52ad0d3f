import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJSON, marshalJSON, unmarshalJSON } from '../../../src/template/json/index.ts';
import { utf8Decode } from '@capstan/strconv';
import { GoFuncError, GoNumber, GoStruct, int64, withMapType } from '../../../src/template/value.ts';
import type { GoMap, GoValue } from '../../../src/template/value.ts';

function dict(...kv: GoValue[]): GoMap {
  const m: GoMap = new Map();
  for (let i = 0; i < kv.length; i += 2) m.set(kv[i] as string, kv[i + 1]);
  return m;
}

function goError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof GoFuncError, String(e));
    return e.message;
  }
  assert.fail('expected an error');
}

const V = {
  str: 'hello',
  html: '<a href="x">&</a>',
  unicode: 'héllo wörld ✓',
  map: dict('b', 2, 'a', 1, 'c', 3),
  mixed: [1, 'two', true, null, 2.5] as GoValue[],
  users: [dict('name', 'bob', 'age', 30), dict('name', 'alice', 'age', 25)] as GoValue[],
  nested: dict('x', dict('k', dict('z', 'deep'))),
};
const PRETTY = { prefix: '', indent: '  ' };
const RAW = { escapeHTML: false };

test('Marshal: conformance cases (toJson / toRawJson / toPrettyJson)', () => {
  assert.equal(marshalJSON(V.str), '"hello"');
  assert.equal(marshalJSON(V.html), '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"');
  assert.equal(marshalJSON(V.html, RAW), '"<a href=\\"x\\">&</a>"');
  assert.equal(marshalJSON(V.unicode), '"héllo wörld ✓"');
  assert.equal(marshalJSON(V.map), '{"a":1,"b":2,"c":3}');
  assert.equal(marshalJSON(V.mixed), '[1,"two",true,null,2.5]');
  assert.equal(marshalJSON(V.users), '[{"age":30,"name":"bob"},{"age":25,"name":"alice"}]');
  assert.equal(marshalJSON(V.nested), '{"x":{"k":{"z":"deep"}}}');
  assert.equal(marshalJSON(null), 'null');
  assert.equal(marshalJSON(undefined), 'null');
  assert.equal(marshalJSON([]), '[]');
  assert.equal(marshalJSON(new Map()), '{}');
  assert.equal(marshalJSON(dict('b', 1n, 'a', [1n, 2n], 'c', dict())), '{"a":[1,2],"b":1,"c":{}}');
  assert.equal(marshalJSON(dict('<>', '&')), '{"\\u003c\\u003e":"\\u0026"}');
  assert.equal(marshalJSON(dict('1', 'one')), '{"1":"one"}');
  assert.equal(marshalJSON(0.1), '0.1');
  assert.equal(marshalJSON(1e100), '1e+100');
  assert.equal(marshalJSON(1e21), '1e+21');
  assert.equal(marshalJSON(1000000), '1000000');
  assert.equal(marshalJSON(int64(5n)), '5');
  assert.equal(marshalJSON('a/b'), '"a/b"');
  assert.equal(marshalJSON(utf8Decode(Uint8Array.of(0xff))), '"\\ufffd"');
  assert.equal(marshalJSON('\u2028\t\u0001'), '"\\u2028\\t\\u0001"');
  assert.equal(marshalJSON('\u2028\t\u0001', RAW), '"\\u2028\\t\\u0001"');
  assert.equal(marshalJSON(V.users, PRETTY), '[\n  {\n    "age": 30,\n    "name": "bob"\n  },\n  {\n    "age": 25,\n    "name": "alice"\n  }\n]');
  assert.equal(marshalJSON(dict('b', 1n, 'a', [1n, 2n], 'c', dict()), PRETTY), '{\n  "a": [\n    1,\n    2\n  ],\n  "b": 1,\n  "c": {}\n}');
  assert.equal(marshalJSON(dict('<>', '&'), PRETTY), '{\n  "\\u003c\\u003e": "\\u0026"\n}');
  assert.equal(marshalJSON(1e21, PRETTY), '1e+21');
});

test('Marshal: float64 formatting as encoding/json', () => {
  const cases: [number, string][] = [
    [0, '0'], [-0, '-0'], [1, '1'], [-7, '-7'], [3.14, '3.14'], [1e6, '1000000'], [123456789, '123456789'],
    [1234567890123, '1234567890123'], [1e20, '100000000000000000000'], [1e21, '1e+21'], [1.5e300, '1.5e+300'],
    [0.000001, '0.000001'], [9.99e-7, '9.99e-7'], [1e-7, '1e-7'], [1.5e-10, '1.5e-10'], [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'], [0.30000000000000004, '0.30000000000000004'],
    [-9223372036854775808, '-9223372036854776000'], [12345678901234567890, '12345678901234567000'],
  ];
  for (const [f, want] of cases) assert.equal(marshalJSON(f), want, String(f));
  assert.equal(marshalJSON(new GoNumber('float32', Math.fround(0.1))), '0.1');
  assert.equal(marshalJSON(new GoNumber('float32', Math.fround(1e-7))), '1e-7');
  assert.equal(marshalJSON(new GoNumber('float32', Math.fround(3.4e38))), '3.4e+38');
  assert.equal(marshalJSON([new GoNumber('uint8', 255n), new GoNumber('int64', -(2n ** 63n)), 2n ** 63n - 1n]), '[255,-9223372036854775808,9223372036854775807]');
});

test('Marshal: errors', () => {
  assert.equal(goError(() => marshalJSON(NaN)), 'json: unsupported value: NaN');
  assert.equal(goError(() => marshalJSON(Infinity)), 'json: unsupported value: +Inf');
  assert.equal(goError(() => marshalJSON([dict('a', -Infinity)])), 'json: unsupported value: -Inf');
  assert.equal(goError(() => marshalJSON(new GoNumber('float32', NaN))), 'json: unsupported value: NaN');
  const cyclic = dict('a', 1n);
  cyclic.set('self', cyclic);
  assert.equal(goError(() => marshalJSON(cyclic)), 'json: unsupported value: encountered a cycle via map[string]interface {}');
  const shared = dict('x', 1n);
  assert.equal(marshalJSON([shared, shared]), '[{"x":1},{"x":1}]');
});

test('Marshal: string escaping (Go encode_test.go encodeStringTests and more)', () => {
  const want = (c: number): string => {
    switch (c) {
      case 0x08: return '"\\b"';
      case 0x09: return '"\\t"';
      case 0x0a: return '"\\n"';
      case 0x0c: return '"\\f"';
      case 0x0d: return '"\\r"';
      default: return '"\\u00' + c.toString(16).padStart(2, '0') + '"';
    }
  };
  for (let c = 0; c < 0x20; c++) assert.equal(marshalJSON(String.fromCharCode(c)), want(c), `\\x${c.toString(16)}`);
  assert.equal(marshalJSON('\x7f"\\'), '"\x7f\\"\\\\"');
  assert.equal(marshalJSON('\u2029'), '"\\u2029"');
  assert.equal(marshalJSON('\ufffd'), '"\ufffd"');
  assert.equal(marshalJSON('😀é日'), '"😀é日"');
  assert.equal(marshalJSON(utf8Decode(Uint8Array.of(0x61, 0xc3, 0x28, 0xed, 0xa0, 0x80))), '"a\\ufffd(\\ufffd\\ufffd\\ufffd"');
  assert.equal(marshalJSON(dict(utf8Decode(Uint8Array.of(0xff)), 1n)), '{"\\ufffd":1}');
});

test('Marshal: []byte as base64, structs in field order', () => {
  assert.equal(marshalJSON(Uint8Array.of(104, 105)), '"aGk="');
  assert.equal(marshalJSON(new Uint8Array(0)), '""');
  assert.equal(marshalJSON([Uint8Array.of(0xff, 0xfe, 0xfd)]), '["//79"]');
  const meta = new GoStruct({
    typeName: 'chart.Metadata',
    pointer: true,
    fields: new Map(),
    json: () => dict('name', 'conf', 'version', '0.1.0', 'annotations', dict('z', '1', 'a', '2'), 'apiVersion', 'v2'),
  });
  assert.equal(marshalJSON(meta), '{"name":"conf","version":"0.1.0","annotations":{"a":"2","z":"1"},"apiVersion":"v2"}');
  assert.equal(marshalJSON(dict('Chart', meta)), '{"Chart":{"name":"conf","version":"0.1.0","annotations":{"a":"2","z":"1"},"apiVersion":"v2"}}');
  const typed = withMapType(dict('b', 'x', 'a', 'y'), 'map[string]string');
  assert.equal(marshalJSON(typed), '{"a":"y","b":"x"}');
});

test('MarshalIndent layout with prefix', () => {
  assert.equal(marshalJSON(dict('a', [1n, dict()], 'b', []), { prefix: '>', indent: '\t' }), '{\n>\t"a": [\n>\t\t1,\n>\t\t{}\n>\t],\n>\t"b": []\n>}');
  assert.equal(marshalJSON('x', { prefix: '>', indent: '\t' }), '"x"');
  assert.equal(marshalJSON(dict('k', 'a,b:{c}'), PRETTY), '{\n  "k": "a,b:{c}"\n}');
});

test('Unmarshal into interface{}: values', () => {
  const v = unmarshalJSON('{"z":1,"a":[1.5,"x",null,true,{"n":-0}],"e":"\\u003c\\ud83d\\ude00"}');
  assert.ok(v instanceof Map);
  assert.deepEqual([...v.keys()], ['z', 'a', 'e']);
  assert.equal(v.get('z'), 1);
  const a = v.get('a') as GoValue[];
  assert.equal(a[0], 1.5);
  assert.equal(a[1], 'x');
  assert.equal(a[2], null);
  assert.equal(a[3], true);
  assert.ok(Object.is((a[4] as GoMap).get('n'), -0));
  assert.equal(v.get('e'), '<😀');
  assert.equal(unmarshalJSON('12345678901234567890'), 12345678901234567000);
  assert.equal(unmarshalJSON('"\\ud800"'), '\ufffd');
  assert.equal(unmarshalJSON('"' + utf8Decode(Uint8Array.of(0xff)) + '"'), '\ufffd');
  assert.equal(unmarshalJSON('{"a":1,"a":2}') instanceof Map ? (unmarshalJSON('{"a":1,"a":2}') as GoMap).get('a') : 0, 2);
  assert.equal(marshalJSON(unmarshalJSON('{"a":1.0}')), '{"a":1}');
});

test('Unmarshal: deep nesting up to the scanner limit', () => {
  let v = unmarshalJSON('['.repeat(10000) + ']'.repeat(10000));
  let depth = 0;
  while (Array.isArray(v) && v.length > 0) {
    v = v[0];
    depth++;
  }
  assert.equal(depth, 9999);
  const deep = unmarshalJSON('{"a":'.repeat(3000) + '1' + '}'.repeat(3000));
  assert.equal(marshalJSON(deep), '{"a":'.repeat(3000) + '1' + '}'.repeat(3000));
});

test('Unmarshal: Go syntax errors', () => {
  assert.equal(goError(() => unmarshalJSON('')), 'unexpected end of JSON input');
  assert.equal(goError(() => unmarshalJSON('bad')), "invalid character 'b' looking for beginning of value");
  assert.equal(goError(() => unmarshalJSON('{bad')), "invalid character 'b' looking for beginning of object key string");
  assert.equal(goError(() => unmarshalJSON('{"X": "foo", "Y"}')), "invalid character '}' after object key");
  assert.equal(goError(() => unmarshalJSON('{"X": "foo" "Y": "bar"}')), 'invalid character \'"\' after object key:value pair');
  assert.equal(goError(() => unmarshalJSON('[1, 2, 3+]')), "invalid character '+' after array element");
  assert.equal(goError(() => unmarshalJSON('{"F3": -}')), "invalid character '}' in numeric literal");
  assert.equal(goError(() => unmarshalJSON('\x01 42')), "invalid character '\\x01' looking for beginning of value");
  assert.equal(goError(() => unmarshalJSON(' 42 \x01')), "invalid character '\\x01' after top-level value");
  assert.equal(goError(() => unmarshalJSON("'a'")), "invalid character '\\'' looking for beginning of value");
  assert.equal(goError(() => unmarshalJSON('é')), "invalid character 'Ã' looking for beginning of value");
  assert.equal(goError(() => unmarshalJSON('nulL')), "invalid character 'L' in literal null (expecting 'l')");
  assert.equal(goError(() => unmarshalJSON('"\\x"')), "invalid character 'x' in string escape code");
  assert.equal(goError(() => unmarshalJSON('"\\u12g4"')), "invalid character 'g' in \\u hexadecimal character escape");
  assert.equal(goError(() => unmarshalJSON('"a\tb"')), "invalid character '\\t' in string literal");
  assert.equal(goError(() => unmarshalJSON('1.e5')), "invalid character 'e' after decimal point in numeric literal");
  assert.equal(goError(() => unmarshalJSON('1e+')), "invalid character ' ' in exponent of numeric literal");
  assert.equal(goError(() => unmarshalJSON('[2, 3')), 'unexpected end of JSON input');
  assert.equal(goError(() => unmarshalJSON('1ex')), "invalid character 'x' in exponent of numeric literal");
  assert.equal(goError(() => unmarshalJSON('[1e400, 2]')), 'json: cannot unmarshal number 1e400 into Go value of type float64');
  assert.equal(goError(() => unmarshalJSON('['.repeat(10001))), "invalid character '[' exceeded max depth");
});

test('Unmarshal into map / slice targets (Helm fromJson, fromJsonArray)', () => {
  const r1 = decodeJSON('[1]', 'map');
  assert.equal(r1.error?.message, 'json: cannot unmarshal array into Go value of type map[string]interface {}');
  assert.equal(marshalJSON(r1.value), '{}');
  assert.equal(decodeJSON('1', 'map').error?.message, 'json: cannot unmarshal number into Go value of type map[string]interface {}');
  assert.equal(decodeJSON('"s"', 'map').error?.message, 'json: cannot unmarshal string into Go value of type map[string]interface {}');
  assert.equal(decodeJSON('{}', 'slice').error?.message, 'json: cannot unmarshal object into Go value of type []interface {}');
  assert.equal(decodeJSON('true', 'slice').error?.message, 'json: cannot unmarshal bool into Go value of type []interface {}');
  assert.deepEqual(decodeJSON('null', 'map'), { value: null });
  assert.deepEqual(decodeJSON('null', 'slice'), { value: null });
  const r2 = decodeJSON('{"a":1e400, "b": 2}', 'map');
  assert.equal(r2.error?.message, 'json: cannot unmarshal number 1e400 into Go value of type float64');
  assert.equal(marshalJSON(r2.value), '{"a":null,"b":2}');
  const r3 = decodeJSON('{"a":1}x', 'map');
  assert.equal(r3.error?.message, "invalid character 'x' after top-level value");
  assert.equal(marshalJSON(r3.value), '{}');
  assert.equal(marshalJSON(decodeJSON('[1,"a",null]', 'slice').value), '[1,"a",null]');
});

test('Unmarshal agrees with Go (value re-marshalled, error text)', () => {
  for (const [input, out, err] of DECODE_TESTS) {
    const r = decodeJSON(input);
    assert.equal(r.error?.message ?? '', err, JSON.stringify(input));
    assert.equal(marshalJSON(r.value), out, JSON.stringify(input));
  }
});

/** json.Unmarshal into interface{} then json.Marshal, as Go does: [input, output, error]. */
const DECODE_TESTS: readonly (readonly [string, string, string])[] = [
  ["", "null", "unexpected end of JSON input"],
  [" \n\r\t", "null", "unexpected end of JSON input"],
  ["null", "null", ""],
  ["true", "true", ""],
  ["false", "false", ""],
  ["nul", "null", "invalid character ' ' in literal null (expecting 'l')"],
  ["tru", "null", "invalid character ' ' in literal true (expecting 'e')"],
  ["fals", "null", "invalid character ' ' in literal false (expecting 'e')"],
  ["trux", "null", "invalid character 'x' in literal true (expecting 'e')"],
  ["nulL", "null", "invalid character 'L' in literal null (expecting 'l')"],
  ["1", "1", ""],
  ["-", "null", "invalid character ' ' in numeric literal"],
  ["-0", "-0", ""],
  ["-01", "null", "invalid character '1' after top-level value"],
  ["01", "null", "invalid character '1' after top-level value"],
  ["1.", "null", "invalid character ' ' after decimal point in numeric literal"],
  ["1.e5", "null", "invalid character 'e' after decimal point in numeric literal"],
  ["1e", "null", "invalid character ' ' in exponent of numeric literal"],
  ["1e+", "null", "invalid character ' ' in exponent of numeric literal"],
  ["1E5", "100000", ""],
  ["1e400", "null", "json: cannot unmarshal number 1e400 into Go value of type float64"],
  ["-1e400", "null", "json: cannot unmarshal number -1e400 into Go value of type float64"],
  ["1e-400", "0", ""],
  ["12345678901234567890", "12345678901234567000", ""],
  ["0.1", "0.1", ""],
  ["\"a\"", "\"a\"", ""],
  ["\"\\u003c\"", "\"\\u003c\"", ""],
  ["\"\\ud83d\\ude00\"", "\"\ud83d\ude00\"", ""],
  ["\"\\ud800\"", "\"\ufffd\"", ""],
  ["\"\\ud800x\"", "\"\ufffdx\"", ""],
  ["\"\\ud800\\u0041\"", "\"\ufffdA\"", ""],
  ["\"\\udc00\\ud800\"", "\"\ufffd\ufffd\"", ""],
  ["\"\\x\"", "null", "invalid character 'x' in string escape code"],
  ["\"\\u12\"", "null", "invalid character '\"' in \\u hexadecimal character escape"],
  ["\"\\u12g4\"", "null", "invalid character 'g' in \\u hexadecimal character escape"],
  ["\"a\tb\"", "null", "invalid character '\\t' in string literal"],
  ["\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"", "\"/\\b\\f\\n\\r\\t\\\"\\\\\"", ""],
  ["\"\\'\"", "null", "invalid character '\\'' in string escape code"],
  ["{", "null", "unexpected end of JSON input"],
  ["{}", "{}", ""],
  ["{\"a\":1,\"a\":2}", "{\"a\":2}", ""],
  ["{\"a\" 1}", "null", "invalid character '1' after object key"],
  ["{\"a\":}", "null", "invalid character '}' looking for beginning of value"],
  ["{,}", "null", "invalid character ',' looking for beginning of object key string"],
  ["{\"a\":1,}", "null", "invalid character '}' looking for beginning of object key string"],
  ["[1,]", "null", "invalid character ']' looking for beginning of value"],
  ["[,1]", "null", "invalid character ',' looking for beginning of value"],
  ["[1 2]", "null", "invalid character '2' after array element"],
  ["[2, 3", "null", "unexpected end of JSON input"],
  ["[", "null", "unexpected end of JSON input"],
  ["]", "null", "invalid character ']' looking for beginning of value"],
  ["}", "null", "invalid character '}' looking for beginning of value"],
  ["{bad", "null", "invalid character 'b' looking for beginning of object key string"],
  ["{\"a\":1}x", "null", "invalid character 'x' after top-level value"],
  ["[1] [2]", "null", "invalid character '[' after top-level value"],
  ["x", "null", "invalid character 'x' looking for beginning of value"],
  ["\u00e9", "null", "invalid character '\u00c3' looking for beginning of value"],
  ["\"\u00e9\"", "\"\u00e9\"", ""],
  ["\"\udcff\"", "\"\ufffd\"", ""],
  ["\"a\udcffb\"", "\"a\ufffdb\"", ""],
  ["[1,\"a\",null]", "[1,\"a\",null]", ""],
  ["{\"b\":[1,{\"c\":\"d\"}],\"a\":{}}", "{\"a\":{},\"b\":[1,{\"c\":\"d\"}]}", ""],
  ["  {\"k\" : [ true , false ] }  ", "{\"k\":[true,false]}", ""],
  ["\"\u2028<>&\"", "\"\\u2028\\u003c\\u003e\\u0026\"", ""],
  ["{\"<>\":\"&\"}", "{\"\\u003c\\u003e\":\"\\u0026\"}", ""],
  ["[1e400, 2]", "[null,2]", "json: cannot unmarshal number 1e400 into Go value of type float64"],
  ["{\"a\":1e400,\"b\":2}", "{\"a\":null,\"b\":2}", "json: cannot unmarshal number 1e400 into Go value of type float64"],
  ["\"\\u0000\\u001f\"", "\"\\u0000\\u001f\"", ""],
  ["[[[[[]]]]]", "[[[[[]]]]]", ""],
  ["-1.5e-7", "-1.5e-7", ""],
  ["1e21", "1e+21", ""],
  ["1e-7", "1e-7", ""],
  ["123e-8", "0.00000123", ""],
  ["5e-324", "5e-324", ""],
  ["1.7976931348623157e308", "1.7976931348623157e+308", ""],
  ["100", "100", ""],
  ["1E+2", "100", ""],
  ["[1.0, 2.50]", "[1,2.5]", ""],
  ["{\"X\": \"foo\", \"Y\"}", "null", "invalid character '}' after object key"],
  ["[1, 2, 3+]", "null", "invalid character '+' after array element"],
  ["{\"X\":12x}", "null", "invalid character 'x' after object key:value pair"],
  ["{\"F3\": -}", "null", "invalid character '}' in numeric literal"],
  ["\u0001 42", "null", "invalid character '\\x01' looking for beginning of value"],
  [" 42 \u0001", "null", "invalid character '\\x01' after top-level value"],
  ["{\"X\": \"foo\" \"Y\": \"bar\"}", "null", "invalid character '\"' after object key:value pair"],
  ["[1,2,3]}", "null", "invalid character '}' after top-level value"],
  ["{\"a\":1]", "null", "invalid character ']' after object key:value pair"],
  ["\"\u001f\"", "null", "invalid character '\\x1f' in string literal"],
  ["1.5.", "null", "invalid character '.' after top-level value"],
  [".5", "null", "invalid character '.' looking for beginning of value"],
  ["+1", "null", "invalid character '+' looking for beginning of value"],
  ["0x10", "null", "invalid character 'x' after top-level value"],
  ["NaN", "null", "invalid character 'N' looking for beginning of value"],
  ["Infinity", "null", "invalid character 'I' looking for beginning of value"],
  ["'a'", "null", "invalid character '\\'' looking for beginning of value"],
  ["{\"a\":1,\"b\":{\"c\":[true,null]}}", "{\"a\":1,\"b\":{\"c\":[true,null]}}", ""],
  ["\"\\u00e9\\u65e5\"", "\"\u00e9\u65e5\"", ""],
  ["\ufeff1", "null", "invalid character '\u00ef' looking for beginning of value"],
];
