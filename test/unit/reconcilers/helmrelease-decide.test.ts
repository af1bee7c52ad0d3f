import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HelmReleaseSpec } from '../../../src/api/index.ts';
import { decide, type DecideInput, type NextStep } from '../../../src/reconcilers/helmrelease/decide.ts';

const spec = (extra: Record<string, unknown> = {}) => HelmReleaseSpec.parse({ chart: { git: { url: 'file:///r', path: 'c' } }, interval: '1m', ...extra });
const base = (o: Partial<DecideInput>): DecideInput => ({ status: 'InSync', spec: spec(), failures: { install: 0, upgrade: 0 }, lastAction: undefined, canRollback: true, ...o });
const act = (action: string): NextStep => ({ type: 'act', action } as NextStep);

const cases: [string, Partial<DecideInput>, NextStep][] = [
  ['an in-sync release needs nothing', {}, { type: 'none' }],
  ['a pending release is unlocked', { status: 'Locked' }, act('unlock')],
  ['an absent release is installed', { status: 'Absent' }, act('install')],
  ['an absent release stalls when install retries are exhausted', { status: 'Absent', failures: { install: 1, upgrade: 0 }, lastAction: 'install' }, { type: 'stall', action: 'install', attempts: 1 }],
  ['an absent release is installed again while retries remain', { status: 'Absent', spec: spec({ install: { remediation: { retries: 2 } } }), failures: { install: 2, upgrade: 0 }, lastAction: 'install' }, act('install')],
  ['a release made by someone else is adopted by upgrading', { status: 'Unmanaged' }, act('upgrade')],
  ['an out-of-sync release is upgraded', { status: 'OutOfSync', lastAction: 'upgrade' }, act('upgrade')],
  ['an out-of-sync release stalls once upgrade retries are exhausted', { status: 'OutOfSync', lastAction: 'upgrade', failures: { install: 0, upgrade: 1 } }, { type: 'stall', action: 'upgrade', attempts: 1 }],
  ['negative retries never exhaust', { status: 'OutOfSync', lastAction: 'upgrade', spec: spec({ upgrade: { remediation: { retries: -1 } } }), failures: { install: 0, upgrade: 99 } }, act('upgrade')],
  ['an untested release is tested', { status: 'Untested' }, act('test')],
  ['drift is corrected when detection is enabled', { status: 'Drifted' }, act('correct-drift')],
  ['drift is only reported in warn mode', { status: 'Drifted', spec: spec({ driftDetection: { mode: 'warn' } }) }, { type: 'none' }],
  ['a failed release with no attempt on record is upgraded', { status: 'Failed' }, act('upgrade')],
  ['a failed release whose failures were reset (new config) is upgraded, not remediated', { status: 'Failed', lastAction: 'upgrade' }, act('upgrade')],
  ['a failed upgrade with retries 0 and no remediateLastFailure stalls', { status: 'Failed', lastAction: 'upgrade', failures: { install: 0, upgrade: 1 } }, { type: 'stall', action: 'upgrade', attempts: 1 }],
  ['a failed upgrade within retries is rolled back', { status: 'Failed', lastAction: 'upgrade', spec: spec({ upgrade: { remediation: { retries: 2 } } }), failures: { install: 0, upgrade: 1 } }, act('rollback')],
  ['the last failure is remediated when asked even with retries exhausted', { status: 'Failed', lastAction: 'upgrade', spec: spec({ upgrade: { remediation: { retries: 0, remediateLastFailure: true } } }), failures: { install: 0, upgrade: 1 } }, act('rollback')],
  ['retries > 0 remediate the last failure by default', { status: 'Failed', lastAction: 'upgrade', spec: spec({ upgrade: { remediation: { retries: 1 } } }), failures: { install: 0, upgrade: 2 } }, act('rollback')],
  ['strategy uninstall uninstalls', { status: 'Failed', lastAction: 'upgrade', spec: spec({ upgrade: { remediation: { retries: 1, strategy: 'uninstall' } } }), failures: { install: 0, upgrade: 1 } }, act('uninstall')],
  ['nothing to roll back to: uninstall', { status: 'Failed', lastAction: 'upgrade', canRollback: false, spec: spec({ upgrade: { remediation: { retries: 1 } } }), failures: { install: 0, upgrade: 1 } }, act('uninstall')],
  ['a failed install is remediated by uninstalling', { status: 'Failed', lastAction: 'install', spec: spec({ install: { remediation: { retries: 1 } } }), failures: { install: 1, upgrade: 0 } }, act('uninstall')],
];

for (const [name, input, want] of cases) {
  test(name, () => assert.deepEqual(decide(base(input)), want));
}
