import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as C from '../../../src/chart/index.ts';
import { CORPUS, FIXTURES } from './helpers.ts';

const v = (o: unknown) => C.fromPlain(o) as C.Values;

test('conditions, tags, aliases and library subcharts (fixture deps)', () => {
  const warnings: string[] = [];
  const ch = C.loadChart(join(FIXTURES, 'deps'));
  C.checkDependencies(ch);
  C.processDependenciesWithMerge(ch, new Map(), { warn: (m) => warnings.push(m) });
  // web2 disabled by its condition; cache kept: `enabled: 1` is not a bool (warning), so it stays enabled
  assert.deepEqual(ch.dependencies().map((d) => d.name()), ['web', 'db', 'lib', 'cache', 'packed']);
  assert.deepEqual(ch.metadata.dependencies?.map((d) => d?.name), ['web', 'db', 'lib', 'cache', 'packed']);
  assert.ok(warnings.includes("Warning: Condition path 'cache.enabled' for chart cache returned non-bool value"));
  assert.equal(ch.metadata.dependencies?.[0]?.enabled, true);
  // import-values rewritten as {child, parent}
  assert.deepEqual(C.toPlain(ch.metadata.dependencies![1]!.importValues as C.Value), [
    { child: 'exports.data', parent: '.' },
    { child: 'settings', parent: 'dbSettings' },
    { child: 'settings.nested', parent: 'deep.path' },
    { child: 'exports.missing', parent: '.' },
  ]);
  assert.deepEqual(C.toPlain(ch.values!.get('dbSettings')!), { override: 'parent', fromChild: 1, nested: { x: 1 } });
  assert.ok(warnings.includes('Warning: ImportValues missing table: "missing" is not a table'));

  const alias = C.loadChart(join(FIXTURES, 'deps'));
  C.processDependenciesWithMerge(alias, v({ web2: { enabled: true }, web: { enabled: false } }));
  const w2 = alias.dependencies().find((d) => d.name() === 'web2')!;
  assert.equal(w2.chartFullPath(), 'deps/charts/web2');
  assert.equal(w2.templates, alias.dependencies().find((d) => d.name() === 'web2')!.templates);
  assert.deepEqual(alias.dependencies().map((d) => d.name()), ['web2', 'db', 'lib', 'cache', 'packed']);
});

test('missing dependencies are reported in Chart.yaml order', () => {
  const ch = C.loadChart(join(FIXTURES, 'deps'));
  ch.setDependencies(ch.dependencies().filter((d) => d.name() !== 'db' && d.name() !== 'cache'));
  assert.throws(() => C.checkDependencies(ch), { message: 'found in Chart.yaml, but missing in charts/ directory: db, cache' });
});

test('an incompatible version range keeps the subchart under its own name', () => {
  const ch = C.loadChart(join(FIXTURES, 'deps'));
  C.processDependenciesWithMerge(ch, new Map(), { isCompatibleRange: () => false });
  // nothing matched the requirements: the loaded charts are kept as they are
  assert.deepEqual(ch.dependencies().map((d) => d.name()), ['cache', 'db', 'lib', 'packed', 'web']);
});

test('ProcessDependencies (coalescing) drops nulls that ProcessDependenciesWithMerge keeps', () => {
  const files = (vals: string) => [
    { name: 'Chart.yaml', data: new TextEncoder().encode('apiVersion: v2\nname: p\nversion: 0.1.0\ndependencies:\n- name: s\n  version: 0.1.0\n') },
    { name: 'values.yaml', data: new TextEncoder().encode(vals) },
    { name: 'charts/s/Chart.yaml', data: new TextEncoder().encode('apiVersion: v2\nname: s\nversion: 0.1.0\n') },
  ];
  const a = C.loadChartFiles(files('keep: ~\n'));
  C.processDependencies(a, new Map());
  assert.equal(a.values!.has('keep'), false);
  const b = C.loadChartFiles(files('keep: ~\n'));
  C.processDependenciesWithMerge(b, new Map());
  assert.equal(b.values!.get('keep'), null);
});

test('helm-issue-9027: shared subcharts behind aliases', { skip: !existsSync(join(CORPUS, 'helm-issue-9027')) }, () => {
  const ch = C.loadChart(join(CORPUS, 'helm-issue-9027'));
  C.processDependenciesWithMerge(ch, new Map());
  assert.ok(ch.dependencies().length > 0);
});

test('checkKubeVersion', () => {
  const ch = C.loadChartFiles([{ name: 'Chart.yaml', data: new TextEncoder().encode('apiVersion: v2\nname: k\nversion: 0.1.0\nkubeVersion: ">=1.25.0-0"\n') }]);
  C.checkKubeVersion(ch, 'v1.31.0');
  assert.throws(() => C.checkKubeVersion(ch, 'v1.24.0'), {
    message: 'chart requires kubeVersion: >=1.25.0-0 which is incompatible with Kubernetes v1.24.0',
  });
  C.checkKubeVersion(ch, 'v1.24.0', () => true);
});
