/**
 * Two operator replicas with leader election: only the leader reconciles; when it stops, the other takes the
 * Lease and carries on.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeClient } from '../../src/kube/index.ts';
import { eventually, testCluster, testNamespace } from '../support/cluster.ts';
import {
  applyCrds, chartRepo, gitRepository, helmRelease, isReady, startOperator, waitForHr, type ChartRepo, type TestOperator,
} from '../support/operator.ts';

let kube: KubeClient;
let ns: string;
let repo: ChartRepo;
let a: TestOperator;
let b: TestOperator;

before(async () => {
  const { kc } = await testCluster();
  kube = new KubeClient(kc);
  await applyCrds();
  ns = await testNamespace('op-leader');
  repo = await chartRepo(['tiny']);
  const le = { namespace: ns, leaderElect: true, leaderElectionNamespace: ns, leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 1_000 };
  a = await startOperator({ ...le, identity: 'replica-a' });
  b = await startOperator({ ...le, identity: 'replica-b' });
});

after(async () => {
  await a?.stop();
  await b?.stop();
  repo?.remove();
});

async function reconciles(op: TestOperator): Promise<number> {
  const m = await op.manager.metrics.reconcileTotal.get();
  return m.values.filter((v) => v.labels['controller'] === 'helmrelease').reduce((s, v) => s + v.value, 0);
}

const spec = (greeting: string) => ({ chart: { spec: { chart: './charts/tiny', sourceRef: { kind: 'GitRepository' as const, name: 'infra' } } }, values: { greeting } });

test('only the leader acts; the standby takes over when the leader stops', async () => {
  const leader = await eventually('a leader', 20_000, async () => (a.manager.isLeader() ? a : b.manager.isLeader() ? b : undefined));
  const standby = leader === a ? b : a;
  assert.equal(standby.manager.isLeader(), false);
  await kube.apply(gitRepository(ns, 'infra', repo.url));
  await kube.apply(helmRelease(ns, 'web', spec('one')));
  await waitForHr(kube, ns, 'web', 'Ready', isReady);
  // the status is written inside the reconcile; the metric counts it once the reconcile has returned
  await eventually('the leader to have counted its reconcile', 10_000, async () => (await reconciles(leader) > 0 ? true : undefined));
  assert.equal(await reconciles(standby), 0, 'the standby did nothing');

  const t0 = Date.now();
  await leader.stop();
  await eventually('the standby to lead', 20_000, async () => (standby.manager.isLeader() ? true : undefined));
  console.log(`failover: ${Date.now() - t0} ms`);
  await kube.apply(helmRelease(ns, 'web', spec('two')));
  await waitForHr(kube, ns, 'web', 'upgraded by the new leader', (o) => isReady(o) && o.status?.history?.[0]?.version === 2);
  await eventually('the new leader to have counted its reconcile', 10_000, async () => (await reconciles(standby) > 0 ? true : undefined));
});
