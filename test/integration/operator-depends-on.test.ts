/**
 * dependsOn: a HelmRelease created before its dependency waits (Ready=False DependencyNotReady, nothing
 * installed) and is installed once the dependency is Ready — after it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SecretsDriver, Storage } from '../../src/release/index.ts';
import { useOperatorFixture } from '../support/operator-fixture.ts';
import { condition, helmRelease, isReady, waitForHr } from '../support/operator.ts';

const fx = useOperatorFixture({ prefix: 'op-deps', charts: ['tiny'] });

const chart = { spec: { chart: './charts/tiny', sourceRef: { kind: 'GitRepository' as const, name: 'infra' } } };

test('a dependent waits for its dependency to be Ready, then installs after it', async () => {
  const { kube, ns } = fx;
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
