/**
 * Custom release labels with the real helm v3.17.2: `helm install --labels`, then Capstan's upgrade keeps them
 * (merged, as Helm's mergeCustomLabels), Capstan's rollback brings back the target revision's labels, and
 * helm's rollback of a revision Capstan wrote finds them on the record.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { capstan, helm, ok } from '../support/capstan-cli.ts';
import { testCluster, testNamespace } from '../support/cluster.ts';

const hooked = join(import.meta.dirname, '..', 'fixtures', 'charts', 'hooked');
const system = new Set(['name', 'owner', 'status', 'version', 'createdAt', 'modifiedAt']);

async function customLabels(ns: string, version: number): Promise<Record<string, string>> {
  const { core } = await testCluster();
  const s = await core.readNamespacedSecret({ name: `sh.helm.release.v1.app.v${version}`, namespace: ns });
  return Object.fromEntries(Object.entries(s.metadata?.labels ?? {}).filter(([k]) => !system.has(k)));
}

test('custom labels: Capstan upgrade keeps them, Capstan rollback restores the target\'s, helm rollback reads Capstan\'s', async () => {
  const ns = await testNamespace('labels');
  await ok(helm(['install', 'app', hooked, '-n', ns, '--labels', 'team=a,tier=web', '--set', 'greeting=one']), 'helm install');
  await ok(capstan(['upgrade', 'app', hooked, '-n', ns, '--set', 'greeting=two']), 'capstan upgrade');
  assert.deepEqual(await customLabels(ns, 2), { team: 'a', tier: 'web' }, 'an upgrade without labels keeps the previous ones');

  await ok(helm(['upgrade', 'app', hooked, '-n', ns, '--labels', 'tier=null,env=prod', '--set', 'greeting=three']), 'helm upgrade');
  assert.deepEqual(await customLabels(ns, 3), { team: 'a', env: 'prod' }, 'helm merges over what Capstan wrote');

  await ok(capstan(['rollback', 'app', '1', '-n', ns]), 'capstan rollback');
  assert.deepEqual(await customLabels(ns, 4), { team: 'a', tier: 'web' }, 'the rollback revision carries revision 1\'s labels');
  // helm 3.17's `get metadata` does not show labels: the records' labels are what helm reads back
  const meta = JSON.parse(await ok(helm(['get', 'metadata', 'app', '-n', ns, '-o', 'json']), 'helm get metadata')) as { revision: number; status: string };
  assert.deepEqual([meta.revision, meta.status], [4, 'deployed']);

  await ok(helm(['rollback', 'app', '3', '-n', ns]), 'helm rollback');
  assert.deepEqual(await customLabels(ns, 5), { team: 'a', env: 'prod' });
  await ok(helm(['rollback', 'app', '4', '-n', ns]), 'helm rollback to Capstan\'s rollback revision');
  assert.deepEqual(await customLabels(ns, 6), { team: 'a', tier: 'web' }, 'helm reads the labels Capstan wrote');
  await ok(capstan(['upgrade', 'app', hooked, '-n', ns, '--set', 'greeting=four']), 'capstan upgrade');
  assert.deepEqual(await customLabels(ns, 7), { team: 'a', tier: 'web' });
});

test('custom labels: capstan install/upgrade -l/--labels as helm reads them; a malformed label is refused as helm words it', async () => {
  const ns = await testNamespace('labels-cli');
  await ok(capstan(['install', 'app', hooked, '-n', ns, '--labels', 'team=a,note=x', '-l', 'tier=web']), 'capstan install --labels');
  assert.deepEqual(await customLabels(ns, 1), { team: 'a', note: 'x', tier: 'web' });
  await ok(capstan(['upgrade', 'app', hooked, '-n', ns, '--labels', 'tier=null,env=prod']), 'capstan upgrade --labels');
  assert.deepEqual(await customLabels(ns, 2), { team: 'a', note: 'x', env: 'prod' }, 'merged over the previous revision, "null" deletes');
  await ok(helm(['upgrade', 'app', hooked, '-n', ns, '--reuse-values']), 'helm upgrade');
  assert.deepEqual(await customLabels(ns, 3), { team: 'a', note: 'x', env: 'prod' });
  const bad = await capstan(['upgrade', 'app', hooked, '-n', ns, '--labels', 'novalue']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /invalid argument "novalue" for "-l, --labels" flag: novalue must be formatted as key=value/);
});
