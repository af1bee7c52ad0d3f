import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { violations } from '../../support/import-rules.ts';

test('the import rule check catches a forbidden import', () => {
  const root = mkdtempSync(join(tmpdir(), 'capstan-rules-'));
  mkdirSync(join(root, 'template'));
  mkdirSync(join(root, 'kube'));
  writeFileSync(join(root, 'kube', 'client.ts'), 'export const x = 1;\n');
  writeFileSync(join(root, 'template', 'exec.ts'), "import { x } from '../kube/client.ts';\nexport const y = x;\n");
  assert.deepEqual(violations(root), ['template/exec.ts:1: layer "template" may not import "kube" (../kube/client.ts)']);
});
