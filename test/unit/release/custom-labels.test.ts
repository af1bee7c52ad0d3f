/** Custom release labels as Helm 3.17 keeps them (src/helm/release-labels.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCustomLabels, customLabels, mergeCustomLabels } from '../../../src/helm/index.ts';
import { ActionError } from '../../../src/helm/errors.ts';
import { MemoryDriver, Storage, type Release } from '../../../src/release/index.ts';

test('mergeCustomLabels: the new labels override, the old ones stay, a "null" value removes the label', () => {
  const cases: [string, Record<string, string>, Record<string, string> | undefined, Record<string, string>][] = [
    ['no new labels keeps the old ones', { team: 'a', tier: 'web' }, undefined, { team: 'a', tier: 'web' }],
    ['new labels are added', { team: 'a' }, { env: 'prod' }, { team: 'a', env: 'prod' }],
    ['a new value overrides', { team: 'a' }, { team: 'b' }, { team: 'b' }],
    ['"null" deletes', { team: 'a', tier: 'web' }, { tier: 'null' }, { team: 'a' }],
    ['"null" for a label that is not there adds nothing', {}, { tier: 'null' }, {}],
    ['an old "null" value goes too (Helm filters the merged map)', { odd: 'null' }, {}, {}],
    ['an empty value is a value, not a deletion', { team: 'a' }, { team: '' }, { team: '' }],
  ];
  for (const [name, current, desired, want] of cases) assert.deepEqual(mergeCustomLabels(current, desired), want, name);
});

test('customLabels drops the system labels a history read returns', () => {
  const r: Pick<Release, 'labels'> = { labels: { name: 'app', owner: 'helm', status: 'deployed', version: '3', createdAt: '1', modifiedAt: '2', team: 'a' } };
  assert.deepEqual(customLabels(r), { team: 'a' });
  assert.deepEqual(customLabels(undefined), {});
});

test('labels named as system labels are refused with Helm\'s message', () => {
  assert.doesNotThrow(() => checkCustomLabels({ team: 'a' }));
  assert.doesNotThrow(() => checkCustomLabels(undefined));
  assert.throws(() => checkCustomLabels({ owner: 'me' }), (e: unknown) => e instanceof ActionError && e.code === 'InvalidLabels'
    && e.message === 'user supplied labels contains system reserved label name. System labels: [name owner status version createdAt modifiedAt]');
});

test('custom labels survive a history read and a status update (as supersede and markFailed write them)', async () => {
  const s = new Storage(new MemoryDriver());
  await s.create({ name: 'app', namespace: 'ns', version: 1, info: { status: 'deployed' }, labels: { team: 'a' } });
  const [read] = await s.history('app');
  assert.ok(read);
  assert.deepEqual(customLabels(read), { team: 'a' });
  await s.update({ ...read, info: { status: 'superseded' } });
  assert.deepEqual(customLabels((await s.history('app'))[0]), { team: 'a' });
});
