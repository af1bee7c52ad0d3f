import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Watch, type KubernetesObject } from '@kubernetes/client-node';
import { eventually, testCluster, testNamespace } from '../support/cluster.ts';

interface Widget extends KubernetesObject { spec?: { size?: number }; status?: { phase?: string } }

test('CRD → custom resource created, listed, watched, status subresource patched', async () => {
  const { kc, objects } = await testCluster();
  const ns = await testNamespace('crd');
  const group = `t${randomBytes(3).toString('hex')}.capstan.dev`;
  await objects.create({
    apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
    metadata: { name: `widgets.${group}` },
    spec: {
      group, scope: 'Namespaced',
      names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
      versions: [{
        name: 'v1', served: true, storage: true, subresources: { status: {} },
        schema: { openAPIV3Schema: { type: 'object', properties: {
          spec: { type: 'object', properties: { size: { type: 'integer' } } },
          status: { type: 'object', properties: { phase: { type: 'string' } } },
        } } },
      }],
    },
  } as KubernetesObject);
  await eventually('CRD Established', 30_000, async () => {
    const crd = await objects.read({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: `widgets.${group}` } }) as
      KubernetesObject & { status?: { conditions?: { type: string; status: string }[] } };
    return crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True') ? true : undefined;
  });

  // the discovery of a new group can lag the Established condition by a moment
  await eventually('Widget created', 15_000, async () =>
    objects.create({ apiVersion: `${group}/v1`, kind: 'Widget', metadata: { name: 'w1', namespace: ns }, spec: { size: 3 } } as Widget));
  // a watch without resourceVersion first replays existing objects as ADDED, then streams changes
  const seen: string[] = [];
  const abort = await new Watch(kc).watch(`/apis/${group}/v1/namespaces/${ns}/widgets`, {}, (phase, obj: Widget) => {
    seen.push(`${phase}:${obj.metadata?.name}:${obj.status?.phase ?? ''}`);
  }, () => {});
  try {
    await eventually('watch saw ADDED', 15_000, async () => (seen.includes('ADDED:w1:') ? true : undefined));
    const list = await objects.list(`${group}/v1`, 'Widget', ns);
    assert.deepEqual(list.items.map((i) => i.metadata?.name), ['w1']);

    // status goes through the subresource: a plain update ignores it, a /status patch sets it
    // status goes through the subresource only: an apply to the main resource ignores it
    await objects.patch(
      { apiVersion: `${group}/v1`, kind: 'Widget', metadata: { name: 'w1', namespace: ns }, spec: { size: 3 }, status: { phase: 'Ready' } } as Widget,
      undefined, undefined, 'capstan', true, 'application/apply-patch+yaml',
    );
    const main = await objects.read({ apiVersion: `${group}/v1`, kind: 'Widget', metadata: { name: 'w1', namespace: ns } }) as Widget;
    assert.equal(main.status?.phase, undefined, 'status must not change through the main resource');

    const res = await fetchStatusPatch(kc, `/apis/${group}/v1/namespaces/${ns}/widgets/w1/status`, { status: { phase: 'Ready' } });
    assert.equal(res, 200);
    const after = await objects.read({ apiVersion: `${group}/v1`, kind: 'Widget', metadata: { name: 'w1', namespace: ns } }) as Widget;
    assert.equal(after.status?.phase, 'Ready');
    assert.equal(after.spec?.size, 3);
    await eventually('watch saw ADDED and the status MODIFIED', 15_000, async () =>
      seen.includes('ADDED:w1:') && seen.includes('MODIFIED:w1:Ready') ? true : undefined);
  } finally {
    abort.abort();
  }
});

async function fetchStatusPatch(kc: import('@kubernetes/client-node').KubeConfig, path: string, body: unknown): Promise<number> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('no cluster');
  const opts: import('node:https').RequestOptions = {};
  await kc.applyToHTTPSOptions(opts);
  const { request } = await import('node:https');
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, cluster.server), { ...opts, method: 'PATCH', headers: { ...opts.headers, 'content-type': 'application/merge-patch+json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
