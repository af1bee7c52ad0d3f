/**
 * Two HelmReleases in different namespaces that resolve to one Helm release (same releaseName and
 * storageNamespace): the first installs it and owns it; the second is Ready=False (OwnedByAnotherHelmRelease,
 * naming the owner) with a warning event and touches nothing; deleting the second leaves the release in
 * place; deleting the first uninstalls it. Each namespace has its own operator (watching that namespace
 * only), so the owner is found with a live lookup, not from a shared cache. The owner is recorded as Helm
 * custom release labels, which `helm upgrade` (v3.17) keeps: an out-of-band upgrade does not free the release.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KubeClient, type KubeObject } from '../../src/kube/index.ts';
import { SecretsDriver, Storage } from '../../src/release/index.ts';
import { eventually, testCluster, testNamespace } from '../support/cluster.ts';
import { helmBinary } from '../support/helm-binaries.ts';
import {
  applyCrds, chartRepo, condition, getHr, gitRepository, helmRelease, hrApiVersion, isReady, startOperator, waitForHr,
  type ChartRepo, type TestOperator,
} from '../support/operator.ts';

const run = promisify(execFile);
const tinyChart = join(import.meta.dirname, '..', 'fixtures', 'charts', 'tiny');

let kube: KubeClient;
let nsA: string;
let nsB: string;
let repo: ChartRepo;
const ops: TestOperator[] = [];

before(async () => {
  const { kc } = await testCluster();
  kube = new KubeClient(kc);
  await applyCrds();
  nsA = await testNamespace('op-own-a');
  nsB = await testNamespace('op-own-b');
  repo = await chartRepo(['tiny']);
  ops.push(await startOperator({ namespace: nsA }), await startOperator({ namespace: nsB }));
  await kube.apply(gitRepository(nsA, 'infra', repo.url));
  await kube.apply(gitRepository(nsB, 'infra', repo.url));
});

after(async () => {
  for (const op of ops) await op.stop();
  repo?.remove();
});

const spec = (greeting: string) => ({
  chart: { spec: { chart: './charts/tiny', sourceRef: { kind: 'GitRepository' as const, name: 'infra' } } },
  releaseName: 'shared', values: { greeting },
});
const greeting = async (): Promise<string | undefined> =>
  ((await kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'shared-greeting', namespace: nsA }))?.['data'] as Record<string, string> | undefined)?.['greeting'];
const history = async () => new Storage(new SecretsDriver(kube.core, nsA)).history('shared');
const events = async (ns: string, reason: string): Promise<KubeObject[]> => (await kube.list('v1', 'Event', ns)).filter((e) => e['reason'] === reason);
const deleteHr = async (ns: string): Promise<void> => {
  await kube.delete({ apiVersion: hrApiVersion, kind: 'HelmRelease', name: 'web', namespace: ns });
  await eventually(`HelmRelease ${ns}/web to be gone`, 30_000, async () => ((await getHr(kube, ns, 'web')) === undefined ? true : undefined));
};

test('a release owned by one HelmRelease is not touched by another that targets it', async () => {
  await kube.apply(helmRelease(nsA, 'web', spec('from-a')));
  await waitForHr(kube, nsA, 'web', 'Ready', isReady);
  assert.equal(await greeting(), 'from-a');
  const owned = await history();
  assert.equal(owned.length, 1);
  assert.equal(owned[0]?.labels?.['helm.capstan.dev/name'], 'web');
  assert.equal(owned[0]?.labels?.['helm.capstan.dev/namespace'], nsA);

  // the same release (storage nsA, name shared) from nsB
  await kube.apply(helmRelease(nsB, 'web', { ...spec('from-b'), targetNamespace: nsA, storageNamespace: nsA }));
  const blocked = await waitForHr(kube, nsB, 'web', 'Ready=False OwnedByAnotherHelmRelease',
    (o) => condition(o, 'Ready')?.status === 'False' && condition(o, 'Ready')?.reason === 'OwnedByAnotherHelmRelease');
  assert.match(condition(blocked, 'Ready')?.message ?? '', new RegExp(`Helm release ${nsA}/shared is owned by HelmRelease ${nsA}/web`));
  await eventually('a warning event on the second HelmRelease', 15_000, async () =>
    ((await events(nsB, 'OwnedByAnotherHelmRelease')).some((e) => e['type'] === 'Warning' && String(e['message']).includes(`${nsA}/web`)) ? true : undefined));
  // a few reconciles later: still one revision, the owner's values
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal((await history()).length, 1, 'no upgrade by the second HelmRelease');
  assert.equal(await greeting(), 'from-a');
  assert.ok(isReady((await getHr(kube, nsA, 'web'))!), 'the owner stays Ready');
  assert.equal((await getHr(kube, nsB, 'web'))?.status?.['history'], undefined, 'the owner\'s history is not recorded on the second one');

  // helm v3 reads and upgrades the release, and keeps the owner labels on its new revision
  const { kubeconfigPath } = await testCluster();
  const env = { ...process.env, KUBECONFIG: kubeconfigPath, HELM_CACHE_HOME: '/tmp/capstan-helm-cache', HELM_CONFIG_HOME: '/tmp/capstan-helm-config', HELM_DATA_HOME: '/tmp/capstan-helm-data' };
  await run(helmBinary('v3'), ['upgrade', 'shared', tinyChart, '-n', nsA, '--reuse-values'], { env });
  assert.match((await run(helmBinary('v3'), ['list', '-n', nsA], { env })).stdout, /shared\s+\S+\s+2\s+.*deployed/);
  const upgraded = await history();
  assert.equal(upgraded.length, 2);
  assert.equal(upgraded[1]?.labels?.['helm.capstan.dev/name'], 'web');
  assert.equal(upgraded[1]?.labels?.['helm.capstan.dev/namespace'], nsA);

  // deleting the second leaves the release in place
  await deleteHr(nsB);
  assert.equal((await history()).length, 2, 'the release records remain');
  assert.equal(await greeting(), 'from-a', 'the release objects remain');

  // deleting the owner uninstalls it
  await deleteHr(nsA);
  assert.equal((await history()).length, 0, 'the release records are deleted');
  assert.equal(await greeting(), undefined, 'the release objects are deleted');
  assert.ok((await events(nsA, 'UninstallSucceeded')).some((e) => String(e['message']).includes(`${nsA}/shared`)));
});

test('a release whose owner HelmRelease is gone is taken over', async () => {
  // nsB/ghost installs the release, then goes without uninstalling it (suspended when deleted)
  const ghost = (suspend: boolean) => ({ ...spec('first'), targetNamespace: nsA, storageNamespace: nsA, suspend });
  await kube.apply(helmRelease(nsB, 'ghost', ghost(false)));
  await waitForHr(kube, nsB, 'ghost', 'Ready', isReady);
  await kube.apply(helmRelease(nsB, 'ghost', ghost(true)));
  await kube.delete({ apiVersion: hrApiVersion, kind: 'HelmRelease', name: 'ghost', namespace: nsB });
  await eventually('HelmRelease ghost to be gone', 30_000, async () => ((await getHr(kube, nsB, 'ghost')) === undefined ? true : undefined));
  assert.equal((await history()).at(-1)?.labels?.['helm.capstan.dev/name'], 'ghost');

  await kube.apply(helmRelease(nsA, 'web', spec('second')));
  await waitForHr(kube, nsA, 'web', 'Ready', isReady);
  assert.equal(await greeting(), 'second');
  const now = await history();
  assert.equal(now.at(-1)?.labels?.['helm.capstan.dev/namespace'], nsA, 'now recorded as the new owner\'s');
  assert.equal(now.at(-1)?.labels?.['helm.capstan.dev/name'], 'web');
  await eventually('a ReleaseTakenOver event', 15_000, async () =>
    ((await events(nsA, 'ReleaseTakenOver')).some((e) => String(e['message']).includes(`${nsB}/ghost`)) ? true : undefined));
  await deleteHr(nsA);
  assert.equal((await history()).length, 0);
});
