/**
 * Drift: a Deployment deleted and a ConfigMap edited by hand are found on the next reconcile (asked for with
 * `capstan reconcile hr`), restored by server-side apply, and reported in the Drifted condition and an event
 * naming both objects and the changed field. In warn mode drift is reported and left alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capstan, ok } from '../support/capstan-cli.ts';
import { eventually } from '../support/cluster.ts';
import { useOperatorFixture } from '../support/operator-fixture.ts';
import { condition, getHr, helmRelease, isReady, mergePatch, waitForHr } from '../support/operator.ts';

const fx = useOperatorFixture({ prefix: 'op-drift', charts: ['webapp'] });

const chart = { spec: { chart: './charts/webapp', sourceRef: { kind: 'GitRepository' as const, name: 'infra' } } };
const cmData = async (name: string): Promise<Record<string, string> | undefined> =>
  (await fx.kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name, namespace: fx.ns }))?.['data'] as Record<string, string> | undefined;

async function events(reason: string): Promise<string[]> {
  return (await fx.kube.list('v1', 'Event', fx.ns)).filter((e) => e['reason'] === reason).map((e) => String(e['message']));
}

test('a deleted Deployment and an edited ConfigMap are restored and reported', async () => {
  const { kube, ns } = fx;
  const t0 = Date.now();
  await kube.apply(helmRelease(ns, 'app', { chart, values: { greeting: 'hello' } }));
  await waitForHr(kube, ns, 'app', 'Ready', isReady);
  assert.equal(condition(await getHr(kube, ns, 'app'), 'Drifted')?.reason, 'NoDriftDetected');
  console.log(`install: ${Date.now() - t0} ms`);

  const t1 = Date.now();
  await kube.delete({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'app-web', namespace: ns });
  await kube.core.patchNamespacedConfigMap({ namespace: ns, name: 'app-config', body: [{ op: 'replace', path: '/data/greeting', value: 'edited by hand' }] });
  await eventually('the Deployment to be gone', 10_000, async () => ((await kube.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'app-web', namespace: ns })) === undefined ? true : undefined));
  const out = await ok(capstan(['reconcile', 'hr', 'app', '-n', ns, '--timeout', '40s']), 'capstan reconcile hr');
  assert.match(out, /reconciliation completed/);
  console.log(`drift corrected: ${Date.now() - t1} ms`);

  assert.ok(await kube.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'app-web', namespace: ns }), 'the Deployment is back');
  assert.equal((await cmData('app-config'))?.['greeting'], 'hello', 'the ConfigMap is restored');
  const hr = await getHr(kube, ns, 'app');
  const drifted = condition(hr, 'Drifted');
  assert.equal(drifted?.status, 'False');
  assert.equal(drifted?.reason, 'DriftCorrected');
  // The operator may reconcile on its own between the two edits (under load it sometimes does): then one
  // correction reports the Deployment and the next the ConfigMap. Together the corrections report both.
  assert.match(drifted?.message ?? '', new RegExp(`ConfigMap ${ns}/app-config \\(changed: /data/greeting\\)|Deployment ${ns}/app-web \\(missing\\)`));
  assert.equal(condition(hr, 'Ready')?.status, 'True');
  const ev = await eventually('DriftCorrected events naming both objects', 10_000, async () => {
    const all = (await events('DriftCorrected')).join('\n');
    return /Deployment \S+\/app-web \(missing\)/.test(all) && /ConfigMap \S+\/app-config \(changed: \/data\/greeting\)/.test(all) ? all : undefined;
  });
  assert.match(ev, /has been corrected: /);
  assert.equal(hr?.status?.history?.[0]?.version, 1, 'drift correction makes no new revision');
});

test('in warn mode drift is reported, not corrected', async () => {
  const { kube, ns } = fx;
  await kube.apply(helmRelease(ns, 'watch', { chart, values: { greeting: 'hello' }, driftDetection: { mode: 'warn', ignore: [{ paths: ['/spec/replicas'], target: { kind: 'Deployment' } }] } }));
  await waitForHr(kube, ns, 'watch', 'Ready', isReady);
  await kube.core.patchNamespacedConfigMap({ namespace: ns, name: 'watch-config', body: [{ op: 'replace', path: '/data/greeting', value: 'changed' }] });
  await mergePatch(kube, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'watch-web', namespace: ns }, { spec: { replicas: 3 } });
  await ok(capstan(['reconcile', 'hr', 'watch', '-n', ns, '--timeout', '40s']), 'capstan reconcile hr');
  const hr = await getHr(kube, ns, 'watch');
  const drifted = condition(hr, 'Drifted');
  assert.equal(drifted?.status, 'True');
  assert.equal(drifted?.reason, 'DriftDetected');
  assert.match(drifted?.message ?? '', new RegExp(`ConfigMap ${ns}/watch-config \\(changed: /data/greeting\\)`));
  assert.doesNotMatch(drifted?.message ?? '', /replicas/, 'ignored fields are not drift');
  assert.equal((await cmData('watch-config'))?.['greeting'], 'changed', 'warn mode leaves the change');
  assert.equal(condition(hr, 'Ready')?.status, 'True', 'warn mode does not make the release unready');
  assert.ok((await events('DriftDetected')).some((m) => m.includes('watch-config')));
});
