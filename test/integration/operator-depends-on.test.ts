/**
 * dependsOn: a HelmRelease created before its dependency waits (Ready=False DependencyNotReady, nothing
 * installed) and is installed once the dependency is Ready — after it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeClient } from '../../src/kube/index.ts';
import { SecretsDriver, Storage } from '../../src/release/index.ts';
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
  ns = await testNamespace('op-deps');
  repo = await chartRepo(['tiny']);
  op = await startOperator({ namespace: ns });
  await kube.apply(gitRepository(ns, 'infra', repo.url));
});

after(async () => {
  await op?.stop();
  repo?.remove();
});

const chart = { spec: { chart: './charts/tiny', sourceRef: { kind: 'GitRepository' as const, name: 'infra' } } };

test('a dependent waits for its dependency to be Ready, then installs after it', async () => {
  const t0 = Date.now();
  await kube.apply(helmRelease(ns, 'frontend', { chart, dependsOn: [{ name: 'backend' }] }));
  const waiting = await waitForHr(kube, ns, 'frontend', 'DependencyNotReady', (o) => condition(o, 'Ready')?.reason === 'DependencyNotReady');
  assert.equal(condition(waiting, 'Ready')?.status, 'False');
  assert.match(condition(waiting, 'Ready')?.message ?? '', new RegExp(`dependency '${ns}/backend' not found`));
  const storage = new Storage(new SecretsDriver(kube.core, ns));
  assert.equal((await storage.history('frontend')).length, 0, 'nothing installed while waiting');

  await kube.apply(helmRelease(ns, 'backend', { chart }));
  await waitForHr(kube, ns, 'backend', 'Ready', isReady);
  await waitForHr(kube, ns, 'frontend', 'Ready', isReady);
  console.log(`dependency chain ready: ${Date.now() - t0} ms`);
  const first = (name: string) => storage.history(name).then((h) => h[0]?.info?.first_deployed?.ms ?? 0);
  assert.ok(await first('backend') <= await first('frontend'), 'the dependency was installed first');
});
