import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/kube/index.ts';
import { applyImages, overrideImage } from '../../../src/reconcilers/helmrelease/postrender/images.ts';
import { applyJsonPatch } from '../../../src/reconcilers/helmrelease/postrender/json-patch.ts';
import { postRendererFor, PostRenderError } from '../../../src/reconcilers/helmrelease/postrender/post-renderer.ts';
import { matchesLabels, matchesSelector } from '../../../src/reconcilers/helmrelease/postrender/selector.ts';
import { strategicMerge } from '../../../src/reconcilers/helmrelease/postrender/strategic-merge.ts';

const deployment = (): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'apps', labels: { app: 'web' } },
  spec: { replicas: 1, template: { spec: {
    initContainers: [{ name: 'init', image: 'busybox:1.36' }],
    containers: [{ name: 'web', image: 'nginx:1.27', env: [{ name: 'A', value: '1' }] }, { name: 'side', image: 'registry:5000/side@sha256:abc' }],
  } } },
});

test('image overrides: new name, new tag, digest, and only matching names', () => {
  assert.equal(overrideImage('nginx:1.27', { name: 'nginx', newTag: '1.28' }), 'nginx:1.28');
  assert.equal(overrideImage('nginx:1.27', { name: 'nginx', newName: 'mirror/nginx' }), 'mirror/nginx:1.27');
  assert.equal(overrideImage('nginx', { name: 'nginx', digest: 'sha256:1' }), 'nginx@sha256:1');
  assert.equal(overrideImage('nginx-extra:1', { name: 'nginx', newTag: '2' }), undefined);
  assert.equal(overrideImage('registry:5000/side@sha256:abc', { name: 'registry:5000/side', newTag: 'v2' }), 'registry:5000/side:v2');
  const d = deployment();
  applyImages(d, [{ name: 'busybox', newTag: '1.37' }, { name: 'nginx', newName: 'mirror/nginx', newTag: '1.28' }]);
  const spec = (d.spec as { template: { spec: { initContainers: { image: string }[]; containers: { image: string }[] } } }).template.spec;
  assert.deepEqual([spec.initContainers[0]?.image, spec.containers[0]?.image, spec.containers[1]?.image], ['busybox:1.37', 'mirror/nginx:1.28', 'registry:5000/side@sha256:abc']);
});

test('JSON 6902: add, replace, remove, move, copy, test, and an error naming the operation', () => {
  const doc = { a: { b: [1, 2] }, c: 'x' };
  assert.deepEqual(applyJsonPatch(doc, [
    { op: 'add', path: '/a/b/-', value: 3 }, { op: 'replace', path: '/c', value: 'y' }, { op: 'copy', from: '/c', path: '/d' },
    { op: 'move', from: '/d', path: '/e' }, { op: 'remove', path: '/a/b/0' }, { op: 'test', path: '/e', value: 'y' }, { op: 'add', path: '/f~1g', value: true },
  ]), { a: { b: [2, 3] }, c: 'y', e: 'y', 'f/g': true });
  assert.deepEqual(doc, { a: { b: [1, 2] }, c: 'x' }, 'the input is not changed');
  assert.throws(() => applyJsonPatch(doc, [{ op: 'remove', path: '/nope' }]), /operation 0 \(remove \/nope\)/);
  assert.throws(() => applyJsonPatch(doc, [{ op: 'test', path: '/c', value: 'z' }]), /test failed/);
});

test('strategic merge: maps merge, null deletes, containers and env merge by name, $patch delete', () => {
  const merged = strategicMerge(deployment(), {
    metadata: { labels: { tier: 'front', app: null } },
    spec: { template: { spec: { containers: [
      { name: 'web', env: [{ name: 'B', value: '2' }], resources: { limits: { memory: '1Gi' } } },
      { name: 'side', $patch: 'delete' },
      { name: 'new', image: 'x' },
    ] } } },
  }) as KubeObject;
  assert.deepEqual(merged.metadata.labels, { tier: 'front' });
  const containers = (merged.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec.containers;
  assert.deepEqual(containers.map((c) => c['name']), ['web', 'new']);
  assert.deepEqual(containers[0]?.['env'], [{ name: 'A', value: '1' }, { name: 'B', value: '2' }]);
  assert.deepEqual(containers[0]?.['resources'], { limits: { memory: '1Gi' } });
});

test('selectors: kind, name regex, namespace, label selectors', () => {
  const d = deployment();
  assert.ok(matchesSelector(d, { kind: 'Deployment', name: 'w.*' }));
  assert.ok(!matchesSelector(d, { kind: 'Deployment', name: 'w' }), 'names match whole');
  assert.ok(matchesSelector(d, { group: 'apps', version: 'v1', namespace: 'apps' }));
  assert.ok(!matchesSelector(d, { group: '' }));
  assert.ok(matchesLabels('app=web,tier!=db', { app: 'web' }));
  assert.ok(matchesLabels('app in (web, api),!legacy', { app: 'web' }));
  assert.ok(!matchesLabels('app notin (web)', { app: 'web' }));
  assert.ok(!matchesLabels('team', { app: 'web' }));
});

test('post-renderers in order, then common metadata; bad patches are refused up front', () => {
  const render = postRendererFor({
    postRenderers: [{ kustomize: {
      patches: [
        { patch: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3}\n' },
        { patch: '[{"op": "add", "path": "/metadata/annotations", "value": {"patched": "yes"}}]', target: { kind: 'Deployment' } },
      ],
      images: [{ name: 'nginx', newTag: '1.28' }],
    } }],
    commonMetadata: { labels: { team: 'a' }, annotations: { owner: 'me' } },
  });
  assert.ok(render);
  const d = render(deployment());
  assert.equal((d.spec as { replicas: number }).replicas, 3);
  assert.deepEqual(d.metadata.annotations, { patched: 'yes', owner: 'me' });
  assert.deepEqual(d.metadata.labels, { app: 'web', team: 'a' });
  const cm = render({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web' } });
  assert.deepEqual(cm.metadata.labels, { team: 'a' }, 'patches target their objects only; common metadata goes everywhere');
  assert.equal(postRendererFor({}), undefined);
  assert.throws(() => postRendererFor({ postRenderers: [{ kustomize: { patches: [{ patch: '[{"op": "remove", "path": "/a"}]' }] } }] }),
    (e: unknown) => e instanceof PostRenderError && /needs a target/.test(e.message));
});
