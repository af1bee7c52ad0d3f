import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { formatTemplateOutput, loadChart, mergeValueSources, renderChart, sprigFuncs, TemplateSet, TemplateError } from '../../src/index.ts';

const shop = join(import.meta.dirname, '..', '..', 'examples', 'charts', 'shop');

test('the library renders a chart with values files and --set, as helm template does', () => {
  const values = mergeValueSources({ valueFiles: [{ name: 'dev.yaml', text: 'frontend:\n  replicaCount: 3\n' }], values: ['backend.logLevel=warn'] });
  const out = formatTemplateOutput(renderChart(loadChart(shop), values, {
    release: { name: 'shop', namespace: 'apps', revision: 1, isInstall: true, isUpgrade: false },
  }));
  assert.match(out, /^---\n# Source: shop\/templates\/configmap\.yaml\n/);
  assert.match(out, /name: shop-frontend\n[\s\S]*?replicas: 3\n/);
  assert.match(out, /- name: LOG_LEVEL\n\s+value: "warn"/);
});

test('the template engine works on its own, with Go errors', () => {
  const t = new TemplateSet(sprigFuncs());
  t.parse('greeting', '{{ .name | upper | quote }} {{ add 1 2 }} {{ 1e6 }}');
  assert.equal(t.execute('greeting', new Map([['name', 'world']])), '"WORLD" 3 1e+06');
  t.parse('bad', '{{ .x.y }}');
  assert.throws(() => t.execute('bad', new Map([['x', 5]])), (e: unknown) =>
    e instanceof TemplateError && e.message === 'template: bad:1:5: executing "bad" at <.x.y>: can\'t evaluate field y in type interface {}');
});
