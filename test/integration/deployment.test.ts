import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubernetesObject, V1Deployment, V1PodList } from '@kubernetes/client-node';
import { eventually, testCluster, testNamespace } from '../support/cluster.ts';

test('server-side apply of a Deployment with field manager capstan → Available, pods Running on kwok nodes', async () => {
  const { objects, core } = await testCluster();
  const ns = await testNamespace('deploy');
  const deployment = {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'web', namespace: ns },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
      },
    },
  };
  const applied = await objects.patch(deployment as KubernetesObject, undefined, undefined, 'capstan', true, 'application/apply-patch+yaml');
  assert.ok(applied.metadata?.managedFields?.some((f) => f.manager === 'capstan' && f.operation === 'Apply'),
    'managedFields record capstan as the applier');

  const ready = await eventually('Deployment Available', 60_000, async () => {
    const d = await objects.read({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: ns } }) as V1Deployment;
    const available = d.status?.conditions?.some((c) => c.type === 'Available' && c.status === 'True');
    return available && d.status?.availableReplicas === 2 ? d : undefined;
  });
  assert.equal(ready.status?.readyReplicas, 2);

  const pods: V1PodList = await core.listNamespacedPod({ namespace: ns, labelSelector: 'app=web' });
  assert.equal(pods.items.length, 2);
  for (const p of pods.items) {
    assert.equal(p.status?.phase, 'Running');
    assert.match(p.spec?.nodeName ?? '', /^kwok-node-/);
  }

  // a second apply with a changed field is a normal update by the same manager
  const scaled = await objects.patch({ ...deployment, spec: { ...deployment.spec, replicas: 3 } } as KubernetesObject,
    undefined, undefined, 'capstan', true, 'application/apply-patch+yaml') as V1Deployment;
  assert.equal(scaled.spec?.replicas, 3);
  await eventually('3 replicas available', 60_000, async () => {
    const d = await objects.read({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: ns } }) as V1Deployment;
    return d.status?.availableReplicas === 3 ? true : undefined;
  });
});
