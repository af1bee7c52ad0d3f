/**
 * spec.serviceAccountName: the release is made as that ServiceAccount. One without rights fails with
 * Ready=False (AccessDenied) naming the verb and resource it may not use; once a Role allows it, a reconcile
 * request installs the release. A cross-namespace sourceRef is refused under --no-cross-namespace-refs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { capstan, ok } from '../support/capstan-cli.ts';
import { testCluster } from '../support/cluster.ts';
import { useOperatorFixture } from '../support/operator-fixture.ts';
import { condition, helmRelease, isReady, waitForHr } from '../support/operator.ts';

const fx = useOperatorFixture({ prefix: 'op-imp', charts: ['tiny'], operator: { noCrossNamespaceRefs: true } });

const chart = { spec: { chart: './charts/tiny', sourceRef: { kind: 'GitRepository' as const, name: 'infra' } } };

test('a ServiceAccount without rights gives a clear RBAC condition; granting them lets the release through', async () => {
  const { kube, ns } = fx;
  const { kc, core } = await testCluster();
  await core.createNamespacedServiceAccount({ namespace: ns, body: { metadata: { name: 'deployer' } } });
  await kube.apply(helmRelease(ns, 'web', { chart, serviceAccountName: 'deployer' }));
  const denied = await waitForHr(kube, ns, 'web', 'AccessDenied', (o) => condition(o, 'Ready')?.reason === 'AccessDenied');
  const message = condition(denied, 'Ready')?.message ?? '';
  console.log(`Ready: ${message}`);
  assert.equal(condition(denied, 'Ready')?.status, 'False');
  assert.match(message, new RegExp(`ServiceAccount ${ns}/deployer`));
  assert.match(message, /cannot list resource "secrets"/, 'names the verb and the resource');
  assert.equal(await kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'web-greeting', namespace: ns }), undefined);

  const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
  await rbac.createNamespacedRole({ namespace: ns, body: {
    metadata: { name: 'deployer' },
    rules: [{ apiGroups: [''], resources: ['secrets', 'configmaps'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] }],
  } });
  await rbac.createNamespacedRoleBinding({ namespace: ns, body: {
    metadata: { name: 'deployer' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'deployer' },
    subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: ns }],
  } });
  const t0 = Date.now();
  await ok(capstan(['reconcile', 'hr', 'web', '-n', ns, '--timeout', '40s']), 'capstan reconcile hr');
  const hr = await waitForHr(kube, ns, 'web', 'Ready', isReady);
  console.log(`granted → installed: ${Date.now() - t0} ms`);
  const cm = await kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'web-greeting', namespace: ns });
  assert.deepEqual(cm?.metadata.managedFields?.map((f) => f.manager), ['capstan']);
  assert.equal(hr.status?.history?.[0]?.version, 1);
});

test('a sourceRef into another namespace is refused under --no-cross-namespace-refs', async () => {
  const { kube, ns } = fx;
  await kube.apply(helmRelease(ns, 'far', { chart: { spec: { ...chart.spec, sourceRef: { ...chart.spec.sourceRef, namespace: 'elsewhere' } } } }));
  const hr = await waitForHr(kube, ns, 'far', 'Stalled', (o) => condition(o, 'Stalled')?.status === 'True');
  assert.equal(condition(hr, 'Ready')?.status, 'False');
  assert.match(condition(hr, 'Ready')?.message ?? '', /cross-namespace references are not allowed/);
});
