/**
 * The operator installs a chart from a GitRepository (a local bare repository) and the release is Ready and
 * listed by `helm list`; a values change upgrades it to revision 2; a reconcile with nothing to do writes
 * nothing (neither the HelmRelease nor the release records).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { helm, ok } from '../support/capstan-cli.ts';
import { eventually } from '../support/cluster.ts';
import { useOperatorFixture } from '../support/operator-fixture.ts';
import { condition, getHr, gitRepository, helmRelease, isReady, patchHr, waitForHr } from '../support/operator.ts';

const fx = useOperatorFixture({ prefix: 'op-install', charts: ['tiny'], gitRepository: false });

async function reconcileCount(): Promise<number> {
  const m = await fx.op.manager.metrics.reconcileTotal.get();
  return m.values.filter((v) => v.labels['controller'] === 'helmrelease').reduce((a, v) => a + v.value, 0);
}

test('install → Ready and listed by helm; values change → upgrade to revision 2; a no-op reconcile writes nothing', async () => {
  const { kube, ns, repo, op } = fx;
  const t0 = Date.now();
  await kube.apply(gitRepository(ns, 'infra', repo.url));
  await kube.apply(helmRelease(ns, 'web', {
    chart: { spec: { chart: './charts/tiny', sourceRef: { kind: 'GitRepository', name: 'infra' } } },
    values: { greeting: 'hi' },
  }));
  const hr = await waitForHr(kube, ns, 'web', 'Ready', isReady);
  assert.equal(condition(hr, 'Released')?.reason, 'InstallSucceeded');
  assert.match(condition(hr, 'Ready')?.message ?? '', new RegExp(`Helm install succeeded for release ${ns}/web.v1 with chart tiny@0.1.0`));
  assert.equal(hr.status?.history?.[0]?.version, 1);
  assert.deepEqual((hr.status?.['inventory'] as { entries: { id: string }[] }).entries.map((e) => e.id), [`${ns}_web-greeting__ConfigMap`]);
  assert.ok(hr.metadata.finalizers?.includes('finalizers.capstan.dev'));
  const cm = await kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'web-greeting', namespace: ns });
  assert.equal((cm?.['data'] as Record<string, string>)['greeting'], 'hi');
  const list = JSON.parse(await ok(helm(['list', '-n', ns, '-o', 'json']), 'helm list')) as { name: string; revision: string; status: string; chart: string }[];
  assert.deepEqual(list.map((r) => [r.name, r.revision, r.status, r.chart]), [['web', '1', 'deployed', 'tiny-0.1.0']]);
  console.log(`install: ${Date.now() - t0} ms`);
  const metrics = await (await fetch(`${op.manager.addresses().metrics ?? ''}/metrics`)).text();
  assert.match(metrics, new RegExp(`capstan_reconcile_condition\\{kind="HelmRelease",namespace="${ns}",name="web",type="Ready",status="True"\\} 1`));

  const t1 = Date.now();
  await kube.apply(helmRelease(ns, 'web', {
    chart: { spec: { chart: './charts/tiny', sourceRef: { kind: 'GitRepository', name: 'infra' } } },
    values: { greeting: 'hello again' },
  }));
  const up = await waitForHr(kube, ns, 'web', 'upgraded to revision 2', (o) => isReady(o) && o.status?.history?.[0]?.version === 2);
  assert.equal(condition(up, 'Released')?.reason, 'UpgradeSucceeded');
  assert.equal(up.status?.history?.[1]?.status, 'superseded');
  const cm2 = await kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'web-greeting', namespace: ns });
  assert.equal((cm2?.['data'] as Record<string, string>)['greeting'], 'hello again');
  const history = JSON.parse(await ok(helm(['history', 'web', '-n', ns, '-o', 'json']), 'helm history')) as { revision: number; status: string }[];
  assert.deepEqual(history.map((h) => [h.revision, h.status]), [[1, 'superseded'], [2, 'deployed']]);
  console.log(`upgrade: ${Date.now() - t1} ms`);

  // nothing to do: a metadata change makes the controller reconcile, and it must write nothing
  const t2 = Date.now();
  const secrets = async (): Promise<string> => (await kube.list('v1', 'Secret', ns, 'owner=helm')).map((s) => `${s.metadata.name}@${s.metadata.resourceVersion}`).sort().join(',');
  const before = await secrets();
  const n = await reconcileCount();
  const touched = await patchHr(kube, ns, 'web', { metadata: { labels: { touched: 'yes' } } });
  await eventually('another reconcile', 15_000, async () => ((await reconcileCount()) > n ? true : undefined));
  console.log(`reconciled after ${Date.now() - t2} ms`);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal((await getHr(kube, ns, 'web'))?.metadata.resourceVersion, touched?.metadata.resourceVersion, 'the HelmRelease was not written');
  assert.equal(await secrets(), before, 'the release records were not written');
  console.log(`no-op check: ${Date.now() - t2} ms`);
});
