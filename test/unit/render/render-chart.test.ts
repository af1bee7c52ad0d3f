import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadChartFilesLikeDir } from '../../../src/chart/loader.ts';
import { goYamlParser } from '../../../src/render/go-yaml.ts';
import { renderChart } from '../../../src/render/render-chart.ts';
import type { RenderChartOptions } from '../../../src/render/render-chart.ts';
import { renderTemplates } from '../../../src/render/engine.ts';
import { toRenderValues } from '../../../src/render/render-values.ts';
import { templateCapabilities } from '../../../src/render/capabilities.ts';
import { formatTemplateOutput } from '../../../src/render/template-output.ts';
import type { Values } from '../../../src/chart/values.ts';
import type { GoValue } from '../../../src/template/value.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const CHART = (name: string, extra = ''): string => `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n${extra}`;

function chartOf(files: Record<string, string>) {
  return loadChartFilesLikeDir(new Map(Object.entries(files).map(([k, v]) => [k, enc(v)])), { parseYaml: goYamlParser });
}

const release = { name: 'rel', namespace: 'ns', revision: 1, isInstall: true, isUpgrade: false };
const opts = (more: Partial<RenderChartOptions> = {}): RenderChartOptions => ({ release, ...more });

function render(files: Record<string, string>, values: Values = new Map(), more: Partial<RenderChartOptions> = {}): string {
  return formatTemplateOutput(renderChart(chartOf(files), values, opts(more)));
}

function renderError(files: Record<string, string>, more: Partial<RenderChartOptions> = {}): string {
  try {
    render(files, new Map(), more);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

test('subcharts see their own .Values, .Chart and .Template; the parent sees .Subcharts', () => {
  const out = render({
    'Chart.yaml': CHART('top'),
    'values.yaml': 'sub:\n  x: 2\ntop: 1\n',
    'templates/a.yaml': 'a: {{ .Subcharts.sub.Values.x }} {{ .Subcharts.sub.Chart.Name }} {{ typeOf .Subcharts.sub }} {{ typeOf .Values.sub }}\n',
    'charts/sub/Chart.yaml': CHART('sub'),
    'charts/sub/values.yaml': 'x: 1\nz: 3\n',
    'charts/sub/templates/b.yaml': 'b: {{ list .Values .Chart.Name .Chart.IsRoot .Template.Name .Template.BasePath (typeOf .Values) | toJson | quote }}\n',
  });
  assert.equal(out, [
    '---\n# Source: top/charts/sub/templates/b.yaml\nb: "[{\\"global\\":{},\\"x\\":2,\\"z\\":3},\\"sub\\",false,\\"top/charts/sub/templates/b.yaml\\",\\"top/charts/sub/templates\\",\\"chartutil.Values\\"]"\n',
    '---\n# Source: top/templates/a.yaml\na: 2 sub map[string]interface {} map[string]interface {}\n',
  ].join(''));
});

test('include: recursion guard after 1000 nested calls of one name', () => {
  const msg = renderError({ 'Chart.yaml': CHART('c'), 'templates/a.yaml': '{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" . }}' });
  assert.ok(msg.endsWith('error calling include: rendering template has a nested reference name: r: unable to execute template'), msg);
  assert.equal(msg.split('error calling include').length - 1, 1002);
});

test('include of a missing template names Helm\'s root template "gotpl"', () => {
  assert.equal(
    renderError({ 'Chart.yaml': CHART('c'), 'templates/a.yaml': '{{ include "nope" . }}' }),
    'template: c/templates/a.yaml:1:3: executing "c/templates/a.yaml" at <include "nope" .>: error calling include: template: no template "nope" associated with template "gotpl"',
  );
});

test('tpl: renders with include and nested tpl; errors worded as Helm', () => {
  const out = render({
    'Chart.yaml': CHART('c'),
    'values.yaml': 'tmpl: "{{ .Release.Name }}-{{ include \\"h\\" . }}"\n',
    'templates/_h.tpl': '{{ define "h" }}helper{{ end }}',
    'templates/a.yaml': 'a: {{ tpl .Values.tmpl . }}\nb: {{ tpl "{{ tpl \\"  \\" . }}x" . | quote }}\nc: {{ tpl "{{ .missing }}" dict }}\n',
  });
  assert.equal(out, '---\n# Source: c/templates/a.yaml\na: rel-helper\nb: "  x"\nc:\n');
  assert.equal(
    renderError({ 'Chart.yaml': CHART('c'), 'templates/a.yaml': '{{ tpl "{{ nope }}" . }}' }),
    'template: c/templates/a.yaml:1:3: executing "c/templates/a.yaml" at <tpl "{{ nope }}" .>: error calling tpl: cannot parse template "{{ nope }}": template: gotpl:1: function "nope" not defined',
  );
  assert.equal(
    renderError({ 'Chart.yaml': CHART('c'), 'templates/a.yaml': '{{ tpl "{{ fail \\"x\\" }}" . }}' }),
    'execution error at (c/templates/a.yaml:1:3): x',
  );
});

test('required and fail become "execution error at (…)"; lint mode only logs', () => {
  const files = { 'Chart.yaml': CHART('c'), 'templates/a.yaml': 'x: {{ required "x is required" .Values.x }}\n' };
  assert.equal(renderError(files), 'execution error at (c/templates/a.yaml:1:6): x is required');
  const logs: string[] = [];
  const chart = chartOf(files);
  const top = toRenderValues(chart, new Map(), release, templateCapabilities());
  const out = renderTemplates(chart, top, { lintMode: true, log: (l) => logs.push(l) });
  assert.equal(out.get('c/templates/a.yaml'), 'x: \n');
  assert.deepEqual(logs, ['[INFO] Missing required value: x is required']);
});

test('parse errors are shortened by cleanupParseError', () => {
  assert.equal(
    renderError({ 'Chart.yaml': CHART('c'), 'templates/a.yaml': 'x: {{ .Values.x \n' }),
    'parse error at (c/templates/a.yaml:2): unclosed action started at c/templates/a.yaml:1',
  );
});

test('<no value> is removed from rendered files; strict mode fails on missing keys', () => {
  const files = { 'Chart.yaml': CHART('c'), 'templates/a.yaml': 'x: "{{ .Values.missing }}"\n' };
  assert.equal(render(files), '---\n# Source: c/templates/a.yaml\nx: ""\n');
  assert.match(renderError(files, { strict: true }), /map has no entry for key "missing"/u);
});

test('NOTES.txt is set aside (subcharts\' only with subNotes); library charts contribute only partials', () => {
  const files = {
    'Chart.yaml': CHART('c'),
    'templates/NOTES.txt': 'top notes {{ .Release.Name }}',
    'templates/a.yaml': 'a: {{ include "lib.x" . }}\n',
    'charts/lib/Chart.yaml': CHART('lib', 'type: library\n'),
    'charts/lib/templates/_x.tpl': '{{ define "lib.x" }}from lib{{ end }}',
    'charts/lib/templates/cm.yaml': 'never: rendered\n',
    'charts/sub/Chart.yaml': CHART('sub'),
    'charts/sub/templates/NOTES.txt': 'sub notes',
  };
  const r = renderChart(chartOf(files), new Map(), opts());
  assert.equal(r.notes, 'top notes rel');
  assert.deepEqual(r.manifests.map((m) => m.name), ['c/templates/a.yaml']);
  assert.equal(r.manifests[0]!.content, 'a: from lib');
  const withSub = renderChart(chartOf(files), new Map(), opts({ subNotes: true }));
  assert.deepEqual(withSub.notes.split('\n').sort(), ['sub notes', 'top notes rel']);
});

test('lookup is injected; without it lookup returns an empty map', () => {
  const files = { 'Chart.yaml': CHART('c'), 'templates/a.yaml': 'a: {{ (lookup "v1" "Secret" "ns" "s").data | toJson }}\n' };
  assert.equal(render(files), '---\n# Source: c/templates/a.yaml\na: null\n');
  const seen: string[] = [];
  const lookup = (...args: string[]): Map<string, GoValue> => {
    seen.push(args.join('|'));
    return new Map<string, GoValue>([['data', new Map<string, GoValue>([['k', 'v']])]]);
  };
  assert.equal(render(files, new Map(), { lookup }), '---\n# Source: c/templates/a.yaml\na: {"k":"v"}\n');
  assert.deepEqual(seen, ['v1|Secret|ns|s']);
});

test('chart-level checks: kubeVersion constraint, schema validation, coalescing type errors', () => {
  assert.equal(
    renderError({ 'Chart.yaml': CHART('c', 'kubeVersion: ">=1.35.0-0"\n'), 'templates/a.yaml': 'a: 1\n' }),
    'chart requires kubeVersion: >=1.35.0-0 which is incompatible with Kubernetes v1.32.0',
  );
  const schema = { 'Chart.yaml': CHART('c'), 'values.yaml': 'port: x\n', 'values.schema.json': '{"properties":{"port":{"type":"integer"}}}', 'templates/a.yaml': 'a: 1\n' };
  assert.match(renderError(schema), /^values don't meet the specifications of the schema\(s\) in the following chart\(s\):\nc:\n- port: /u);
  assert.equal(render(schema, new Map(), { skipSchemaValidation: true }), '---\n# Source: c/templates/a.yaml\na: 1\n');
});

test('integers from --set are int64 in templates', () => {
  const out = render(
    { 'Chart.yaml': CHART('c'), 'templates/a.yaml': 'a: {{ typeOf .Values.n }} {{ typeOf .Values.f }}\n' },
    new Map<string, bigint | number>([['n', 3n], ['f', 1.5]]) as Values,
  );
  assert.equal(out, '---\n# Source: c/templates/a.yaml\na: int64 float64\n');
});
