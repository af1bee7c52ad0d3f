/** toToml / fromToml: BurntSushi/toml v1.4.0 as Helm 3.17.2 uses it (expectations from the real binary). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeToml, parseToml, TomlEncodeError, TomlParseError } from '../../../src/template/toml/index.ts';
import { marshalJSON } from '../../../src/template/json/index.ts';
import { GoNumber, GoStruct, sliceType, typeName, type GoValue } from '../../../src/template/value.ts';
import { parseYamlMap } from '../../../src/template/yaml/index.ts';

function m(obj: Record<string, GoValue>): Map<string, GoValue> {
  return new Map(Object.entries(obj));
}

test('encodeToml: tables, arrays of tables, key order and quoting', () => {
  assert.equal(encodeToml(m({ x: m({ k: m({ z: 'deep' }) }) })), '[x]\n  [x.k]\n    z = "deep"\n');
  assert.equal(encodeToml(m({ t: m({ k: 'v' }), a: 1n })), 'a = 1\n\n[t]\n  k = "v"\n');
  assert.equal(encodeToml(m({ arr: [m({ a: 1n }), m({ a: 2n })] })), '[[arr]]\n  a = 1\n\n[[arr]]\n  a = 2\n');
  assert.equal(encodeToml(m({ m: 'multi\nline' })), 'm = "multi\\nline"\n');
  assert.equal(encodeToml(m({ e: new Map() })), '[e]\n');
  assert.equal(encodeToml(m({ n: null })), '');
  assert.equal(encodeToml(new Map()), '');
  const v = parseYamlMap(
    JSON.stringify({ t: { 'key with space': 'v\n\t"q"', n: null, e: {}, l: [], mixed: [1, 'a', { x: 1 }], f: 1.5, big: 1e21, z: 0 } }),
  ).get('t');
  assert.equal(
    encodeToml(v),
    'big = 1000000000000000000000.0\nf = 1.5\n"key with space" = "v\\n\\t\\"q\\""\nl = []\nmixed = [1.0, "a", {x = 1.0}]\nz = 0.0\n\n[e]\n',
  );
  assert.equal(encodeToml(m({ f32: new GoNumber('float32', 0.5), i: new GoNumber('int64', -3n) })), 'f32 = 0.5\ni = -3\n');
});

test('encodeToml: top-level scalars and errors', () => {
  assert.equal(encodeToml('str'), '"str"');
  assert.equal(encodeToml(5n), '5');
  assert.equal(encodeToml([1n, 2n]), '[1, 2]');
  assert.throws(() => encodeToml([m({ a: 1n })]), new TomlEncodeError('toml: top-level values must be Go maps or structs'));
  assert.throws(() => encodeToml(m({ a: [1n, null] })), new TomlEncodeError('toml: cannot encode array with nil element'));
  assert.throws(() => encodeToml(null), /reflect: call of reflect.Value.Type on zero Value/);
});

test('encodeToml: structs use Go field names, embedded structs are flattened', () => {
  const meta = new GoStruct({
    typeName: 'chart.Metadata',
    pointer: true,
    fields: new Map<string, GoValue>([['Name', 'conf'], ['Sources', null], ['Version', '0.1.0'], ['Deprecated', false]]),
    json: () => null,
  });
  const chart = new GoStruct({
    typeName: 'engine.chartMeta',
    fields: new Map<string, GoValue>([['Metadata', meta], ['IsRoot', true]]),
    json: () => null,
  });
  assert.equal(encodeToml(chart), 'Name = "conf"\nVersion = "0.1.0"\nDeprecated = false\nIsRoot = true\n');
});

test('parseToml: values and Go types', () => {
  const v = parseToml('n = 5\nf = 1.5\nd = 1979-05-27\narr = [1, 2]\n[[t]]\na = 1\n[[t]]\na = 2');
  assert.equal(typeName(v.get('n')), 'int64');
  assert.equal(marshalJSON(v), '{"arr":[1,2],"d":"1979-05-27T00:00:00Z","f":1.5,"n":5,"t":[{"a":1},{"a":2}]}');
  assert.equal(sliceType(v.get('t') as GoValue[]), '[]map[string]interface {}');
  assert.equal(
    marshalJSON(parseToml('a.b.c = "x"\ns = """\nl1 \\\n  l2"""\nr = \'C:\\p\'\nh = 0xff\n[tb]\nk = {x = 1}')),
    '{"a":{"b":{"c":"x"}},"h":255,"r":"C:\\\\p","s":"l1 l2","tb":{"k":{"x":1}}}',
  );
});

test('parseToml: error messages', () => {
  const cases: [string, string][] = [
    ['bad = ', 'toml: line 0 (last key "bad"): unexpected EOF; expected value'],
    ['a = 1\na = 2', 'toml: line 2 (last key "a"): Key \'a\' has already been defined.'],
    ['a = 01', 'toml: line 1 (last key "a"): Invalid integer "01": cannot have leading zeroes'],
    ['a = "x', 'toml: line 0 (last key "a"): unexpected EOF; expected \'"\''],
    ['[a', "toml: line 0: expected '.' or ']' to end table name, but got '\\x00' instead"],
    ['a = tru', 'toml: line 1 (last key "a"): expected value but found "tru" instead'],
    // runes are quoted as Go's %q does: non-printable ones escaped (helm 3.17.2's output)
    ['a = \u0085', 'toml: line 1 (last key "a"): expected value but found \'\\u0085\' instead'],
    ['\u00ad = 1', "toml: line 1: expected '.' or '=', but got '\\u00ad' instead"],
    ['a.\u200b = 1', "toml: line 1: expected '.' or '=', but got '\\u200b' instead"],
  ];
  for (const [src, want] of cases) {
    assert.throws(() => parseToml(src), (e: unknown) => e instanceof TomlParseError && e.message === want, src);
  }
});
