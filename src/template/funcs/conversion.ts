/**
 * Sprig v3.3.0's conversion functions: atoi, int, int64, float64, toDecimal, toString. `int`,
 * `int64` and `float64` go through github.com/spf13/cast v1.7.0 (ToInt, ToInt64, ToFloat64), which
 * return 0 for anything they cannot convert.
 */
import { sprint } from '../fmt/index.ts';
import { def, int64, type FuncDef, type GoValue } from '../value.ts';
import { tryParseInt } from '../fmt/atoi.ts';
import { castToFloat64, castToInt64 } from './cast.ts';
import { strval } from './strings-strval.ts';

const ANY = 'interface {}';

/** sprig's toDecimal: the octal digits of fmt.Sprint(v), or 0. */
function toDecimal(v: GoValue): bigint {
  const r = tryParseInt(sprint([v ?? null]), 8, 64);
  return r.err === undefined ? r.n : 0n;
}

export const conversionFuncs: Record<string, FuncDef> = {
  // strconv.Atoi's value: 0 on a syntax error, clamped on a range error
  atoi: def(['string'], 'int', ([s]) => tryParseInt(s as string, 10, 64).n),
  int: def([ANY], 'int', ([v]) => castToInt64(v)),
  int64: def([ANY], 'int64', ([v]) => int64(castToInt64(v))),
  float64: def([ANY], 'float64', ([v]) => castToFloat64(v)),
  toDecimal: def([ANY], 'int64', ([v]) => int64(toDecimal(v))),
  toString: def([ANY], 'string', ([v]) => strval(v ?? null)),
};
