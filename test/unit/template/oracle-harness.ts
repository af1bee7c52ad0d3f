/**
 * The oracle tables' harness (exec-oracle and parse-oracle tests): rows run as the Go 1.23.7 oracle program
 * ran them — template.New("gotpl").Funcs(oracleFuncs).Option("missingkey=MK"), t.New("x").Parse(T),
 * t.ExecuteTemplate(w, "x", json.Unmarshal(D)) — and each row checked for Go's output or error text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TemplateSet, TemplateError, def, GoFuncError, GoNumber, withSliceType, withMapType } from '../../../src/template/index.ts';
import type { FuncDef, GoValue } from '../../../src/template/index.ts';
import { sprintf } from '../../../src/template/fmt/index.ts';

export interface Row { t: string; d?: unknown; mk?: 'default' | 'zero' | 'error'; out?: string; err?: string; parseErr?: string }

/** The functions the Go oracle program registered (same names, same Go signatures). */
function oracleFuncs(): Map<string, FuncDef> {
  return new Map<string, FuncDef>([
    ['upper', def(['string'], 'string', ([s]) => (s as string).toUpperCase())],
    ['list', def([], '[]interface {}', (a) => a, { variadic: 'interface {}' })],
    ['fail', def(['string'], 'string', ([s]) => { throw new GoFuncError(s as string); }, { returnsError: true })],
    ['panicky', def([], 'string', () => { throw new Error('boom'); })],
    ['i64', def(['int'], 'int64', ([v]) => new GoNumber('int64', v as bigint))],
    ['typeOf', def(['interface {}'], 'string', ([v]) => sprintf('%T', [v]))],
    ['strs', def([], '[]string', (a) => withSliceType(a, '[]string'), { variadic: 'string' })],
    ['smap', def([], 'map[string]string', () => withMapType(new Map<string, GoValue>([['a', 'x']]), 'map[string]string'))],
    ['nilmap', def([], 'map[string]interface {}', () => null)],
    ['u8', def(['uint8'], 'uint8', ([v]) => v)],
    ['f32', def(['float32'], 'float32', ([v]) => v)],
    ['join2', def(['string'], 'string', ([a, ...b]) => (a as string) + (b as string[]).join(','), { variadic: 'string' })],
    ['any', def(['interface {}'], 'interface {}', ([v]) => v)],
  ]);
}

/** JSON data as encoding/json decodes it into interface{}: float64 numbers, maps, slices. */
function fromJSON(v: unknown): GoValue {
  if (v === null) return null;
  if (Array.isArray(v)) return v.map(fromJSON);
  if (typeof v === 'object') return new Map(Object.entries(v as object).map(([k, x]) => [k, fromJSON(x)]));
  return v as GoValue;
}

function run(r: Row): { out?: string; err?: string; parseErr?: string } {
  const t = new TemplateSet(oracleFuncs(), { missingKey: r.mk ?? 'default' });
  try {
    t.parse('x', r.t);
  } catch (e) {
    if (e instanceof TemplateError) return { parseErr: e.message };
    throw e;
  }
  try {
    return { out: t.execute('x', 'd' in r ? fromJSON(r.d) : null) };
  } catch (e) {
    if (e instanceof TemplateError) return { err: e.message };
    throw e;
  }
}

/** One node:test test per row. */
export function oracleTests(rows: readonly Row[]): void {
  for (const r of rows) {
    test(`${JSON.stringify(r.t)}${'d' in r ? ' ' + JSON.stringify(r.d) : ''}${r.mk ? ' missingkey=' + r.mk : ''}`, () => {
      const got = run(r);
      if (r.parseErr !== undefined) assert.deepEqual(got, { parseErr: r.parseErr });
      else if (r.err !== undefined) assert.deepEqual(got, { err: r.err });
      else assert.deepEqual(got, { out: r.out });
    });
  }
}
