import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pino } from 'pino';
import { ArtifactStore, DEFAULT_ARTIFACT_LIMITS, digestOf, isArtifactError, packFiles } from '../../../src/source/artifacts/index.ts';

const log = pino({ level: 'silent' });

describe('ArtifactStore', () => {
  const root = mkdtempSync(join(tmpdir(), 'capstan-store-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  test('put is content-addressed: same bytes, same digest, one file', async () => {
    const store = await ArtifactStore.open({ root: join(root, 's1'), log });
    const a = await store.put(Buffer.from('hello'), { kind: 'chart' });
    const b = await store.put(Readable.from([Buffer.from('hel'), Buffer.from('lo')]), { kind: 'tree' });
    assert.equal(a.digest, digestOf('hello'));
    assert.equal(b.digest, a.digest);
    assert.equal(a.size, 5);
    assert.ok(await store.has(a.digest));
    assert.equal((await store.read(a.digest)).toString(), 'hello');
    assert.deepEqual(await store.get(a.digest), a);
    assert.ok(await store.verify(a.digest));
    assert.deepEqual(readdirSync(join(root, 's1', 'tmp')), [], 'no temporary file left');
    assert.equal(await store.get(digestOf('other')), undefined);
    await assert.rejects(store.read(digestOf('other')), (e) => isArtifactError(e, 'NotFound'));
    await assert.rejects(store.get('sha256:nothex'), (e) => isArtifactError(e, 'InvalidDigest'));
  });

  test('limits: a chart over 10 MiB by default, any kind over a configured or explicit limit', async () => {
    assert.equal(DEFAULT_ARTIFACT_LIMITS.chart, 10 * 1024 * 1024);
    assert.equal(DEFAULT_ARTIFACT_LIMITS.file, 5 * 1024 * 1024);
    const store = await ArtifactStore.open({ root: join(root, 's2'), log, limits: { tree: 100 } });
    await assert.rejects(store.put(Buffer.alloc(DEFAULT_ARTIFACT_LIMITS.chart + 1), { kind: 'chart' }), (e) => isArtifactError(e, 'TooLarge') && /10 MiB/.test(e.message));
    await assert.rejects(store.put(Buffer.alloc(101), { kind: 'tree' }), (e) => isArtifactError(e, 'TooLarge'));
    await assert.rejects(store.put(Buffer.alloc(11), { kind: 'chart', maxBytes: 10 }), (e) => isArtifactError(e, 'TooLarge'));
    assert.deepEqual(readdirSync(join(root, 's2', 'tmp')), []);
    assert.deepEqual(readdirSync(join(root, 's2', 'sha256')), []);
    assert.throws(() => new ArtifactStore({ root, log, limits: { chart: -1 } }), RangeError);
  });

  test('gc removes what is not kept, except what was written within the grace period', async () => {
    const store = await ArtifactStore.open({ root: join(root, 's3'), log });
    const keep = await store.put(Buffer.from('keep'), { kind: 'tree' });
    const old = await store.put(Buffer.from('old'), { kind: 'tree' });
    const fresh = await store.put(Buffer.from('fresh'), { kind: 'tree' });
    const past = new Date(Date.now() - 3_600_000);
    for (const a of [keep, old]) utimesSync(a.path, past, past);
    writeFileSync(join(root, 's3', 'tmp', 'leftover'), 'x');
    utimesSync(join(root, 's3', 'tmp', 'leftover'), past, past);
    const r = await store.gc(new Set([keep.digest]));
    assert.deepEqual(r.removed, [old.digest]);
    assert.equal(r.freedBytes, 3);
    assert.ok(await store.has(keep.digest));
    assert.ok(await store.has(fresh.digest), 'written moments ago: maybe not recorded in a status yet');
    assert.deepEqual(readdirSync(join(root, 's3', 'tmp')), []);
    const again = await store.put(Buffer.from('old'), { kind: 'tree' });
    assert.equal(again.digest, old.digest, 'a removed artifact can be stored again');
    await new Promise((r) => setTimeout(r, 20)); // file times are finer than Date.now()
    const now = await store.gc(new Set(), { graceMs: 0 });
    assert.equal(now.removed.length, 3);
  });

  test('packFiles is reproducible: the same tree packs to the same digest whatever the time stamps', async () => {
    const dir = join(root, 'tree');
    mkdirSync(join(dir, 'a'), { recursive: true });
    writeFileSync(join(dir, 'a', 'x.yaml'), 'x: 1\n');
    writeFileSync(join(dir, 'b.yaml'), 'b: 2\n');
    const store = await ArtifactStore.open({ root: join(root, 's4'), log });
    const one = await store.put(packFiles(dir, ['a/x.yaml', 'b.yaml']), { kind: 'tree' });
    const past = new Date(Date.now() - 3_600_000);
    utimesSync(join(dir, 'b.yaml'), past, past);
    const two = await store.put(packFiles(dir, ['a/x.yaml', 'b.yaml']), { kind: 'tree' });
    assert.equal(two.digest, one.digest);
    writeFileSync(join(dir, 'b.yaml'), 'b: 3\n');
    const three = await store.put(packFiles(dir, ['a/x.yaml', 'b.yaml']), { kind: 'tree' });
    assert.notEqual(three.digest, one.digest);
  });
});
