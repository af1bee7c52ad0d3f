import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { pino } from 'pino';
import { ControllerError, LeaderElector, Manager, type Kind } from '../../../src/controller/index.ts';
import type { LeaseClient, LeaseState } from '../../../src/kube/index.ts';

const log = pino({ level: 'silent' });
const kind: Kind = { apiVersion: 'v1', kind: 'ConfigMap', plural: 'configmaps' };

function offlineKubeConfig(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({ clusters: [{ name: 'c', server: 'http://127.0.0.1:9' }], users: [{ name: 'u' }], contexts: [{ name: 'c', cluster: 'c', user: 'u' }], currentContext: 'c' });
  return kc;
}

test('a manager with nothing to watch is ready; probes and metrics share one port when given one address; stop closes them', async () => {
  const mgr = new Manager({ kubeConfig: offlineKubeConfig(), log, metricsAddr: '127.0.0.1:0', healthAddr: '127.0.0.1:0' });
  const running = mgr.start();
  await new Promise((r) => setTimeout(r, 50));
  const { health, metrics } = mgr.addresses();
  assert.ok(health && metrics && health !== metrics, 'port 0 gives each server its own port');
  assert.equal((await fetch(`${health}/readyz`)).status, 200);
  assert.equal((await fetch(`${health}/nope`)).status, 404);
  assert.equal((await fetch(`${health}/healthz`, { method: 'POST' })).status, 405);
  assert.equal(mgr.isLeader(), true, 'without leader election every instance acts');
  await mgr.stop();
  await running;
  assert.equal(mgr.state, 'stopped');
  await assert.rejects(fetch(`${health}/healthz`));

  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as AddressInfo).port; s.close(() => resolve(p)); });
  });
  const shared = new Manager({ kubeConfig: offlineKubeConfig(), log, metricsAddr: `127.0.0.1:${port}`, healthAddr: `127.0.0.1:${port}` });
  const sharedRun = shared.start();
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(shared.addresses().health, shared.addresses().metrics);
  assert.match(await (await fetch(`${shared.addresses().metrics}/metrics`)).text(), /nodejs_heap_size_total_bytes/);
  assert.equal((await fetch(`${shared.addresses().health}/readyz`)).status, 200);
  await shared.stop();
  await sharedRun;
});

test('start rejects when a server cannot bind, after cleaning up', async () => {
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
  const port = (blocker.address() as AddressInfo).port;
  try {
    const mgr = new Manager({ kubeConfig: offlineKubeConfig(), log, metricsAddr: `127.0.0.1:${port}`, healthAddr: '0' });
    await assert.rejects(mgr.start(), (e: unknown) => e instanceof ControllerError && e.code === 'ServerFailed');
    assert.equal(mgr.state, 'stopped');
  } finally {
    blocker.close();
  }
});

test('registration errors: duplicate names, late registration, selector conflicts, bad options', async () => {
  const mgr = new Manager({ kubeConfig: offlineKubeConfig(), log, metricsAddr: '0', healthAddr: '0', watchLabelSelector: 'shard=a' });
  const c = { name: 'a', kind, reconcile: async () => ({}) };
  mgr.addController(c);
  assert.throws(() => mgr.addController(c), /already registered/);
  assert.throws(() => mgr.addController({ ...c, name: 'b' }).watches(kind, () => []), /already watched with label selector "shard=a"/);
  assert.throws(() => mgr.cache.get({ apiVersion: 'v1', kind: 'Secret', plural: 'secrets' }, 'x/y'), (e: unknown) => e instanceof ControllerError && e.code === 'KindNotCached');
  assert.equal(mgr.readiness().ready, false);
  await mgr.stop();
  assert.throws(() => mgr.addController({ ...c, name: 'late' }), (e: unknown) => e instanceof ControllerError && e.code === 'AlreadyStarted');
  assert.throws(() => new Manager({ kubeConfig: offlineKubeConfig(), log, concurrent: 0 }), /concurrent/);
  assert.throws(() => new Manager({ kubeConfig: offlineKubeConfig(), log, leaderElect: true }), /leaderElectionNamespace/);
  const sharded = new Manager({ kubeConfig: offlineKubeConfig(), log, leaderElect: true, leaderElectionNamespace: 'ns', watchLabelSelector: 'shard=a', metricsAddr: '0', healthAddr: '0' });
  assert.match(sharded.identity ?? '', /_[0-9a-f]{8}$/, 'identity: hostname plus a random suffix');
});

/** A LeaseClient stand-in: holds the lease in memory; `hang` makes calls never answer. */
function memoryLeases(): { client: LeaseClient; holder: string | undefined; hang: boolean } {
  const state = { holder: undefined as string | undefined, hang: false, client: undefined as unknown as LeaseClient };
  state.client = {
    acquire: async (_n: string, _ns: string, who: string): Promise<LeaseState> => {
      if (state.hang) return new Promise(() => {});
      state.holder ??= who;
      return { holder: state.holder, expiresAt: Date.now() + 1000 };
    },
    release: async (_n: string, _ns: string, who: string): Promise<void> => {
      if (state.holder === who) state.holder = undefined;
    },
    get: async (): Promise<LeaseState> => ({ holder: state.holder, expiresAt: 0 }),
  } as unknown as LeaseClient;
  return state;
}

test('a leader whose renewals hang past the renew deadline stops leading, and releases the lease on stop', async () => {
  const leases = memoryLeases();
  const events: string[] = [];
  const el = new LeaderElector({
    client: leases.client, name: 'l', namespace: 'n', identity: 'me', log,
    leaseDurationMs: 600, renewDeadlineMs: 400, retryPeriodMs: 50,
    onStartedLeading: () => { events.push('started'); },
    onStoppedLeading: async () => { events.push('stopped'); },
  });
  const ac = new AbortController();
  const run = el.run(ac.signal);
  const until = async (what: string, cond: () => boolean, ms = 3000): Promise<number> => {
    const t0 = Date.now();
    while (!cond()) {
      if (Date.now() - t0 > ms) assert.fail(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return Date.now() - t0;
  };
  try {
    await until('leading', () => el.isLeader());
    assert.equal(leases.holder, 'me');
    leases.hang = true;
    const lostAfter = await until('leadership lost', () => !el.isLeader());
    assert.ok(lostAfter < 1000, `lost within ${lostAfter} ms (renew deadline 400 ms)`);
    await until('controllers stopped', () => events.length === 2);
    assert.deepEqual(events, ['started', 'stopped']);
    leases.hang = false;
    await until('leading again once the lease answers', () => el.isLeader());
  } finally {
    ac.abort();
    await run;
  }
  assert.deepEqual(events, ['started', 'stopped', 'started', 'stopped']);
  assert.equal(leases.holder, undefined, 'released on stop');
  assert.equal(el.state, 'stopped');
});
