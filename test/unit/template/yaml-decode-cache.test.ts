/**
 * fromYaml/fromYamlArray through the decode cache: every call returns values of its own (a template
 * may modify them with set/unset/append), equal to an uncached decode; errors are not cached.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { clearYamlDecodeCache, decodeYamlCached } from '../../../src/template/yaml/decode-cache.ts';
import { decodeYaml } from '../../../src/template/yaml/decode.ts';
import { parseYaml, parseYamlArray, parseYamlMap, YamlError } from '../../../src/template/yaml/index.ts';
import { sliceCap } from '../../../src/template/funcs/lists-cap.ts';
import type { GoValue } from '../../../src/template/value.ts';

const DOC = 'b: [1, 2, {x: y}]\na: {n: 1.5, s: "str", t: true, z: null}\n';

test('decode cache: repeated fromYaml calls give equal, independent maps', () => {
  clearYamlDecodeCache();
  const first = parseYamlMap(DOC);
  const second = parseYamlMap(DOC);
  assert.deepEqual(second, first);
  assert.deepEqual(first, parseYaml(DOC));
  assert.notEqual(first, second);
  assert.notEqual(first.get('a'), second.get('a'));
  assert.notEqual(first.get('b'), second.get('b'));
  (first.get('a') as Map<string, unknown>).set('added', 'x');
  (first.get('b') as unknown[]).push('more');
  const third = parseYamlMap(DOC);
  assert.deepEqual(third, second);
  // json.Unmarshal's slices keep their spare capacity on every call
  assert.equal(sliceCap(third.get('b') as GoValue[]), sliceCap(second.get('b') as GoValue[]));
});

test('decode cache: empty documents, arrays and the cached tree itself', () => {
  clearYamlDecodeCache();
  assert.deepEqual(parseYamlMap(''), new Map());
  assert.deepEqual(parseYamlMap(''), new Map());
  assert.deepEqual(parseYamlMap('# only a comment\n'), new Map());
  assert.deepEqual(parseYamlArray('- 1\n- a\n'), [1, 'a']);
  assert.deepEqual(parseYamlArray('- 1\n- a\n'), [1, 'a']);
  assert.equal(decodeYamlCached(''), undefined);
  assert.deepEqual(decodeYamlCached(DOC), decodeYaml(DOC));
  assert.equal(decodeYamlCached(DOC), decodeYamlCached(DOC));
});

test('decode cache: errors are not cached and keep their text', () => {
  clearYamlDecodeCache();
  const msgs: string[] = [];
  for (let i = 0; i < 2; i++) {
    assert.throws(() => parseYamlMap('a: [\n'), (e: unknown) => {
      assert.ok(e instanceof YamlError);
      msgs.push(e.message);
      return true;
    });
  }
  assert.equal(msgs[0], msgs[1]);
  assert.match(msgs[0]!, /^error converting YAML to JSON: yaml: line \d+: /);
  // a type mismatch after a successful (cached) decode is reported each time too
  assert.throws(() => parseYamlMap('- 1\n'), /cannot unmarshal array into Go value of type map\[string\]interface \{\}/);
  assert.throws(() => parseYamlMap('- 1\n'), /cannot unmarshal array into Go value of type map\[string\]interface \{\}/);
});
