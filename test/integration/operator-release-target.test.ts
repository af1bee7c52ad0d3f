/**
 * A changed release target, as Flux does it: a HelmRelease installed as release `a` gets spec.releaseName `b`,
 * so `a` is uninstalled (no records, no objects left) and `b` installed, Ready, with an event saying why; then
 * spec.storageNamespace moves, so `b` is uninstalled from the old storage namespace and installed with its
 * records in the new one. A release at the old target owned by another HelmRelease is left in place.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../src/kube/index.ts';
import { SecretsDriver, Storage } from '../../src/release/index.ts';
import { eventually, testNamespace } from '../support/cluster.ts';
import { useOperatorFixture } from '../support/operator-fixture.ts';
import { helmRelease, isReady, waitForHr, type HelmReleaseObj } from '../support/operator.ts';

const fx = useOperatorFixture({ prefix: 'op-target', charts: ['tiny'] });
let store: string;

before(async () => {
  store = await testNamespace('op-target-store');
});

const spec = (more: Record<string, unknown>) => ({
  chart: { spec: { chart: './charts/tiny', sourceRef: { kind: 'GitRepository' as const, name: 'infra' } } },
  values: { greeting: 'hi' }, ...more,
});
const records = (storageNs: string, name: string) => new Storage(new SecretsDriver(fx.kube.core, storageNs)).history(name);
const configMap = async (name: string): Promise<KubeObject | undefined> => fx.kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name: `${name}-greeting`, namespace: fx.ns });
const eventSaying = (text: string) => eventually(`an event saying "${text}"`, 15_000, async () =>
  (await fx.kube.list('v1', 'Event', fx.ns)).find((e) => e['reason'] === 'UninstallSucceeded' && String(e['message']).includes(text)));
const newest = (o: HelmReleaseObj) => o.status?.history?.[0] as { name?: string; version: number; status: string } | undefined;

test('changing spec.releaseName uninstalls the old release, then spec.storageNamespace moves the records', async () => {
  const { kube, ns } = fx;
  await kube.apply(helmRelease(ns, 'web', spec({ releaseName: 'a' })));
  await waitForHr(kube, ns, 'web', 'Ready as a', (o) => isReady(o) && newest(o)?.name === 'a');
  assert.equal((await records(ns, 'a')).length, 1);
  assert.ok(await configMap('a'));

  await kube.apply(helmRelease(ns, 'web', spec({ releaseName: 'b' })));
  const moved = await waitForHr(kube, ns, 'web', 'Ready as b', (o) => isReady(o) && newest(o)?.name === 'b');
  assert.deepEqual([newest(moved)?.version, newest(moved)?.status], [1, 'deployed']);
  assert.equal(moved.status?.history?.length, 1, 'the old release\'s history is forgotten');
  assert.deepEqual(await records(ns, 'a'), [], 'no records left for a');
  assert.equal(await configMap('a'), undefined, 'the objects of a are gone');
  assert.ok(await configMap('b'));
  const ev = await eventSaying('release name a -> b');
  assert.match(String(ev['message']), new RegExp(`^Release target configuration changed \\(release name a -> b\\): Helm uninstall for release ${ns}/a\\.v1 with chart tiny@\\S+ succeeded$`));

  await kube.apply(helmRelease(ns, 'web', spec({ releaseName: 'b', storageNamespace: store })));
  const stored = await waitForHr(kube, ns, 'web', `Ready with storage in ${store}`, (o) => isReady(o) && o.status?.['storageNamespace'] === store);
  assert.deepEqual([newest(stored)?.name, newest(stored)?.version], ['b', 1]);
  assert.deepEqual(await records(ns, 'b'), [], 'no records left in the old storage namespace');
  assert.deepEqual((await records(store, 'b')).map((r) => [r.version, r.info?.status]), [[1, 'deployed']]);
  assert.ok(await configMap('b'), 'installed again in the same namespace');
  await eventSaying(`storage namespace ${ns} -> ${store}`);
});

test('a release at the old target that another HelmRelease owns is left in place', async () => {
  const { kube, ns } = fx;
  await kube.apply(helmRelease(ns, 'one', spec({ releaseName: 'kept' })));
  await waitForHr(kube, ns, 'one', 'Ready as kept', (o) => isReady(o) && newest(o)?.name === 'kept');
  // the records now say another HelmRelease owns `kept` (as after a take-over)
  const s = new Storage(new SecretsDriver(kube.core, ns));
  const [rev] = await s.history('kept');
  assert.ok(rev);
  await s.update({ ...rev, labels: { ...rev.labels, 'helm.capstan.dev/name': 'two' } });

  await kube.apply(helmRelease(ns, 'one', spec({ releaseName: 'other' })));
  await waitForHr(kube, ns, 'one', 'Ready as other', (o) => isReady(o) && newest(o)?.name === 'other');
  assert.equal((await records(ns, 'kept')).length, 1, 'the other HelmRelease\'s release stays');
  assert.ok(await configMap('kept'));
  await eventually('a warning naming the owner', 15_000, async () => (await kube.list('v1', 'Event', ns)).find((e) =>
    e['reason'] === 'OwnedByAnotherHelmRelease' && String(e['message']).includes(`Helm release ${ns}/kept is owned by HelmRelease ${ns}/two: left in place`)));
});
