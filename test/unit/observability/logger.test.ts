import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRootLogger } from '../../../src/observability/logger.ts';

test('the root logger writes JSON lines; child loggers carry their bindings; secrets are redacted', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'capstan-log-')), 'log.jsonl');
  const fd = openSync(file, 'w');
  const root = createRootLogger({ fd, level: 'debug' });
  const child = root.child({ component: 'helmrelease', name: 'apps/web' });
  child.info({ auth: { password: 'hunter2', username: 'bob' } }, 'fetched');
  child.debug('detail');
  closeSync(fd);
  const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(lines.length, 2);
  assert.equal(lines[0]?.['component'], 'helmrelease');
  assert.equal(lines[0]?.['msg'], 'fetched');
  assert.deepEqual(lines[0]?.['auth'], { password: '[redacted]', username: 'bob' });
  assert.doesNotMatch(readFileSync(file, 'utf8'), /hunter2/);
});
