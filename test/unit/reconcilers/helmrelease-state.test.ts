import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Release, ReleaseStatus } from '../../../src/release/index.ts';
import { configDigest, postRenderDigest } from '../../../src/reconcilers/helmrelease/config-digest.ts';
import { classifyRelease, previousSuccessful, type DesiredRelease } from '../../../src/reconcilers/helmrelease/release-state.ts';
import { ownerLabels } from '../../../src/reconcilers/helmrelease/release-name.ts';

const owner = { name: 'web', namespace: 'apps' };
const labels = ownerLabels({ metadata: owner });

function rel(version: number, status: ReleaseStatus, o: { values?: Record<string, unknown>; chart?: string; labels?: Record<string, string> | null; tests?: ('' | 'Succeeded' | 'Failed')[] } = {}): Release {
  const r: Release = {
    name: 'web', namespace: 'apps', version, info: { status },
    chart: { metadata: { name: 'tiny', version: o.chart ?? '0.1.0' }, lock: null, templates: [], values: null, schema: null, files: [] },
    config: o.values ?? { greeting: 'hi' },
    hooks: (o.tests ?? []).map((phase, i) => ({ name: `t${i}`, kind: 'Job', path: 'p', manifest: '', events: ['test'], last_run: { phase }, delete_policies: [] })),
  };
  if (o.labels !== null) r.labels = o.labels ?? labels;
  return r;
}

const desired = (o: Partial<DesiredRelease> = {}): DesiredRelease => ({
  chartName: 'tiny', chartVersion: '0.1.0', configDigest: configDigest({ greeting: 'hi' }), postRenderDigest: '', owner,
  test: { enable: false, ignoreFailures: false }, known: new Set(), ...o,
});

const cases: [string, Release[], Partial<DesiredRelease>, string][] = [
  ['no history is Absent', [], {}, 'Absent'],
  ['an uninstalled release (history kept) is Absent', [rel(1, 'uninstalled')], {}, 'Absent'],
  ['a pending revision is Locked', [rel(1, 'deployed'), rel(2, 'pending-upgrade')], {}, 'Locked'],
  ['a release without our labels and not in status is Unmanaged', [rel(1, 'deployed', { labels: null })], {}, 'Unmanaged'],
  ['a release in status.history counts as ours', [rel(1, 'deployed', { labels: null })], { known: new Set(['apps/web.v1']) }, 'InSync'],
  ['a rollback revision (no labels) after ours is still ours', [rel(1, 'superseded'), rel(2, 'failed'), rel(3, 'deployed', { labels: null })], {}, 'InSync'],
  ['a failed newest revision is Failed', [rel(1, 'superseded'), rel(2, 'failed')], {}, 'Failed'],
  ['another chart version is OutOfSync', [rel(1, 'deployed', { chart: '0.0.9' })], {}, 'OutOfSync'],
  ['other values are OutOfSync', [rel(1, 'deployed', { values: { greeting: 'bye' } })], {}, 'OutOfSync'],
  ['other post-render settings are OutOfSync', [rel(1, 'deployed')], { postRenderDigest: 'abc' }, 'OutOfSync'],
  ['untested with tests enabled is Untested', [rel(1, 'deployed', { tests: [''] })], { test: { enable: true, ignoreFailures: false } }, 'Untested'],
  ['failed tests are Failed unless ignored', [rel(1, 'deployed', { tests: ['Failed'] })], { test: { enable: true, ignoreFailures: false } }, 'Failed'],
  ['ignored failed tests are InSync', [rel(1, 'deployed', { tests: ['Failed'] })], { test: { enable: true, ignoreFailures: true } }, 'InSync'],
  ['a chart without test hooks is tested', [rel(1, 'deployed')], { test: { enable: true, ignoreFailures: false } }, 'InSync'],
];

for (const [name, history, d, want] of cases) {
  test(name, () => assert.equal(classifyRelease(history, desired(d)).status, want));
}

test('the rollback target is the newest successful revision below the current one', () => {
  const h = [rel(1, 'superseded'), rel(2, 'superseded'), rel(3, 'failed'), rel(4, 'failed')];
  assert.equal(previousSuccessful(h, 4)?.version, 2);
  assert.equal(previousSuccessful([rel(1, 'failed')], 1), undefined);
});

test('the config digest of a Values map equals that of the plain object read back from storage', () => {
  const map = new Map<string, unknown>([['b', 1], ['a', new Map([['x', 'y']])]]);
  assert.equal(configDigest(map as never), configDigest({ a: { x: 'y' }, b: 1 }));
  assert.equal(configDigest(undefined), configDigest({}));
  assert.match(configDigest({}), /^sha256:[0-9a-f]{64}$/);
});

test('the post-render label is empty without post-renderers and 40 hex with them', () => {
  assert.equal(postRenderDigest({}), '');
  assert.match(postRenderDigest({ commonMetadata: { labels: { a: 'b' } } }), /^[0-9a-f]{40}$/);
});
