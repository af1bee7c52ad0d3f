/**
 * toYaml / toYamlPretty: expectations from Helm 3.17.2 (conformance cases and runs of the real
 * binary): sigs.k8s.io/yaml's JSON round trip through go-yaml v2, and go-yaml v3 for the pretty form.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toYaml, toYamlPretty, parseYamlMap } from '../../../src/template/yaml/index.ts';
import { GoNumber, GoStruct, type GoValue } from '../../../src/template/value.ts';

function m(obj: Record<string, GoValue>): Map<string, GoValue> {
  return new Map(Object.entries(obj));
}

const VALUES = parseYamlMap(
  'str: hello\nstrNum: "42"\nstrFloat: "3.5"\nempty: ""\nint: 42\nneg: -7\nzero: 0\nfloat: 3.14\nhalf: 2.5\n' +
    'big: 1000000\nbigger: 123456789\nhuge: 1e21\nbool: true\nf: false\nnil: null\nlist: [a, b, c]\nnums: [3, 1, 2]\n' +
    'mixed: [1, "two", true, null, 2.5]\nemptyList: []\nmap: {b: 2, a: 1, c: 3}\nemptyMap: {}\nnested: {x: {k: {z: deep}}}\n' +
    'users:\n  - name: bob\n    age: 30\n  - name: alice\n    age: 25\nmultiline: "line1\\nline2\\n"\nspaces: "  padded  "\n' +
    'unicode: "héllo wörld ✓"\nhtml: "<a href=\\"x\\">&</a>"\n',
);

test('toYaml of a whole values map (sprig.yaml.toYaml.036)', () => {
  assert.equal(
    toYaml(VALUES),
    'big: 1000000\nbigger: 123456789\nbool: true\nempty: ""\nemptyList: []\nemptyMap: {}\nf: false\nfloat: 3.14\nhalf: 2.5\n' +
      'html: <a href="x">&</a>\nhuge: 1e+21\nint: 42\nlist:\n- a\n- b\n- c\nmap:\n  a: 1\n  b: 2\n  c: 3\nmixed:\n- 1\n- two\n' +
      '- true\n- null\n- 2.5\nmultiline: |\n  line1\n  line2\nneg: -7\nnested:\n  x:\n    k:\n      z: deep\nnil: null\n' +
      "nums:\n- 3\n- 1\n- 2\nspaces: '  padded  '\nstr: hello\nstrFloat: \"3.5\"\nstrNum: \"42\"\nunicode: héllo wörld ✓\n" +
      'users:\n- age: 30\n  name: bob\n- age: 25\n  name: alice\nzero: 0',
  );
});

test('toYaml of scalars and simple collections', () => {
  const cases: [GoValue, string][] = [
    [undefined, 'null'],
    [null, 'null'],
    [true, 'true'],
    [2.5, '2.5'],
    [42n, '42'],
    [new GoNumber('int64', 12345678901n), '12345678901'],
    [1e6, '1000000'],
    [0.000001, '1e-06'],
    [1e-7, '1e-07'],
    [1.5e300, '1.5e+300'],
    [1e21, '1e+21'],
    [1e20, '1e+20'],
    [123456789.5, '1.234567895e+08'],
    [0.30000000000000004, '0.30000000000000004'],
    [Number.NaN, ''],
    [[], '[]'],
    [new Map(), '{}'],
    [['a', '', null], '- a\n- ""\n- null'],
    [[1n, 'a', 2.5], '- 1\n- a\n- 2.5'],
    [m({ k: null }), 'k: null'],
    [Uint8Array.of(104, 105), 'aGk='],
  ];
  for (const [v, want] of cases) assert.equal(toYaml(v), want, String(v));
});

test('toYaml string quoting (conformance toYaml_str / toYaml_dict)', () => {
  const cases: [string, string][] = [
    ['yes', '"yes"'], ['no', '"no"'], ['on', '"on"'], ['off', '"off"'], ['y', '"y"'], ['n', '"n"'], ['Y', '"Y"'],
    ['true', '"true"'], ['True', '"True"'], ['TRUE', '"TRUE"'], ['false', '"false"'], ['null', '"null"'], ['Null', '"Null"'],
    ['~', '"~"'], ['', '""'], ['1.0', '"1.0"'], ['0x10', '"0x10"'], ['010', '"010"'], ['0o10', '"0o10"'], ['1_000', '"1_000"'],
    ['0', '"0"'], ['-1', '"-1"'], ['+1', '"+1"'], ['.5', '".5"'], ['1.', '"1."'], ['0b101', '"0b101"'],
    ['123456789012345678901234567890', '"123456789012345678901234567890"'],
    ['.inf', '".inf"'], ['-.inf', '"-.inf"'], ['.nan', '".nan"'], ['Infinity', 'Infinity'],
    ['2024-01-01', '"2024-01-01"'], ['2024-01-01T00:00:00Z', '"2024-01-01T00:00:00Z"'], ['12:30', '"12:30"'], ['1:30:00', '"1:30:00"'],
    [' lead', "' lead'"], ['trail ', "'trail '"], [' ', "' '"], ['  padded  ', "'  padded  '"],
    ['#x', "'#x'"], ['a #b', "'a #b'"], ['a#b', 'a#b'], ['-x', '-x'], ['[x]', "'[x]'"], ['{x}', "'{x}'"], ['*x', "'*x'"],
    ['&x', "'&x'"], ['!x', "'!x'"], ['%x', "'%x'"], ['@x', "'@x'"], ['`x', "'`x'"], ['|', "'|'"], ['>', "'>'"],
    ["'q'", "'''q'''"], ['"dq"', `'"dq"'`], ['<<', '<<'], ['?x', '?x'], ['x?', 'x?'], ['a,b', 'a,b'], ['100%', '100%'],
    ['---', "'---'"], ['...', "'...'"], ['key: [1]', "'key: [1]'"], ['- a', "'- a'"], ['b: c', "'b: c'"],
    ['tab\tsep', '"tab\\tsep"'], ['a\u0000b', '"a\\0b"'], ['back\\slash', 'back\\slash'], ['a"b\'c\\d', 'a"b\'c\\d'],
    ['<&>', '<&>'], ['ß', 'ß'], ['é', 'é'], ['\u00a0nbsp', '\u00a0nbsp'], ['😀', '"\\U0001F600"'], ['\ufffd', '�'],
    ['\u007f', ''], ['a\u0085b', 'a b'],
  ];
  for (const [s, want] of cases) assert.equal(toYaml(s), want, JSON.stringify(s));
});

test('toYaml block scalars and folding', () => {
  const cases: [string, string][] = [
    ['multi\nline text', '|-\n  multi\n  line text'],
    ['multi\nline\n', '|\n  multi\n  line'],
    ['trailing\n\n', '|+\n  trailing\n'],
    ['a: b\nc: d', '|-\n  a: b\n  c: d'],
  ];
  for (const [s, want] of cases) assert.equal(toYaml(s), want);
  assert.equal(toYaml(m({ text: '  leading\nspace' })), 'text: |2-\n    leading\n  space');
  assert.equal(toYaml(m({ t: 'trailing space \nx' })), 't: "trailing space \\nx"');
  assert.equal(toYaml(m({ k: 'trailing\n\n' })), 'k: |+\n  trailing\n');
  const words = Array(30).fill('word').join(' ');
  assert.equal(
    toYaml(m({ k: words })),
    'k: word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word',
  );
  const long = 'x'.repeat(100);
  assert.equal(toYaml(m({ k: long })), `k: ${long}`);
});

test('toYaml key order is go-yaml natural order', () => {
  const v = m({ z: 1n, a: 2n, M: 3n, _: 4n, '10': 5n, '9': 6n });
  assert.equal(toYaml(v), '_: 4\n"9": 6\n"10": 5\nM: 3\na: 2\nz: 1');
  const v2 = m({ 'key with space': 1n, 'key:colon': 2n, yes: 3n, '1': 4n });
  assert.equal(toYaml(v2), '"1": 4\nkey with space: 1\nkey:colon: 2\n"yes": 3');
  assert.equal(toYaml(m({ a10: 1n, a9: 2n, a09: 3n, b: 4n })), 'a9: 2\na09: 3\na10: 1\nb: 4');
});

test('toYaml of long keys (> 128 bytes) and keys that break the JSON round trip', () => {
  const k = 'k'.repeat(130);
  assert.equal(toYaml(m({ [k]: 1n })), `? ${k}\n: 1`);
  assert.equal(toYaml(m({ ['k'.repeat(1023)]: 1n })), '');
});

test('toYaml of structs goes through their JSON form', () => {
  const s = new GoStruct({
    typeName: 'chart.Metadata',
    fields: new Map<string, GoValue>([['Name', 'conf']]),
    json: () => m({ name: 'conf', apiVersion: 'v2', version: '0.1.0' }),
  });
  assert.equal(toYaml(s), 'apiVersion: v2\nname: conf\nversion: 0.1.0');
});

test('toYamlPretty: yaml.v3 with indent 2', () => {
  assert.equal(
    toYamlPretty(m({ l: [1n, 2n], m: m({ a: [m({ b: 1n })] }) })),
    'l:\n  - 1\n  - 2\nm:\n  a:\n    - b: 1',
  );
  assert.equal(
    toYamlPretty(m({ a: 1000000n, b: 1.5, c: [], d: new Map(), e: 'yes', f: 'a\tb', g: 'x\n\ty' })),
    'a: 1000000\nb: 1.5\nc: []\nd: {}\ne: "yes"\nf: "a\\tb"\ng: |-\n  x\n  \ty',
  );
  assert.equal(
    toYamlPretty(parseYamlMap('big: 1000000\nf: 3.14\nl: [a, {b: c}]\nm: {z: 1, a: [1,2]}\nn: null\n')),
    'big: 1e+06\nf: 3.14\n"false": null\nl:\n  - a\n  - b: c\nm:\n  a:\n    - 1\n    - 2\n  z: 1',
  );
  assert.equal(toYamlPretty([m({ a: [1n, [2n, 3n]] }), 'x']), '- a:\n    - 1\n    - - 2\n      - 3\n- x');
  assert.equal(toYamlPretty(m({ k: 'line1\nline2\n', e: '', m: '  lead\nx' })), 'e: ""\nk: |\n  line1\n  line2\nm: |2-\n    lead\n  x');
  assert.equal(toYamlPretty(Number.NaN), '.nan');
  assert.equal(toYamlPretty(null), 'null');
  const words = Array(30).fill('word').join(' ');
  assert.equal(toYamlPretty(words), words);
});
