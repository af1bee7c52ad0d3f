import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'capstan.js');

test('capstan --help lists the commands', async () => {
  const { stdout } = await run(process.execPath, [bin, '--help']);
  assert.match(stdout, /^Capstan: a GitOps operator for Helm\./);
  assert.match(stdout, /\n {2}version +Print the version of Capstan\n/);
});

test('an unknown command is an error naming it, exit 1', async () => {
  const r = await run(process.execPath, [bin, 'frobnicate']).then(() => undefined, (e: { code: number; stderr: string }) => e);
  assert.equal(r?.code, 1);
  assert.match(r?.stderr ?? '', /^Error: unknown command "frobnicate" for "capstan"/);
});

test('the launcher re-executes an older system Node with the project Node 24', { skip: !existsSync('/usr/bin/node') && 'no system node' }, async () => {
  const { stdout } = await run('/usr/bin/node', [bin, 'version']);
  assert.match(stdout, /^capstan v\d+\.\d+\.\d+ \(node v24\./);
});
