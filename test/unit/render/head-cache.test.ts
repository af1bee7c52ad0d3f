/**
 * The manifest head cache behind sortManifests: the same text with the same decoder decodes once;
 * another decoder decodes again; decode errors are not cached and keep their message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cachedSimpleHead, clearHeadCache } from '../../../src/render/head-cache.ts';
import { sortManifests, ManifestSortError } from '../../../src/render/manifest-sorter.ts';
import { INSTALL_ORDER } from '../../../src/render/kind-sorter.ts';
import { decodeManifestYaml } from '../../../src/render/go-yaml.ts';

function counting(): { decode: (doc: string) => unknown; calls: () => number } {
  let n = 0;
  return {
    decode: (doc) => {
      n++;
      return decodeManifestYaml(doc);
    },
    calls: () => n,
  };
}

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n    x: "1"\n';

test('head cache: the same text and decoder decode once, with the same head', () => {
  clearHeadCache();
  const c = counting();
  const h1 = cachedSimpleHead(c.decode, CM);
  const h2 = cachedSimpleHead(c.decode, CM);
  assert.equal(c.calls(), 1);
  assert.equal(h1, h2);
  assert.deepEqual(h1, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', annotations: new Map([['x', '1']]) } });
  // another text, another decode
  cachedSimpleHead(c.decode, CM.replace('name: a', 'name: b'));
  assert.equal(c.calls(), 2);
  // another decoder does not see the first one's entries
  const d = counting();
  cachedSimpleHead(d.decode, CM);
  assert.equal(d.calls(), 1);
});

test('head cache: decode errors are not cached and sortManifests reports them each time', () => {
  clearHeadCache();
  const c = counting();
  const files = new Map([['conf/templates/bad.yaml', 'kind: [\n']]);
  const messages: string[] = [];
  for (let i = 0; i < 2; i++) {
    assert.throws(() => sortManifests(files, { decodeYaml: c.decode, ordering: INSTALL_ORDER }), (e: unknown) => {
      assert.ok(e instanceof ManifestSortError);
      messages.push(e.message);
      return true;
    });
  }
  assert.equal(c.calls(), 2);
  assert.equal(messages[0], messages[1]);
  assert.match(messages[0]!, /^YAML parse error on conf\/templates\/bad\.yaml: error converting YAML to JSON: yaml: line \d+: /);
  // a head type error (annotations not a map of strings) is not cached either
  const bad = 'kind: X\nmetadata:\n  annotations:\n    a: [1]\n';
  assert.throws(() => cachedSimpleHead(c.decode, bad));
  assert.throws(() => cachedSimpleHead(c.decode, bad));
  assert.equal(c.calls(), 4);
});

test('head cache: sortManifests gives the same result from cached heads', () => {
  clearHeadCache();
  const files = new Map([
    ['conf/templates/a.yaml', `${CM}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n`],
    ['conf/templates/h.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    helm.sh/hook: pre-install\n'],
  ]);
  const first = sortManifests(files, { decodeYaml: decodeManifestYaml, ordering: INSTALL_ORDER });
  const second = sortManifests(files, { decodeYaml: decodeManifestYaml, ordering: INSTALL_ORDER });
  assert.deepEqual(second, first);
  assert.deepEqual(first.manifests.map((m) => m.head.kind), ['Namespace', 'ConfigMap']);
  assert.deepEqual(first.hooks.map((h) => h.name), ['p']);
});
