import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FuncDef } from '../../../src/template/value.ts';
import { listFuncs } from '../../../src/template/funcs/lists.ts';
import { dictFuncs } from '../../../src/template/funcs/dicts.ts';
import { mathFuncs } from '../../../src/template/funcs/math.ts';
import { randomFuncs } from '../../../src/template/funcs/random.ts';

const I = 'interface {}';
const M = 'map[string]interface {}';
const S = '[]interface {}';

/** Go signatures from Sprig v3.3.0 (functions.go, list.go, dict.go, numeric.go, strings.go). */
const signatures: Record<string, string> = {
  list: `func(...${I}) ${S}`,
  tuple: `func(...${I}) ${S}`,
  append: `func(${I}, ${I}) ${S}`,
  push: `func(${I}, ${I}) ${S}`,
  mustAppend: `func(${I}, ${I}) (${S}, error)`,
  mustPush: `func(${I}, ${I}) (${S}, error)`,
  prepend: `func(${I}, ${I}) ${S}`,
  mustPrepend: `func(${I}, ${I}) (${S}, error)`,
  chunk: `func(int, ${I}) [][]interface {}`,
  mustChunk: `func(int, ${I}) ([][]interface {}, error)`,
  first: `func(${I}) ${I}`,
  mustFirst: `func(${I}) (${I}, error)`,
  last: `func(${I}) ${I}`,
  mustLast: `func(${I}) (${I}, error)`,
  rest: `func(${I}) ${S}`,
  mustRest: `func(${I}) (${S}, error)`,
  initial: `func(${I}) ${S}`,
  mustInitial: `func(${I}) (${S}, error)`,
  reverse: `func(${I}) ${S}`,
  mustReverse: `func(${I}) (${S}, error)`,
  compact: `func(${I}) ${S}`,
  mustCompact: `func(${I}) (${S}, error)`,
  uniq: `func(${I}) ${S}`,
  mustUniq: `func(${I}) (${S}, error)`,
  without: `func(${I}, ...${I}) ${S}`,
  mustWithout: `func(${I}, ...${I}) (${S}, error)`,
  has: `func(${I}, ${I}) bool`,
  mustHas: `func(${I}, ${I}) (bool, error)`,
  slice: `func(${I}, ...${I}) ${I}`,
  mustSlice: `func(${I}, ...${I}) (${I}, error)`,
  concat: `func(...${I}) ${I}`,
  sortAlpha: `func(${I}) []string`,
  until: 'func(int) []int',
  untilStep: 'func(int, int, int) []int',
  seq: 'func(...int) string',

  dict: `func(...${I}) ${M}`,
  get: `func(${M}, string) ${I}`,
  set: `func(${M}, string, ${I}) ${M}`,
  unset: `func(${M}, string) ${M}`,
  hasKey: `func(${M}, string) bool`,
  pluck: `func(string, ...${M}) ${S}`,
  keys: `func(...${M}) []string`,
  pick: `func(${M}, ...string) ${M}`,
  omit: `func(${M}, ...string) ${M}`,
  merge: `func(${M}, ...${M}) ${I}`,
  mustMerge: `func(${M}, ...${M}) (${I}, error)`,
  mergeOverwrite: `func(${M}, ...${M}) ${I}`,
  mustMergeOverwrite: `func(${M}, ...${M}) (${I}, error)`,
  values: `func(${M}) ${S}`,
  deepCopy: `func(${I}) ${I}`,
  mustDeepCopy: `func(${I}) (${I}, error)`,
  dig: `func(...${I}) (${I}, error)`,

  add1: `func(${I}) int64`,
  add: `func(...${I}) int64`,
  sub: `func(${I}, ${I}) int64`,
  div: `func(${I}, ${I}) int64`,
  mod: `func(${I}, ${I}) int64`,
  mul: `func(${I}, ...${I}) int64`,
  add1f: `func(${I}) float64`,
  addf: `func(...${I}) float64`,
  subf: `func(${I}, ...${I}) float64`,
  divf: `func(${I}, ...${I}) float64`,
  mulf: `func(${I}, ...${I}) float64`,
  biggest: `func(${I}, ...${I}) int64`,
  max: `func(${I}, ...${I}) int64`,
  min: `func(${I}, ...${I}) int64`,
  maxf: `func(${I}, ...${I}) float64`,
  minf: `func(${I}, ...${I}) float64`,
  ceil: `func(${I}) float64`,
  floor: `func(${I}) float64`,
  round: `func(${I}, int, ...float64) float64`,

  randAlphaNum: 'func(int) string',
  randAlpha: 'func(int) string',
  randNumeric: 'func(int) string',
  randAscii: 'func(int) string',
  randInt: 'func(int, int) int',
};

function render(fd: FuncDef): string {
  const params = [...fd.params];
  if (fd.variadic !== undefined) params.push(`...${fd.variadic}`);
  const result = fd.returnsError ? `(${fd.result}, error)` : fd.result;
  return `func(${params.join(', ')}) ${result}`;
}

test('every function carries its exact Go signature', () => {
  const all: Record<string, FuncDef> = { ...listFuncs, ...dictFuncs, ...mathFuncs, ...randomFuncs };
  assert.deepEqual(Object.keys(all).sort(), Object.keys(signatures).sort());
  for (const [name, sig] of Object.entries(signatures)) {
    const fd = all[name];
    assert.ok(fd, name);
    assert.equal(render(fd), sig, name);
  }
});

test('the four groups do not overlap', () => {
  const groups = [listFuncs, dictFuncs, mathFuncs, randomFuncs].map((g) => Object.keys(g));
  const seen = new Set<string>();
  for (const names of groups) {
    for (const n of names) {
      assert.ok(!seen.has(n), n);
      seen.add(n);
    }
  }
});
