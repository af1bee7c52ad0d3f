import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Release } from '../../../src/release/index.ts';
import { presenceOf } from '../../../src/reconcilers/helmrelease/owner-lookup.ts';
import {
  decideOwnership, foreignOwner, ownerRefOf, recordedOwner, type OwnershipInput, type OwnershipVerdict, type OwnerRef,
} from '../../../src/reconcilers/helmrelease/ownership.ts';
import { ownerLabels, ownerLabelValue } from '../../../src/reconcilers/helmrelease/release-name.ts';

const self: OwnerRef = { namespace: 'team-a', name: 'web' };
const other: OwnerRef = { namespace: 'team-b', name: 'web' };

const cases: [string, OwnershipInput, OwnershipVerdict][] = [
  ['no owner recorded (no release, or one made by the helm CLI): adopt as before', { self, recorded: undefined }, { kind: 'unowned' }],
  ['recorded owner is this HelmRelease', { self, recorded: { ...self } }, { kind: 'own' }],
  ['another HelmRelease that still targets the release owns it', { self, recorded: other, presence: 'claims' }, { kind: 'conflict', owner: other }],
  ['an owner not looked up is assumed to claim the release', { self, recorded: other }, { kind: 'conflict', owner: other }],
  ['same name in another namespace is another HelmRelease', { self, recorded: { namespace: 'team-c', name: 'web' }, presence: 'claims' }, { kind: 'conflict', owner: { namespace: 'team-c', name: 'web' } }],
  ['an owner that no longer exists is taken over', { self, recorded: other, presence: 'gone' }, { kind: 'take-over', previous: other, why: 'gone' }],
  ['an owner that now targets another release is taken over', { self, recorded: other, presence: 'elsewhere' }, { kind: 'take-over', previous: other, why: 'elsewhere' }],
];

for (const [name, input, want] of cases) {
  test(`ownership: ${name}`, () => assert.deepEqual(decideOwnership(input), want));
}

const finalizeCases: [string, OwnerRef | undefined, OwnerRef | undefined][] = [
  ['its own release is uninstalled', self, undefined],
  ['a release nobody owns (helm CLI) is uninstalled', undefined, undefined],
  ['another HelmRelease\'s release is left in place', other, other],
];
for (const [name, recorded, want] of finalizeCases) {
  test(`deletion: ${name}`, () => assert.deepEqual(foreignOwner(self, recorded), want));
}

const rev = (version: number, labels?: Record<string, string>): Release => ({ name: 'web', namespace: 'team-a', version, ...(labels ? { labels } : {}) });

test('the owner is read from the newest revision that records one', () => {
  const a = ownerLabels({ metadata: { name: 'web', namespace: 'team-a' } });
  const b = ownerLabels({ metadata: { name: 'web', namespace: 'team-b' } });
  assert.equal(recordedOwner([]), undefined);
  assert.equal(recordedOwner([rev(1)]), undefined, 'made by the helm CLI');
  assert.deepEqual(recordedOwner([rev(1, a), rev(2, b)]), other, 'the newest wins');
  assert.deepEqual(recordedOwner([rev(1, b), rev(2)]), other, 'an unlabelled newer revision (rollback, old helm upgrade) keeps the claim');
  assert.equal(recordedOwner([rev(1, { 'helm.capstan.dev/name': 'web' })]), undefined, 'both labels are needed');
});

test('long HelmRelease names are shortened to valid label values, consistently', () => {
  assert.equal(ownerLabelValue('web'), 'web');
  const long = `${'a'.repeat(70)}.example`;
  const v = ownerLabelValue(long);
  assert.equal(v.length, 63);
  assert.match(v, /^a{50}-[0-9a-f]{12}$/);
  assert.notEqual(ownerLabelValue(`${long}x`), v);
  assert.deepEqual(ownerRefOf({ metadata: { name: long, namespace: 'ns' } }), { namespace: 'ns', name: v });
  assert.deepEqual(ownerRefOf({ metadata: { name: 'x' } }), { namespace: 'default', name: 'x' });
});

test('presence of a looked-up owner', () => {
  const hr = (spec: Record<string, unknown>) => ({
    apiVersion: 'helm.capstan.dev/v1', kind: 'HelmRelease', metadata: { name: 'web', namespace: 'team-b' },
    spec: { interval: '1m', chart: { git: { url: 'file:///r', path: 'c' } }, ...spec },
  });
  const release = { name: 'shared', storageNamespace: 'team-a' };
  assert.equal(presenceOf(undefined, release), 'gone');
  assert.equal(presenceOf(hr({ releaseName: 'shared', storageNamespace: 'team-a' }), release), 'claims');
  assert.equal(presenceOf(hr({ releaseName: 'shared' }), release), 'elsewhere', 'its storage is its own namespace now');
  assert.equal(presenceOf(hr({ releaseName: 'other', storageNamespace: 'team-a' }), release), 'elsewhere');
  assert.equal(presenceOf({ ...hr({}), spec: { bogus: true } }, release), 'claims', 'an invalid spec is assumed to still claim it');
});
