/**
 * One conformance case (../shared/conformance/README.md) rendered in-process exactly as the
 * generator ran helm: wrapper chart `conf`, `helm template rel conf -n ns --kube-version 1.31.0
 * -f values.yaml [flags]`, the snippet's value read back from the `out:` line.
 */
import { utf8Encode } from '../template/fmt/utf8.ts';
import { loadChartFilesLikeDir } from '../chart/loader.ts';
import { runTemplateCommand } from './template-command.ts';
import type { TemplateCommandEnv } from './template-command.ts';
import type { YamlParser } from '../chart/yaml-values.ts';
import { goYamlParser } from './go-yaml.ts';

export interface ConformanceCase {
  id: string;
  area: string;
  snippet: string;
  valuesYaml?: string;
  files?: Record<string, string>;
  flags?: string[];
  mode?: string;
  expect?: string;
  expectError?: string;
  expectRegex?: string;
}

export interface CaseResult {
  id: string;
  area: string;
  pass: boolean;
  /** what was compared: the snippet value, the whole stdout, or `Error: …` */
  actual: string;
  expected: string;
  /** `expect`, `expectError` or `expectRegex` */
  kind: 'expect' | 'expectError' | 'expectRegex';
}

export interface CaseOptions {
  /** template execution budget per render (default 2,000,000 steps) */
  maxSteps?: number;
  parseYaml?: YamlParser;
}

const DEFAULT_CHART_YAML = 'apiVersion: v2\nname: conf\nversion: 0.1.0\nappVersion: "1.0"\ndescription: conformance\n';
const OUT_YAML = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: out\ndata:\n  out: {{ include "vec" . | toJson }}\n';
/** the wrapper's document (the chart may be renamed by a case's Chart.yaml) */
const OUT_SOURCE = /^# Source: [^/]+\/templates\/out\.yaml$/u;

/** The chart directory of a case (paths relative to `conf/`). */
export function caseChartFiles(c: ConformanceCase): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const put = (name: string, text: string): void => {
    files.set(name, utf8Encode(text));
  };
  put('Chart.yaml', DEFAULT_CHART_YAML);
  put('templates/out.yaml', OUT_YAML);
  put('templates/_vec.tpl', `{{ define "vec" }}${c.snippet}{{ end }}`);
  for (const [name, content] of Object.entries(c.files ?? {})) put(name, content);
  return files;
}

/** The helm command line of a case (after `helm template`). */
export function caseArgs(c: ConformanceCase): string[] {
  return ['rel', 'conf', '-n', 'ns', '--kube-version', '1.31.0', '-f', 'values.yaml', ...(c.flags ?? [])];
}

/** Runs a case: stdout, or the error as helm prints it (`Error: …`, trimmed). */
export function renderCase(c: ConformanceCase, opts: CaseOptions = {}): { stdout: string } | { error: string } {
  const chartFiles = caseChartFiles(c);
  const env: TemplateCommandEnv = {
    readFile: (path) => {
      if (path === 'values.yaml') return c.valuesYaml ?? '';
      throw new Error(`open ${path}: no such file or directory`);
    },
    loadChart: (ref) => {
      if (ref !== 'conf') throw new Error(`path "${ref}" not found`);
      return loadChartFilesLikeDir(chartFiles, { parseYaml: opts.parseYaml ?? goYamlParser });
    },
    maxSteps: opts.maxSteps ?? 2_000_000,
    ...(opts.parseYaml ? { parseYaml: opts.parseYaml } : {}),
  };
  try {
    return { stdout: runTemplateCommand(caseArgs(c), env) };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const internal = e instanceof Error && e.name !== 'TemplateCommandError' ? `[${e.name}] ` : '';
    return { error: `Error: ${internal}${msg}`.trim() };
  }
}

/** The snippet's value: the JSON string on the `out:` line of the out.yaml document. */
export function extractOut(stdout: string): string | undefined {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => OUT_SOURCE.test(l));
  if (start < 0) return undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '---') return undefined;
    if (line.startsWith('  out: ')) {
      const raw = line.slice('  out: '.length);
      try {
        const v: unknown = JSON.parse(raw);
        return typeof v === 'string' ? v : raw;
      } catch {
        return raw;
      }
    }
  }
  return undefined;
}

/** Renders a case and compares it with its expectation. */
export function runCase(c: ConformanceCase, opts: CaseOptions = {}): CaseResult {
  const r = renderCase(c, opts);
  const base = { id: c.id, area: c.area };
  if (c.expectError !== undefined) {
    const actual = 'error' in r ? r.error : `(no error) ${r.stdout}`;
    return { ...base, kind: 'expectError', expected: c.expectError, actual, pass: actual === c.expectError.trim() };
  }
  let actual: string;
  if ('error' in r) actual = r.error;
  else if (c.mode === 'manifest') actual = r.stdout;
  else actual = extractOut(r.stdout) ?? `(no out line) ${r.stdout}`;
  const rendered = !('error' in r);
  if (c.expectRegex !== undefined) {
    const pass = rendered && new RegExp(c.expectRegex).test(actual);
    return { ...base, kind: 'expectRegex', expected: c.expectRegex, actual, pass };
  }
  const expected = c.expect ?? '';
  return { ...base, kind: 'expect', expected, actual, pass: rendered && actual === expected };
}

/** A one-line description of the first difference between two strings. */
export function oneLineDiff(expected: string, actual: string, width = 60): string {
  let i = 0;
  while (i < expected.length && i < actual.length && expected[i] === actual[i]) i++;
  const from = Math.max(0, i - 20);
  const show = (s: string): string => JSON.stringify(s.slice(from, from + width));
  return `@${i}: expected ${show(expected)} got ${show(actual)}`;
}
