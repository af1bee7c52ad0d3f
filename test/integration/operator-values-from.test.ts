/**
 * valuesFrom: values from a Secret and a ConfigMap (one with targetPath) are merged in order under
 * `values`; changing the Secret upgrades the release; the Secret's values never reach the HelmRelease's
 * status or events. A chart named inline (Flux v1's `chart.git`) works too.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeClient } from '../../src/kube/index.ts';
import { testCluster, testNamespace } from '../support/cluster.ts';
import {
  applyCrds, chartRepo, condition, gitRepository, helmRelease, isReady, startOperator, waitForHr, type ChartRepo, type TestOperator,
} from '../support/operator.ts';

let kube: KubeClient;
let ns: string;
let repo: ChartRepo;
let op: TestOperator;

before(async () => {
  const { kc } = await testCluster();
  kube = new KubeClient(kc);
  await applyCrds();
  ns = await testNamespace('op-values');
  repo = await chartRepo(['webapp']);
  op = await startOperator({ namespace: ns });
  await kube.apply(gitRepository(ns, 'infra', repo.url));
});

after(async () => {
  await op?.stop();
  repo?.remove();
});

const cm = async (name: string): Promise<Record<string, string> | undefined> =>
  (await kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name, namespace: ns }))?.['data'] as Record<string, string> | undefined;

function secret(value: string) {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'app-secret-values', namespace: ns }, stringData: { 'values.yaml': `secretGreeting: ${value}\n` } };
}

test('values from a Secret and a ConfigMap; a Secret change upgrades; secret values stay out of status and events', async () => {
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
  await kube.apply(helmRelease(ns, 'inline', { chart: { git: { url: repo.url, ref: { branch: 'main' }, path: 'charts/webapp' } }, values: { greeting: 'inline git' } }));
  const hr = await waitForHr(kube, ns, 'inline', 'Ready', isReady);
  assert.equal(hr.status?.history?.[0]?.chartVersion, '1.0.0');
  assert.equal((await cm('inline-config'))?.['greeting'], 'inline git');
});
