/** The paths of a HelmRelease reconcile that need no cluster: invalid specs stall, unready dependencies wait. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCondition } from '../../../src/api/index.ts';
import type { CacheReader, ReconcileContext } from '../../../src/controller/index.ts';
import type { KubeObject } from '../../../src/kube/index.ts';
import { createRootLogger } from '../../../src/observability/logger.ts';
import type { HelmReleaseObject } from '../../../src/reconcilers/helmrelease/actions/context.ts';
import { reconcileSpec, type SpecDeps } from '../../../src/reconcilers/helmrelease/reconcile-spec.ts';

function cache(objs: KubeObject[]): CacheReader {
  const byKey = new Map(objs.map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, o]));
  return { get: ((_k: unknown, key: string) => byKey.get(key)) as CacheReader['get'], list: () => [], byIndex: () => [], has: () => true };
}

const ctx = (objs: KubeObject[] = []): ReconcileContext => ({
  log: createRootLogger({ level: 'silent' }), signal: new AbortController().signal, reconcileID: 'r', namespace: 'apps', name: 'web', cache: cache(objs),
});

const unused = new Proxy({}, { get: () => { throw new Error('not expected to be used'); } });
const deps = { kube: unused, resolver: unused, clients: unused, events: { event: () => undefined }, requeueDependencyMs: 1234 } as unknown as SpecDeps;

const hr = (spec: Record<string, unknown>, generation = 3): HelmReleaseObject & { status: NonNullable<HelmReleaseObject['status']> } => ({
  apiVersion: 'helm.capstan.dev/v1', kind: 'HelmRelease', metadata: { name: 'web', namespace: 'apps', generation }, spec, status: {},
});

const cond = getCondition;

test('an invalid spec stalls with the field paths in the message and is not requeued', async () => {
  const o = hr({ chart: { git: { url: 'file:///r', path: 'c' }, repository: { url: 'https://x', name: 'a', version: '1' } }, interval: 'soon', maxHistory: -1 });
  const r = await reconcileSpec(o, deps, ctx(), async () => {});
  assert.deepEqual(r, {});
  assert.equal(cond(o, 'Stalled')?.reason, 'InvalidSpec');
  const ready = cond(o, 'Ready');
  assert.equal(ready?.status, 'False');
  assert.equal(ready?.reason, 'InvalidSpec');
  assert.match(ready?.message ?? '', /spec\.chart: exactly one of spec, git or repository must be set, not git and repository/);
  assert.match(ready?.message ?? '', /spec\.interval: Invalid value: "soon"/);
  assert.match(ready?.message ?? '', /spec\.maxHistory: Invalid value: -1/);
  assert.equal(o.status.observedGeneration, 3);
});

test('a dependency that is not ready makes the release wait and look again soon', async () => {
  const dep: KubeObject = { apiVersion: 'helm.capstan.dev/v1', kind: 'HelmRelease', metadata: { name: 'db', namespace: 'apps', generation: 2 },
    status: { conditions: [{ type: 'Ready', status: 'True', observedGeneration: 1, reason: 'InstallSucceeded', message: 'ok', lastTransitionTime: '2026-01-01T00:00:00Z' }] } };
  const o = hr({ chart: { git: { url: 'file:///r', path: 'c' } }, interval: '5m', dependsOn: [{ name: 'db' }, { name: 'cache', namespace: 'infra' }] });
  const r = await reconcileSpec(o, deps, ctx([dep]), async () => {});
  assert.deepEqual(r, { requeueAfter: 1234 });
  const ready = cond(o, 'Ready');
  assert.equal(ready?.reason, 'DependencyNotReady');
  assert.equal(ready?.message, "dependency 'apps/db' is not reconciled at generation 2 yet; dependency 'infra/cache' not found");
  assert.equal(o.status.observedGeneration, undefined, 'not observed while waiting');
});
