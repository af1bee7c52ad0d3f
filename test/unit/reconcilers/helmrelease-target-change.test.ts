/** A changed release target (target-change.ts): Flux's ReleaseTargetChanged, and what happens to the old release. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HelmReleaseStatus, Snapshot } from '../../../src/api/index.ts';
import type { Release, ReleaseStatus } from '../../../src/release/index.ts';
import { releaseLabels } from '../../../src/reconcilers/helmrelease/actions/install.ts';
import type { OwnerRef } from '../../../src/reconcilers/helmrelease/ownership.ts';
import { ownerLabels, type ReleaseTarget } from '../../../src/reconcilers/helmrelease/release-name.ts';
import {
  decidePreviousTarget, releaseTargetChanged, type PreviousTargetVerdict, type TargetChangeReason,
} from '../../../src/reconcilers/helmrelease/target-change.ts';

const snap = (name: string, namespace: string, chartName = 'webapp'): Snapshot => ({
  name, namespace, version: 1, status: 'deployed', chartName, chartVersion: '0.1.0', configDigest: 'sha256:x',
  firstDeployed: '2026-01-01T00:00:00Z', lastDeployed: '2026-01-01T00:00:00Z',
});
const status = (storageNamespace: string | undefined, history: Snapshot[] | undefined): Pick<HelmReleaseStatus, 'storageNamespace' | 'history'> =>
  ({ ...(storageNamespace !== undefined ? { storageNamespace } : {}), ...(history !== undefined ? { history } : {}) });
const target = (name: string, namespace: string, storageNamespace: string): ReleaseTarget => ({ name, namespace, storageNamespace });

const cases: [string, Pick<HelmReleaseStatus, 'storageNamespace' | 'history'>, ReleaseTarget, string, TargetChangeReason | undefined, string?][] = [
  ['nothing recorded yet (first reconcile)', status(undefined, undefined), target('a', 'x', 'x'), 'webapp', undefined],
  ['no storage namespace recorded', status(undefined, [snap('a', 'x')]), target('b', 'x', 'x'), 'webapp', undefined],
  ['no history recorded (nothing installed yet)', status('x', []), target('b', 'x', 'x'), 'webapp', undefined],
  ['unchanged', status('x', [snap('a', 'x')]), target('a', 'x', 'x'), 'webapp', undefined],
  ['storage namespace changed', status('x', [snap('a', 'x')]), target('a', 'x', 'y'), 'webapp', 'storage namespace', 'storage namespace x -> y'],
  ['release namespace changed', status('x', [snap('a', 'x')]), target('a', 'z', 'x'), 'webapp', 'release namespace', 'release namespace x -> z'],
  ['release name changed', status('x', [snap('a', 'x')]), target('b', 'x', 'x'), 'webapp', 'release name', 'release name a -> b'],
  ['chart name changed', status('x', [snap('a', 'x')]), target('a', 'x', 'x'), 'other', 'chart name', 'chart name webapp -> other'],
  ['storage namespace is compared first', status('x', [snap('a', 'x')]), target('b', 'z', 'y'), 'other', 'storage namespace'],
  ['the newest snapshot is what counts', status('x', [snap('b', 'x'), snap('a', 'x')]), target('b', 'x', 'x'), 'webapp', undefined],
];

for (const [name, st, t, chart, reason, detail] of cases) {
  test(`target change: ${name}`, () => {
    const got = releaseTargetChanged(st, t, chart);
    assert.equal(got?.reason, reason);
    if (detail !== undefined) assert.equal(got?.detail, detail);
    if (got !== undefined) {
      const newest = st.history?.[0];
      assert.deepEqual(got.previous, { name: newest?.name, namespace: newest?.namespace, storageNamespace: st.storageNamespace });
      assert.equal(got.previousChartName, newest?.chartName);
    }
  });
}

const self: OwnerRef = { namespace: 'apps', name: 'web' };
const mine = ownerLabels({ metadata: { name: 'web', namespace: 'apps' } });
const theirs = ownerLabels({ metadata: { name: 'web', namespace: 'other' } });
const rev = (version: number, status: ReleaseStatus, labels?: Record<string, string>): Release =>
  ({ name: 'a', namespace: 'x', version, info: { status }, ...(labels ? { labels } : {}) });

const verdicts: [string, Release[], PreviousTargetVerdict['kind']][] = [
  ['no release left at the old target: forget it', [], 'forget'],
  ['the old release was uninstalled with its history kept: forget it', [rev(1, 'superseded', mine), rev(2, 'uninstalled', mine)], 'forget'],
  ['its own release is uninstalled', [rev(1, 'superseded', mine), rev(2, 'deployed', mine)], 'uninstall'],
  ['its own failed release is uninstalled', [rev(1, 'failed', mine)], 'uninstall'],
  ['a release nobody owns (helm CLI) is uninstalled', [rev(1, 'deployed')], 'uninstall'],
  ['an unlabelled newer revision keeps the claim', [rev(1, 'superseded', mine), rev(2, 'deployed')], 'uninstall'],
  ['a release another HelmRelease owns is left in place', [rev(1, 'superseded', mine), rev(2, 'deployed', theirs)], 'leave'],
];

for (const [name, history, kind] of verdicts) {
  test(`previous target: ${name}`, () => {
    const v = decidePreviousTarget(self, history);
    assert.equal(v.kind, kind);
    if (v.kind === 'uninstall') assert.equal(v.release.version, history.at(-1)?.version);
    if (v.kind === 'leave') assert.deepEqual(v.owner, { namespace: 'other', name: 'web' });
  });
}

test('release labels: an upgrade without post-renderers drops an old post-render digest ("null"), an install does not write one', () => {
  const hr = { metadata: { name: 'web', namespace: 'apps' } } as Parameters<typeof releaseLabels>[0]['hr'];
  assert.deepEqual(releaseLabels({ hr, postRenderDigest: '' }, 'install'), mine);
  assert.deepEqual(releaseLabels({ hr, postRenderDigest: '' }, 'upgrade'), { ...mine, 'helm.capstan.dev/post-render-digest': 'null' });
  assert.deepEqual(releaseLabels({ hr, postRenderDigest: 'abc' }, 'upgrade'), { ...mine, 'helm.capstan.dev/post-render-digest': 'abc' });
});
