import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HelmReleaseSpec } from '../../../src/api/index.ts';
import { installFlags, rollbackFlags, uninstallFlags, upgradeFlags } from '../../../src/reconcilers/helmrelease/actions/action-options.ts';
import { reusedValues } from '../../../src/helm/upgrade.ts';
import { fromPlain, toPlain, type Values } from '../../../src/chart/index.ts';

const spec = (extra: Record<string, unknown> = {}) => HelmReleaseSpec.parse({ chart: { git: { url: 'file:///r', path: 'c' } }, interval: '1m', ...extra });

// [case, spec fields, expected subset of the action's options]
const installCases: [string, Record<string, unknown>, Record<string, unknown>][] = [
  ['defaults: wait for objects and Jobs, no replace, Create CRDs, 5m', {}, { wait: true, waitForJobs: true, replace: false, crds: 'Create', timeoutMs: 300_000, createNamespace: false, disableHooks: false }],
  ['disableWaitForJobs', { install: { disableWaitForJobs: true } }, { wait: true, waitForJobs: false }],
  ['disableWait', { install: { disableWait: true } }, { wait: false, waitForJobs: true }],
  ['replace', { install: { replace: true } }, { replace: true }],
  ['deprecated skipCRDs wins over crds', { install: { skipCRDs: true, crds: 'CreateReplace' } }, { crds: 'Skip' }],
  ['own timeout over spec.timeout', { timeout: '1m', install: { timeout: '30s' } }, { timeoutMs: 30_000 }],
];

const upgradeCases: [string, Record<string, unknown>, Record<string, unknown>][] = [
  ['defaults', {}, { wait: true, waitForJobs: true, reuseValues: false, force: false, cleanupOnFail: false, crds: 'Skip' }],
  ['disableWaitForJobs', { upgrade: { disableWaitForJobs: true } }, { wait: true, waitForJobs: false }],
  ['preserveValues is --reuse-values', { upgrade: { preserveValues: true } }, { reuseValues: true }],
  ['force and cleanupOnFail', { upgrade: { force: true, cleanupOnFail: true } }, { force: true, cleanupOnFail: true }],
  ['spec.timeout applies', { timeout: '2m' }, { timeoutMs: 120_000 }],
];

const rollbackCases: [string, Record<string, unknown>, Record<string, unknown>][] = [
  ['defaults', {}, { wait: true, waitForJobs: true, recreate: false, cleanupOnFail: false, force: false, disableHooks: false }],
  ['recreate', { rollback: { recreate: true } }, { recreate: true }],
  ['cleanupOnFail', { rollback: { cleanupOnFail: true } }, { cleanupOnFail: true }],
  ['disableWait and disableWaitForJobs', { rollback: { disableWait: true, disableWaitForJobs: true } }, { wait: false, waitForJobs: false }],
];

const uninstallCases: [string, Record<string, unknown>, Record<string, unknown>][] = [
  ['defaults: wait for deletion, background propagation', {}, { wait: true, deletionPropagation: 'background', keepHistory: false, disableHooks: false }],
  ['disableWait', { uninstall: { disableWait: true } }, { wait: false }],
  ['orphan', { uninstall: { deletionPropagation: 'orphan' } }, { deletionPropagation: 'orphan' }],
  ['foreground with kept history', { uninstall: { deletionPropagation: 'foreground', keepHistory: true } }, { deletionPropagation: 'foreground', keepHistory: true }],
];

const run = (name: string, cases: typeof installCases, map: (s: HelmReleaseSpec) => object): void => {
  for (const [title, fields, want] of cases) {
    test(`${name}: ${title}`, () => {
      const got = map(spec(fields)) as Record<string, unknown>;
      for (const [k, v] of Object.entries(want)) assert.deepEqual(got[k], v, `${name}.${k}`);
    });
  }
};

run('install', installCases, installFlags);
run('upgrade', upgradeCases, upgradeFlags);
run('rollback', rollbackCases, rollbackFlags);
run('uninstall', uninstallCases, uninstallFlags);

test('every flag maps to a defined option (no field dropped on the floor)', () => {
  const s = spec();
  for (const flags of [installFlags(s), upgradeFlags(s), rollbackFlags(s), uninstallFlags(s)]) {
    for (const [k, v] of Object.entries(flags)) assert.notEqual(v, undefined, k);
  }
});

const v = (o: Record<string, unknown>): Values => fromPlain(o) as Values;

test('reuse values: the new values coalesce over the previous release config', () => {
  const previous = { name: 'r', namespace: 'n', version: 1, config: { replicaCount: 3, image: { tag: 'a', pullPolicy: 'Always' }, dropped: 1 } };
  const got = reusedValues(v({ image: { tag: 'b' }, dropped: null }), previous);
  assert.deepEqual(toPlain(got), { image: { tag: 'b', pullPolicy: 'Always' }, replicaCount: 3 });
});

test('reuse values with no previous config keeps the new values', () => {
  const got = reusedValues(v({ a: 1 }), { name: 'r', namespace: 'n', version: 1 });
  assert.deepEqual(toPlain(got), { a: 1 });
});

test('reuse values does not change the previous release', () => {
  const config = { nested: { x: 1 } };
  reusedValues(v({ nested: { y: 2 } }), { name: 'r', namespace: 'n', version: 1, config });
  assert.deepEqual(config, { nested: { x: 1 } });
});
