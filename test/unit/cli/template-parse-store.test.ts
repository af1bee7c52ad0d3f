/**
 * The CLI's template parse store (src/cli/template-parse-store.ts): a run writes the chart's parse
 * trees, a later process renders from them with the same output, an edited template is parsed again,
 * and a file from another build or a damaged one is ignored.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { capstanTemplate } from '../../../src/cli/commands/template.ts';
import { TemplateParseStore } from '../../../src/cli/template-parse-store.ts';
import { clearParseCache } from '../../../src/template/parse-cache.ts';
import { clearYamlParseCache } from '../../../src/chart/yaml-parse-cache.ts';
import { clearHeadCache } from '../../../src/render/head-cache.ts';
import { toJsonLike } from '../../../src/chart/yaml-values.ts';

const SHOP = resolve(import.meta.dirname, '../../../examples/charts/shop');
const g = globalThis as { __capstanBuild?: string | undefined };

function setup(t: { after(f: () => void): void }): { chart: string; store: string } {
  const dir = mkdtempSync(join(tmpdir(), 'capstan-parse-store-'));
  const chart = join(dir, 'shop');
  cpSync(SHOP, chart, { recursive: true });
  const store = join(dir, 'store');
  const before = { build: g.__capstanBuild, env: process.env['CAPSTAN_TEMPLATE_CACHE'] };
  g.__capstanBuild = 'test-build';
  process.env['CAPSTAN_TEMPLATE_CACHE'] = store;
  t.after(() => {
    g.__capstanBuild = before.build;
    if (before.env === undefined) delete process.env['CAPSTAN_TEMPLATE_CACHE'];
    else process.env['CAPSTAN_TEMPLATE_CACHE'] = before.env;
    rmSync(dir, { recursive: true, force: true });
    clearParseCache();
  });
  return { chart, store };
}

/** a render as a fresh process would do it: nothing in the in-memory parse cache */
function render(chart: string): string {
  clearParseCache();
  clearYamlParseCache();
  clearHeadCache();
  const r = capstanTemplate(['shop', chart, '--set', 'frontend.replicaCount=3'], { parseStore: true });
  assert.equal(r.exitCode, 0, r.stderr);
  return r.stdout;
}

test('parse store: the second run renders from the stored trees, with the same output', (t) => {
  const { chart, store } = setup(t);
  const plain = capstanTemplate(['shop', chart, '--set', 'frontend.replicaCount=3']).stdout;
  assert.equal(render(chart), plain);
  const files = readdirSync(store);
  assert.equal(files.length, 1);
  const file = join(store, files[0]!);
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { build: string; chart: string; entries: [string, unknown][]; yaml: [string, unknown][] };
  assert.equal(stored.build, 'test-build');
  assert.equal(stored.chart, chart);
  assert.ok(stored.entries.length > 0);
  // Chart.yaml and values.yaml of the chart and its subchart
  const valuesText = readFileSync(join(chart, 'values.yaml'), 'utf8');
  assert.ok(stored.yaml.some(([text]) => text === valuesText), 'values.yaml is stored');
  // served from the file: get() answers for every template, nothing is parsed, the file is not rewritten
  const opened = TemplateParseStore.open(chart)!;
  for (const [name, e] of stored.entries) assert.ok(opened.get(name, (e as { text: string }).text), name);
  for (const [text] of stored.yaml) assert.ok(opened.getYaml(text), 'a stored YAML parse');
  const written = readFileSync(file, 'utf8');
  assert.equal(render(chart), plain);
  assert.equal(readFileSync(file, 'utf8'), written);
});

test('parse store: YAML parses come back as values loading sees them (Maps in order, -0, null documents)', (t) => {
  const { chart } = setup(t);
  const a = TemplateParseStore.open(chart)!;
  const docs = ['b: 1\na: [1, -0.0, 2.5, "x", null, true]\n"1": {z: {m: 2}}\n', '', '# only a comment\n', '- 1\n- {a: b}\n', 'x: 1e300\n'];
  for (const d of docs) a.putYaml(d, a.parser(d));
  a.flush();
  const b = TemplateParseStore.open(chart)!;
  for (const d of docs) {
    const got = b.getYaml(d);
    assert.ok(got, JSON.stringify(d));
    // what values loading makes of it (toJsonLike; a Go slice's capacity is not kept, nothing reads it there)
    assert.deepEqual(toJsonLike(got.raw), toJsonLike(a.parser(d)));
    if (got.raw instanceof Map) assert.deepEqual([...got.raw.keys()], [...(a.parser(d) as Map<string, unknown>).keys()]);
    if (d.includes('-0')) assert.ok(Object.is(((got.raw as Map<string, unknown[]>).get('a'))![1], -0));
  }
});

test('parse store: the heads of large manifests are kept by their SHA-256 and come back equal', (t) => {
  const { chart, store } = setup(t);
  // a static manifest above the 8 KiB threshold, with annotations (a hook), next to the chart's own
  const big = Array.from({ length: 400 }, (_, i) => `  key${i}: "${'x'.repeat(20)}"`).join('\n');
  writeFileSync(join(chart, 'templates', 'big.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\n  annotations:\n    helm.sh/hook: pre-install\n    helm.sh/hook-weight: "5"\ndata:\n${big}\n`);
  const first = render(chart);
  clearHeadCache();
  const file = join(store, readdirSync(store)[0]!);
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { heads: [string, unknown][] };
  assert.equal(stored.heads.length, 1);
  assert.deepEqual(stored.heads[0]![1], ['v1', 'ConfigMap', ['big', [['helm.sh/hook', 'pre-install'], ['helm.sh/hook-weight', '5']]]]);
  // the second run takes the head from the file and sorts the hook as the first run did
  assert.equal(render(chart), first);
  const [key, h] = stored.heads[0]!;
  const reopened = TemplateParseStore.open(chart)!;
  assert.equal((reopened as unknown as { headsLoaded: Map<string, unknown> }).headsLoaded.get(key) !== undefined, true);
  assert.deepEqual(h, stored.heads[0]![1]);
});

test('parse store: an edited template is parsed again; a file of another build or a damaged file is ignored', (t) => {
  const { chart, store } = setup(t);
  render(chart);
  const tpl = readdirSync(join(chart, 'templates')).find((n) => n.endsWith('.yaml'))!;
  writeFileSync(join(chart, 'templates', tpl), `${readFileSync(join(chart, 'templates', tpl), 'utf8')}\n---\n# edited {{ .Release.Name }}\n`);
  assert.match(render(chart), /# edited shop/);

  const file = join(store, readdirSync(store)[0]!);
  g.__capstanBuild = 'another-build';
  assert.equal(TemplateParseStore.open(chart)!.get('x', 'y'), undefined);
  assert.match(render(chart), /# edited shop/);
  assert.equal((JSON.parse(readFileSync(file, 'utf8')) as { build: string }).build, 'another-build');

  writeFileSync(file, '{ damaged');
  assert.match(render(chart), /# edited shop/);
  assert.doesNotThrow(() => JSON.parse(readFileSync(file, 'utf8')));
});

test('parse store: off from TypeScript sources (no build id) and with CAPSTAN_TEMPLATE_CACHE=0', (t) => {
  const { chart } = setup(t);
  process.env['CAPSTAN_TEMPLATE_CACHE'] = '0';
  assert.equal(TemplateParseStore.open(chart), undefined);
  process.env['CAPSTAN_TEMPLATE_CACHE'] = join(tmpdir(), 'unused');
  g.__capstanBuild = undefined;
  assert.equal(TemplateParseStore.open(chart), undefined);
});
