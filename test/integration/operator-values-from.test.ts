/**
 * valuesFrom: values from a Secret and a ConfigMap (one with targetPath) are merged in order under
 * `values`; changing the Secret upgrades the release; the Secret's values never reach the HelmRelease's
 * status or events. A chart named inline (Flux v1's `chart.git`) works too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useOperatorFixture } from '../support/operator-fixture.ts';
import { condition, helmRelease, isReady, waitForHr } from '../support/operator.ts';

const fx = useOperatorFixture({ prefix: 'op-values', charts: ['webapp'] });

const cm = async (name: string): Promise<Record<string, string> | undefined> =>
  (await fx.kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name, namespace: fx.ns }))?.['data'] as Record<string, string> | undefined;

function secret(value: string) {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'app-secret-values', namespace: fx.ns }, stringData: { 'values.yaml': `secretGreeting: ${value}\n` } };
}

test('values from a Secret and a ConfigMap; a Secret change upgrades; secret values stay out of status and events', async () => {
  const { kube, ns } = fx;
  await kube.apply(secret('s3cr3t-one') as never);
  await kube.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-replicas', namespace: ns }, data: { count: '2' } } as never);
  await kube.apply(helmRelease(ns, 'app', {
    chart: { spec: { chart: './charts/webapp', sourceRef: { kind: 'GitRepository', name: 'infra' } } },
    valuesFrom: [
      { kind: 'Secret', name: 'app-secret-values' },
      { kind: 'ConfigMap', name: 'app-replicas', valuesKey: 'count', targetPath: 'replicas' },
      { kind: 'ConfigMap', name: 'missing-but-optional', optional: true },
    ],
    values: { greeting: 'inline' },
  }));
  await waitForHr(kube, ns, 'app', 'Ready', isReady);
  assert.deepEqual(await cm('app-config'), { greeting: 'inline', secretGreeting: 's3cr3t-one' });
  const dep = await kube.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'app-web', namespace: ns });
  assert.equal((dep?.spec as { replicas: number }).replicas, 2, 'targetPath set replicas from the ConfigMap');

  const t0 = Date.now();
  await kube.apply(secret('s3cr3t-two') as never);
  const hr = await waitForHr(kube, ns, 'app', 'upgraded after the Secret changed', (o) => isReady(o) && o.status?.history?.[0]?.version === 2);
  console.log(`Secret change → upgrade: ${Date.now() - t0} ms`);
  assert.equal((await cm('app-config'))?.['secretGreeting'], 's3cr3t-two');
  const events = (await kube.list('v1', 'Event', ns)).map((e) => JSON.stringify(e));
  for (const text of [JSON.stringify(hr.status), ...events]) {
    assert.doesNotMatch(text, /s3cr3t/, 'no secret value in status or events');
  }
});

test('a missing valuesFrom Secret is reported without retrying blindly; creating it installs', async () => {
  const { kube, ns } = fx;
  await kube.apply(helmRelease(ns, 'late', {
    chart: { spec: { chart: './charts/webapp', sourceRef: { kind: 'GitRepository', name: 'infra' } } },
    valuesFrom: [{ kind: 'Secret', name: 'late-values' }],
  }));
  const failed = await waitForHr(kube, ns, 'late', 'ValuesError', (o) => condition(o, 'Ready')?.reason === 'ValuesError');
  assert.match(condition(failed, 'Ready')?.message ?? '', new RegExp(`could not find Secret '${ns}/late-values'`));
  await kube.apply({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'late-values', namespace: ns }, stringData: { 'values.yaml': 'greeting: late\n' } } as never);
  await waitForHr(kube, ns, 'late', 'Ready', isReady);
  assert.equal((await cm('late-config'))?.['greeting'], 'late');
});

test('a chart named inline with chart.git (Flux v1 form) installs', async () => {
  const { kube, ns, repo } = fx;
  await kube.apply(helmRelease(ns, 'inline', { chart: { git: { url: repo.url, ref: { branch: 'main' }, path: 'charts/webapp' } }, values: { greeting: 'inline git' } }));
  const hr = await waitForHr(kube, ns, 'inline', 'Ready', isReady);
  assert.equal(hr.status?.history?.[0]?.chartVersion, '1.0.0');
  assert.equal((await cm('inline-config'))?.['greeting'], 'inline git');
});
