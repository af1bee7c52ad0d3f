import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitManifests } from '../../../src/render/manifest-split.ts';

// Go's regexp `(?:^|\s*\n)---\s*` is leftmost-first and linear; these pin the cases the
// indexOf-based scanner must agree on.
test('splitManifests: the separator takes the whole whitespace run before its newline', () => {
  assert.deepEqual(splitManifests('a: 1 \t\n \n---\nb: 2'), ['a: 1', 'b: 2']);
  assert.deepEqual(splitManifests('a:\n  b: 1\n  ---\nc: 2'), ['a:\n  b: 1\n  ---\nc: 2']);
  assert.deepEqual(splitManifests('a\n----\nb'), ['a', '-\nb']);
  assert.deepEqual(splitManifests('a\n---b\n---\nc'), ['a', 'b', 'c']);
  assert.deepEqual(splitManifests('---a'), ['a']);
  assert.deepEqual(splitManifests('a\f\n---\fb'), ['a', 'b']);
  assert.deepEqual(splitManifests('a\v\n---\nb'), ['a', 'b']); // \v is not \s, but documents are trimmed
  assert.deepEqual(splitManifests('a\n---\n---\n---'), ['a', '---']);
});

test('splitManifests: long indentation runs stay linear', () => {
  const run = ' '.repeat(200_000);
  const doc = `a:\n${run}b: 1\n${run}\n---\nc: 2\n`;
  const t0 = performance.now();
  const docs = splitManifests(doc);
  assert.ok(performance.now() - t0 < 500);
  assert.deepEqual(docs, [`a:\n${run}b: 1`, 'c: 2']);
});
