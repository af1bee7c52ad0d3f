/**
 * Test helpers: the value pipeline `helm template` runs before rendering (merge user values,
 * check dependencies, process dependencies, coalesce, validate schemas), and a Go-typed dump.
 */

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as C from '../../../src/chart/index.ts';
import { marshal as goJsonMarshal } from '@capstan/gojson';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/charts');
export const EXPECT = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/chart-expect');
export const CORPUS = '/work/shared/charts';

export function readExpect<T>(name: string): T {
  return JSON.parse(readFileSync(join(EXPECT, name), 'utf8')) as T;
}

/** Parses helm-style flags (-f, --set, --set-string, --set-json, --set-literal) into ValueSources. */
export function sourcesFromArgs(args: readonly string[], baseDir: string): C.ValueSources {
  const src = {
    valueFiles: [] as { name: string; text: string }[],
    values: [] as string[],
    stringValues: [] as string[],
    jsonValues: [] as string[],
    literalValues: [] as string[],
    fileValues: [] as string[],
  };
  for (let i = 0; i < args.length; i += 2) {
    const a = args[i]!;
    const v = args[i + 1]!;
    if (a === '-f') src.valueFiles.push({ name: v, text: readFileSync(join(baseDir, v), 'utf8') });
    else if (a === '--set') src.values.push(v);
    else if (a === '--set-string') src.stringValues.push(v);
    else if (a === '--set-json') src.jsonValues.push(v);
    else if (a === '--set-literal') src.literalValues.push(v);
    else if (a === '--set-file') src.fileValues.push(v);
  }
  return src;
}

export interface PipelineResult {
  values?: C.Values;
  json?: string;
  error?: string;
  warnings: string[];
}

/** What `helm template` computes as the top-level .Values (or the error it prints). */
export function helmValues(chartPath: string, args: readonly string[], baseDir: string): PipelineResult {
  const warnings: string[] = [];
  const warn = (m: string, o: string) => warnings.push(`${o}: ${m}`);
  try {
    const vals = C.mergeValueSources(sourcesFromArgs(args, baseDir));
    const ch = C.loadChart(chartPath, { warn });
    const cv = C.prepareChartValues(ch, vals, { warn });
    return { values: cv, json: goJsonMarshal(cv), warnings };
  } catch (e) {
    return { error: `Error: ${(e as Error).message}`, warnings };
  }
}

/** Go type names of values as `typeOf` prints them, in the dump template's format. */
export function goTypes(v: C.Values): string {
  const t = (x: C.Value): string =>
    x === null ? '<nil>' : typeof x === 'bigint' ? 'int64' : typeof x === 'number' ? 'float64' : typeof x === 'string' ? 'string'
      : typeof x === 'boolean' ? 'bool' : Array.isArray(x) ? '[]interface {}' : 'map[string]interface {}';
  let out = '';
  for (const k of [...v.keys()].sort()) {
    const x = v.get(k)!;
    out += `${k}:${t(x)}`;
    if (x instanceof Map) out += `{${goTypes(x)}}`;
    if (Array.isArray(x)) out += `[${x.map((e) => `${t(e)},`).join('')}]`;
    out += ';';
  }
  return out;
}
