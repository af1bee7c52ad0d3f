/**
 * parseYaml / parseYamlMap / parseYamlArray: sigs.k8s.io/yaml Unmarshal (go-yaml v2 + JSON),
 * expectations from Helm 3.17.2 conformance cases and go-yaml's own behaviour.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml, parseYamlArray, parseYamlMap, YamlError } from '../../../src/template/yaml/index.ts';
import type { GoValue } from '../../../src/template/value.ts';

function plain(v: GoValue): unknown {
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, plain(x)]));
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof YamlError, String(e));
    return e.message;
  }
  throw new Error('no error');
}

test('YAML 1.1 scalar resolution, every number a float64', () => {
  const cases: [string, unknown][] = [
    ['on', true], ['off', false], ['n', false], ['Y', true], ['yes', true], ['No', false], ['true', true], ['TRUE', true],
    ['1.0', 1], ['0x10', 16], ['0o10', 8], ['0777', 511], ['1e3', 1000], ['1_000', 1000], ['-0b11', -3], ['+12', 12],
    ['Null', null], ['~', null], ['null', null], ['', null], ['trail ', 'trail'], ['a:b', 'a:b'], ['#x', null], ['a #b', 'a'],
    ['[x]', ['x']], ['&x', null], ['9007199254740993', 9007199254740992], ['12345678901234567890', 12345678901234567000],
    ['2024-01-01', '2024-01-01'], ['1:30', '1:30'], ["''", ''], ['1e400', '1e400'], ['08', 8], ['.5', 0.5],
    ['!!str 12', '12'], ['!!float 3', 3], ['"a\\tb\\u00e9"', 'a\tbé'], ["'it''s'", "it's"], ['!!binary aGVsbG8=', 'hello'],
  ];
  for (const [src, want] of cases) assert.deepEqual((plain(parseYamlMap(`k: ${src}`)) as Record<string, unknown>).k, want, src);
});

test('maps: key conversion, anchors, merges, complex keys, flow style', () => {
  assert.deepEqual(plain(parseYamlMap('1: one\n2: two')), { 1: 'one', 2: 'two' });
  assert.deepEqual(plain(parseYamlMap('x: &a 1\ny: *a')), { true: 1, x: 1 });
  assert.deepEqual(plain(parseYamlMap('? complex\n: value')), { complex: 'value' });
  assert.deepEqual(plain(parseYamlMap('{a: 1, b: 2}')), { a: 1, b: 2 });
  assert.deepEqual(plain(parseYamlMap('a: {b: {c: 1}}')), { a: { b: { c: 1 } } });
  assert.deepEqual(plain(parseYamlMap('k:\n- 1\n- 2')), { k: [1, 2] });
  assert.deepEqual(plain(parseYamlMap('base: &b {x: 1, z: 2}\nd:\n  <<: *b\n  z: 3')), { base: { x: 1, z: 2 }, d: { x: 1, z: 3 } });
  // go-yaml v2 lets a later merge override earlier keys
  assert.deepEqual(plain(parseYamlMap('a: 1\n<<: {a: 2, b: 3}')), { a: 2, b: 3 });
  assert.deepEqual(plain(parseYamlMap('1.5: a\ntrue: b\n0.1: c')), { '1.5': 'a', true: 'b', '0.1': 'c' });
  assert.deepEqual(plain(parseYamlMap('s: |\n  line1\n  line2\nf: >-\n  a\n  b\n')), { s: 'line1\nline2\n', f: 'a b' });
  assert.deepEqual(plain(parseYamlMap('a: 1\n---\nb: [')), { a: 1 });
  assert.deepEqual(plain(parseYamlMap('')), {});
  assert.deepEqual(plain(parseYamlMap('~')), {});
});

test('parseYaml returns any document', () => {
  assert.equal(parseYaml(''), null);
  assert.equal(parseYaml('5'), 5);
  assert.deepEqual(parseYaml('- a\n- 2'), ['a', 2]);
});

test('parseYamlArray', () => {
  assert.deepEqual(plain(parseYamlArray('- a\n- b: 1')), ['a', { b: 1 }]);
  assert.deepEqual(parseYamlArray(''), []);
  assert.deepEqual(plain(parseYamlArray('[1, [2]]')), [1, [2]]);
  assert.equal(
    errorOf(() => parseYamlArray('a: 1')),
    'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}',
  );
});

test('errors carry go-yaml / encoding/json texts', () => {
  const cases: [string, string][] = [
    ['a: [', 'error converting YAML to JSON: yaml: line 1: did not find expected node content'],
    ['k: a: b', 'error converting YAML to JSON: yaml: mapping values are not allowed in this context'],
    ['k: *x', "error converting YAML to JSON: yaml: unknown anchor 'x' referenced"],
    ['k: %x', 'error converting YAML to JSON: yaml: found character that cannot start any token'],
    ['a: 1\n b: 2', 'error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context'],
    ['a:\n\tb: 1', 'error converting YAML to JSON: yaml: line 2: found character that cannot start any token'],
    ['a: b\nc', 'error converting YAML to JSON: yaml: line 3: could not find expected \':\''],
    ['a:\n  b: 1\n c: 2', 'error converting YAML to JSON: yaml: line 2: did not find expected key'],
    ['[a, b', "error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'"],
    ['a: "x', 'error converting YAML to JSON: yaml: found unexpected end of stream'],
    ['a: \u0001', 'error converting YAML to JSON: yaml: control characters are not allowed'],
    ['[a]: 1', 'error converting YAML to JSON: yaml: invalid map key: []interface {}{"a"}'],
    ['~: 1', 'error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: 1'],
    ['k: .inf', 'error converting YAML to JSON: json: unsupported value: +Inf'],
    ['k: !!int x', 'error converting YAML to JSON: yaml: cannot decode !!str `x` as a !!int'],
    ['- 1\n- 2', 'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}'],
    ['5', 'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go value of type map[string]interface {}'],
    ['a: &x [*x]', "error converting YAML to JSON: yaml: anchor 'x' value contains itself"],
  ];
  for (const [src, want] of cases) assert.equal(errorOf(() => parseYamlMap(src)), want, src);
});
