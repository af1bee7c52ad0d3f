/** Helm's and Sprig's serialization template functions (conformance expectations from Helm 3.17.2). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serializationFuncs } from '../../../src/template/funcs/serialization.ts';
import { GoFuncError, GoNumber, type FuncContext, type GoValue } from '../../../src/template/value.ts';
import { parseYamlMap } from '../../../src/template/yaml/index.ts';

const ctx: FuncContext = { templateName: 't', charge() {} };

function call(name: string, ...args: GoValue[]): GoValue {
  const f = serializationFuncs[name];
  assert.ok(f, name);
  return f.fn(args, ctx);
}

const toJson = (v: GoValue): string => call('toJson', v) as string;

function m(obj: Record<string, GoValue>): Map<string, GoValue> {
  return new Map(Object.entries(obj));
}

const VALUES = parseYamlMap('html: "<a href=\\"x\\">&</a>"\nusers:\n  - name: bob\n    age: 30\nhuge: 1e21\nnil: null\n');

test('signatures', () => {
  const sig = (n: string): string => {
    const f = serializationFuncs[n]!;
    return `${f.params.join(',')}->${f.result}${f.returnsError ? ',error' : ''}`;
  };
  assert.equal(sig('toYaml'), 'interface {}->string');
  assert.equal(sig('toYamlPretty'), 'interface {}->string');
  assert.equal(sig('fromYaml'), 'string->map[string]interface {}');
  assert.equal(sig('fromYamlArray'), 'string->[]interface {}');
  assert.equal(sig('toToml'), 'interface {}->string');
  assert.equal(sig('fromToml'), 'string->map[string]interface {}');
  assert.equal(sig('toJson'), 'interface {}->string');
  // Go's result types; JSON null gives a typed nil map / slice (toJson prints null)
  assert.equal(sig('fromJson'), 'string->map[string]interface {}');
  assert.equal(sig('fromJsonArray'), 'string->[]interface {}');
  assert.equal(sig('toPrettyJson'), 'interface {}->string');
  assert.equal(sig('toRawJson'), 'interface {}->string');
  assert.equal(sig('mustToJson'), 'interface {}->string,error');
  assert.equal(sig('mustToPrettyJson'), 'interface {}->string,error');
  assert.equal(sig('mustToRawJson'), 'interface {}->string,error');
  assert.equal(sig('mustFromJson'), 'string->interface {},error');
});

test('fromYaml / fromYamlArray report errors in the result', () => {
  assert.equal(
    toJson(call('fromYaml', '- 1\n- 2')),
    '{"Error":"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}"}',
  );
  assert.equal(toJson(call('fromYaml', 'a: [')), '{"Error":"error converting YAML to JSON: yaml: line 1: did not find expected node content"}');
  assert.equal(toJson(call('fromYaml', '')), '{}');
  assert.equal(toJson(call('fromYaml', 'k: 0777')), '{"k":511}');
  assert.equal(toJson(call('fromYaml', 'x: &a 1\ny: *a')), '{"true":1,"x":1}');
  assert.equal(toJson(call('fromYaml', 'k: a: b')), '{"Error":"error converting YAML to JSON: yaml: mapping values are not allowed in this context"}');
  assert.equal(toJson(call('fromYamlArray', '- a\n- b: 1')), '["a",{"b":1}]');
  assert.equal(
    toJson(call('fromYamlArray', 'a: 1')),
    '["error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}"]',
  );
  assert.equal(toJson(call('fromYamlArray', '')), '[]');
  assert.equal(toJson(call('fromYamlArray', call('toYaml', VALUES.get('users')) as string)), '[{"age":30,"name":"bob"}]');
});

test('toToml / fromToml', () => {
  assert.equal(call('toToml', VALUES.get('users')), 'toml: top-level values must be Go maps or structs');
  assert.equal(call('toToml', m({ t: m({ k: 'v' }), a: 1n })), 'a = 1\n\n[t]\n  k = "v"\n');
  assert.equal(toJson(call('fromToml', 'bad = ')), '{"Error":"toml: line 0 (last key \\"bad\\"): unexpected EOF; expected value"}');
  assert.equal(toJson(call('fromToml', 'f = 1.5\nd = 1979-05-27')), '{"d":"1979-05-27T00:00:00Z","f":1.5}');
  assert.throws(() => call('toToml', null), /reflect: call of reflect.Value.Type on zero Value/);
});

test('Helm toJson / fromJson / fromJsonArray', () => {
  assert.equal(toJson(VALUES.get('html')), '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"');
  assert.equal(toJson(VALUES.get('huge')), '1e+21');
  assert.equal(toJson(undefined), 'null');
  assert.equal(toJson(Number.NaN), '');
  assert.equal(toJson(new GoNumber('int64', 5n)), '5');
  assert.equal(toJson(call('fromJson', '{"a": 12345678901234567890}')), '{"a":12345678901234567000}');
  assert.equal(toJson(call('fromJson', 'null')), 'null');
  assert.equal(toJson(call('fromJson', '{"z":1,"a":2}')), '{"a":2,"z":1}');
  assert.equal(toJson(call('fromJson', '[1]')), '{"Error":"json: cannot unmarshal array into Go value of type map[string]interface {}"}');
  assert.equal(toJson(call('fromJsonArray', '[1,"a",null]')), '[1,"a",null]');
  assert.equal(toJson(call('fromJsonArray', 'bad')), '["invalid character \'b\' looking for beginning of value"]');
  assert.equal(toJson(call('fromJsonArray', '[]')), '[]');
  assert.equal(toJson(call('fromJsonArray', 'null')), 'null');
});

test('Sprig JSON functions', () => {
  assert.equal(call('toPrettyJson', VALUES.get('users')), '[\n  {\n    "age": 30,\n    "name": "bob"\n  }\n]');
  assert.equal(call('toPrettyJson', m({ '<>': '&' })), '{\n  "\\u003c\\u003e": "\\u0026"\n}');
  assert.equal(call('toPrettyJson', Number.NaN), '');
  assert.equal(call('toRawJson', VALUES.get('html')), '"<a href=\\"x\\">&</a>"');
  assert.equal(call('toRawJson', '\u2028\t\u0001'), '"\\u2028\\t\\u0001"');
  assert.throws(() => call('toRawJson', Number.NaN), (e: unknown) => e instanceof Error && !(e instanceof GoFuncError) && /unsupported value: NaN/.test(e.message));
  assert.equal(call('mustToJson', m({ b: 1n, a: [1n, 2n], c: new Map() })), '{"a":[1,2],"b":1,"c":{}}');
  assert.throws(() => call('mustToJson', Number.NaN), (e: unknown) => e instanceof GoFuncError && e.message === 'json: unsupported value: NaN');
  assert.equal(call('mustToRawJson', m({ '<>': '&' })), '{"<>":"&"}');
  assert.equal(toJson(call('mustFromJson', '{"k":true}')), '{"k":true}');
  assert.equal(toJson(call('mustFromJson', '[1]')), '[1]');
  assert.throws(() => call('mustFromJson', '{bad'), (e: unknown) => e instanceof GoFuncError && e.message === "invalid character 'b' looking for beginning of object key string");
  assert.throws(() => call('mustFromJson', ''), (e: unknown) => e instanceof GoFuncError && e.message === 'unexpected end of JSON input');
});

test('toYaml / toYamlPretty are wired', () => {
  assert.equal(call('toYaml', VALUES.get('users')), '- age: 30\n  name: bob');
  assert.equal(call('toYamlPretty', m({ l: [1n, 2n] })), 'l:\n  - 1\n  - 2');
});
