import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  automatedAnnotation, containerOfTagAnnotation, durationMs, fieldPath, formatIssues, objMetadataId, parseObjMetadataId,
  reconcileRequestedAtAnnotation, tagAnnotation,
} from '../../../src/api/index.ts';

test('durationMs reads Go durations with ms, s, m, h', () => {
  assert.equal(durationMs('5m'), 300_000);
  assert.equal(durationMs('1h30m'), 5_400_000);
  assert.equal(durationMs('5m0s'), 300_000);
  assert.equal(durationMs('250ms'), 250);
  assert.equal(durationMs('1.5s'), 1500);
  assert.throws(() => durationMs('5 minutes'), RangeError);
  assert.throws(() => durationMs(''), RangeError);
});

test('inventory ids in Flux form, RBAC colons escaped', () => {
  const cases = [
    [{ namespace: 'apps', name: 'web', group: 'apps', kind: 'Deployment' }, 'apps_web_apps_Deployment'],
    [{ namespace: 'apps', name: 'web', group: '', kind: 'Service' }, 'apps_web__Service'],
    [{ namespace: '', name: 'system:web', group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' }, '_system__web_rbac.authorization.k8s.io_ClusterRole'],
    [{ namespace: '', name: 'my_ns', group: '', kind: 'Namespace' }, '_my_ns__Namespace'],
  ] as const;
  for (const [o, id] of cases) {
    assert.equal(objMetadataId(o), id);
    assert.deepEqual(parseObjMetadataId(id), o);
  }
  assert.equal(parseObjMetadataId('nounderscores'), undefined);
});

test('annotations', () => {
  assert.equal(reconcileRequestedAtAnnotation, 'capstan.dev/reconcile-requested-at');
  assert.equal(automatedAnnotation, 'capstan.dev/automated');
  assert.equal(tagAnnotation('chart-image'), 'capstan.dev/tag.chart-image');
  assert.equal(containerOfTagAnnotation('capstan.dev/tag.app'), 'app');
  assert.equal(containerOfTagAnnotation('capstan.dev/tag.'), undefined);
  assert.equal(containerOfTagAnnotation('capstan.dev/automated'), undefined);
});

test('Kubernetes field paths and issue lists', () => {
  assert.equal(fieldPath(['spec', 'valuesFrom', 0, 'kind']), 'spec.valuesFrom[0].kind');
  assert.equal(fieldPath(['metadata', 'labels', 'app.kubernetes.io/name']), 'metadata.labels[app.kubernetes.io/name]');
  assert.equal(fieldPath([]), '');
  assert.equal(formatIssues([{ path: 'spec.a', message: 'Required value' }, { path: '', message: 'bad' }]), 'spec.a: Required value; bad');
});
