import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { violations } from '../../support/import-rules.ts';

const src = join(import.meta.dirname, '..', '..', '..', 'src');

test('every src/ folder imports only what its layer row allows', () => {
  assert.deepEqual(violations(src), []);
});
