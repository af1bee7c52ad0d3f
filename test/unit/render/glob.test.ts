import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGlob } from '../../../src/render/glob.ts';

const files = ['files/a.txt', 'files/b.txt', 'files/c.json', 'config/app.conf', 'other.md', 'files/sub/deep.txt', '.helmignore'];

function matching(pattern: string): string[] {
  const g = compileGlob(pattern, '/');
  assert.ok(g, `pattern ${pattern} should compile`);
  return files.filter((f) => g.match(f)).sort();
}

test('gobwas glob: * stays within a path segment, ** crosses them', () => {
  assert.deepEqual(matching('files/*'), ['files/a.txt', 'files/b.txt', 'files/c.json']);
  assert.deepEqual(matching('**.txt'), ['files/a.txt', 'files/b.txt', 'files/sub/deep.txt']);
  assert.deepEqual(matching('*.md'), ['other.md']);
  assert.deepEqual(matching('**'), [...files].sort());
  assert.deepEqual(matching('files/**'), ['files/a.txt', 'files/b.txt', 'files/c.json', 'files/sub/deep.txt']);
  assert.deepEqual(matching('nothing/*'), []);
});

test('gobwas glob: ?, classes, ranges and alternatives', () => {
  assert.deepEqual(matching('files/?.txt'), ['files/a.txt', 'files/b.txt']);
  assert.deepEqual(matching('files/[ab].txt'), ['files/a.txt', 'files/b.txt']);
  assert.deepEqual(matching('files/[!a].txt'), ['files/b.txt']);
  assert.deepEqual(matching('files/[a-b].*'), ['files/a.txt', 'files/b.txt']);
  assert.deepEqual(matching('{config,files}/*.{conf,json}'), ['config/app.conf', 'files/c.json']);
  assert.deepEqual(matching('\\*'), []);
  assert.equal(compileGlob('a\\*b')!.match('a*b'), true);
  assert.equal(compileGlob('?')!.match('/'), false);
});

test('gobwas glob: malformed patterns do not compile', () => {
  assert.equal(compileGlob('[', '/'), undefined);
  assert.equal(compileGlob('[]', '/'), undefined);
  assert.equal(compileGlob('[z-a]', '/'), undefined);
  assert.equal(compileGlob('[a-c', '/'), undefined);
});
