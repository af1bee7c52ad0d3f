import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crdFiles, generatedHeader } from '../../../src/api/crd-gen/index.ts';

const dir = join(import.meta.dirname, '..', '..', '..', 'crds');

test('crds/ holds exactly what `npm run crds` generates from src/api', () => {
  const files = crdFiles();
  const problems: string[] = [];
  for (const f of files) {
    const path = join(dir, f.name);
    if (!existsSync(path)) problems.push(`crds/${f.name} is missing`);
    else if (readFileSync(path, 'utf8') !== f.content) problems.push(`crds/${f.name} differs from a fresh generation`);
  }
  const wanted = new Set(files.map((f) => f.name));
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.yaml') && !wanted.has(name) && readFileSync(join(dir, name), 'utf8').startsWith(generatedHeader)) {
      problems.push(`crds/${name} is generated but no kind produces it any more`);
    }
  }
  assert.deepEqual(problems, [], `${problems.join('\n')}\nrun: npm run crds`);
});
