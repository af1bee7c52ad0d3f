import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { allKinds, parseCapstanObject } from '../../../src/api/index.ts';

const examples = parseAllDocuments(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'api', 'architecture-examples.yaml'), 'utf8'))
  .map((d) => d.toJS() as { apiVersion: string; kind: string });

test('ARCHITECTURE.md has one example of every kind', () => {
  assert.deepEqual(examples.map((e) => e.kind).sort(), allKinds.map((k) => k.kind).sort());
});

for (const ex of examples) {
  test(`the ARCHITECTURE.md example of ${ex.kind} parses`, () => {
    const r = parseCapstanObject(ex);
    assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.issues));
  });
}

test('an object of another kind is refused at kind', () => {
  assert.deepEqual(parseCapstanObject({ apiVersion: 'v1', kind: 'ConfigMap' }), {
    ok: false, issues: [{ path: 'kind', message: 'Unsupported value: "v1, Kind=ConfigMap": not a Capstan kind' }],
  });
});
