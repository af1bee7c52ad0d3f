/**
 * Sprig v3.3.0 integer sequences (numeric.go): `until`, `untilStep` (both `[]int`) and `seq`
 * (a space-separated string, like GNU seq). Go's `int` arithmetic wraps at 64 bits.
 */
import { def, withSliceType } from '../value.ts';
import type { FuncContext, FuncDef, GoValue } from '../value.ts';
import { withAppendedCap } from './lists-cap.ts';

const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);

function wrap(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

/**
 * Number of values `for i := start; i < stop (or >); i += step` yields. When the last step
 * overflows int64 the Go loop wraps around and never ends (it runs out of memory); we report
 * that as an unbounded count so the execution budget stops it.
 */
function loopCount(start: bigint, stop: bigint, step: bigint): number {
  const n = (stop - start + step + (step > 0n ? -1n : 1n)) / step;
  const lastNext = start + n * step;
  if (lastNext > MAX_INT64 || lastNext < MIN_INT64) return Number.MAX_SAFE_INTEGER;
  return Number(n);
}

/** numeric.go untilStep */
export function untilStep(start: bigint, stop: bigint, step: bigint, ctx: FuncContext): bigint[] {
  const v: bigint[] = [];
  if (stop < start) {
    if (step >= 0n) return v;
    chargeLoop(ctx, loopCount(start, stop, step));
    for (let i = start; i > stop; i = wrap(i + step)) v.push(i);
    return v;
  }
  if (step <= 0n) return v;
  chargeLoop(ctx, loopCount(start, stop, step));
  for (let i = start; i < stop; i = wrap(i + step)) v.push(i);
  return v;
}

/** Charges the budget for a loop of `n` values; a never-ending loop cannot be run at all. */
function chargeLoop(ctx: FuncContext, n: number): void {
  ctx.charge(n);
  if (n === Number.MAX_SAFE_INTEGER) throw new Error('runtime: out of memory');
}

function intList(v: bigint[]): GoValue[] {
  return withAppendedCap(withSliceType(v, '[]int'));
}

/** numeric.go seq */
function seq(params: readonly bigint[], ctx: FuncContext): string {
  let increment = 1n;
  let start: bigint;
  let end: bigint;
  let step: bigint;
  switch (params.length) {
    case 1:
      start = 1n;
      end = params[0] as bigint;
      if (end < start) increment = -1n;
      step = increment;
      break;
    case 2:
      start = params[0] as bigint;
      end = params[1] as bigint;
      step = end < start ? -1n : 1n;
      increment = step;
      break;
    case 3:
      start = params[0] as bigint;
      end = params[2] as bigint;
      step = params[1] as bigint;
      if (end < start) {
        increment = -1n;
        if (step > 0n) return '';
      }
      break;
    default:
      return '';
  }
  return untilStep(start, wrap(end + increment), step, ctx).join(' ');
}

export const sequenceFuncs: Record<string, FuncDef> = {
  until: def(['int'], '[]int', (a, ctx) => {
    const count = a[0] as bigint;
    return intList(untilStep(0n, count, count < 0n ? -1n : 1n, ctx));
  }),
  untilStep: def(['int', 'int', 'int'], '[]int', (a, ctx) =>
    intList(untilStep(a[0] as bigint, a[1] as bigint, a[2] as bigint, ctx))),
  seq: def([], 'string', (a, ctx) => seq(a as bigint[], ctx), { variadic: 'int' }),
};
