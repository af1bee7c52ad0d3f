import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Store, Metrics, ControllerError, parseListenAddr, managerSettings, objectKey, splitKey, resourcePath, ownerKeys, enqueueMapped, generationChanged, type CacheReader } from '../../../src/controller/index.ts';
import type { KubeObject } from '../../../src/kube/index.ts';

const cm = (ns: string, name: string, rv: string, refs: string[] = []): KubeObject =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: ns, name, resourceVersion: rv, annotations: { refs: refs.join(',') } } });

test('the store keys objects namespace/name and keeps named indexes current', () => {
  const s = new Store();
  s.addIndexer('ref', (o) => (o.metadata.annotations?.['refs'] ?? '').split(',').filter(Boolean));
  s.upsert(cm('a', 'x', '1', ['s1', 's2']));
  s.upsert(cm('b', 'y', '1', ['s1']));
  assert.equal(s.get('a/x')?.metadata.name, 'x');
  assert.deepEqual(s.byIndex('ref', 's1').map(objectKey).sort(), ['a/x', 'b/y']);
  s.upsert(cm('a', 'x', '2', ['s3']));
  assert.deepEqual(s.byIndex('ref', 's1').map(objectKey), ['b/y'], 'an update re-indexes');
  assert.deepEqual(s.byIndex('ref', 's3').map(objectKey), ['a/x']);
  assert.deepEqual(s.list('b').map(objectKey), ['b/y'], 'the namespace index is built in');
  s.delete('b/y');
  assert.deepEqual(s.byIndex('ref', 's1'), []);
  assert.throws(() => s.addIndexer('ref', () => []), ControllerError);
  assert.throws(() => s.byIndex('nope', 'x'), /no index/);
});

test('replace reports only what changed: new, changed resourceVersion, gone', () => {
  const s = new Store();
  s.replace([cm('n', 'keep', '1'), cm('n', 'change', '1'), cm('n', 'gone', '1')]);
  const d = s.replace([cm('n', 'keep', '1'), cm('n', 'change', '2'), cm('n', 'new', '1')]);
  assert.deepEqual(d.added.map(objectKey), ['n/new']);
  assert.deepEqual(d.updated.map(([o, n]) => [o.metadata.resourceVersion, n.metadata.resourceVersion]), [['1', '2']]);
  assert.deepEqual(d.deleted.map(objectKey), ['n/gone']);
  assert.deepEqual(s.keys().sort(), ['n/change', 'n/keep', 'n/new']);
});

test('keys, paths and owner mapping', () => {
  assert.deepEqual(splitKey('ns/name'), { namespace: 'ns', name: 'name' });
  assert.deepEqual(splitKey('cluster-scoped'), { namespace: '', name: 'cluster-scoped' });
  assert.equal(resourcePath({ apiVersion: 'v1', kind: 'ConfigMap', plural: 'configmaps' }, 'x'), '/api/v1/namespaces/x/configmaps');
  assert.equal(resourcePath({ apiVersion: 'helm.capstan.dev/v1', kind: 'HelmRelease', plural: 'helmreleases' }), '/apis/helm.capstan.dev/v1/helmreleases');
  assert.equal(resourcePath({ apiVersion: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false }, 'x'), '/api/v1/namespaces');
  const owned: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'n', ownerReferences: [
    { apiVersion: 'helm.capstan.dev/v1', kind: 'HelmRelease', name: 'web', uid: '1', controller: true },
    { apiVersion: 'helm.capstan.dev/v2', kind: 'HelmRelease', name: 'other', uid: '2' },
    { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: '3' },
  ] } };
  const hr = { apiVersion: 'helm.capstan.dev/v1', kind: 'HelmRelease' };
  assert.deepEqual(ownerKeys(hr)(owned, {} as CacheReader), ['n/web', 'n/other'], 'any version of the owner group');
  assert.deepEqual(ownerKeys(hr, true)(owned, {} as CacheReader), ['n/web']);
});

test('mapped handlers filter with predicates and map both sides of an update', () => {
  const keys: string[] = [];
  const h = enqueueMapped((o) => [o.metadata.annotations?.['refs'] ?? ''], {} as CacheReader, (k) => keys.push(k), [generationChanged]);
  const a: KubeObject = { ...cm('n', 'x', '1', ['old']), metadata: { ...cm('n', 'x', '1', ['old']).metadata, generation: 1 } };
  const b: KubeObject = { ...cm('n', 'x', '2', ['new']), metadata: { ...cm('n', 'x', '2', ['new']).metadata, generation: 2 } };
  const statusOnly: KubeObject = { ...b, metadata: { ...b.metadata, resourceVersion: '3' } };
  h.onAdd?.(a);
  h.onUpdate?.(a, b);
  h.onUpdate?.(b, statusOnly);
  h.onUpdate?.(b, b);
  h.onDelete?.(b);
  assert.deepEqual(keys, ['old', 'new', 'old', 'new', 'new']);
});

test('metrics: per-manager registries, get-or-make for reconciler gauges, exposition text', async () => {
  const m1 = new Metrics({ processMetrics: false });
  const m2 = new Metrics({ processMetrics: false });
  const g = m1.gauge('capstan_release_condition', 'Condition of a release.', ['namespace', 'name', 'type', 'status']);
  assert.equal(m1.gauge('capstan_release_condition', 'again', ['name', 'namespace', 'type', 'status']), g, 'same name and labels: the same gauge');
  assert.throws(() => m1.gauge('capstan_release_condition', 'x', ['name']), /already exists/);
  assert.throws(() => m1.counter('capstan_release_condition', 'x', ['namespace', 'name', 'type', 'status']), /another type/);
  g.set({ namespace: 'a', name: 'web', type: 'Ready', status: 'True' }, 1);
  m1.queueMetrics('helmrelease').added();
  m1.reconcileTotal.inc({ controller: 'helmrelease', result: 'success' });
  const { body, contentType } = await m1.expose();
  assert.match(contentType, /text\/plain/);
  assert.match(body, /capstan_release_condition\{namespace="a",name="web",type="Ready",status="True"\} 1/);
  assert.match(body, /workqueue_adds_total\{name="helmrelease"\} 1/);
  assert.match(body, /controller_runtime_reconcile_total\{controller="helmrelease",result="success"\} 1/);
  assert.doesNotMatch((await m2.expose()).body, /capstan_release_condition/, 'a second manager has its own registry');
});

test('listen addresses and manager settings', () => {
  assert.deepEqual(parseListenAddr(':8080'), { host: undefined, port: 8080 });
  assert.deepEqual(parseListenAddr('127.0.0.1:0'), { host: '127.0.0.1', port: 0 });
  assert.deepEqual(parseListenAddr('[::1]:9440'), { host: '::1', port: 9440 });
  assert.equal(parseListenAddr('0'), undefined);
  assert.equal(parseListenAddr(''), undefined);
  assert.throws(() => parseListenAddr('host:http'), /invalid listen address/);
  const s = managerSettings.parse({});
  assert.deepEqual([s.concurrent, s.leaseDurationMs, s.renewDeadlineMs, s.retryPeriodMs, s.metricsAddr], [4, 15_000, 10_000, 2_000, ':8080']);
  assert.equal(managerSettings.safeParse({ renewDeadlineMs: 20_000 }).success, false);
  assert.equal(managerSettings.safeParse({ concurrent: 0 }).success, false);
});
