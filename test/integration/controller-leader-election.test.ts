import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LevelWithSilent } from 'pino';
import { Manager } from '../../src/controller/index.ts';
import { LeaseClient } from '../../src/kube/index.ts';
import { createRootLogger } from '../../src/observability/logger.ts';
import { eventually, testCluster, testNamespace } from '../support/cluster.ts';
import { copyController, secretKind } from '../support/toy-controller.ts';

const log = createRootLogger({ level: (process.env['CAPSTAN_TEST_LOG_LEVEL'] ?? 'silent') as LevelWithSilent });
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const leaseName = 'capstan-leader-election';
// short durations so the test runs in seconds; the defaults are 15 s / 10 s / 2 s
const timing = { leaseDurationMs: 3000, renewDeadlineMs: 2000, retryPeriodMs: 300 };

/** `n()` once it has stayed the same for half a second. */
async function settled(n: () => number): Promise<number> {
  for (let last = n(); ; ) {
    await sleep(500);
    if (n() === last) return last;
    last = n();
  }
}

async function readyz(mgr: Manager): Promise<number> {
  return (await fetch(`${mgr.addresses().health ?? ''}/readyz`)).status;
}

test('two managers on one Lease: only the leader reconciles; when it stops, or loses the lease, the other takes over', async () => {
  const { kc, core } = await testCluster();
  const ns = await testNamespace('ctrl-le');
  const make = (id: string) => {
    const ctrl = copyController(kc, 'copy');
    const mgr = new Manager({
      kubeConfig: kc, log: log.child({ manager: id }), namespace: ns, identity: id, leaderElect: true, leaderElectionNamespace: ns, ...timing,
      metricsAddr: '127.0.0.1:0', healthAddr: '127.0.0.1:0',
    });
    mgr.addController(ctrl).owns(secretKind);
    return { ctrl, mgr, running: mgr.start() };
  };
  const leases = new LeaseClient(kc);
  const one = make('one');
  await eventually('one to lead', 20_000, async () => (one.mgr.isLeader() ? true : undefined));
  const two = make('two');
  try {
    await eventually('both to be ready (leader and standby)', 20_000, async () => ((await readyz(one.mgr)) === 200 && (await readyz(two.mgr)) === 200 ? true : undefined));
    assert.equal(two.mgr.isLeader(), false);
    assert.equal((await leases.get(leaseName, ns))?.holder, 'one');

    await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'x' }, data: { a: '1' } } });
    await eventually('the leader to reconcile x', 20_000, async () => (one.ctrl.reconciles.includes(`${ns}/x`) ? true : undefined));
    await sleep(1000);
    assert.deepEqual(two.ctrl.reconciles, [], 'the standby reconciles nothing');
    assert.match(await (await fetch(`${two.mgr.addresses().metrics ?? ''}/metrics`)).text(), /leader_election_master_status\{name="capstan-leader-election"\} 0/);

    // a graceful stop releases the lease: the standby takes over within a retry period, not a lease duration
    await one.mgr.stop();
    await one.running;
    const t0 = Date.now();
    await eventually('two to lead', 10_000, async () => (two.mgr.isLeader() ? true : undefined));
    assert.ok(Date.now() - t0 < timing.leaseDurationMs, `took over in ${Date.now() - t0} ms`);
    await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'y' }, data: { a: '1' } } });
    await eventually('the new leader to reconcile y', 20_000, async () => (two.ctrl.reconciles.includes(`${ns}/y`) ? true : undefined));
    assert.ok(!one.ctrl.reconciles.includes(`${ns}/y`));
    assert.match(await (await fetch(`${two.mgr.addresses().metrics ?? ''}/metrics`)).text(), /leader_election_master_status\{name="capstan-leader-election"\} 1/);

    // someone else takes the lease: two notices at its next renewal, stops its controllers and stands by
    // (a renewal by two between the intruder's read and write makes the take-over fail on a conflict: retry)
    await eventually('the intruder to take the lease', 10_000, async () =>
      ((await leases.acquire(leaseName, ns, 'intruder', 3, { takeOverFrom: () => true })).holder === 'intruder' ? true : undefined));
    await eventually('two to lose leadership', 10_000, async () => (!two.mgr.isLeader() ? true : undefined));
    assert.equal(await readyz(two.mgr), 200, 'a standby is still ready');
    // a reconcile already running when the lease was lost may still finish (its signal is aborted)
    const before = await settled(() => two.ctrl.reconciles.length);
    await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'z' }, data: { a: '1' } } });
    await sleep(1000);
    assert.equal(two.ctrl.reconciles.length, before, 'no reconciles without the lease');
    await leases.release(leaseName, ns, 'intruder');
    await eventually('two to lead again and catch up with z', 20_000, async () => (two.mgr.isLeader() && two.ctrl.reconciles.includes(`${ns}/z`) ? true : undefined));
  } finally {
    await Promise.all([one.mgr.stop(), two.mgr.stop()]);
    await Promise.all([one.running, two.running]);
  }
  assert.equal((await leases.get(leaseName, ns))?.holder, undefined, 'the last leader released the lease');
});
