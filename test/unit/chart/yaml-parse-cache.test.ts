/**
 * Values files through the raw-parse cache: the same text parsed again gives equal values of its
 * own (coalescing modifies them), with either parser; errors are not cached.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { clearYamlParseCache, parseYamlCached } from '../../../src/chart/yaml-parse-cache.ts';
import { parseValuesYaml, parseYamlValue } from '../../../src/chart/yaml-values.ts';
import type { Values } from '../../../src/chart/values.ts';
import { goYamlParser } from '../../../src/render/go-yaml.ts';

const TEXT = 'image:\n  repository: nginx\n  tag: "1.2"\nreplicas: 3\nlist: [a, {b: 1}]\n';

for (const [label, opts] of [['default parser', {}], ['go-yaml parser', { parseYaml: goYamlParser }]] as const) {
  test(`yaml parse cache (${label}): equal, independent values on every parse`, () => {
    clearYamlParseCache();
    const first = parseValuesYaml(TEXT, 'values.yaml', opts);
    const second = parseValuesYaml(TEXT, 'values.yaml', opts);
    assert.deepEqual(second, first);
    assert.notEqual(first, second);
    assert.notEqual(first.get('image'), second.get('image'));
    assert.notEqual(first.get('list'), second.get('list'));
    (first.get('image') as Values).set('tag', 'changed');
    (first.get('list') as unknown[]).push('x');
    first.delete('replicas');
    assert.deepEqual(parseValuesYaml(TEXT, 'values.yaml', opts), second);
    assert.equal(second.get('replicas'), 3);
  });
}

test('yaml parse cache: keyed by parser as well as text; errors not cached', () => {
  clearYamlParseCache();
  let calls = 0;
  const p1 = (t: string): unknown => {
    calls++;
    return new Map([['p', t.length]]);
  };
  const p2 = (t: string): unknown => {
    calls++;
    return new Map([['q', t.length]]);
  };
  assert.deepEqual(parseYamlCached(p1, 'abc'), new Map([['p', 3]]));
  assert.deepEqual(parseYamlCached(p1, 'abc'), new Map([['p', 3]]));
  assert.equal(calls, 1);
  assert.deepEqual(parseYamlCached(p2, 'abc'), new Map([['q', 3]]));
  assert.equal(calls, 2);
  const bad = 'a: [\n';
  const msgs: string[] = [];
  for (let i = 0; i < 2; i++) {
    assert.throws(() => parseYamlValue(bad, { parseYaml: goYamlParser }), (e: unknown) => {
      msgs.push((e as Error).message);
      return true;
    });
  }
  assert.equal(msgs[0], msgs[1]);
  assert.match(msgs[0]!, /^error converting YAML to JSON: yaml: line \d+: /);
});
