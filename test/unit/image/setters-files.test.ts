import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  WriteBackError, applySettersInDir, defaultCommitMessage, parseMarker, readUpdateFiles, revertMessage, type SetterChange,
} from '../../../src/image/setters/index.ts';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'capstan-setters-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

test('readUpdateFiles: YAML under the path, sorted, .git and symbolic links skipped', async () => {
  const outside = tree({ 'secret.yaml': 'x: 1\n' });
  const dir = tree({
    'clusters/dev/b.yaml': 'b: 1\n', 'clusters/dev/a.yml': 'a: 1\n', 'clusters/dev/sub/c.YAML': 'c: 1\n',
    'clusters/dev/notes.txt': 'n\n', 'clusters/prod/p.yaml': 'p: 1\n', 'clusters/dev/.git/config.yaml': 'g: 1\n',
  });
  symlinkSync(join(outside, 'secret.yaml'), join(dir, 'clusters/dev/link.yaml'));
  symlinkSync(outside, join(dir, 'clusters/dev/linkdir'));
  try {
    assert.deepEqual((await readUpdateFiles(dir, './clusters/dev')).map((f) => f.path),
      ['clusters/dev/a.yml', 'clusters/dev/b.yaml', 'clusters/dev/sub/c.YAML']);
    assert.deepEqual((await readUpdateFiles(dir, 'clusters/prod/p.yaml')).map((f) => f.path), ['clusters/prod/p.yaml'], 'a single file');
    assert.equal((await readUpdateFiles(dir, './')).length, 4);
    await assert.rejects(readUpdateFiles(dir, '../'), (e: unknown) => e instanceof WriteBackError && e.code === 'InvalidPath');
    await assert.rejects(readUpdateFiles(dir, '/etc'), (e: unknown) => e instanceof WriteBackError && e.code === 'InvalidPath');
    await assert.rejects(readUpdateFiles(dir, 'clusters/../../x'), (e: unknown) => e instanceof WriteBackError && e.code === 'InvalidPath');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test('applySettersInDir writes only the changed files', async () => {
  const dir = tree({ 'a.yaml': 't: 1.0.0 # {"$imagepolicy": "ns:p:tag"}\n', 'b.yaml': 'x: y\n' });
  try {
    const r = await applySettersInDir(dir, '.', { 'ns:p': { image: 'img', tag: '2.0.0' } });
    assert.deepEqual(r.files.map((f) => f.path), ['a.yaml']);
    assert.equal(readFileSync(join(dir, 'a.yaml'), 'utf8'), 't: 2.0.0 # {"$imagepolicy": "ns:p:tag"}\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('markers: the four forms and the malformed ones', () => {
  assert.deepEqual(parseMarker('# {"$imagepolicy": "apps:app"}'), { ok: true, policy: 'apps:app', field: 'image' });
  assert.deepEqual(parseMarker('#{"$imagepolicy":"apps:app:tag"}'), { ok: true, policy: 'apps:app', field: 'tag' });
  assert.deepEqual(parseMarker('# {"$imagepolicy": "apps:app:name"}'), { ok: true, policy: 'apps:app', field: 'name' });
  assert.deepEqual(parseMarker('# {"$imagepolicy": "apps:app:digest"}'), { ok: true, policy: 'apps:app', field: 'digest' });
  assert.equal(parseMarker('# just a comment'), undefined);
  assert.equal(parseMarker('# {"$imagepolicy": "app"}')?.ok, false);
  assert.equal(parseMarker('# {"$imagepolicy": "a:b:c:d"}')?.ok, false);
  assert.equal(parseMarker('# {"$imagepolicy": 3}')?.ok, false);
  assert.equal(parseMarker('# $imagepolicy: apps:app')?.ok, false);
});

test('the default commit message groups changes by file', () => {
  const c = (file: string, line: number, oldValue: string, newValue: string, extra: Partial<SetterChange> = {}): SetterChange =>
    ({ file, line, column: 9, policy: 'apps:myapp', field: 'tag', oldValue, newValue, ...extra });
  const msg = defaultCommitMessage([
    c('b.yaml', 3, '1.0', '1.1', { object: { kind: 'HelmRelease', name: 'demo', namespace: 'apps' } }),
    c('a.yaml', 7, 'r:1.0', 'r:1.1', { field: 'image', object: { kind: 'Deployment', name: 'web' } }),
    c('b.yaml', 9, '1.0', '1.1'),
  ], { automation: 'capstan-system/infra' });
  assert.equal(msg, [
    'Update from image update automation',
    '',
    'Automation: capstan-system/infra',
    '',
    'Files:',
    '- a.yaml',
    '  - line 7 Deployment web: r:1.0 -> r:1.1 (apps:myapp)',
    '- b.yaml',
    '  - line 3 HelmRelease apps/demo: 1.0 -> 1.1 (apps:myapp:tag)',
    '  - line 9: 1.0 -> 1.1 (apps:myapp:tag)',
    '',
  ].join('\n'));
});

test('the revert message: Revert "<subject>" … because <reason>.', () => {
  assert.equal(revertMessage('Update from image update automation', 'abc123', 'apps/demo failed its health check.'),
    'Revert "Update from image update automation"\n\nThis reverts commit abc123 because apps/demo failed its health check.\n');
});
