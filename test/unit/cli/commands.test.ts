import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commands } from '../../../src/cli/commands.ts';

test('the lazy command table names each module export with its own name and summary', async () => {
  for (const entry of commands) {
    const loaded = await entry.load();
    assert.ok(loaded, `${entry.name}: export not found`);
    assert.equal(loaded.name, entry.name);
    assert.equal(loaded.summary, entry.summary, `${entry.name}: summary differs from the command module's`);
  }
});

test('capstan template is registered', () => {
  assert.ok(commands.some((c) => c.name === 'template'));
});
