import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../src/kube/index.ts';
import { changeOf, summarizeChanges } from '../../../../src/reconcilers/gitsync/changes.ts';
import { capstanHealth, isChecked } from '../../../../src/reconcilers/gitsync/health.ts';
import { refOfEntry } from '../../../../src/reconcilers/gitsync/prune.ts';

const hr = (generation: number, status: Record<string, unknown> | undefined, spec: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: 'helm.capstan.dev/v1', kind: 'HelmRelease', metadata: { name: 'web', namespace: 'apps', generation }, spec, ...(status ? { status } : {}) });
const cond = (status: string, message: string, type = 'Ready') => ({ type, status, reason: 'R', message, lastTransitionTime: '2026-01-01T00:00:00Z' });

test('a HelmRelease is healthy only when Ready for its current generation', () => {
  assert.equal(capstanHealth(hr(1, undefined)).status, 'InProgress', 'no status yet');
  assert.equal(capstanHealth(hr(2, { observedGeneration: 1, conditions: [cond('True', 'old')] })).status, 'InProgress', 'an older generation');
  assert.deepEqual(capstanHealth(hr(2, { observedGeneration: 2, conditions: [cond('True', 'installed')] })), { status: 'Current', message: 'installed' });
  assert.deepEqual(capstanHealth(hr(2, { observedGeneration: 2, conditions: [cond('False', 'template: x.yaml:3:4: boom')] })), { status: 'Failed', message: 'template: x.yaml:3:4: boom' });
  assert.equal(capstanHealth(hr(2, { observedGeneration: 2, conditions: [cond('False', 'retrying'), cond('True', 'retrying', 'Reconciling')] })).status, 'InProgress');
  assert.equal(capstanHealth(hr(2, undefined, { suspend: true })).status, 'Current');
});

test('which kinds are health-checked', () => {
  assert.ok(isChecked({ apiVersion: 'helm.capstan.dev/v1', kind: 'HelmRelease', name: 'x' }));
  assert.ok(isChecked({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'x' }));
  assert.ok(!isChecked({ apiVersion: 'v1', kind: 'ConfigMap', name: 'x' }));
});

test('a dry-run equal to the live object but for managedFields, resourceVersion and generation is no change', () => {
  const live: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'n', resourceVersion: '5', managedFields: [{ manager: 'x' }] }, data: { k: '1' } };
  assert.equal(changeOf(undefined, live), 'created');
  assert.equal(changeOf(live, { ...live, metadata: { ...live.metadata, resourceVersion: '6', managedFields: [] } }), 'unchanged');
  assert.equal(changeOf(live, { ...live, data: { k: '2' } }), 'configured');
  assert.equal(summarizeChanges([
    { id: 'a', subject: 'ConfigMap n/a', action: 'created' }, { id: 'b', subject: 'ConfigMap n/b', action: 'unchanged' },
    { id: 'c', subject: 'Deployment n/c', action: 'deleted' },
  ]), 'created: ConfigMap n/a; deleted: Deployment n/c');
});

test('inventory entries name the object to prune', () => {
  assert.deepEqual(refOfEntry({ id: 'apps_web_apps_Deployment', v: 'v1' }), { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'apps' });
  assert.deepEqual(refOfEntry({ id: '_shop__Namespace', v: 'v1' }), { apiVersion: 'v1', kind: 'Namespace', name: 'shop' });
  assert.equal(refOfEntry({ id: 'nonsense', v: 'v1' }), undefined);
});
