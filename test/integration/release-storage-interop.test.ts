import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { SecretsDriver, Storage, goTimeNow, releaseJson, type Release } from '../../src/release/index.ts';
import { helmBinary } from '../support/helm-binaries.ts';
import { testCluster, testNamespace } from '../support/cluster.ts';

const run = promisify(execFile);
const tinyChart = join(import.meta.dirname, '..', 'fixtures', 'charts', 'tiny');

async function helmEnv() {
  const { kubeconfigPath } = await testCluster();
  return { ...process.env, KUBECONFIG: kubeconfigPath, HELM_CACHE_HOME: '/tmp/capstan-helm-cache', HELM_CONFIG_HOME: '/tmp/capstan-helm-config', HELM_DATA_HOME: '/tmp/capstan-helm-data' };
}

test('releases written by helm v3 decode, and re-encode to the very JSON helm wrote', async () => {
  const { core } = await testCluster();
  const ns = await testNamespace('codec');
  const env = await helmEnv();
  const helm = helmBinary('v3');
  await run(helm, ['install', 'tiny', tinyChart, '-n', ns, '--set', 'greeting=hi <&>', '--description', 'first'], { env });
  await run(helm, ['upgrade', 'tiny', tinyChart, '-n', ns, '--set', 'greeting=again'], { env });

  const storage = new Storage(new SecretsDriver(core, ns));
  const history = await storage.history('tiny');
  assert.deepEqual(history.map((r) => [r.version, r.info?.status, r.info?.description]), [[1, 'superseded', 'first'], [2, 'deployed', 'Upgrade complete']]);
  assert.equal((await storage.deployed('tiny')).version, 2);
  assert.deepEqual(history[0]?.config, { greeting: 'hi <&>' });

  for (const v of [1, 2]) {
    const secret = await core.readNamespacedSecret({ name: `sh.helm.release.v1.tiny.v${v}`, namespace: ns });
    const helmJson = gunzipSync(Buffer.from(Buffer.from(secret.data?.['release'] ?? '', 'base64').toString(), 'base64')).toString();
    assert.equal(releaseJson(await storage.get('tiny', v)), helmJson, `revision ${v} re-encodes byte for byte`);
  }
});

for (const major of ['v3', 'v4'] as const) {
  test(`helm ${major} lists, shows values, rolls back and uninstalls a revision that Capstan wrote`, async () => {
    const { core } = await testCluster();
    const ns = await testNamespace(`interop${major}`);
    const env = await helmEnv();
    const helm = helmBinary(major);
    await run(helm, ['install', 'tiny', tinyChart, '-n', ns], { env });

    // Capstan writes revision 2 the way an upgrade records it: previous deployed → superseded
    const storage = new Storage(new SecretsDriver(core, ns));
    const prev = await storage.deployed('tiny');
    const now = goTimeNow();
    const next: Release = {
      ...prev, version: 2, config: { greeting: 'from capstan' },
      info: { ...prev.info, first_deployed: prev.info?.first_deployed, last_deployed: now, status: 'deployed', description: 'Upgrade complete' },
      manifest: (prev.manifest ?? '').replace('greeting: "hello"', 'greeting: "from capstan"'),
    };
    await storage.create(next);
    await storage.update({ ...prev, info: { ...prev.info, status: 'superseded' } });

    const list = JSON.parse((await run(helm, ['list', '-n', ns, '-o', 'json'], { env })).stdout) as { revision: string; status: string }[];
    assert.deepEqual(list.map((r) => [r.revision, r.status]), [['2', 'deployed']]);
    const hist = JSON.parse((await run(helm, ['history', 'tiny', '-n', ns, '-o', 'json'], { env })).stdout) as { revision: number; status: string; description: string }[];
    assert.deepEqual(hist.map((h) => [h.revision, h.status, h.description]), [[1, 'superseded', 'Install complete'], [2, 'deployed', 'Upgrade complete']]);
    const values = JSON.parse((await run(helm, ['get', 'values', 'tiny', '-n', ns, '-o', 'json'], { env })).stdout) as unknown;
    assert.deepEqual(values, { greeting: 'from capstan' });

    await run(helm, ['rollback', 'tiny', '1', '-n', ns], { env });
    const afterRollback = await storage.history('tiny');
    assert.deepEqual(afterRollback.map((r) => [r.version, r.info?.status]), [[1, 'superseded'], [2, 'superseded'], [3, 'deployed']]);
    assert.equal((await storage.get('tiny', 3)).info?.description, 'Rollback to 1');

    await run(helm, ['uninstall', 'tiny', '-n', ns], { env });
    assert.deepEqual(await storage.history('tiny'), []);
  });
}
