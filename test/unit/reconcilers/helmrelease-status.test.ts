import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/kube/index.ts';
import type { Release, ReleaseStatus } from '../../../src/release/index.ts';
import { describeAccessDenied } from '../../../src/reconcilers/helmrelease/access-denied.ts';
import { changedPaths, comparable } from '../../../src/reconcilers/helmrelease/drift/compare.ts';
import { releaseTarget, shortenName } from '../../../src/reconcilers/helmrelease/release-name.ts';
import { recordAttempt } from '../../../src/reconcilers/helmrelease/status/failures.ts';
import { historySnapshots } from '../../../src/reconcilers/helmrelease/status/history.ts';
import { inventoryOf } from '../../../src/reconcilers/helmrelease/status/inventory.ts';
import { mergePatch } from '../../../src/reconcilers/shared/merge-patch.ts';
import { KubeError } from '../../../src/kube/index.ts';
import { ReleaseError } from '../../../src/release/index.ts';

const rel = (version: number, status: ReleaseStatus): Release => ({
  name: 'web', namespace: 'apps', version, info: { status, first_deployed: { ms: 0, subMsNanos: 0, offsetMinutes: 0 }, last_deployed: { ms: version * 1000, subMsNanos: 0, offsetMinutes: 0 } },
  chart: { metadata: { name: 'tiny', version: '0.1.0', appVersion: '1.0' }, lock: null, templates: [], values: null, schema: null, files: [] }, config: { v: version },
});

test('history snapshots: newest first, back to the previous successful revision', () => {
  const snaps = historySnapshots([rel(1, 'superseded'), rel(2, 'superseded'), rel(3, 'failed'), rel(4, 'deployed')]);
  assert.deepEqual(snaps.map((s) => [s.version, s.status]), [[4, 'deployed'], [3, 'failed'], [2, 'superseded']]);
  assert.equal(snaps[0]?.lastDeployed, '1970-01-01T00:00:04Z');
  assert.match(snaps[0]?.digest ?? '', /^sha256:[0-9a-f]{64}$/);
  assert.notEqual(snaps[0]?.configDigest, snaps[1]?.configDigest);
  assert.deepEqual(historySnapshots([rel(1, 'deployed')]).map((s) => s.version), [1]);
});

test('release names: [targetNamespace-]name, shortened past 53 characters', () => {
  const meta = { name: 'web', namespace: 'apps' };
  assert.deepEqual(releaseTarget({ metadata: meta, spec: {} as never }), { name: 'web', namespace: 'apps', storageNamespace: 'apps' });
  assert.deepEqual(releaseTarget({ metadata: meta, spec: { targetNamespace: 'prod', storageNamespace: 'store' } as never }), { name: 'prod-web', namespace: 'prod', storageNamespace: 'store' });
  const long = shortenName(`${'a'.repeat(30)}-${'b'.repeat(30)}`);
  assert.equal(long.length, 53);
  assert.match(long, /^a{30}-b{9}-[0-9a-f]{12}$/);
});

test('a new generation, chart, values or reconcile request resets the failure counters', () => {
  const s = { failures: 3, upgradeFailures: 2, lastAttemptedGeneration: 1, lastAttemptedRevision: '1.0.0', lastAttemptedConfigDigest: 'd' };
  const same = { generation: 1, revision: '1.0.0', revisionDigest: undefined, configDigest: 'd', newRequest: false };
  recordAttempt(s, same);
  assert.equal(s.upgradeFailures, 2);
  recordAttempt(s, { ...same, newRequest: true });
  assert.equal(s.upgradeFailures, undefined);
  const t = { upgradeFailures: 1, lastAttemptedGeneration: 1, lastAttemptedRevision: '1.0.0', lastAttemptedConfigDigest: 'd' };
  recordAttempt(t, { ...same, configDigest: 'other' });
  assert.equal(t.upgradeFailures, undefined);
});

test('inventory ids as Flux writes them', () => {
  const objs = [
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'apps' } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'apps' } },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'a:b' } },
  ] as KubeObject[];
  assert.deepEqual(inventoryOf(objs).entries, [
    { id: 'apps_web_apps_Deployment', v: 'v1' }, { id: 'apps_cfg__ConfigMap', v: 'v1' }, { id: '_a__b_rbac.authorization.k8s.io_ClusterRole', v: 'v1' },
  ]);
});

test('drift comparison leaves out server noise and ignored fields, and names changed fields by pointer', () => {
  const live = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', resourceVersion: '9', managedFields: [], uid: 'u' }, data: { a: 'edited', b: '2' } } as KubeObject;
  const applied = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', resourceVersion: '10' }, data: { a: 'chart', b: '2' } } as KubeObject;
  assert.deepEqual(changedPaths(comparable(applied), comparable(live)), ['/data/a']);
  assert.deepEqual(changedPaths(comparable(applied, [['data', 'a']]), comparable(live, [['data', 'a']])), []);
  assert.deepEqual(changedPaths({ l: [1, 2] }, { l: [1, 3] }), ['/l/1']);
  assert.deepEqual(changedPaths({ l: [1, 2] }, { l: [1] }), ['/l']);
});

test('merge patches: only what changed, null for what went away, nothing when equal', () => {
  assert.equal(mergePatch({ a: 1, b: { c: [1] } }, { b: { c: [1] }, a: 1 }), undefined);
  assert.deepEqual(mergePatch({ a: 1, b: { c: 1, d: 2 } }, { b: { c: 1 }, e: [1] }), { a: null, b: { d: null }, e: [1] });
});

test('RBAC denials found in a cause chain are said with the identity', () => {
  const server = new KubeError('Forbidden', 'list secrets: secrets is forbidden: User "system:serviceaccount:a:b" cannot list resource "secrets" in API group "" in the namespace "a"', 403);
  const wrapped = new ReleaseError('StorageFailed', 'list: failed to list', { cause: server });
  assert.equal(describeAccessDenied(wrapped, 'ServiceAccount a/b'),
    'access denied to ServiceAccount a/b: secrets is forbidden: User "system:serviceaccount:a:b" cannot list resource "secrets" in API group "" in the namespace "a"');
  assert.equal(describeAccessDenied(new Error('boom'), 'x'), undefined);
});
