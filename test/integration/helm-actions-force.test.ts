import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { capstan, ok } from '../support/capstan-cli.ts';
import { testCluster, testNamespace } from '../support/cluster.ts';

const immutable = join(import.meta.dirname, '..', 'fixtures', 'charts', 'immutable');

test('upgrade --force replaces an object whose update the server refuses (an immutable ConfigMap)', async () => {
  const { core } = await testCluster();
  const ns = await testNamespace('force');
  await ok(capstan(['install', 'app', immutable, '-n', ns]), 'install');
  const refused = await capstan(['upgrade', 'app', immutable, '-n', ns, '--set', 'setting=two']);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, new RegExp(`^Error: apply ConfigMap ${ns}/app-settings: .*field is immutable`));
  await ok(capstan(['upgrade', 'app', immutable, '-n', ns, '--set', 'setting=two', '--force']), 'upgrade --force');
  const cm = await core.readNamespacedConfigMap({ name: 'app-settings', namespace: ns });
  assert.equal(cm.data?.['setting'], 'two');
});
