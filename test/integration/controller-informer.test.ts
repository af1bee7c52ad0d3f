import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LevelWithSilent } from 'pino';
import { Informer, objectKey, type Kind } from '../../src/controller/index.ts';
import type { KubeObject } from '../../src/kube/index.ts';
import { createRootLogger } from '../../src/observability/logger.ts';
import { eventually, testCluster, testNamespace } from '../support/cluster.ts';
import { startApiProxy } from '../support/api-proxy.ts';

const log = createRootLogger({ level: (process.env['CAPSTAN_TEST_LOG_LEVEL'] ?? 'silent') as LevelWithSilent });
const configMaps: Kind = { apiVersion: 'v1', kind: 'ConfigMap', plural: 'configmaps' };

async function liveKeys(ns: string, labelSelector?: string): Promise<string[]> {
  const { core } = await testCluster();
  const list = await core.listNamespacedConfigMap({ namespace: ns, ...(labelSelector ? { labelSelector } : {}) });
  return list.items.map((o) => `${ns}/${o.metadata?.name ?? ''}`).sort();
}

test('an informer sees adds, updates and deletes of ConfigMaps and its cache matches the server', async () => {
  const { kc, core } = await testCluster();
  const ns = await testNamespace('inf');
  await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'before' }, data: { v: '0' } } });
  const informer = new Informer({ kubeConfig: kc, kind: configMaps, namespace: ns, log });
  informer.addIndexer('byValue', (o) => [String((o.data as Record<string, string> | undefined)?.['v'] ?? '')]);
  const events: string[] = [];
  informer.addEventHandler({
    onAdd: (o) => events.push(`add ${o.metadata.name}`),
    onUpdate: (o, n) => events.push(`update ${n.metadata.name} ${String((o.data as Record<string, string>)['v'])}→${String((n.data as Record<string, string>)['v'])}`),
    onDelete: (o) => events.push(`delete ${o.metadata.name}`),
  });
  informer.start();
  try {
    assert.equal(await informer.waitForSync(AbortSignal.timeout(30_000)), true);
    assert.ok(informer.hasSynced());
    const before = informer.store.get(`${ns}/before`);
    assert.equal(before?.kind, 'ConfigMap', 'listed items carry apiVersion and kind');
    assert.equal(before.metadata.managedFields, undefined, 'managedFields are not cached');

    for (const name of ['a', 'b', 'c']) await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name }, data: { v: '1' } } });
    await core.patchNamespacedConfigMap({ namespace: ns, name: 'b', body: [{ op: 'replace', path: '/data/v', value: '2' }] });
    await core.deleteNamespacedConfigMap({ namespace: ns, name: 'c' });

    await eventually('the cache to match the server', 20_000, async () => {
      const want = await liveKeys(ns);
      const have = informer.store.keys().filter((k) => k.startsWith(`${ns}/`) && !k.endsWith('/kube-root-ca.crt')).sort();
      return JSON.stringify(have) === JSON.stringify(want.filter((k) => !k.endsWith('/kube-root-ca.crt'))) && events.includes('delete c') ? true : undefined;
    });
    for (const e of ['add before', 'add a', 'add b', 'add c', 'update b 1→2', 'delete c']) assert.ok(events.includes(e), `saw "${e}" in ${JSON.stringify(events)}`);
    assert.deepEqual(informer.store.byIndex('byValue', '2').map(objectKey), [`${ns}/b`], 'custom index');
    assert.equal(informer.store.get(`${ns}/c`), undefined);

    const late: string[] = [];
    const remove = informer.addEventHandler({ onAdd: (o) => late.push(o.metadata.name) });
    assert.deepEqual(late.filter((n) => n !== 'kube-root-ca.crt').sort(), ['a', 'b', 'before'], 'a late handler is replayed the cache');
    remove();
  } finally {
    await informer.stop();
  }
});

test('a label-selected informer caches only matching objects and sees an object leave the selection as a delete', async () => {
  const { kc, core } = await testCluster();
  const ns = await testNamespace('inf-sel');
  const informer = new Informer({ kubeConfig: kc, kind: configMaps, namespace: ns, labelSelector: 'shard=a', log });
  const deleted: string[] = [];
  informer.addEventHandler({ onDelete: (o) => deleted.push(o.metadata.name) });
  informer.start();
  try {
    await informer.waitForSync();
    await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'in', labels: { shard: 'a' } } } });
    await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'out', labels: { shard: 'b' } } } });
    await eventually('the matching object to be cached', 20_000, async () => (informer.store.get(`${ns}/in`) ? true : undefined));
    assert.deepEqual(informer.store.keys(), [`${ns}/in`]);
    await core.patchNamespacedConfigMap({ namespace: ns, name: 'in', body: [{ op: 'replace', path: '/metadata/labels/shard', value: 'b' }] });
    await eventually('the relabelled object to leave the cache', 20_000, async () => (informer.store.size === 0 ? true : undefined));
    assert.deepEqual(deleted, ['in']);
  } finally {
    await informer.stop();
  }
});

test('a watch from an expired resourceVersion (410 Gone from the real server) relists and recovers', async () => {
  const { kc, core } = await testCluster();
  const ns = await testNamespace('inf-410');
  const proxy = await startApiProxy(kc);
  // the first watch asks for resourceVersion 1, long gone from the server's watch window
  let expiredOnce = false;
  proxy.rewrite = (url) => {
    if (url.searchParams.get('watch') === 'true' && !expiredOnce) {
      expiredOnce = true;
      url.searchParams.set('resourceVersion', '1');
    }
  };
  await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'first' } } });
  // resourceVersion 1 answers 410 only once etcd has compacted it (every 10 s on the test control plane)
  await eventually('etcd to have compacted resourceVersion 1', 60_000, async () => {
    const body = await rawWatchOnce(kc, `/api/v1/namespaces/${ns}/configmaps?watch=true&resourceVersion=1&timeoutSeconds=1`);
    return /"code":410/.test(body) ? true : undefined;
  });
  const informer = new Informer({ kubeConfig: proxy.kubeConfig, kind: configMaps, namespace: ns, log });
  const adds: string[] = [];
  informer.addEventHandler({ onAdd: (o: KubeObject) => adds.push(o.metadata.name) });
  informer.start();
  try {
    await informer.waitForSync();
    const watchRequests = (): typeof proxy.requests => proxy.requests.filter((r) => r.query.get('watch') === 'true');
    await eventually('a relist and a new watch after the 410', 20_000, async () => (informer.stats().lists >= 2 && watchRequests().length >= 2 ? true : undefined));
    const watches = watchRequests();
    assert.equal(watches[0]?.query.get('resourceVersion'), '1', 'the first watch was sent with the expired resourceVersion');
    assert.equal(watches[0]?.query.get('allowWatchBookmarks'), 'true', 'bookmarks are asked for');
    assert.ok(watches.length >= 2, 'a new watch started after the relist');
    assert.notEqual(watches[1]?.query.get('resourceVersion'), '1');
    assert.equal(proxy.requests.filter((r) => r.query.get('watch') !== 'true').length, 2, 'two LISTs: the first and the relist');

    await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'second' } } });
    await eventually('the recovered watch to deliver new objects', 20_000, async () => (informer.store.get(`${ns}/second`) ? true : undefined));
    assert.deepEqual(adds.filter((n) => n !== 'kube-root-ca.crt'), ['first', 'second'], 'the relist added nothing twice');
    assert.deepEqual(informer.store.keys().sort(), (await liveKeys(ns)));
  } finally {
    await informer.stop();
    await proxy.close();
  }
});

test('a watch that cannot start (no such resource) is retried with backoff, and stop() ends it', async () => {
  const { kc } = await testCluster();
  const informer = new Informer({ kubeConfig: kc, kind: { apiVersion: 'example.capstan.dev/v1', kind: 'Nothing', plural: 'nothings' }, log });
  informer.start();
  await eventually('a recorded failure', 10_000, async () => (informer.stats().lastError ? true : undefined));
  assert.match(informer.stats().lastError ?? '', /404/);
  assert.equal(informer.hasSynced(), false);
  const waiting = informer.waitForSync();
  await informer.stop();
  assert.equal(await waiting, false, 'waiters are released when the informer stops');
});

test('resync hands every cached object to onUpdate(obj, obj) again, with jitter', async () => {
  const { kc, core } = await testCluster();
  const ns = await testNamespace('inf-resync');
  await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'r' } } });
  const informer = new Informer({ kubeConfig: kc, kind: configMaps, namespace: ns, resyncPeriodMs: 200, log });
  const resyncs: number[] = [];
  informer.addEventHandler({ onUpdate: (o, n) => { if (o === n && o.metadata.name === 'r') resyncs.push(Date.now()); } });
  informer.start();
  try {
    await eventually('three resyncs', 10_000, async () => (resyncs.length >= 3 ? true : undefined));
    const gaps = resyncs.slice(1).map((t, i) => t - (resyncs[i] ?? 0));
    assert.ok(gaps.every((g) => g >= 170 && g < 1000), `gaps ${JSON.stringify(gaps)}`);
  } finally {
    await informer.stop();
  }
});

/** The raw text of a short watch request (status and body), to see whether the server answers 410. */
async function rawWatchOnce(kc: import('@kubernetes/client-node').KubeConfig, path: string): Promise<string> {
  const { request } = await import('node:https');
  const opts: import('node:https').RequestOptions = {};
  await kc.applyToHTTPSOptions(opts);
  const server = kc.getCurrentCluster()?.server ?? '';
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, server), { ...opts, method: 'GET' }, (res) => {
      let body = `${res.statusCode === 410 ? '"code":410 ' : ''}`;
      res.on('data', (c: Buffer) => { body += c.toString(); });
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}
