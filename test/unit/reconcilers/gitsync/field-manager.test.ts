import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../src/kube/index.ts';
import { handedOver } from '../../../../src/reconcilers/gitsync/field-manager-migration.ts';

const owner = { namespace: 'infra', name: 'apps' };
const obj = (managedFields: Record<string, unknown>[], annotation: string | null = 'infra/apps'): KubeObject => ({
  apiVersion: 'v1', kind: 'ConfigMap',
  metadata: { name: 'a', namespace: 'n', resourceVersion: '7', managedFields, ...(annotation !== null ? { annotations: { 'capstan.dev/gitsync': annotation } } : {}) },
});
const entry = (manager: string, operation = 'Apply', subresource?: string) =>
  ({ manager, operation, apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': {} }, ...(subresource !== undefined ? { subresource } : {}) });

test('the `capstan` Apply entry of an object this GitSync owns is renamed to `capstan-gitsync`; status entries stay', () => {
  const out = handedOver(obj([entry('capstan'), entry('capstan', 'Update', 'status'), entry('kubectl-edit', 'Update')]), owner);
  assert.deepEqual(out?.map((e) => [e.manager, e.operation, e.subresource ?? '']), [
    ['capstan-gitsync', 'Apply', ''], ['capstan', 'Update', 'status'], ['kubectl-edit', 'Update', ''],
  ]);
  assert.deepEqual(out?.[0]?.['fieldsV1'], { 'f:data': {} }, 'the owned fields go along');
});

test('nothing to hand over: another owner, already handed over, or no `capstan` Apply entry', () => {
  assert.equal(handedOver(obj([entry('capstan')], 'infra/other'), owner), undefined);
  assert.equal(handedOver(obj([entry('capstan')], null), owner), undefined);
  assert.equal(handedOver(obj([entry('capstan'), entry('capstan-gitsync')]), owner), undefined);
  assert.equal(handedOver(obj([entry('capstan', 'Update')]), owner), undefined);
  assert.equal(handedOver(obj([]), owner), undefined);
});
