import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildObjects, GitSyncError, loadManifests } from '../../../../src/reconcilers/gitsync/index.ts';
import { resolveScopes } from '../../../../src/reconcilers/gitsync/scope.ts';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'capstan-gitsync-unit-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

async function failure(p: Promise<unknown>): Promise<GitSyncError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof GitSyncError, String(e));
    return e;
  }
  assert.fail('expected a GitSyncError');
}

const cm = (name: string, ns = 'apps') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${ns}\ndata: {a: "1"}\n`;

test('every YAML and JSON file under the path, in name order, with the line each document starts on', async (t) => {
  const root = tree({
    'clusters/dev/b.yaml': `# comment\n---\n${cm('b1')}---\n${cm('b2')}---\n`,
    'clusters/dev/a/x.json': JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps' } }),
    'clusters/dev/.hidden.yaml': cm('hidden'),
    'clusters/dev/notes.txt': 'not yaml: [',
    'clusters/dev/chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
    'clusters/dev/chart/templates/cm.yaml': 'data: {{ .Values.x }}\n',
    'other/c.yaml': cm('c'),
  });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const docs = await loadManifests(root, './clusters/dev');
  assert.deepEqual(docs.map((d) => `${d.at.file}:${d.at.line}`), ['clusters/dev/a/x.json:1', 'clusters/dev/b.yaml:3', 'clusters/dev/b.yaml:10']);
});

test('invalid YAML fails with the file, line and column', async (t) => {
  const root = tree({ 'apps/ok.yaml': cm('ok'), 'apps/bad.yaml': `${cm('fine')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   bad: indent\n` });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const e = await failure(loadManifests(root, 'apps'));
  assert.equal(e.code, 'BuildFailed');
  assert.match(e.message, /^apps\/bad\.yaml:11:9: invalid YAML: Nested mappings are not allowed in compact mappings$/);
});

test('a path outside the repository or missing fails', async (t) => {
  const root = tree({ 'a.yaml': cm('a') });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  assert.match((await failure(loadManifests(root, '../etc'))).message, /outside the repository/);
  assert.match((await failure(loadManifests(root, './nope'))).message, /does not exist/);
});

test('kustomization.yaml: resources in order, namespace set; other fields fail naming the line', async (t) => {
  const root = tree({
    'k/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: team\nresources:\n  - two.yaml\n  - sub\n',
    'k/two.yaml': cm('two'),
    'k/ignored.yaml': cm('ignored'),
    'k/sub/one.yaml': cm('one'),
    'bad/kustomization.yaml': 'resources: [a.yaml]\npatches:\n  - path: p.yaml\n',
    'bad/a.yaml': cm('a'),
  });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const docs = await loadManifests(root, 'k');
  assert.deepEqual(docs.map((d) => [d.at.file, d.kustomizeNamespace]), [['k/two.yaml', 'team'], ['k/sub/one.yaml', 'team']]);
  const e = await failure(loadManifests(root, 'bad'));
  assert.equal(e.message, 'bad/kustomization.yaml:2: kustomization field "patches" is not supported (Capstan reads only resources and namespace; it does not run kustomize)');
});

test('build: objects checked, owned, Flux translated; all bad documents listed with file:line', async (t) => {
  const root = tree({
    'a.yaml': `${cm('a')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {generateName: x-}\n---\n- just\n- a list\n`,
    'b.yaml': 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: hr, namespace: apps}\nspec:\n  interval: 1m\n  kubeConfig: {secretRef: {name: x}}\n  chart: {spec: {chart: c, sourceRef: {kind: HelmRepository, name: r}}}\n',
  });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const docs = await loadManifests(root, '.');
  const e = await failure(Promise.resolve().then(() => buildObjects(docs, { namespace: 'capstan-system', name: 'apps' })));
  assert.deepEqual(e.problems.map((p) => `${p.at?.file}:${p.at?.line}`), ['a.yaml:8', 'a.yaml:12', 'b.yaml:1']);
  assert.match(e.message, /metadata\.name is required \(generateName is not supported/);
  assert.match(e.message, /a document must be a mapping/);
  assert.match(e.message, /b\.yaml:1: HelmRelease hr: helm\.toolkit\.fluxcd\.io\/v2, Kind=HelmRelease cannot be translated: spec\.kubeConfig/);

  const ok = buildObjects([docs[0]!], { namespace: 'capstan-system', name: 'apps' });
  const first = ok.objects[0]!.object;
  assert.equal(first.metadata.annotations?.['capstan.dev/gitsync'], 'capstan-system/apps');
  assert.equal(first.metadata.labels?.['capstan.dev/gitsync-name'], 'apps');
});

test('scopes: targetNamespace, kustomize namespace, default; CRDs in the set define kinds; unknown kinds and duplicates fail', async () => {
  const owner = { namespace: 'capstan-system', name: 'apps' };
  const at = (line: number) => ({ file: 'x.yaml', line });
  const docs = [
    { value: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'mine' } }, at: at(1) },
    { value: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } }, at: at(5), kustomizeNamespace: 'k' },
    { value: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', namespace: 'junk' } }, at: at(9) },
    { value: { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' },
      spec: { group: 'example.com', scope: 'Namespaced', names: { kind: 'Widget', plural: 'widgets' }, versions: [{ name: 'v1' }] } }, at: at(12) },
    { value: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }, at: at(20) },
  ];
  const lookup = async (apiVersion: string, kind: string) => (kind === 'Namespace' || kind === 'CustomResourceDefinition' ? false : apiVersion === 'v1' ? true : undefined);
  const built = buildObjects(docs, owner).objects;
  await resolveScopes(built, lookup, undefined);
  assert.deepEqual(built.map((d) => d.object.metadata.namespace), ['mine', 'k', undefined, undefined, 'default']);
  const targeted = buildObjects(docs, owner).objects;
  await resolveScopes(targeted, lookup, 'tgt');
  assert.deepEqual(targeted.map((d) => d.object.metadata.namespace), ['tgt', 'tgt', undefined, undefined, 'tgt']);

  const bad = buildObjects([...docs.slice(0, 1), { value: { apiVersion: 'nope.io/v1', kind: 'Thing', metadata: { name: 't' } }, at: at(30) }, { ...docs[0]!, at: at(40) }], owner).objects;
  const e = await failure(resolveScopes(bad, lookup, undefined));
  assert.equal(e.message, 'x.yaml:30: Thing t: no kind "Thing" is served for version "nope.io/v1" (and no CustomResourceDefinition in the path defines it)');
  const dup = buildObjects([docs[0]!, { ...docs[0]!, at: at(40) }], owner).objects;
  const d = await failure(resolveScopes(dup, lookup, undefined));
  assert.equal(d.message, 'x.yaml:40: ConfigMap mine/a: defined twice: also at x.yaml:1');
});
