import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CORPUS, FIXTURES, helmValues, readExpect } from './helpers.ts';

interface ValuesCase {
  chart: string;
  args: string[];
  expect?: string | null;
  expectSha256?: string;
  expectLength?: number;
  warnings: string[];
}

// Top-level .Values (toJson) and log warnings as `helm template` v3.17.2 printed them for our
// fixtures and for charts of the shared corpus (dependencies, aliases, conditions, tags,
// import-values, globals, null deletion, -f/--set precedence).
const cases = readExpect<ValuesCase[]>('values.json');

for (const c of cases) {
  const fixture = join(FIXTURES, c.chart);
  const path = existsSync(fixture) ? fixture : join(CORPUS, c.chart);
  test(`values of ${c.chart} ${c.args.join(' ')}`, { skip: !existsSync(path) && 'chart not present' }, () => {
    const r = helmValues(path, c.args, FIXTURES);
    const got = r.json ?? r.error!;
    if (c.expectSha256) {
      assert.equal(got.length, c.expectLength);
      assert.equal(createHash('sha256').update(got).digest('hex'), c.expectSha256);
    } else {
      assert.equal(got, c.expect);
    }
    assert.deepEqual([...r.warnings].sort(), c.warnings);
  });
}
