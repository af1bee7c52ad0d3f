import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runTemplateCommand, TemplateCommandError } from '../../../src/render/template-command.ts';
import type { TemplateCommandEnv } from '../../../src/render/template-command.ts';
import { loadChartFilesLikeDir } from '../../../src/chart/loader.ts';
import { goYamlParser } from '../../../src/render/go-yaml.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

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

function error(argv: string[], e: TemplateCommandEnv): string {
  try {
    runTemplateCommand(argv, e);
  } catch (err) {
    assert.ok(err instanceof TemplateCommandError);
    return err.message;
  }
  return 'no error';
}

const chart = {
  'Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
  'templates/a.yaml': 'ns: {{ .Release.Namespace }}\nname: {{ .Release.Name }}\nv: {{ .Values | toJson }}\nk: {{ .Capabilities.KubeVersion.Version }}\nup: {{ .Release.IsUpgrade }}\n',
};

// Outputs and messages as helm v3.17.2 prints them.
test('helm template: values files then --set kinds, namespace default, kube version', () => {
  const out = runTemplateCommand(
    ['rel', 'c', '-f', 'v.yaml', '--set', 'b=2', '--set-string', 'c=3', '--kube-version', '1.29', '--is-upgrade'],
    env(chart, { 'v.yaml': 'a: 1\nb: 1\n' }),
  );
  assert.equal(out, '---\n# Source: c/templates/a.yaml\nns: default\nname: rel\nv: {"a":1,"b":2,"c":"3"}\nk: v1.29.0\nup: true\n');
});

test('helm template: errors before rendering', () => {
  assert.equal(error(['rel', 'c', '--kube-version', 'nope'], env(chart)), "invalid kube version 'nope': Invalid Semantic Version");
  assert.equal(error(['rel', 'c', '-f', 'missing.yaml'], env(chart)), 'open missing.yaml: no such file or directory');
  assert.equal(
    error(['rel', 'c', '-f', 'v.yaml'], env(chart, { 'v.yaml': 'a: [\n' })),
    'failed to parse v.yaml: error converting YAML to JSON: yaml: line 1: did not find expected node content',
  );
  assert.equal(
    error(['rel', 'c'], env({ ...chart, 'Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\ntype: library\n' })),
    'library charts are not installable',
  );
  assert.equal(
    error(['rel', 'c'], env({ ...chart, 'Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\ndependencies:\n- name: missing\n  version: 1.0.0\n' })),
    'An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: missing',
  );
  assert.equal(error(['rel', 'c', '--show-only', 'templates/nope.yaml'], env(chart)), 'could not find template templates/nope.yaml in chart');
  assert.equal(error(['rel', 'c', '--nope'], env(chart)), 'unknown flag: --nope');
});
