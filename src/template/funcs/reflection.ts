/** Sprig v3.3.0's reflect.go (typeOf, typeIs, typeIsLike, kindOf, kindIs) and reflect.DeepEqual. */
import { def, GoNumber, GoStruct, isNilMap, isNilSlice, kindOf, typeName, type FuncDef, type GoValue } from '../value.ts';

const ANY = 'interface {}';

/** reflect.DeepEqual on two interface values. */
export function deepEqual(a: GoValue, b: GoValue): boolean {
  return deepEq(a, b, new Map());
}

function deepEq(a: GoValue, b: GoValue, seen: Map<object, Set<object>>): boolean {
  const aNil = a === undefined || a === null;
  const bNil = b === undefined || b === null;
  if (aNil || bNil) return aNil && bNil;
  if (typeName(a) !== typeName(b)) return false;
  switch (typeof a) {
    case 'string':
    case 'boolean':
    case 'bigint':
    case 'number':
      return a === b;
  }
  if (a instanceof GoNumber) return b instanceof GoNumber && a.value === b.value;
  if (a instanceof Uint8Array) {
    if (!(b instanceof Uint8Array) || a.length !== b.length) return false;
    return a.every((x, i) => x === b[i]);
  }
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (a === b) return true;
  // cycle guard: a pair already under comparison is assumed equal, as Go does
  let set = seen.get(a);
  if (set?.has(b)) return true;
  if (!set) {
    set = new Set();
    seen.set(a, set);
  }
  set.add(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length || isNilSlice(a) !== isNilSlice(b)) return false;
    return a.every((x, i) => deepEq(x, b[i], seen));
  }
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size || isNilMap(a) !== isNilMap(b)) return false;
    for (const [k, v] of a) {
      if (!b.has(k) || !deepEq(v, b.get(k), seen)) return false;
    }
    return true;
  }
  if (a instanceof GoStruct && b instanceof GoStruct) {
    if (a.fields.size !== b.fields.size) return false;
    for (const [k, v] of a.fields) {
      if (!b.fields.has(k) || !deepEq(v, b.fields.get(k), seen)) return false;
    }
    return true;
  }
  return false;
}

export const reflectionFuncs: Record<string, FuncDef> = {
  typeOf: def([ANY], 'string', ([v]) => typeName(v)),
  typeIs: def(['string', ANY], 'bool', ([t, v]) => t === typeName(v)),
  typeIsLike: def(['string', ANY], 'bool', ([t, v]) => {
    const n = typeName(v);
    return t === n || '*' + (t as string) === n;
  }),
  kindOf: def([ANY], 'string', ([v]) => kindOf(v)),
  kindIs: def(['string', ANY], 'bool', ([t, v]) => t === kindOf(v)),
  deepEqual: def([ANY, ANY], 'bool', ([a, b]) => deepEqual(a, b)),
};
