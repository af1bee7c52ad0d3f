import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { MemoryDriver, Storage, ReleaseError, checkReleaseSize, encodeRelease, type Release, type ReleaseStatus } from '../../../src/release/index.ts';

const rel = (version: number, status: ReleaseStatus): Release => ({ name: 'app', namespace: 'ns', version, info: { status } });

test('history, last and deployed follow Helm', async () => {
  const s = new Storage(new MemoryDriver());
  assert.deepEqual(await s.history('app'), []);
  await assert.rejects(s.last('app'), (e: unknown) => e instanceof ReleaseError && e.code === 'ReleaseNotFound');
  await s.create(rel(1, 'superseded'));
  await s.create(rel(2, 'deployed'));
  await s.create(rel(3, 'failed'));
  assert.deepEqual((await s.history('app')).map((r) => r.version), [1, 2, 3]);
  assert.equal((await s.last('app')).version, 3);
  assert.equal((await s.deployed('app')).version, 2);
  await assert.rejects(s.create(rel(3, 'failed')), /release: already exists/);
});

test('maxHistory prunes the oldest revisions but never the last deployed one', async () => {
  const s = new Storage(new MemoryDriver(), 3);
  await s.create(rel(1, 'deployed'));
  for (let v = 2; v <= 6; v++) await s.create(rel(v, 'failed'));
  // revision 1 is the last deployed: it stays, the oldest failed ones go
  assert.deepEqual((await s.history('app')).map((r) => `${r.version}:${r.info?.status}`), ['1:deployed', '5:failed', '6:failed']);
});

test('a release over the Secret limit is refused naming its biggest parts', () => {
  const big: Release = { ...rel(1, 'deployed'), manifest: 'x'.repeat(10), chart: { metadata: { name: 'app' }, lock: null, templates: [], values: {}, schema: null, files: [{ name: 'blob', data: new Uint8Array(randomBytes(2_000_000)) }] } };
  const encoded = encodeRelease(big);
  assert.throws(() => checkReleaseSize(big, encoded), (e: unknown) =>
    e instanceof ReleaseError && e.code === 'ReleaseTooLarge' && /over the 1024\.0 KiB limit of a Secret; biggest parts before compression: files /.test(e.message));
});
