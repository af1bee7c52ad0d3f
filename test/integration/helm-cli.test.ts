import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { helmBinary } from '../support/helm-binaries.ts';
import { testCluster, testNamespace } from '../support/cluster.ts';

const run = promisify(execFile);
const tinyChart = join(import.meta.dirname, '..', 'fixtures', 'charts', 'tiny');

test('helm version: v3.17.2 and v4.1.4', async () => {
  const v3 = await run(helmBinary('v3'), ['version', '--short']);
  assert.match(v3.stdout, /^v3\.17\.2\+g/);
  const v4 = await run(helmBinary('v4'), ['version', '--short']);
  assert.match(v4.stdout, /^v4\.1\.4\+g/);
});

for (const major of ['v3', 'v4'] as const) {
  test(`helm ${major} installs a tiny chart against the control plane and lists it`, async () => {
    const { kubeconfigPath, core } = await testCluster();
    const ns = await testNamespace(`helm${major}`);
    const helm = helmBinary(major);
    const env = { ...process.env, KUBECONFIG: kubeconfigPath, HELM_CACHE_HOME: '/tmp/capstan-helm-cache', HELM_CONFIG_HOME: '/tmp/capstan-helm-config', HELM_DATA_HOME: '/tmp/capstan-helm-data' };
    const install = await run(helm, ['install', 'tiny', tinyChart, '-n', ns, '--set', 'greeting=hi'], { env });
    assert.match(install.stdout, /STATUS: deployed/);
    const list = await run(helm, ['list', '-n', ns, '-o', 'json'], { env });
    const releases = JSON.parse(list.stdout) as { name: string; status: string; revision: string; chart: string }[];
    assert.deepEqual(releases.map((r) => [r.name, r.status, r.revision, r.chart]), [['tiny', 'deployed', '1', 'tiny-0.1.0']]);
    const cm = await core.readNamespacedConfigMap({ name: 'tiny-greeting', namespace: ns });
    assert.equal(cm.data?.['greeting'], 'hi');
    const secrets = await core.listNamespacedSecret({ namespace: ns, labelSelector: 'owner=helm,name=tiny' });
    assert.deepEqual(secrets.items.map((s) => [s.metadata?.name, s.type]), [['sh.helm.release.v1.tiny.v1', 'helm.sh/release.v1']]);
  });
}
