import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { KubeClient } from '../../src/kube/index.ts';
import { SecretsDriver, Storage } from '../../src/release/index.ts';
import { capstan, helm, ok } from '../support/capstan-cli.ts';
import { testCluster, testNamespace } from '../support/cluster.ts';

const hooked = join(import.meta.dirname, '..', 'fixtures', 'charts', 'hooked');

test('hooks run in weight order, are awaited, and follow their delete policies; test hooks run on demand', async () => {
  const { kc } = await testCluster();
  const ns = await testNamespace('hooks');
  await ok(capstan(['install', 'app', hooked, '-n', ns, '--wait']), 'install');
  const kube = new KubeClient(kc);
  const storage = new Storage(new SecretsDriver(kube.core, ns));
  const rel = await storage.last('app');
  const first = rel.hooks?.find((h) => h.name === 'app-first');
  const second = rel.hooks?.find((h) => h.name === 'app-second');
  assert.equal(first?.last_run.phase, 'Succeeded');
  assert.equal(second?.last_run.phase, 'Succeeded');
  assert.ok((first?.last_run.completed_at?.ms ?? Infinity) <= (second?.last_run.started_at?.ms ?? 0), 'weight -5 finished before weight 5 started');
  // hook-succeeded deleted the first Job; before-hook-creation keeps the second until the next run
  assert.equal(await kube.get({ apiVersion: 'batch/v1', kind: 'Job', name: 'app-first', namespace: ns }), undefined);
  assert.ok(await kube.get({ apiVersion: 'batch/v1', kind: 'Job', name: 'app-second', namespace: ns }));
  // the test hook has not run yet; `capstan test` runs it and records it
  assert.equal(rel.hooks?.find((h) => h.name === 'app-test')?.last_run.phase, '');
  const out = await ok(capstan(['test', 'app', '-n', ns]), 'test');
  assert.match(out, /TEST SUITE:     app-test\nLast Started: .*\nLast Completed: .*\nPhase:          Succeeded/);
  assert.match(await ok(helm(['status', 'app', '-n', ns])), /TEST SUITE:     app-test[\s\S]*Phase:          Succeeded/);
});

test('--wait names the objects that are not ready and why; the failed upgrade keeps the previous revision deployed', async () => {
  const ns = await testNamespace('waitfail');
  await ok(capstan(['install', 'app', hooked, '-n', ns, '--wait']), 'install');
  const r = await capstan(['upgrade', 'app', hooked, '-n', ns, '--set', 'image=registry.invalid/web:never-ready', '--wait', '--timeout', '5s']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, new RegExp(`^Error: timed out after 5s waiting for Deployment ${ns}/app-web: .*; pod app-web-[a-z0-9-]+: container web: ImagePullBackOff`));
  const h = JSON.parse(await ok(helm(['history', 'app', '-n', ns, '-o', 'json']))) as { revision: number; status: string; description: string }[];
  assert.deepEqual(h.map((x) => [x.revision, x.status]), [[1, 'deployed'], [2, 'failed']]);
  assert.match(h[1]?.description ?? '', /^Upgrade "app" failed: timed out after 5s waiting for Deployment/);
  // not stuck: the next upgrade goes through
  await ok(capstan(['upgrade', 'app', hooked, '-n', ns, '--wait']), 'upgrade after failure');
});
