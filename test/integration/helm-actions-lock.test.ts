import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { KubeClient } from '../../src/kube/index.ts';
import { SecretsDriver, Storage } from '../../src/release/index.ts';
import { capstan, helm, ok } from '../support/capstan-cli.ts';
import { testCluster, testNamespace } from '../support/cluster.ts';

const hooked = join(import.meta.dirname, '..', 'fixtures', 'charts', 'hooked');

test('two Capstan processes never act on one release at once', async () => {
  const ns = await testNamespace('lock');
  await ok(capstan(['install', 'app', hooked, '-n', ns, '--wait']), 'install');
  const [a, b] = await Promise.all([
    capstan(['upgrade', 'app', hooked, '-n', ns, '--set', 'greeting=a', '--wait']),
    capstan(['upgrade', 'app', hooked, '-n', ns, '--set', 'greeting=b', '--wait']),
  ]);
  const codes = [a.code, b.code].sort();
  assert.deepEqual(codes, [0, 1], `one wins, one is refused: ${a.stderr}${b.stderr}`);
  const loser = a.code === 1 ? a : b;
  assert.match(loser.stderr, /^Error: another operation \(install\/upgrade\/rollback\) is in progress: capstan-cli@.+ holds release "app" until /);
  const h = JSON.parse(await ok(helm(['history', 'app', '-n', ns, '-o', 'json']))) as { revision: number; status: string }[];
  assert.deepEqual(h.map((x) => [x.revision, x.status]), [[1, 'superseded'], [2, 'deployed']]);
});

async function leavePendingLikeHelm(ns: string, ageSeconds: number): Promise<void> {
  // what a killed `helm upgrade` leaves behind: the newest revision pending-upgrade, no Capstan holder
  const { kc } = await testCluster();
  const kube = new KubeClient(kc);
  const storage = new Storage(new SecretsDriver(kube.core, ns));
  const last = await storage.last('app');
  await storage.create({ ...last, version: last.version + 1, info: { ...last.info, status: 'pending-upgrade', description: 'Preparing upgrade' } });
  const name = `sh.helm.release.v1.app.v${last.version + 1}`;
  const secret = await kube.core.readNamespacedSecret({ name, namespace: ns });
  secret.metadata = { ...secret.metadata, labels: { ...secret.metadata?.labels, createdAt: String(Math.floor(Date.now() / 1000) - ageSeconds) } };
  await kube.core.replaceNamespacedSecret({ name, namespace: ns, body: secret });
}

test('a pending revision left by the helm CLI blocks while young and is recovered once old', async () => {
  const ns = await testNamespace('helmpending');
  await ok(helm(['install', 'app', hooked, '-n', ns]), 'helm install');
  await leavePendingLikeHelm(ns, 5);
  const young = await capstan(['upgrade', 'app', hooked, '-n', ns]);
  assert.equal(young.code, 1);
  assert.match(young.stderr, /another operation \(install\/upgrade\/rollback\) is in progress: revision 2 of "app" is pending-upgrade \(written by the helm CLI \d+s ago; recovered after 600s\)/);
  // helm itself is stuck on it, as always
  assert.match((await helm(['upgrade', 'app', hooked, '-n', ns])).stderr, /another operation \(install\/upgrade\/rollback\) is in progress/);

  await leaveOld(ns);
  await ok(capstan(['upgrade', 'app', hooked, '-n', ns, '--set', 'greeting=recovered']), 'upgrade after recovery');
  const h = JSON.parse(await ok(helm(['history', 'app', '-n', ns, '-o', 'json']))) as { revision: number; status: string; description: string }[];
  assert.deepEqual(h.map((x) => [x.revision, x.status]), [[1, 'superseded'], [2, 'failed'], [3, 'deployed']]);
  assert.match(h[1]?.description ?? '', /pending-upgrade written by the helm CLI \d+s ago did not finish; recovered by capstan-cli@/);
});

async function leaveOld(ns: string): Promise<void> {
  const { kc } = await testCluster();
  const kube = new KubeClient(kc);
  const secret = await kube.core.readNamespacedSecret({ name: 'sh.helm.release.v1.app.v2', namespace: ns });
  secret.metadata = { ...secret.metadata, labels: { ...secret.metadata?.labels, createdAt: String(Math.floor(Date.now() / 1000) - 3600) } };
  await kube.core.replaceNamespacedSecret({ name: 'sh.helm.release.v1.app.v2', namespace: ns, body: secret });
}
