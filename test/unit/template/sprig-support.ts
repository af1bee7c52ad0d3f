/**
 * Helpers for the Sprig function unit tests: build nested calls against a function table,
 * evaluate them by calling `fn` directly, and render results the way Go's `%T|%v` would.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { castToInt64 } from '../../../src/template/funcs/cast.ts';
import { def, GoNumber, GoStruct, int64, typeName, withSliceType } from '../../../src/template/value.ts';
import type { FuncContext, FuncDef, GoValue } from '../../../src/template/value.ts';

export type Expr = GoValue | { call: string; args: Expr[] } | { data: string };

/** A call expression: f('first', L(1n, 2n)). */
export const f = (call: string, ...args: Expr[]): Expr => ({ call, args });
/** A field of the test data (`.list`, `.strs` …). */
export const v = (data: string): Expr => ({ data });
/** `list …` */
export const L = (...a: Expr[]): Expr => f('list', ...a);
/** `dict …` */
export const D = (...a: Expr[]): Expr => f('dict', ...a);
export const i64 = (n: bigint): GoNumber => new GoNumber('int64', n);

/** A context whose budget is unlimited unless a limit is given. */
export function testCtx(limit = Infinity): FuncContext & { used: number } {
  const ctx = {
    templateName: 'test',
    used: 0,
    charge(units: number): void {
      ctx.used += units;
      if (ctx.used > limit) throw new Error('budget exhausted');
    },
  };
  return ctx;
}

/** The data the expectations were produced with (mirrors the Go oracle's data). */
export function testData(): Record<string, GoValue> {
  return {
    list: ['a', 'b', 'c'],
    strs: withSliceType(['b', 'a', 'c'], '[]string'),
    ints: withSliceType([3n, 1n, 2n], '[]int'),
    bytes: new TextEncoder().encode('hi'),
    map: new Map<string, GoValue>([['b', 2], ['a', 1], ['c', 3]]),
    nilv: null,
  };
}

function isCall(e: Expr): e is { call: string; args: Expr[] } {
  return typeof e === 'object' && e !== null && !Array.isArray(e) && 'call' in e;
}

function isData(e: Expr): e is { data: string } {
  return typeof e === 'object' && e !== null && !Array.isArray(e) && 'data' in e && !(e instanceof Map);
}

export function evaluate(
  e: Expr,
  funcs: Record<string, FuncDef>,
  data: Record<string, GoValue> = testData(),
  ctx: FuncContext = testCtx(),
): GoValue {
  if (isCall(e)) {
    const fd = funcs[e.call];
    if (!fd) throw new Error(`test: no function ${e.call}`);
    return fd.fn(e.args.map((a) => evaluate(a, funcs, data, ctx)), ctx);
  }
  if (isData(e)) return data[e.data] ?? null;
  return e as GoValue;
}

/** Go's %v for a float64: strconv 'g' with the shortest digits, exponent form when exp < -4 || exp >= 6. */
export function goFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(Math.abs(x).toExponential());
  if (!m) throw new Error('unreachable');
  const digits = (m[1] ?? '') + (m[2] ?? '');
  const exp = Number(m[3]);
  let out: string;
  if (exp < -4 || exp >= 6) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ae = Math.abs(exp);
    out = `${mant}e${exp < 0 ? '-' : '+'}${ae < 10 ? '0' : ''}${ae}`;
  } else if (exp >= digits.length - 1) {
    out = digits + '0'.repeat(exp - digits.length + 1);
  } else if (exp >= 0) {
    out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  } else {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  return (x < 0 ? '-' : '') + out;
}

/** Go's %v for the values these functions produce (maps with sorted keys). */
export function goV(x: GoValue): string {
  if (x === null || x === undefined) return '<nil>';
  switch (typeof x) {
    case 'string': return x;
    case 'boolean': case 'bigint': return String(x);
    case 'number': return goFloat(x);
  }
  if (x instanceof GoNumber) return typeof x.value === 'number' ? goFloat(x.value) : String(x.value);
  if (x instanceof Uint8Array) return `[${[...x].join(' ')}]`;
  if (Array.isArray(x)) return `[${x.map(goV).join(' ')}]`;
  if (x instanceof Map) return `map[${[...x.keys()].sort().map((k) => `${k}:${goV(x.get(k))}`).join(' ')}]`;
  if (x instanceof GoStruct) return `{${x.typeName}}`;
  return '?';
}

/** `TYPE|VALUE` of a result, or `ERR:message` when the call throws. */
export function outcome(run: () => GoValue): string {
  try {
    const r = run();
    return `${typeName(r)}|${goV(r)}`;
  } catch (e) {
    return `ERR:${(e as Error).message}`;
  }
}

/** The function groups under test, plus the `len` and `int64` builtins the tables use to build arguments. */
export function tableFuncs(...groups: Record<string, FuncDef>[]): Record<string, FuncDef> {
  return {
    ...Object.assign({}, ...groups) as Record<string, FuncDef>,
    len: def(['interface {}'], 'int', (a) => BigInt((a[0] as GoValue[]).length)),
    int64: def(['interface {}'], 'int64', (a) => int64(castToInt64(a[0]))),
  };
}

/** One subtest per case: the {@link outcome} of evaluating the expression, against what Sprig printed in Go. */
export function goTable(title: string, funcs: Record<string, FuncDef>, cases: readonly [Expr, string][]): void {
  test(title, async (t) => {
    for (const [expr, want] of cases) {
      await t.test(JSON.stringify(expr, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x)), () => {
        assert.equal(outcome(() => evaluate(expr, funcs)), want);
      });
    }
  });
}
