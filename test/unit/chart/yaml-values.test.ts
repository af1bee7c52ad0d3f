import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as C from '../../../src/chart/index.ts';
import { marshal as goJsonMarshal } from '@capstan/gojson';

test('go-yaml v2 scalar resolution through JSON (all numbers float64)', () => {
  const doc = C.parseYamlValue(
    'a: .\nb: 010\nc: 08\nd: 0x1F\ne: 1_000\nf: 1e3\ng: .5\nh: 2001-12-14\ni: 1.\nj: +.5\nk: 0b101\nl: -0x10\nm: 1:20\nq: 0o17\nr: 1e400\ns: .inf\nt: ON\nu: ~\nv: "1"\n',
  );
  assert.equal((doc as C.Values).get('s'), Infinity);
  (doc as C.Values).delete('s');
  assert.equal(
    goJsonMarshal(doc),
    '{"a":".","b":8,"c":8,"d":31,"e":1000,"f":1000,"g":0.5,"h":"2001-12-14","i":1,"j":0.5,"k":5,"l":-16,"m":"1:20","q":15,"r":"1e400","t":true,"u":null,"v":"1"}'
  );
});

test('map keys become strings as sigs.k8s.io/yaml converts them', () => {
  assert.deepEqual(C.toPlain(C.parseYamlValue('1: a\n1.5: b\ny: c\nno: d\n')), { 1: 'a', '1.5': 'b', true: 'c', false: 'd' });
});

test('parseValuesYaml: empty documents, non-maps, first document only', () => {
  assert.equal(C.parseValuesYaml('').size, 0);
  assert.equal(C.parseValuesYaml('# only a comment\n').size, 0);
  assert.deepEqual(C.toPlain(C.parseValuesYaml('a: 1\n---\nb: 2\n')), { a: 1 });
  assert.throws(() => C.parseValuesYaml('just a string'), {
    message: 'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type map[string]interface {}',
  });
  assert.throws(() => C.parseValuesYaml('a: [1\n'), { message: /^error converting YAML to JSON: yaml: line \d+: / });
});

test('an injected go-yaml parser replaces the default one', () => {
  const calls: string[] = [];
  const parseYaml = (t: string) => {
    calls.push(t);
    if (t.includes('bad')) throw new Error("yaml: line 1: did not find expected ','");
    return new Map([['x', 1]]);
  };
  assert.deepEqual(C.toPlain(C.parseValuesYaml('whatever', 'v.yaml', { parseYaml })), { x: 1 });
  assert.throws(() => C.parseValuesYaml('bad', 'v.yaml', { parseYaml }), {
    message: "error converting YAML to JSON: yaml: line 1: did not find expected ','",
  });
  const ch = C.loadChartFiles(
    [{ name: 'Chart.yaml', data: new TextEncoder().encode('ignored') }],
    { parseYaml: () => ({ apiVersion: 'v2', name: 'injected', version: '1.0.0' }) },
  );
  assert.equal(ch.name(), 'injected');
  assert.deepEqual(calls, ['whatever', 'bad']);
});

test('merge keys and anchors', () => {
  assert.deepEqual(C.toPlain(C.parseYamlValue('base: &b {x: 1, z: 0}\nd:\n  <<: *b\n  z: 2\n')), {
    base: { x: 1, z: 0 },
    d: { x: 1, z: 2 },
  });
});
