import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LevelWithSilent } from 'pino';
import { Manager } from '../../src/controller/index.ts';
import { createRootLogger } from '../../src/observability/logger.ts';
import { eventually, testCluster, testNamespace } from '../support/cluster.ts';
import { startApiProxy } from '../support/api-proxy.ts';
import { configMapKind, copyController, secretKind, toyLabel } from '../support/toy-controller.ts';

const log = createRootLogger({ level: (process.env['CAPSTAN_TEST_LOG_LEVEL'] ?? 'silent') as LevelWithSilent });
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function get(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.text() };
}

/** Waits until `n` stays the same for `quietMs`. */
async function settled(what: string, n: () => number, quietMs = 1000): Promise<number> {
  let last = -1;
  return eventually(`${what} to settle`, 20_000, async () => {
    const now = n();
    if (now === last) return now;
    last = now;
    await sleep(quietMs);
    return n() === last ? last : undefined;
  });
}

test('a toy controller reconciles level-based: copies, corrects, re-creates, writes nothing when in sync; probes and metrics answer', async () => {
  const { kc, core } = await testCluster();
  const ns = await testNamespace('ctrl');
  const proxy = await startApiProxy(kc);
  const ctrl = copyController(proxy.kubeConfig);
  const mgr = new Manager({
    kubeConfig: proxy.kubeConfig, log, namespace: ns, concurrent: 2, watchLabelSelector: `${toyLabel}=yes`,
    metricsAddr: '127.0.0.1:0', healthAddr: '127.0.0.1:0',
  });
  mgr.addController(ctrl).owns(secretKind, { labelSelector: `${toyLabel}=yes` });
  const running = mgr.start();
  try {
    const { health, metrics } = await eventually('servers to listen', 10_000, async () => {
      const a = mgr.addresses();
      return a.health && a.metrics ? { health: a.health, metrics: a.metrics } : undefined;
    });
    assert.deepEqual(await get(`${health}/healthz`), { status: 200, body: 'ok\n' });
    await eventually('/readyz to answer 200', 20_000, async () => ((await get(`${health}/readyz`)).status === 200 ? true : undefined));

    const labels = { [toyLabel]: 'yes' };
    await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'app', labels }, data: { a: '1' } } });
    await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'other' }, data: { x: '1' } } });
    const secretData = async (): Promise<Record<string, string> | undefined> => {
      try { return (await core.readNamespacedSecret({ namespace: ns, name: 'app' })).data; } catch { return undefined; }
    };
    await eventually('the Secret to be copied', 20_000, async () => ((await secretData())?.['a'] === b64('1') ? true : undefined));

    // the controller's own Secret write comes back as an event and reconciles once more: a no-op
    await settled('reconciles', () => ctrl.reconciles.length);
    const writes = proxy.writes(/\/secrets/).length;
    assert.equal(writes, 1, 'one write to converge');
    const before = ctrl.reconciles.length;
    await core.patchNamespacedConfigMap({ namespace: ns, name: 'app', body: [{ op: 'add', path: '/metadata/annotations', value: { touched: 'yes' } }] });
    await eventually('a reconcile of the touched ConfigMap', 10_000, async () => (ctrl.reconciles.length > before ? true : undefined));
    await settled('reconciles', () => ctrl.reconciles.length);
    assert.equal(proxy.writes(/\/secrets/).length, writes, 'a no-op reconcile writes nothing');
    assert.ok(!ctrl.reconciles.includes(`${ns}/other`), 'objects outside --watch-label-selector are not reconciled');

    await core.patchNamespacedConfigMap({ namespace: ns, name: 'app', body: [{ op: 'replace', path: '/data/a', value: '2' }] });
    await eventually('the change to be copied', 20_000, async () => ((await secretData())?.['a'] === b64('2') ? true : undefined));
    await core.deleteNamespacedSecret({ namespace: ns, name: 'app' });
    await eventually('the deleted Secret to be re-created', 20_000, async () => ((await secretData())?.['a'] === b64('2') ? true : undefined));

    await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'flaky', labels: { ...labels, mode: 'fail' } } } });
    await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'broken', labels: { ...labels, mode: 'terminal' } } } });
    await eventually('retries with backoff', 20_000, async () => (ctrl.reconciles.filter((k) => k === `${ns}/flaky`).length >= 5 ? true : undefined));
    await sleep(1000);
    assert.equal(ctrl.reconciles.filter((k) => k === `${ns}/broken`).length, 1, 'a TerminalError is not retried');

    const m = (await get(`${metrics}/metrics`)).body;
    assert.match(m, /controller_runtime_reconcile_total\{controller="copy",result="success"\} \d+/);
    assert.match(m, /controller_runtime_reconcile_total\{controller="copy",result="terminal_error"\} 1\n/);
    assert.match(m, /controller_runtime_reconcile_total\{controller="copy",result="error"\} ([5-9]|\d\d+)/);
    assert.match(m, /controller_runtime_reconcile_time_seconds_bucket\{le="0\.005",controller="copy",result="success"\}/);
    assert.match(m, /workqueue_depth\{name="copy"\} \d+/);
    assert.match(m, /workqueue_retries_total\{name="copy"\} \d+/);
    assert.match(m, /controller_runtime_max_concurrent_reconciles\{controller="copy"\} 2/);
    assert.match(m, /process_resident_memory_bytes/);
    assert.ok(mgr.cache.get(configMapKind, `${ns}/app`), 'the manager cache is readable from outside reconciles');
  } finally {
    await mgr.stop();
    await running;
    await proxy.close();
  }
  assert.equal(mgr.state, 'stopped');
  await assert.rejects(fetch(`${mgr.addresses().health ?? ''}/healthz`), 'servers are closed after stop');
});

test('stop() lets an in-flight reconcile finish; past the shutdown deadline its signal is aborted', async () => {
  const { kc, core } = await testCluster();
  const ns = await testNamespace('ctrl-stop');
  const outcomes: string[] = [];
  let started = 0;
  const slow = (waitMs: number) => copyController(kc, 'slow', {
    before: async (_key, ctx) => {
      started++;
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => { outcomes.push('finished'); resolve(); }, waitMs);
        ctx.signal.addEventListener('abort', () => { clearTimeout(t); outcomes.push('aborted'); resolve(); }, { once: true });
      });
    },
  });
  await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'one' }, data: { a: '1' } } });

  for (const [graceMs, waitMs, want] of [[10_000, 1500, 'finished'], [300, 30_000, 'aborted']] as const) {
    outcomes.length = 0;
    started = 0;
    const mgr = new Manager({ kubeConfig: kc, log, namespace: ns, metricsAddr: '0', healthAddr: '0', gracefulShutdownTimeoutMs: graceMs });
    mgr.addController(slow(waitMs)).owns(secretKind);
    const running = mgr.start();
    await eventually('a reconcile to start', 20_000, async () => (started > 0 ? true : undefined));
    const t0 = Date.now();
    await mgr.stop();
    await running;
    assert.equal(outcomes[0], want, `grace ${graceMs} ms, reconcile ${waitMs} ms`);
    assert.ok(Date.now() - t0 < Math.min(graceMs, waitMs) + 3000, 'stop returned promptly');
    const stopped = started;
    await sleep(300);
    assert.equal(started, stopped, 'no reconcile starts after stop');
  }
});
