/**
 * Sprig v3.3.0's defaults.go: default, empty, coalesce, all, any, ternary. (deepCopy and
 * mustDeepCopy, listed with them in genericMap, live in dict.go and so in dicts.ts.)
 */
import { def, GoNumber, type FuncDef, type GoValue } from '../value.ts';

const ANY = 'interface {}';

/** sprig's empty(): the zero value of its kind (structs are never empty). */
export function isEmpty(v: GoValue): boolean {
  if (v === null || v === undefined) return true;
  switch (typeof v) {
    case 'string': return v.length === 0;
    case 'boolean': return !v;
    case 'bigint': return v === 0n;
    case 'number': return v === 0;
  }
  if (v instanceof GoNumber) return typeof v.value === 'number' ? v.value === 0 : v.value === 0n;
  if (v instanceof Uint8Array || Array.isArray(v)) return v.length === 0;
  if (v instanceof Map) return v.size === 0;
  return false; // struct, or non-nil pointer
}

export const defaultFuncs: Record<string, FuncDef> = {
  default: def([ANY], ANY, ([d, ...given]) => {
    if (given.length === 0 || isEmpty(given[0])) return d ?? null;
    return given[0] ?? null;
  }, { variadic: ANY }),
  empty: def([ANY], 'bool', ([v]) => isEmpty(v)),
  coalesce: def([], ANY, (args) => {
    for (const v of args) if (!isEmpty(v)) return v ?? null;
    return null;
  }, { variadic: ANY }),
  all: def([], 'bool', (args) => args.every((v) => !isEmpty(v)), { variadic: ANY }),
  any: def([], 'bool', (args) => args.some((v) => !isEmpty(v)), { variadic: ANY }),
  ternary: def([ANY, ANY, 'bool'], ANY, ([vt, vf, b]) => (b === true ? vt : vf) ?? null),
};
