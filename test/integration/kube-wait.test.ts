import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeClient, WaitError, waitForReady, type KubeObject } from '../../src/kube/index.ts';
import { testCluster, testNamespace } from '../support/cluster.ts';

function deployment(ns: string, name: string, image: string, replicas = 2): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: ns },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image }] } } },
  };
}

test('waitForReady: a Deployment, a Job and a ConfigMap become ready', async () => {
  const { kc } = await testCluster();
  const client = new KubeClient(kc);
  const ns = await testNamespace('wait-ok');
  const objs: KubeObject[] = [
    deployment(ns, 'web', 'nginx:1.27'),
    { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', namespace: ns }, spec: { backoffLimit: 0, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'busybox' }] } } } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: ns }, data: { a: '1' } },
  ];
  for (const o of objs) await client.apply(o);
  await waitForReady(client, objs.map((o) => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, namespace: ns })), { timeoutMs: 60_000, intervalMs: 250 });
});

test('waitForReady names the unready Deployment and why its pods are not ready', async () => {
  const { kc } = await testCluster();
  const client = new KubeClient(kc);
  const ns = await testNamespace('wait-bad');
  await client.apply(deployment(ns, 'good', 'nginx:1.27', 1));
  await client.apply(deployment(ns, 'web', 'registry.invalid/web:never-ready', 2));
  const refs = ['good', 'web'].map((name) => ({ apiVersion: 'apps/v1', kind: 'Deployment', name, namespace: ns }));
  const err = await waitForReady(client, refs, { timeoutMs: 4_000, intervalMs: 250 }).then(() => undefined, (e: unknown) => e);
  assert.ok(err instanceof WaitError, `expected a WaitError, got ${String(err)}`);
  assert.deepEqual(err.notReady.map((n) => n.ref.name), ['web']);
  assert.match(err.message, new RegExp(`^timed out after 4s waiting for Deployment ${ns}/web: Available: 0/2; pod web-[a-z0-9-]+: container app: ImagePullBackOff \\(Back-off pulling image "registry.invalid/web:never-ready"\\)`));
});
