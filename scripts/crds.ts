/**
 * npm run crds: writes the CRD manifests generated from src/api into crds/ (`<group>_<plural>.yaml`) and
 * removes generated files whose kind no longer exists. test/unit/api/crds-up-to-date.test.ts fails when crds/
 * is stale.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crdFiles, generatedHeader } from '../src/api/crd-gen/index.ts';

const dir = join(import.meta.dirname, '..', 'crds');
const files = crdFiles();
const names = new Set(files.map((f) => f.name));

for (const f of files) {
  const path = join(dir, f.name);
  const old = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (old === f.content) continue;
  writeFileSync(path, f.content);
  console.error(`${old === undefined ? 'created' : 'updated'} crds/${f.name}`);
}
for (const name of readdirSync(dir)) {
  if (!name.endsWith('.yaml') || names.has(name)) continue;
  if (!readFileSync(join(dir, name), 'utf8').startsWith(generatedHeader)) continue;
  rmSync(join(dir, name));
  console.error(`removed crds/${name}`);
}
console.error(`crds/: ${files.length} CRDs up to date`);
