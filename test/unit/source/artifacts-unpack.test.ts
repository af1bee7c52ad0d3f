import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { inspectArchive, isArtifactError, unpackArchive, type ArtifactErrorCode } from '../../../src/source/artifacts/index.ts';

interface RawEntry { name: string; type?: string; data?: string; linkname?: string; size?: number }

/** A hand-made ustar archive: lets the test write entries no well-behaved tar writer would. */
function rawTar(entries: RawEntry[], gzip = true): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.from(e.data ?? '');
    const h = Buffer.alloc(512);
    h.write(e.name, 0, 100, 'utf8');
    h.write('0000644\0', 100);
    h.write('0000000\0', 108);
    h.write('0000000\0', 116);
    h.write(`${(e.size ?? data.length).toString(8).padStart(11, '0')}\0`, 124);
    h.write('00000000000\0', 136);
    h.write('        ', 148);
    h.write(e.type ?? '0', 156);
    h.write(e.linkname ?? '', 157, 100, 'utf8');
    h.write('ustar\0', 257);
    h.write('00', 263);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  const tar = Buffer.concat(blocks);
  return gzip ? gzipSync(tar) : tar;
}

describe('archive safety', () => {
  const root = mkdtempSync(join(tmpdir(), 'capstan-unpack-'));
  let n = 0;
  const archive = (entries: RawEntry[], gzip = true): string => {
    const p = join(root, `a${n++}.tgz`);
    writeFileSync(p, rawTar(entries, gzip));
    return p;
  };
  after(() => rmSync(root, { recursive: true, force: true }));

  test('a well-formed archive with internal links unpacks', async () => {
    const dest = join(root, 'good');
    const a = archive([
      { name: 'chart/', type: '5' }, { name: 'chart/Chart.yaml', data: 'name: c\n' },
      { name: 'chart/link.yaml', type: '2', linkname: 'Chart.yaml' }, { name: 'chart/hard.yaml', type: '1', linkname: 'chart/Chart.yaml' },
      { name: './chart//values.yaml', data: '' },
    ]);
    const s = await unpackArchive(a, dest);
    assert.equal(s.bytes, 8);
    assert.equal(readFileSync(join(dest, 'chart/Chart.yaml'), 'utf8'), 'name: c\n');
    assert.equal(readlinkSync(join(dest, 'chart/link.yaml')), 'Chart.yaml');
    assert.equal(readFileSync(join(dest, 'chart/hard.yaml'), 'utf8'), 'name: c\n');
    assert.ok(lstatSync(join(dest, 'chart/link.yaml')).isSymbolicLink());
    assert.deepEqual(s.entries.map((e) => e.path), ['chart', 'chart/Chart.yaml', 'chart/link.yaml', 'chart/hard.yaml', 'chart/values.yaml']);
  });

  const evil: [string, RawEntry[], ArtifactErrorCode, RegExp][] = [
    ['a ".." path', [{ name: '../evil.txt', data: 'x' }], 'UnsafeArchive', /"\.\.\/evil\.txt"/],
    ['a ".." hidden in the middle', [{ name: 'a/../../evil.txt', data: 'x' }], 'UnsafeArchive', /\.\./],
    ['an absolute path', [{ name: '/etc/evil', data: 'x' }], 'UnsafeArchive', /absolute/],
    ['a Windows drive path', [{ name: 'C:/evil', data: 'x' }], 'UnsafeArchive', /absolute/],
    ['a symlink to an absolute path', [{ name: 'passwd', type: '2', linkname: '/etc/passwd' }], 'UnsafeArchive', /points to "\/etc\/passwd"/],
    ['a symlink climbing out', [{ name: 'a/up', type: '2', linkname: '../../outside' }], 'UnsafeArchive', /outside the archive/],
    ['a file written through an internal symlink to a directory', [{ name: 'd', type: '5' }, { name: 'l', type: '2', linkname: 'd' }, { name: 'l/x', data: 'x' }], 'UnsafeArchive', /below the symbolic link "l"/],
    ['a symlink chain escaping through a linked parent', [{ name: 'a', type: '2', linkname: '.' }, { name: 'a/b', type: '2', linkname: '..' }], 'UnsafeArchive', /below the symbolic link "a"/],
    ['a hard link to a file outside', [{ name: 'h', type: '1', linkname: '../../etc/passwd' }], 'UnsafeArchive', /hard link/],
    ['a hard link to an absolute path', [{ name: 'h', type: '1', linkname: '/etc/passwd' }], 'UnsafeArchive', /hard link/],
    ['a hard link to a file not in the archive', [{ name: 'h', type: '1', linkname: 'nothing' }], 'UnsafeArchive', /not an earlier file/],
    ['a character device', [{ name: 'null', type: '3' }], 'UnsafeArchive', /CharacterDevice/],
    ['a block device', [{ name: 'sda', type: '4' }], 'UnsafeArchive', /BlockDevice/],
    ['a FIFO', [{ name: 'fifo', type: '6' }], 'UnsafeArchive', /FIFO/],
  ];
  for (const [name, entries, code, re] of evil) {
    test(`refuses ${name} and writes nothing`, async () => {
      const dest = join(root, `evil-${n}`);
      await assert.rejects(unpackArchive(archive(entries), dest), (e) => {
        assert.ok(isArtifactError(e, code), String(e));
        assert.match(e.message, re);
        return true;
      });
      assert.ok(!existsSync(dest) || readdirSync(dest).length === 0);
      assert.ok(!existsSync(join(root, 'evil.txt')) && !existsSync(join(root, '..', 'evil.txt')));
    });
  }

  test('size limits: one file, the total, the entry count', async () => {
    const big = archive([{ name: 'big', data: 'x'.repeat(2000) }]);
    await assert.rejects(inspectArchive(big, { file: 1000 }), (e) => isArtifactError(e, 'TooLarge') && /"big" is larger than the limit of 1000 bytes/.test(e.message));
    const many = archive([{ name: 'a', data: 'x'.repeat(600) }, { name: 'b', data: 'x'.repeat(600) }]);
    await assert.rejects(inspectArchive(many, { unpacked: 1000 }), (e) => isArtifactError(e, 'TooLarge') && /unpacks to more than/.test(e.message));
    await assert.rejects(inspectArchive(many, { entries: 1 }), (e) => isArtifactError(e, 'TooLarge'));
    const lying = archive([{ name: 'a', size: 10 * 1024 * 1024 * 1024, data: '' }]);
    await assert.rejects(inspectArchive(lying), (e) => isArtifactError(e, 'TooLarge'), 'the declared size counts, before any byte is read');
  });

  test('damaged archives are InvalidArchive; plain tar is read too', async () => {
    const bad = join(root, 'bad.tgz');
    writeFileSync(bad, Buffer.concat([gzipSync(Buffer.alloc(100, 1))]));
    await assert.rejects(inspectArchive(bad), (e) => isArtifactError(e, 'InvalidArchive'));
    const plain = archive([{ name: 'f', data: 'x' }], false);
    assert.deepEqual((await inspectArchive(plain)).entries.map((e) => e.path), ['f']);
  });

  test('a gzip bomb is stopped by the declared-size and ratio limits', async () => {
    const bomb = archive([{ name: 'zeros', data: '\0'.repeat(20 * 1024 * 1024) }]);
    await assert.rejects(unpackArchive(bomb, join(root, 'bomb')), (e) => isArtifactError(e) && ['TooLarge', 'InvalidArchive'].includes(e.code));
  });
});
