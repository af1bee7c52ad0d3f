import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import * as C from '../../../src/chart/index.ts';
import { CORPUS, helmValues, readExpect } from './helpers.ts';

interface SchemaCase {
  schema: unknown;
  values?: string;
  set?: string[];
  sub?: { values: string; schema: unknown };
  error: string | null;
}

// values.schema.json cases with the error text helm template v3.17.2 printed (gojsonschema v1.2.0
// wording, contexts, anyOf/oneOf branch choice, schema compile errors, subchart schemas).
const cases = readExpect<SchemaCase[]>('schema.json');

function writeChart(dir: string, name: string, values: string, schema: unknown): void {
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`);
  writeFileSync(join(dir, 'values.yaml'), values);
  writeFileSync(join(dir, 'values.schema.json'), typeof schema === 'string' ? schema : JSON.stringify(schema));
}

cases.forEach((c, i) => {
  test(`schema case ${i}: ${JSON.stringify(c.schema).slice(0, 80)}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'capstan-schema-'));
    try {
      writeChart(join(dir, 'c'), 'sch', c.values ?? '', c.schema);
      if (c.sub) writeChart(join(dir, 'c/charts/sub'), 'sub', c.sub.values, c.sub.schema);
      const args = (c.set ?? []).flatMap((s) => ['--set', s]);
      const r = helmValues(join(dir, 'c'), args, dir);
      // recorded from stderr with trailing newlines trimmed; the Go message ends with "\n" per error line
      assert.equal(r.error?.trimEnd() ?? null, c.error === null ? null : `Error: ${c.error}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('corpus schema charts', () => {
  assert.equal(helmValues(join(CORPUS, 'helm-chart-with-schema'), [], CORPUS).error, undefined);
  assert.equal(
    helmValues(join(CORPUS, 'helm-chart-with-schema'), ['--set', 'age=-5'], CORPUS).error,
    "Error: values don't meet the specifications of the schema(s) in the following chart(s):\nempty:\n- age: Must be greater than or equal to 0\n",
  );
  assert.equal(
    helmValues(join(CORPUS, 'helm-chart-with-schema-negative'), [], CORPUS).error,
    "Error: values don't meet the specifications of the schema(s) in the following chart(s):\nempty:\n- (root): employmentInfo is required\n- age: Must be greater than or equal to 0\n",
  );
});

test('validateAgainstSingleSchema reports each error on its own line', () => {
  const vals = C.fromPlain({ a: 'x', n: 3 }) as C.Values;
  const schema = JSON.stringify({ properties: { a: { type: 'integer' }, n: { maximum: 2.5, multipleOf: 2 } } });
  assert.equal(
    C.validateAgainstSingleSchema(vals, schema),
    '- a: Invalid type. Expected: integer, given: string\n- n: Must be a multiple of 2\n- n: Must be less than or equal to 2.5\n',
  );
  assert.equal(C.validateAgainstSingleSchema(vals, '{}'), null);
  // --set integers (int64) are JSON integers; float64 values with no fraction are integers too
  const ints = new Map<string, C.Value>([['i', 5n], ['f', 5], ['g', 5.5]]);
  assert.equal(
    C.validateAgainstSingleSchema(ints, JSON.stringify({ properties: { i: { type: 'integer' }, f: { type: 'integer' }, g: { type: 'integer' } } })),
    '- g: Invalid type. Expected: integer, given: number\n',
  );
});
