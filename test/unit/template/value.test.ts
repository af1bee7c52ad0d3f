/** value.ts: typed nil slices and maps, and methods on named slice and map types. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  def, isNilMap, isNilSlice, kindOf, mapType, nilMap, nilSlice, sliceType, typeName, valueMethods, withMapType,
  withSliceType, type GoValue,
} from '../../../src/template/value.ts';
import { zeroValue } from '../../../src/template/convert.ts';
import { marshalJSON } from '../../../src/template/json/index.ts';
import { sprintf } from '../../../src/template/fmt/index.ts';
import { toYaml, toYamlPretty } from '../../../src/template/yaml/index.ts';

test('nilSlice / nilMap: empty, typed, and told apart from empty ones', () => {
  const s = nilSlice();
  assert.equal(s.length, 0);
  assert.ok(isNilSlice(s));
  assert.ok(!isNilSlice([]));
  assert.ok(!isNilSlice(null));
  assert.equal(typeName(s), '[]interface {}');
  assert.equal(typeName(nilSlice('[]string')), '[]string');
  assert.equal(kindOf(s), 'slice');
  const m = nilMap();
  assert.equal(m.size, 0);
  assert.ok(isNilMap(m));
  assert.ok(!isNilMap(new Map()));
  assert.ok(!isNilMap(null), 'an untyped nil is not a map');
  assert.equal(mapType(nilMap('map[string]string')), 'map[string]string');
  assert.ok(!isNilMap(s) && !isNilSlice(m));
});

test('reflect.Zero of slice and map types is a typed nil', () => {
  assert.ok(isNilSlice(zeroValue('[]interface {}')));
  assert.equal(sliceType(zeroValue('[]string') as string[]), '[]string');
  assert.ok(isNilMap(zeroValue('map[string]interface {}')));
  assert.ok(zeroValue('[]uint8') instanceof Uint8Array);
});

test('encoders: JSON null (and so YAML null through sigs.k8s.io/yaml), go-yaml v3 and %v print empty', () => {
  assert.equal(marshalJSON(nilSlice()), 'null');
  assert.equal(marshalJSON(nilMap()), 'null');
  assert.equal(marshalJSON(new Map([['a', nilSlice()], ['b', []]])), '{"a":null,"b":[]}');
  assert.equal(marshalJSON(new Map<string, GoValue>([['a', nilSlice()], ['b', []]])), '{"a":null,"b":[]}');
  assert.equal(toYamlPretty(new Map([['a', nilSlice()]])), 'a: []');
  assert.equal(sprintf('%v %v', [nilSlice(), nilMap()]), '[] map[]');
  assert.equal(sprintf('%#v %#v', [nilSlice('[]string'), nilMap()]), '[]string(nil) map[string]interface {}(nil)');
  assert.equal(sprintf('%#v', [[]]), '[]interface {}{}');
});

test('withSliceType and withMapType attach methods that valueMethods finds', () => {
  const has = def(['string'], 'bool', () => true);
  const arr = withSliceType(['v1'], 'chartutil.VersionSet', { Has: has });
  assert.equal(sliceType(arr), 'chartutil.VersionSet');
  assert.equal(valueMethods(arr)?.['Has'], has);
  const m = withMapType(new Map(), 'engine.files', { Get: has });
  assert.equal(valueMethods(m)?.['Get'], has);
  assert.equal(valueMethods(['x']), undefined);
});
