/**
 * A broken upgrade (an image kwok never makes ready) fails its wait, is remediated by rolling back to the
 * last good revision, and the HelmRelease stalls with Ready=False naming the objects that were not ready;
 * fixing the values (a new target) upgrades again and the release is Ready. With post-renderers, the
 * rollback revision keeps the custom labels of the revision it goes back to (as helm rollback does), so going
 * back to the good values finds it in sync: no further upgrade.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SecretsDriver, Storage } from '../../src/release/index.ts';
import { helm, ok } from '../support/capstan-cli.ts';
import { useOperatorFixture } from '../support/operator-fixture.ts';
import { condition, gitRepository, helmRelease, isReady, waitForHr } from '../support/operator.ts';

const fx = useOperatorFixture({ prefix: 'op-remed', charts: ['webapp'], gitRepository: false });

const spec = (image: string) => ({
  chart: { spec: { chart: './charts/webapp', sourceRef: { kind: 'GitRepository' as const, name: 'infra' } } },
  timeout: '30s',
  upgrade: { timeout: '4s', remediation: { retries: 0, remediateLastFailure: true } },
  values: { image },
});

test('a broken upgrade is rolled back and stalls with the unready objects named; a fix upgrades again', async () => {
  const { kube, ns, repo } = fx;
  const t0 = Date.now();
  await kube.apply(gitRepository(ns, 'infra', repo.url));
  await kube.apply(helmRelease(ns, 'app', spec('nginx:1.27')));
  await waitForHr(kube, ns, 'app', 'Ready', isReady);
  console.log(`install: ${Date.now() - t0} ms`);

  const t1 = Date.now();
  await kube.apply(helmRelease(ns, 'app', spec('example.com/never-ready:1')));
  const stalled = await waitForHr(kube, ns, 'app', 'Stalled', (o) => condition(o, 'Stalled')?.status === 'True' && o.status?.observedGeneration === o.metadata.generation);
  console.log(`broken upgrade → rollback → stalled: ${Date.now() - t1} ms`);
  const ready = condition(stalled, 'Ready');
  console.log(`Ready: ${ready?.message ?? ''}`);
  assert.equal(ready?.status, 'False');
  assert.equal(condition(stalled, 'Stalled')?.reason, 'RetriesExceeded');
  assert.match(ready?.message ?? '', /Failed to upgrade after 1 attempt\(s\)/);
  assert.match(ready?.message ?? '', new RegExp(`Deployment ${ns}/app-web`), 'names the Deployment that was not ready');
  assert.match(ready?.message ?? '', /ImagePullBackOff/, 'says why its pods are not ready');
  assert.equal(condition(stalled, 'Remediated')?.status, 'True');
  assert.equal(condition(stalled, 'Remediated')?.reason, 'RollbackSucceeded');
  assert.equal(condition(stalled, 'Released')?.reason, 'UpgradeFailed');
  assert.equal(stalled.status?.['upgradeFailures'], 1);
  const history = JSON.parse(await ok(helm(['history', 'app', '-n', ns, '-o', 'json']), 'helm history')) as { revision: number; status: string; description: string }[];
  assert.deepEqual(history.map((h) => [h.revision, h.status]), [[1, 'superseded'], [2, 'failed'], [3, 'deployed']]);
  assert.equal(history[2]?.description, 'Rollback to 1');
  const dep = await kube.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'app-web', namespace: ns });
  assert.equal((dep?.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]?.image, 'nginx:1.27', 'the last good image runs');

  const t2 = Date.now();
  await kube.apply(helmRelease(ns, 'app', spec('nginx:1.28')));
  const fixed = await waitForHr(kube, ns, 'app', 'Ready after the fix', (o) => isReady(o) && o.status?.history?.[0]?.version === 4);
  console.log(`fix → upgrade: ${Date.now() - t2} ms`);
  assert.equal(condition(fixed, 'Remediated'), undefined, 'a successful release clears Remediated');
  assert.equal(condition(fixed, 'Stalled'), undefined);
  assert.equal(fixed.status?.['upgradeFailures'], undefined, 'a success resets the failure counters');
});

test('with post-renderers, a release rolled back by remediation keeps its labels: back to the good values, it is in sync without another upgrade', async () => {
  const { kube, ns, repo } = fx;
  const pr = (image: string) => ({ ...spec(image), commonMetadata: { labels: { team: 'platform' } } });
  await kube.apply(gitRepository(ns, 'infra', repo.url));
  await kube.apply(helmRelease(ns, 'pr', pr('nginx:1.27')));
  await waitForHr(kube, ns, 'pr', 'Ready', isReady);
  await kube.apply(helmRelease(ns, 'pr', pr('example.com/never-ready:1')));
  await waitForHr(kube, ns, 'pr', 'Stalled', (o) => condition(o, 'Stalled')?.status === 'True' && o.status?.observedGeneration === o.metadata.generation);
  const store = new Storage(new SecretsDriver(kube.core, ns));
  const [v1, , v3] = await store.history('pr');
  assert.equal(v3?.info?.description, 'Rollback to 1');
  const digest = 'helm.capstan.dev/post-render-digest';
  assert.ok(v1?.labels?.[digest], 'the release records the post-render digest');
  assert.equal(v3?.labels?.[digest], v1?.labels?.[digest], 'the rollback revision carries revision 1\'s labels');
  assert.equal(v3?.labels?.['helm.capstan.dev/name'], 'pr');

  await kube.apply(helmRelease(ns, 'pr', pr('nginx:1.27')));
  const back = await waitForHr(kube, ns, 'pr', 'Ready with the good values again', isReady);
  await new Promise((r) => setTimeout(r, 1500));
  assert.deepEqual((await store.history('pr')).map((r) => [r.version, r.info?.status]), [[1, 'superseded'], [2, 'failed'], [3, 'deployed']], 'no upgrade: revision 3 is in sync');
  assert.equal(back.status?.history?.[0]?.version, 3);
});
