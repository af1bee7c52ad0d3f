/**
 * Table-driven checks for Sprig function groups: each row calls a FuncDef's `fn` directly with
 * arguments already in their Go parameter types, and compares with what Go/Sprig returns
 * (the expected values were produced by Sprig v3.3.0 itself, or come from Helm's conformance cases).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GoFuncError, GoNumber, mapType, type FuncDef, type GoValue } from '../../../src/template/value.ts';

export type Expect = GoValue | { panic: string } | { err: string } | { map: [string, string][] };
export type Row = [name: string, args: GoValue[], expect: Expect];

const ctx = { templateName: 'test', charge(): void {} };

export function call(funcs: Record<string, FuncDef>, name: string, args: GoValue[]): GoValue {
  const f = funcs[name];
  assert.ok(f, `function ${name} is defined`);
  return f.fn(args, ctx);
}

function show(v: GoValue): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x instanceof Map ? [...x] : x instanceof GoNumber ? `${x.kind}(${x.value})` : x));
}

function isObj(e: Expect, key: string): boolean {
  return typeof e === 'object' && e !== null && !Array.isArray(e) && key in e && Object.getPrototypeOf(e) === Object.prototype;
}

/** One `it` per row, grouped by function name. */
export function runTable(title: string, funcs: Record<string, FuncDef>, rows: readonly Row[]): void {
  describe(title, () => {
    for (const [name, args, expect] of rows) {
      it(`${name} ${show(args)}`, () => {
        if (isObj(expect, 'panic')) {
          const msg = (expect as { panic: string }).panic;
          assert.throws(() => call(funcs, name, args), (e: unknown) => {
            assert.ok(!(e instanceof GoFuncError), 'a panic, not an error result');
            assert.equal((e as Error).message, msg);
            return true;
          });
          return;
        }
        if (isObj(expect, 'err')) {
          const msg = (expect as { err: string }).err;
          assert.ok(funcs[name]?.returnsError, `${name} declares an error result`);
          assert.throws(() => call(funcs, name, args), (e: unknown) => {
            assert.ok(e instanceof GoFuncError);
            assert.equal(e.message, msg);
            return true;
          });
          return;
        }
        const got = call(funcs, name, args);
        if (isObj(expect, 'map')) {
          assert.ok(got instanceof Map);
          assert.equal(mapType(got), 'map[string]string');
          assert.deepEqual([...got].sort((a, b) => (a[0] < b[0] ? -1 : 1)), (expect as { map: [string, string][] }).map);
          return;
        }
        if (Array.isArray(expect)) {
          assert.ok(Array.isArray(got), `array result, got ${show(got)}`);
          assert.deepEqual([...got], expect);
          return;
        }
        if (expect instanceof GoNumber) {
          assert.ok(got instanceof GoNumber, `${expect.kind} result, got ${show(got)}`);
          assert.equal(got.kind, expect.kind);
          assert.equal(got.value, expect.value);
          return;
        }
        assert.equal(got, expect);
      });
    }
  });
}
