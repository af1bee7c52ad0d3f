import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as conditions from '../../../src/api/conditions.ts';
import {
  ConditionType as T, InvalidConditionError, Reason as R, deleteCondition, getCondition, isFalse, isTrue, isUnknown, markFalse,
  markReady, markReconciling, markStalled, markTrue, setCondition, summarize, type Condition, type ConditionsHolder,
} from '../../../src/api/conditions.ts';

const t0 = new Date('2026-01-01T10:00:00.123Z');
const t1 = new Date('2026-01-01T11:00:00.999Z');

function holder(generation = 1, conds: Partial<Condition>[] = []): ConditionsHolder & { status: { conditions: Condition[] } } {
  return {
    metadata: { generation },
    status: {
      conditions: conds.map((c) => ({ reason: 'R', message: '', lastTransitionTime: '2026-01-01T00:00:00Z', status: 'True', type: 'X', ...c })),
    },
  };
}

test('setCondition: new condition gets the generation and a second-precision time', () => {
  const o: ConditionsHolder = { metadata: { generation: 4 } };
  const c = setCondition(o, T.Released, 'True', R.InstallSucceeded, 'installed', t0);
  assert.deepEqual(c, { type: 'Released', status: 'True', observedGeneration: 4, lastTransitionTime: '2026-01-01T10:00:00Z', reason: 'InstallSucceeded', message: 'installed' });
  assert.deepEqual(o.status?.conditions, [c]);
});

test('setCondition: lastTransitionTime is kept while the status is unchanged, even when reason or message change', () => {
  const o = holder(1);
  setCondition(o, T.Released, 'True', R.InstallSucceeded, 'a', t0);
  o.metadata = { generation: 2 };
  const same = setCondition(o, T.Released, 'True', R.UpgradeSucceeded, 'b', t1);
  assert.equal(same.lastTransitionTime, '2026-01-01T10:00:00Z');
  assert.equal(same.reason, 'UpgradeSucceeded');
  assert.equal(same.observedGeneration, 2);
  const flipped = setCondition(o, T.Released, 'False', R.UpgradeFailed, 'c', t1);
  assert.equal(flipped.lastTransitionTime, '2026-01-01T11:00:00Z');
  assert.equal(o.status.conditions.filter((c) => c.type === 'Released').length, 1);
});

test('setCondition: conditions are ordered Ready, Reconciling, Stalled, then by type', () => {
  const o = holder(1);
  for (const type of ['TestSuccess', 'Released', 'Stalled', 'Drifted', 'Ready', 'Reconciling']) setCondition(o, type, 'True', 'R', '', t0);
  assert.deepEqual(o.status.conditions.map((c) => c.type), ['Ready', 'Reconciling', 'Stalled', 'Drifted', 'Released', 'TestSuccess']);
});

test('setCondition: refuses reasons metav1 rejects; truncates long messages', () => {
  assert.throws(() => setCondition(holder(), T.Ready, 'True', '', 'm'), InvalidConditionError);
  assert.throws(() => setCondition(holder(), T.Ready, 'True', 'not a reason', 'm'), (e: unknown) => e instanceof InvalidConditionError && e.code === 'InvalidCondition');
  const c = setCondition(holder(), T.Ready, 'False', R.InstallFailed, 'x'.repeat(40_000));
  assert.equal(c.message.length, 32768);
  assert.ok(c.message.endsWith('...'));
});

test('get, delete, isTrue/isFalse/isUnknown, and the Flux spellings', () => {
  const o = holder(1, [{ type: 'Released', status: 'True' }, { type: 'Drifted', status: 'False' }]);
  assert.equal(getCondition(o, 'Released')?.status, 'True');
  assert.ok(isTrue(o, 'Released') && isFalse(o, 'Drifted') && isUnknown(o, 'TestSuccess'));
  assert.equal(deleteCondition(o, 'Drifted'), true);
  assert.equal(deleteCondition(o, 'Drifted'), false);
  assert.equal(conditions.get(o, 'Released'), getCondition(o, 'Released'));
  conditions.delete(o, 'Released');
  conditions.set(o, 'Ready', 'True', 'Succeeded', 'ok');
  assert.deepEqual(o.status.conditions.map((c) => c.type), ['Ready']);
});

test('markReconciling and markStalled exclude each other', () => {
  const o = holder(1);
  markStalled(o, R.InvalidSpec, 'spec.interval: Required value');
  markReconciling(o, R.Progressing, 'working');
  assert.deepEqual(o.status.conditions.map((c) => `${c.type}=${c.status}`), ['Reconciling=True']);
  markStalled(o, R.InvalidSpec, 'bad');
  assert.deepEqual(o.status.conditions.map((c) => `${c.type}=${c.status}`), ['Stalled=True']);
});

type Case = [name: string, conds: [type: string, status: Condition['status'], reason: string][], want: string | undefined, opts?: conditions.SummarizeOptions];
const summarizeCases: Case[] = [
  ['Stalled wins over everything', [['Stalled', 'True', 'InvalidSpec'], ['Released', 'True', 'InstallSucceeded'], ['Reconciling', 'True', 'Progressing']], 'False/InvalidSpec'],
  ['a failed release makes Ready False', [['Released', 'False', 'UpgradeFailed']], 'False/UpgradeFailed'],
  ['failure wins over reconciling (retrying)', [['Reconciling', 'True', 'ProgressingWithRetry'], ['Released', 'False', 'UpgradeFailed']], 'False/UpgradeFailed'],
  ['negative polarity: Remediated=True is a failure, reported first', [['Released', 'False', 'UpgradeFailed'], ['Remediated', 'True', 'RollbackSucceeded']], 'False/RollbackSucceeded'],
  ['negative polarity: Drifted=True is a failure', [['Released', 'True', 'UpgradeSucceeded'], ['Drifted', 'True', 'DriftDetected']], 'False/DriftDetected'],
  ['negative polarity: Drifted=False is fine', [['Released', 'True', 'UpgradeSucceeded'], ['Drifted', 'False', 'NoDriftDetected']], 'True/UpgradeSucceeded'],
  ['reconciling with nothing failed is Unknown', [['Reconciling', 'True', 'Progressing'], ['Released', 'True', 'InstallSucceeded']], 'Unknown/Progressing'],
  ['an Unknown summary condition makes Ready Unknown', [['Released', 'True', 'InstallSucceeded'], ['TestSuccess', 'Unknown', 'Progressing']], 'Unknown/Progressing'],
  ['all good: the test result is the most specific success', [['Released', 'True', 'UpgradeSucceeded'], ['TestSuccess', 'True', 'TestSucceeded']], 'True/TestSucceeded'],
  ['a source: artifact stored', [['ArtifactInStorage', 'True', 'Succeeded'], ['FetchFailed', 'False', 'Succeeded']], 'True/Succeeded'],
  ['a source: fetch failed while an old artifact is stored', [['ArtifactInStorage', 'True', 'Succeeded'], ['FetchFailed', 'True', 'GitOperationFailed']], 'False/GitOperationFailed'],
  ['a failed chart fetch with a good old release', [['Released', 'True', 'InstallSucceeded'], ['SourceAvailable', 'False', 'ArtifactFailed']], 'False/ArtifactFailed'],
  ['ignored conditions do not count', [['Released', 'True', 'UpgradeSucceeded'], ['TestSuccess', 'False', 'TestFailed']], 'True/UpgradeSucceeded', { conditions: ['Released'] }],
  ['nothing to summarize leaves Ready alone', [['Ready', 'True', 'ReconciliationSucceeded']], 'True/ReconciliationSucceeded'],
  ['nothing at all: no Ready', [], undefined],
];

for (const [name, conds, want, opts] of summarizeCases) {
  test(`summarize: ${name}`, () => {
    const o = holder(2, conds.map(([type, status, reason]) => ({ type, status, reason, message: `${type} says ${reason}` })));
    summarize(o, opts);
    const ready = getCondition(o, 'Ready');
    assert.equal(ready ? `${ready.status}/${ready.reason}` : undefined, want);
    if (ready && want !== 'True/ReconciliationSucceeded') {
      assert.match(ready.message, / says /);
      assert.equal(ready.observedGeneration, 2);
    }
  });
}

test('summarize: a full reconcile reads as kstatus expects', () => {
  const o = holder(3);
  markReconciling(o, R.Progressing, 'Running upgrade');
  assert.equal(summarize(o)?.status, 'Unknown');
  markTrue(o, T.Released, R.UpgradeSucceeded, 'Helm upgrade succeeded for release apps/web.v2');
  deleteCondition(o, T.Reconciling);
  const ready = summarize(o);
  assert.deepEqual([ready?.status, ready?.reason, ready?.message], ['True', 'UpgradeSucceeded', 'Helm upgrade succeeded for release apps/web.v2']);
  markFalse(o, T.Released, R.UpgradeFailed, 'timed out');
  markStalled(o, R.ReconciliationFailed, 'retries exhausted');
  assert.equal(summarize(o)?.reason, 'ReconciliationFailed');
  markReady(o, R.Succeeded, 'overridden');
  assert.equal(summarize(o)?.status, 'False');
});
