import { test } from 'node:test';
import assert from 'node:assert/strict';
import { health, type KubeObject } from '../../../src/kube/index.ts';

const obj = (apiVersion: string, kind: string, spec: unknown, status: unknown, generation?: number): KubeObject =>
  ({ apiVersion, kind, metadata: { name: 'x', namespace: 'n', ...(generation === undefined ? {} : { generation }) }, spec, status });

const cases: [string, KubeObject, string, RegExp][] = [
  ['stale generation', obj('apps/v1', 'Deployment', { replicas: 1 }, { observedGeneration: 1 }, 2), 'InProgress', /generation is 2, but latest observed generation is 1/],
  ['deployment rolling', obj('apps/v1', 'Deployment', { replicas: 3 }, { updatedReplicas: 3, replicas: 3, availableReplicas: 1, readyReplicas: 1 }), 'InProgress', /^Available: 1\/3$/],
  ['deployment old pods terminating', obj('apps/v1', 'Deployment', { replicas: 2 }, { updatedReplicas: 2, replicas: 3, availableReplicas: 2 }), 'InProgress', /Pending termination: 1/],
  ['deployment deadline', obj('apps/v1', 'Deployment', { replicas: 1 }, { conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'too slow' }] }), 'Failed', /Progress deadline exceeded: too slow/],
  ['deployment ready', obj('apps/v1', 'Deployment', { replicas: 2 }, { updatedReplicas: 2, replicas: 2, availableReplicas: 2, readyReplicas: 2 }), 'Current', /available/],
  ['statefulset partition', obj('apps/v1', 'StatefulSet', { replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }, { readyReplicas: 3, updatedReplicas: 2 }), 'Current', /Replicas: 3/],
  ['daemonset', obj('apps/v1', 'DaemonSet', {}, { desiredNumberScheduled: 2, updatedNumberScheduled: 2, numberAvailable: 1 }), 'InProgress', /Available: 1\/2/],
  ['job failed', obj('batch/v1', 'Job', {}, { conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }] }), 'Failed', /BackoffLimitExceeded/],
  ['job complete', obj('batch/v1', 'Job', {}, { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] }), 'Current', /succeeded: 1/],
  ['pod crashloop', obj('v1', 'Pod', {}, { phase: 'Running', containerStatuses: [{ name: 'app', state: { waiting: { reason: 'CrashLoopBackOff' } } }] }), 'InProgress', /container app: CrashLoopBackOff/],
  ['pvc', obj('v1', 'PersistentVolumeClaim', {}, { phase: 'Pending' }), 'InProgress', /not Bound/],
  ['lb service', obj('v1', 'Service', { type: 'LoadBalancer' }, {}), 'InProgress', /no external address/],
  ['clusterip service', obj('v1', 'Service', { type: 'ClusterIP' }, {}), 'Current', /ready/],
  ['crd', obj('apiextensions.k8s.io/v1', 'CustomResourceDefinition', {}, { conditions: [{ type: 'Established', status: 'True' }] }), 'Current', /established/],
  ['custom ready false', obj('example.com/v1', 'Thing', {}, { conditions: [{ type: 'Ready', status: 'False', message: 'bad config' }] }), 'Failed', /bad config/],
  ['custom reconciling', obj('example.com/v1', 'Thing', {}, { conditions: [{ type: 'Ready', status: 'False', message: 'working' }, { type: 'Reconciling', status: 'True' }] }), 'InProgress', /working/],
  ['configmap', obj('v1', 'ConfigMap', undefined, undefined), 'Current', /current/],
];

for (const [name, o, status, message] of cases) {
  test(`health: ${name}`, () => {
    const h = health(o);
    assert.equal(h.status, status, h.message);
    assert.match(h.message, message);
  });
}
