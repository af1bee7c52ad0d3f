import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirFilesFromMemory } from '../../../src/chart/loader.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

test('in-memory chart directory: .helmignore, default ignore of templates/.*, directory walk order, BOM', () => {
  const files = new Map<string, Uint8Array>([
    ['Chart.yaml', enc('apiVersion: v2\nname: conf\nversion: 0.1.0\n')],
    ['.helmignore', enc('files/ignored.txt\n*.md\nconfig/\n')],
    ['files/ignored.txt', enc('x')],
    ['files/a.txt', enc('a')],
    ['a.txt', enc('top')],
    ['other.md', enc('# doc')],
    ['config/app.conf', enc('x=1')],
    ['templates/.hidden.yaml', enc('x')],
    ['templates/x.yaml', new Uint8Array([0xef, 0xbb, 0xbf, 0x61])],
  ]);
  const out = dirFilesFromMemory(files);
  assert.deepEqual(out.map((f) => f.name), ['.helmignore', 'Chart.yaml', 'a.txt', 'files/a.txt', 'templates/x.yaml']);
  assert.deepEqual([...out.at(-1)!.data], [0x61]);
});
