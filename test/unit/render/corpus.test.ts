/**
 * A fast subset of the chart corpus (`npm run corpus` runs all of it): Helm's own test charts and five real
 * charts, rendered by the code of `capstan template` and compared with helm v3.17.2's output (live, cached
 * under `<cache>/corpus/`), through the same function as scripts/corpus.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { defaultCorpusFile, defaultCorpusRoot, loadCorpus, runCorpusCase } from '../../support/corpus.ts';

const REAL_CHARTS = new Set(['podinfo', 'metrics-server', 'cluster-autoscaler', 'fluent-bit', 'kube-state-metrics']);

const present = existsSync(defaultCorpusFile);
const cases = present ? loadCorpus().filter((c) => c.chart.startsWith('helm-') || REAL_CHARTS.has(c.chart)) : [];

if (!present) {
  test('chart corpus', { skip: `the shared chart corpus is not present (${defaultCorpusFile})` }, () => {});
}

for (const c of cases) {
  test(`corpus ${c.id}`, async () => {
    const o = await runCorpusCase(c, defaultCorpusRoot);
    assert.ok(o.pass, `${o.id}: ${o.reason ?? ''}\n${o.diff ?? ''}`);
  });
}

test('the subset covers the Helm test charts, the real charts and error cases', { skip: !present && 'no corpus' }, () => {
  assert.ok(cases.length >= 40, `${cases.length} cases`);
  assert.equal(new Set(cases.filter((c) => REAL_CHARTS.has(c.chart)).map((c) => c.chart)).size, REAL_CHARTS.size);
  assert.ok(cases.some((c) => c.expectError));
});
