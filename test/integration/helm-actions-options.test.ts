import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { LevelWithSilent } from 'pino';
import { fromPlain, loadChartDir, loadChartFilesLikeDir, type Values } from '../../src/chart/index.ts';
import { ActionError, install, rollback, uninstall, upgrade, type ActionConfig } from '../../src/helm/index.ts';
import { KubeClient, LeaseClient } from '../../src/kube/index.ts';
import { createRootLogger } from '../../src/observability/logger.ts';
import { SecretsDriver, Storage } from '../../src/release/index.ts';
import { eventually, testCluster, testNamespace } from '../support/cluster.ts';

const charts = join(import.meta.dirname, '..', 'fixtures', 'charts');
const log = createRootLogger({ level: (process.env['CAPSTAN_TEST_LOG_LEVEL'] ?? 'silent') as LevelWithSilent });
const v = (o: Record<string, unknown>): Values => fromPlain(o) as Values;

async function actionConfig(namespace: string): Promise<ActionConfig> {
  const { kc } = await testCluster();
  const kube = new KubeClient(kc);
  return {
    kube, storage: new Storage(new SecretsDriver(kube.core, namespace)), storageNamespace: namespace,
    leases: new LeaseClient(kc), holder: `capstan-test@${hostname()}:${process.pid}`, log,
  };
}

test('upgrade reuseValues (preserveValues) coalesces the new values over the previous release config', async () => {
  const ns = await testNamespace('reuse');
  const cfg = await actionConfig(ns);
  const chart = () => loadChartDir(join(charts, 'webapp'));
  await install(cfg, { name: 'app', namespace: ns, chart: chart(), values: v({ replicas: 2, greeting: 'first' }) });
  const kept = await upgrade(cfg, { name: 'app', namespace: ns, chart: chart(), values: v({ greeting: 'second' }), reuseValues: true });
  assert.deepEqual(JSON.parse(JSON.stringify(Object.fromEntries(kept.config as Map<string, unknown>))), { replicas: 2, greeting: 'second' });
  const deploy = await cfg.kube.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'app-web', namespace: ns });
  assert.equal((deploy?.spec as { replicas?: number } | undefined)?.replicas, 2, 'the previous replicas are kept');
  const cm = await cfg.kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'app-config', namespace: ns });
  assert.equal((cm as { data?: Record<string, string> } | undefined)?.data?.['greeting'], 'second', 'the new value wins');
  // without it, only the given values count: replicas falls back to the chart's default
  const reset = await upgrade(cfg, { name: 'app', namespace: ns, chart: chart(), values: v({ greeting: 'third' }) });
  assert.deepEqual(Object.fromEntries(reset.config as Map<string, unknown>), { greeting: 'third' });
  const after = await cfg.kube.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'app-web', namespace: ns });
  assert.equal((after?.spec as { replicas?: number } | undefined)?.replicas, 1);
});

test('uninstall with deletionPropagation orphan leaves the dependents (ReplicaSets) behind, unowned', async () => {
  const ns = await testNamespace('orphan');
  const cfg = await actionConfig(ns);
  await install(cfg, { name: 'app', namespace: ns, chart: loadChartDir(join(charts, 'webapp')), values: v({}) });
  const owned = await eventually('the Deployment has a ReplicaSet', 30_000, async () => {
    const rs = await cfg.kube.list('apps/v1', 'ReplicaSet', ns);
    return rs.find((r) => r.metadata.ownerReferences?.some((o) => o.kind === 'Deployment' && o.name === 'app-web'));
  });
  const r = await uninstall(cfg, { name: 'app', deletionPropagation: 'orphan', wait: true, timeoutMs: 60_000 });
  assert.ok(r.deleted.includes('Deployment app-web'), r.deleted.join(', '));
  assert.equal(await cfg.kube.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'app-web', namespace: ns }), undefined, 'wait: the Deployment is gone');
  const rs = await cfg.kube.get({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owned.metadata.name, namespace: ns });
  assert.ok(rs, 'the orphaned ReplicaSet is still there');
  assert.equal((rs.metadata.ownerReferences ?? []).length, 0, 'and no longer owned');
});

test('uninstall with the default (background) propagation lets the garbage collector delete the dependents', async () => {
  const ns = await testNamespace('background');
  const cfg = await actionConfig(ns);
  await install(cfg, { name: 'app', namespace: ns, chart: loadChartDir(join(charts, 'webapp')), values: v({}) });
  await eventually('the Deployment has a ReplicaSet', 30_000, async () => (await cfg.kube.list('apps/v1', 'ReplicaSet', ns))[0]);
  await uninstall(cfg, { name: 'app', wait: true, timeoutMs: 60_000 });
  await eventually('the ReplicaSet is collected', 30_000, async () => ((await cfg.kube.list('apps/v1', 'ReplicaSet', ns)).length === 0 ? true : undefined));
});

const te = new TextEncoder();
/** A chart whose object is a suspended Job (it never completes), unless values say `job: false`. */
const jobChart = () => loadChartFilesLikeDir(new Map([
  ['Chart.yaml', te.encode('apiVersion: v2\nname: jobs\nversion: 0.1.0\n')],
  ['values.yaml', te.encode('job: true\n')],
  ['templates/keep.yaml', te.encode('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: {{ .Release.Name }}-keep}\n')],
  ['templates/job.yaml', te.encode([
    '{{- if .Values.job }}',
    'apiVersion: batch/v1', 'kind: Job', 'metadata: {name: {{ .Release.Name }}-migrate}',
    'spec:', '  suspend: true', '  template:', '    spec:', '      restartPolicy: Never',
    '      containers: [{name: migrate, image: busybox:1.36, command: ["true"]}]', '{{- end }}', '',
  ].join('\n'))],
]));

test('waitForJobs: with wait, a Job must complete unless waitForJobs is false', async () => {
  const ns = await testNamespace('jobs');
  const cfg = await actionConfig(ns);
  await assert.rejects(install(cfg, { name: 'a', namespace: ns, chart: jobChart(), values: v({}), wait: true, timeoutMs: 2_000 }),
    (e: unknown) => e instanceof ActionError && e.code === 'WaitFailed' && new RegExp(`Job ${ns}/a-migrate`).test(e.message));
  assert.equal((await cfg.storage.last('a')).info?.status, 'failed');
  const rel = await install(cfg, { name: 'b', namespace: ns, chart: jobChart(), values: v({}), wait: true, waitForJobs: false, timeoutMs: 2_000 });
  assert.equal(rel.info?.status, 'deployed');
});

test('install replace re-uses the name of an uninstalled release whose history was kept; without it the name is taken', async () => {
  const ns = await testNamespace('replace');
  const cfg = await actionConfig(ns);
  const chart = () => loadChartDir(join(charts, 'tiny'));
  await install(cfg, { name: 'app', namespace: ns, chart: chart(), values: v({}) });
  await uninstall(cfg, { name: 'app', keepHistory: true, wait: true, timeoutMs: 30_000 });
  await assert.rejects(install(cfg, { name: 'app', namespace: ns, chart: chart(), values: v({}) }),
    (e: unknown) => e instanceof ActionError && e.code === 'InvalidRevision' && e.message === 'cannot re-use a name that is still in use');
  const rel = await install(cfg, { name: 'app', namespace: ns, chart: chart(), values: v({ greeting: 'again' }), replace: true });
  assert.equal(rel.version, 2);
  assert.equal(rel.info?.status, 'deployed');
  const history = await cfg.storage.history('app');
  assert.deepEqual(history.map((h) => [h.version, h.info?.status]), [[1, 'uninstalled'], [2, 'deployed']]);
  const cm = await cfg.kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'app-greeting', namespace: ns });
  assert.equal((cm as { data?: Record<string, string> } | undefined)?.data?.['greeting'], 'again');
  // a release that is still deployed is never replaced
  await assert.rejects(install(cfg, { name: 'app', namespace: ns, chart: chart(), values: v({}), replace: true }), /cannot re-use a name that is still in use/);
});

test('rollback cleanupOnFail deletes what the failed rollback created; recreate restarts the workloads once', async () => {
  const ns = await testNamespace('rbopts');
  const cfg = await actionConfig(ns);
  const job = { apiVersion: 'batch/v1', kind: 'Job', name: 'app-migrate', namespace: ns };
  await install(cfg, { name: 'app', namespace: ns, chart: jobChart(), values: v({}) });
  await upgrade(cfg, { name: 'app', namespace: ns, chart: jobChart(), values: v({ job: false }) });
  assert.equal(await cfg.kube.get(job), undefined, 'the upgrade pruned the Job');
  await assert.rejects(rollback(cfg, { name: 'app', version: 1, wait: true, timeoutMs: 2_000, cleanupOnFail: true }), /Job/);
  assert.equal((await cfg.storage.last('app')).info?.status, 'failed');
  assert.equal(await cfg.kube.get(job), undefined, 'cleanupOnFail deleted the Job the rollback created');
  assert.ok(await cfg.kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'app-keep', namespace: ns }), 'objects of both revisions stay');

  const web = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web-web', namespace: ns };
  const stamp = async (): Promise<string | undefined> => {
    const d = await cfg.kube.get(web);
    return (d?.spec as { template?: { metadata?: { annotations?: Record<string, string> } } } | undefined)?.template?.metadata?.annotations?.['capstan.dev/restartedAt'];
  };
  const webapp = () => loadChartDir(join(charts, 'webapp'));
  await install(cfg, { name: 'web', namespace: ns, chart: webapp(), values: v({}) });
  await upgrade(cfg, { name: 'web', namespace: ns, chart: webapp(), values: v({ greeting: 'x' }) });
  assert.equal(await stamp(), undefined);
  await rollback(cfg, { name: 'web', recreate: true });
  const first = await stamp();
  assert.ok(first, 'the pod template carries the restart stamp');
  // the next apply by capstan does not own the stamp, so it leaves it (no second restart)
  await upgrade(cfg, { name: 'web', namespace: ns, chart: webapp(), values: v({ greeting: 'y' }) });
  assert.equal(await stamp(), first);
});
