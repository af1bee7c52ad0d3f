import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeConfig, CoreV1Api, RbacAuthorizationV1Api, Watch, type V1Secret } from '@kubernetes/client-node';
import { eventually, testCluster, testNamespace } from '../support/cluster.ts';

test('Secret round trip, and a watch sees create, update and delete', async () => {
  const { kc, core } = await testCluster();
  const ns = await testNamespace('secret');
  const events: string[] = [];
  const abort = await new Watch(kc).watch(`/api/v1/namespaces/${ns}/secrets`, {}, (phase, obj: V1Secret) => {
    events.push(`${phase}:${obj.metadata?.name}:${obj.metadata?.labels?.['rev'] ?? ''}`);
  }, () => {});
  try {
    const payload = Buffer.from([0, 1, 2, 250, 255, 0x1f, 0x8b]);
    await core.createNamespacedSecret({ namespace: ns, body: {
      metadata: { name: 's1', labels: { rev: '1' } }, type: 'helm.sh/release.v1', data: { release: payload.toString('base64') },
    } });
    const read = await core.readNamespacedSecret({ name: 's1', namespace: ns });
    assert.equal(read.type, 'helm.sh/release.v1');
    assert.deepEqual(Buffer.from(read.data?.['release'] ?? '', 'base64'), payload);
    read.metadata = { ...read.metadata, labels: { rev: '2' } };
    await core.replaceNamespacedSecret({ name: 's1', namespace: ns, body: read });
    await core.deleteNamespacedSecret({ name: 's1', namespace: ns });
    await eventually('watch saw ADDED, MODIFIED, DELETED', 15_000, async () =>
      ['ADDED:s1:1', 'MODIFIED:s1:2', 'DELETED:s1:2'].every((e) => events.includes(e)) ? true : undefined);
  } finally {
    abort.abort();
  }
});

test('a ServiceAccount token (TokenRequest) is denied by RBAC, then allowed after a RoleBinding', async () => {
  const { kc, core } = await testCluster();
  const ns = await testNamespace('rbac');
  await core.createNamespacedServiceAccount({ namespace: ns, body: { metadata: { name: 'reader' } } });
  const tr = await core.createNamespacedServiceAccountToken({ name: 'reader', namespace: ns, body: { spec: { audiences: [], expirationSeconds: 600 } } });
  const token = tr.status?.token;
  assert.ok(token, 'TokenRequest returned a token');

  const cluster = kc.getCurrentCluster();
  assert.ok(cluster);
  const saKc = new KubeConfig();
  saKc.loadFromOptions({
    clusters: [{ ...cluster, name: 'c' }],
    users: [{ name: 'reader', token }],
    contexts: [{ name: 'c', cluster: 'c', user: 'reader', namespace: ns }],
    currentContext: 'c',
  });
  const asReader = saKc.makeApiClient(CoreV1Api);
  const denied = await asReader.listNamespacedSecret({ namespace: ns }).then(() => 200, (e: { code?: number }) => e.code);
  assert.equal(denied, 403);

  const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
  await rbac.createNamespacedRole({ namespace: ns, body: {
    metadata: { name: 'secret-reader' }, rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] }],
  } });
  await rbac.createNamespacedRoleBinding({ namespace: ns, body: {
    metadata: { name: 'reader' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'secret-reader' },
    subjects: [{ kind: 'ServiceAccount', name: 'reader', namespace: ns }],
  } });
  await eventually('list allowed after the RoleBinding', 15_000, async () =>
    asReader.listNamespacedSecret({ namespace: ns }).then(() => true, () => undefined));
  // still no write access
  const createDenied = await asReader.createNamespacedSecret({ namespace: ns, body: { metadata: { name: 'x' } } })
    .then(() => 201, (e: { code?: number }) => e.code);
  assert.equal(createDenied, 403);
});
