/**
 * Sprig v3.3.0's conversion functions: atoi, int, int64, float64, toDecimal, toString. `int`,
 * `int64` and `float64` go through github.com/spf13/cast v1.7.0 (ToInt, ToInt64, ToFloat64), which
 * return 0 for anything they cannot convert.
 */
import { sprint } from '../fmt/index.ts';
import { def, GoNumber, int64, type FuncDef, type GoValue } from '../value.ts';
import { atoi, floatToInt64, parseFloat64, parseInt64 } from './conversion-strconv.ts';
import { strval } from './strings-strval.ts';

const ANY = 'interface {}';

/** cast's trimZeroDecimal: "12.00" → "12" (only an all-zero fraction is dropped). */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === '0') {
      foundZero = true;
    } else {
      return s;
    }
  }
  return s;
}

/** cast.ToInt64 (also cast.ToInt: Go's int is 64 bits wide). */
export function castToInt64(v: GoValue): bigint {
  if (v === null || v === undefined) return 0n;
  switch (typeof v) {
    case 'bigint': return v;
    case 'number': return floatToInt64(v);
    case 'boolean': return v ? 1n : 0n;
    case 'string': {
      const [n, err] = parseInt64(trimZeroDecimal(v), 0);
      return err ? 0n : n;
    }
  }
  if (v instanceof GoNumber) {
    return typeof v.value === 'number' ? floatToInt64(v.value) : BigInt.asIntN(64, v.value);
  }
  return 0n;
}

/** cast.ToFloat64. */
export function castToFloat64(v: GoValue): number {
  if (v === null || v === undefined) return 0;
  switch (typeof v) {
    case 'bigint': return Number(v);
    case 'number': return v;
    case 'boolean': return v ? 1 : 0;
    case 'string': {
      const [f, err] = parseFloat64(v);
      return err ? 0 : f;
    }
  }
  if (v instanceof GoNumber) return Number(v.value);
  return 0;
}

/** sprig's toDecimal: the octal digits of fmt.Sprint(v), or 0. */
function toDecimal(v: GoValue): bigint {
  const [n, err] = parseInt64(sprint([v ?? null]), 8);
  return err ? 0n : n;
}

export const conversionFuncs: Record<string, FuncDef> = {
  atoi: def(['string'], 'int', ([s]) => atoi(s as string)[0]),
  int: def([ANY], 'int', ([v]) => castToInt64(v)),
  int64: def([ANY], 'int64', ([v]) => int64(castToInt64(v))),
  float64: def([ANY], 'float64', ([v]) => castToFloat64(v)),
  toDecimal: def([ANY], 'int64', ([v]) => int64(toDecimal(v))),
  toString: def([ANY], 'string', ([v]) => strval(v ?? null)),
};
