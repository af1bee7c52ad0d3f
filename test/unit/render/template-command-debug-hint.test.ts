import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEBUG_HINT, runTemplateCommand, TemplateCommandError, templateErrorText } from '../../../src/render/template-command.ts';
import type { TemplateCommandEnv } from '../../../src/render/template-command.ts';
import { loadChartFilesLikeDir } from '../../../src/chart/loader.ts';
import { goYamlParser } from '../../../src/render/go-yaml.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const CHART_YAML = 'apiVersion: v2\nname: c\nversion: 0.1.0\n';

function env(chartFiles: Record<string, string>, files: Record<string, string> = {}): TemplateCommandEnv {
  return {
    readFile: (p) => {
      const f = files[p];
      if (f === undefined) throw new Error(`open ${p}: no such file or directory`);
      return f;
    },
    loadChart: () => loadChartFilesLikeDir(new Map(Object.entries(chartFiles).map(([k, v]) => [k, enc(v)])), { parseYaml: goYamlParser }),
  };
}

/** What `helm template` prints after `Error: ` (stderr), as helm v3.17.2 prints it. */
function errorText(argv: string[], e: TemplateCommandEnv): string {
  try {
    runTemplateCommand(argv, e);
  } catch (err) {
    assert.ok(err instanceof TemplateCommandError);
    return templateErrorText(err);
  }
  return 'no error';
}

test('errors raised once rendering has started carry the --debug hint', () => {
  assert.equal(DEBUG_HINT, '\n\nUse --debug flag to render out invalid YAML');
  // template execution error
  assert.equal(
    errorText(['r', 'c'], env({ 'Chart.yaml': CHART_YAML, 'templates/x.yaml': '{{ .Values.x.y.z }}\n' })),
    'template: c/templates/x.yaml:1:10: executing "c/templates/x.yaml" at <.Values.x.y.z>: nil pointer evaluating interface {}.y' + DEBUG_HINT,
  );
  // template parse error
  assert.equal(
    errorText(['r', 'c'], env({ 'Chart.yaml': CHART_YAML, 'templates/y.yaml': '{{ if }}\n' })),
    'parse error at (c/templates/y.yaml:1): missing value for if' + DEBUG_HINT,
  );
  // kubeVersion constraint
  assert.equal(
    errorText(['r', 'c'], env({ 'Chart.yaml': `${CHART_YAML}kubeVersion: "<1.0"\n` })),
    'chart requires kubeVersion: <1.0 which is incompatible with Kubernetes v1.32.0' + DEBUG_HINT,
  );
  // invalid YAML in a rendered manifest
  assert.equal(
    errorText(['r', 'c'], env({ 'Chart.yaml': CHART_YAML, 'templates/z.yaml': 'a: b\nc\n' })),
    "YAML parse error on c/templates/z.yaml: error converting YAML to JSON: yaml: line 3: could not find expected ':'" + DEBUG_HINT,
  );
  // --debug: no hint (helm prints the manifest instead)
  assert.equal(
    errorText(['r', 'c', '--debug'], env({ 'Chart.yaml': CHART_YAML, 'templates/y.yaml': '{{ if }}\n' })),
    'parse error at (c/templates/y.yaml:1): missing value for if',
  );
});

test('errors before rendering have no hint', () => {
  const schemaChart = { 'Chart.yaml': CHART_YAML, 'values.schema.json': '{"type":"object","required":["foo"]}' };
  assert.equal(
    errorText(['r', 'c'], env(schemaChart)),
    "values don't meet the specifications of the schema(s) in the following chart(s):\nc:\n- (root): foo is required\n",
  );
  assert.equal(errorText(['r', 'c', '-f', 'nope.yaml'], env({ 'Chart.yaml': CHART_YAML })), 'open nope.yaml: no such file or directory');
  assert.equal(
    errorText(['r', 'c', '--show-only', 'templates/nope.yaml'], env({ 'Chart.yaml': CHART_YAML, 'templates/a.yaml': 'a: 1\n' })),
    'could not find template templates/nope.yaml in chart',
  );
});

test('the chart is located before the values are merged', () => {
  const calls: string[] = [];
  const e: TemplateCommandEnv = {
    readFile: (p) => {
      calls.push(`read ${p}`);
      throw new Error(`open ${p}: no such file or directory`);
    },
    locateChart: (ref) => {
      calls.push(`locate ${ref}`);
      throw new Error(`path "${ref}" not found`);
    },
    loadChart: () => {
      throw new Error('not reached');
    },
  };
  assert.equal(errorText(['r', './missing', '-f', 'nope.yaml'], e), 'path "./missing" not found');
  assert.deepEqual(calls, ['locate ./missing']);
  // located path is what loadChart gets
  let loaded = '';
  const e2: TemplateCommandEnv = {
    readFile: () => 'a: 1\n',
    locateChart: (ref) => `/abs/${ref}`,
    loadChart: (path) => {
      loaded = path;
      return loadChartFilesLikeDir(new Map([['Chart.yaml', enc(CHART_YAML)]]), { parseYaml: goYamlParser });
    },
  };
  runTemplateCommand(['r', 'c', '-f', 'v.yaml'], e2);
  assert.equal(loaded, '/abs/c');
});
