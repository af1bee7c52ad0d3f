/**
 * Sprig v3.3.0 maths (functions.go + numeric.go): integer maths through cast.ToInt64 returning
 * int64, float maths through cast.ToFloat64 and shopspring/decimal returning float64.
 */
import { def, int64 } from '../value.ts';
import type { FuncDef, GoValue } from '../value.ts';
import { castToFloat64, castToInt64 } from './cast.ts';
import { Decimal } from './math-decimal.ts';
import { goMax, goMin, goPow, modfFrac } from './math-float.ts';

const IFACE = 'interface {}';
const DIVIDE_BY_ZERO = 'runtime error: integer divide by zero';

function wrap(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

/** Sprig's execDecimalOp: every operand goes float64 → decimal.NewFromFloat; result → Float64(). */
function execDecimalOp(
  a: GoValue,
  rest: readonly GoValue[],
  op: (d1: Decimal, d2: Decimal) => Decimal,
): number {
  let prt = Decimal.fromFloat(castToFloat64(a));
  for (const x of rest) {
    prt = op(prt, Decimal.fromFloat(castToFloat64(x)));
  }
  return prt.float64();
}

function intDiv(a: bigint, b: bigint, op: 'div' | 'mod'): bigint {
  if (b === 0n) throw new Error(DIVIDE_BY_ZERO);
  // BigInt division truncates toward zero like Go; MinInt64 / -1 wraps back to MinInt64.
  return wrap(op === 'div' ? a / b : a % b);
}

function maxInt(args: readonly GoValue[]): GoValue {
  let aa = castToInt64(args[0]);
  for (const b of args.slice(1)) {
    const bb = castToInt64(b);
    if (bb > aa) aa = bb;
  }
  return int64(aa);
}

function minInt(args: readonly GoValue[]): GoValue {
  let aa = castToInt64(args[0]);
  for (const b of args.slice(1)) {
    const bb = castToInt64(b);
    if (bb < aa) aa = bb;
  }
  return int64(aa);
}

/** numeric.go round(a interface{}, p int, rOpt ...float64) float64 */
function round(args: readonly GoValue[]): number {
  const roundOn = args.length > 2 ? (args[2] as number) : 0.5;
  const val = castToFloat64(args[0]);
  const places = castToFloat64(args[1]);
  const pow = goPow(10, places);
  const digit = pow * val;
  const div = modfFrac(digit);
  const r = div >= roundOn ? Math.ceil(digit) : Math.floor(digit);
  return r / pow;
}

export const mathFuncs: Record<string, FuncDef> = {
  add1: def([IFACE], 'int64', (a) => int64(castToInt64(a[0]) + 1n)),
  add: def([], 'int64', (a) => {
    let sum = 0n;
    for (const b of a) sum = wrap(sum + castToInt64(b));
    return int64(sum);
  }, { variadic: IFACE }),
  sub: def([IFACE, IFACE], 'int64', (a) => int64(castToInt64(a[0]) - castToInt64(a[1]))),
  div: def([IFACE, IFACE], 'int64', (a) => int64(intDiv(castToInt64(a[0]), castToInt64(a[1]), 'div'))),
  mod: def([IFACE, IFACE], 'int64', (a) => int64(intDiv(castToInt64(a[0]), castToInt64(a[1]), 'mod'))),
  mul: def([IFACE], 'int64', (a) => {
    let val = castToInt64(a[0]);
    for (const b of a.slice(1)) val = wrap(val * castToInt64(b));
    return int64(val);
  }, { variadic: IFACE }),

  add1f: def([IFACE], 'float64', (a) => execDecimalOp(a[0], [1n], (d1, d2) => d1.add(d2))),
  addf: def([], 'float64', (a) => execDecimalOp(0, a, (d1, d2) => d1.add(d2)), { variadic: IFACE }),
  subf: def([IFACE], 'float64', (a) => execDecimalOp(a[0], a.slice(1), (d1, d2) => d1.sub(d2)),
    { variadic: IFACE }),
  divf: def([IFACE], 'float64', (a) => execDecimalOp(a[0], a.slice(1), (d1, d2) => d1.div(d2)),
    { variadic: IFACE }),
  mulf: def([IFACE], 'float64', (a) => execDecimalOp(a[0], a.slice(1), (d1, d2) => d1.mul(d2)),
    { variadic: IFACE }),

  biggest: def([IFACE], 'int64', maxInt, { variadic: IFACE }),
  max: def([IFACE], 'int64', maxInt, { variadic: IFACE }),
  min: def([IFACE], 'int64', minInt, { variadic: IFACE }),
  maxf: def([IFACE], 'float64', (a) => {
    let aa = castToFloat64(a[0]);
    for (const b of a.slice(1)) aa = goMax(aa, castToFloat64(b));
    return aa;
  }, { variadic: IFACE }),
  minf: def([IFACE], 'float64', (a) => {
    let aa = castToFloat64(a[0]);
    for (const b of a.slice(1)) aa = goMin(aa, castToFloat64(b));
    return aa;
  }, { variadic: IFACE }),

  ceil: def([IFACE], 'float64', (a) => Math.ceil(castToFloat64(a[0]))),
  floor: def([IFACE], 'float64', (a) => Math.floor(castToFloat64(a[0]))),
  round: def([IFACE, 'int'], 'float64', round, { variadic: 'float64' }),
};
