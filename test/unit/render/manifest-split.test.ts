import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitManifests } from '../../../src/render/manifest-split.ts';

test('splitManifests: separators, empty documents, surrounding whitespace', () => {
  assert.deepEqual(splitManifests('a: 1\n---\nb: 2\n'), ['a: 1', 'b: 2']);
  assert.deepEqual(splitManifests('---\na: 1\n---\n---\nb: 2\n---\n'), ['a: 1', '---\nb: 2']);
  assert.deepEqual(splitManifests('--- \na: 1\n--- # comment\nb: 2\n'), ['a: 1', '# comment\nb: 2']);
  assert.deepEqual(splitManifests('  ---\na: 1\n'), ['a: 1']);
  assert.deepEqual(splitManifests(''), []);
  assert.deepEqual(splitManifests('\n\n'), []);
  assert.deepEqual(splitManifests('a: 1\n---\n# comment only\n---\nb: 2'), ['a: 1', '# comment only', 'b: 2']);
  assert.deepEqual(splitManifests('a: "x---y"\nb: ---'), ['a: "x---y"\nb: ---']);
  assert.deepEqual(splitManifests('a: 1\r\n---\r\nb: 2\r\n'), ['a: 1', 'b: 2']);
});
