import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { packageViolations, violations } from '../../support/import-rules.ts';

const root = join(import.meta.dirname, '..', '..', '..');

test('every src/ folder imports only what its layer row allows', () => {
  assert.deepEqual(violations(join(root, 'src')), []);
});

test('the workspace packages import only node built-ins, their own files and the packages they depend on', () => {
  assert.deepEqual(packageViolations(join(root, 'packages')), []);
});
