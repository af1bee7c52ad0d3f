import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { sortManifests, ManifestSortError } from '../../../src/render/manifest-sorter.ts';
import { INSTALL_ORDER, UNINSTALL_ORDER, sortByKind } from '../../../src/render/kind-sorter.ts';
import { decodeSimpleHead } from '../../../src/render/simple-head.ts';

const decodeYaml = (doc: string): unknown => parse(doc) as unknown;

function doc(kind: string, name: string, annotations = ''): string {
  return `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${annotations}`;
}

test('sortByKind: install order, unknown kinds last and alphabetical, stable', () => {
  const kinds = ['Deployment', 'CustomThing', 'Service', 'Namespace', 'ABC', 'Service', 'ConfigMap'];
  const items = kinds.map((k, i) => ({ k, i }));
  const sorted = sortByKind(items, (x) => x.k, INSTALL_ORDER).map((x) => `${x.k}${x.i}`);
  assert.deepEqual(sorted, ['Namespace3', 'ConfigMap6', 'Service2', 'Service5', 'Deployment0', 'ABC4', 'CustomThing1']);
  const un = sortByKind(items, (x) => x.k, UNINSTALL_ORDER).map((x) => x.k);
  assert.deepEqual(un, ['Service', 'Service', 'Deployment', 'ConfigMap', 'Namespace', 'ABC', 'CustomThing']);
});

test('sortManifests: files sorted by path, partials and blank files skipped, documents kept in order', () => {
  const files = new Map([
    ['conf/templates/b.yaml', `${doc('Service', 's')}---\n${doc('Namespace', 'n')}`],
    ['conf/templates/a.yaml', doc('ConfigMap', 'a')],
    ['conf/templates/_helpers.tpl', doc('Namespace', 'partial')],
    ['conf/templates/empty.yaml', '  \n'],
    ['conf/templates/c.yaml', '# comment only\n'],
  ]);
  const { hooks, manifests } = sortManifests(files, { decodeYaml, ordering: INSTALL_ORDER });
  assert.equal(hooks.length, 0);
  assert.deepEqual(
    manifests.map((m) => `${m.name}:${m.head.kind}`),
    ['conf/templates/b.yaml:Namespace', 'conf/templates/a.yaml:ConfigMap', 'conf/templates/b.yaml:Service', 'conf/templates/c.yaml:'],
  );
  assert.equal(manifests[3]!.content, '# comment only');
});

test('sortManifests: hooks with events, weight and delete policies', () => {
  const files = new Map([
    ['conf/templates/hooks.yaml', [
      doc('Job', 'j', '  annotations:\n    helm.sh/hook: pre-install, Post-Upgrade\n    helm.sh/hook-weight: "-5"\n    helm.sh/hook-delete-policy: Hook-Succeeded,before-hook-creation\n'),
      doc('Pod', 't', '  annotations:\n    helm.sh/hook: test-success\n    helm.sh/hook-weight: x\n'),
      doc('Pod', 'u', '  annotations:\n    helm.sh/hook: pre-install,bogus\n'),
      doc('ConfigMap', 'plain', '  annotations:\n    other: 1\n'),
    ].join('---\n')],
  ]);
  const logs: string[] = [];
  const { hooks, manifests } = sortManifests(files, { decodeYaml, ordering: INSTALL_ORDER, log: (l) => logs.push(l) });
  assert.deepEqual(manifests.map((m) => m.head.metadata?.name), ['plain']);
  assert.deepEqual(hooks.map((h) => [h.name, h.kind, h.events, h.weight, h.deletePolicies]), [
    ['t', 'Pod', ['test'], 0, []],
    ['j', 'Job', ['pre-install', 'post-upgrade'], -5, ['hook-succeeded', 'before-hook-creation']],
  ]);
  assert.deepEqual(logs, ['info: skipping unknown hook: "pre-install,bogus"']);
});

test('sortManifests: YAML errors name the file', () => {
  const files = new Map([['conf/templates/bad.yaml', 'kind: [a]\n']]);
  assert.throws(() => sortManifests(files, { decodeYaml, ordering: INSTALL_ORDER }), (e: unknown) => {
    assert.ok(e instanceof ManifestSortError);
    assert.equal(
      e.message,
      'YAML parse error on conf/templates/bad.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field SimpleHead.kind of type string',
    );
    return true;
  });
  const failing = (): unknown => {
    throw new Error('error converting YAML to JSON: yaml: boom');
  };
  assert.throws(() => sortManifests(files, { decodeYaml: failing, ordering: INSTALL_ORDER }), {
    message: 'YAML parse error on conf/templates/bad.yaml: error converting YAML to JSON: yaml: boom',
  });
});

test('decodeSimpleHead: string coercion and encoding/json errors as helm prints them', () => {
  assert.equal(decodeSimpleHead(parse('apiVersion: 1')).apiVersion, '1');
  assert.equal(decodeSimpleHead(parse('Kind: Foo')).kind, 'Foo');
  assert.deepEqual([...decodeSimpleHead(parse('metadata: {annotations: {a: 1, b: true, c: null}}')).metadata!.annotations!], [
    ['a', '1'], ['b', 'true'], ['c', ''],
  ]);
  const err = (y: string): string => {
    try {
      decodeSimpleHead(parse(y));
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };
  assert.equal(err('metadata: x'), 'json: cannot unmarshal string into Go struct field SimpleHead.metadata of type struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }');
  assert.equal(err('metadata: {annotations: x}'), 'json: cannot unmarshal string into Go struct field .metadata.annotations of type map[string]string');
  assert.equal(err('metadata: {name: {a: 1}}'), 'json: cannot unmarshal object into Go struct field .metadata.name of type string');
  assert.equal(err('metadata: {annotations: {a: [1]}}'), 'json: cannot unmarshal array into Go struct field .metadata.annotations of type string');
  assert.equal(err('[1, 2]'), 'json: cannot unmarshal array into Go value of type releaseutil.SimpleHead');
  assert.equal(err('x'), 'json: cannot unmarshal string into Go value of type releaseutil.SimpleHead');
});
