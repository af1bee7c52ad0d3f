/** Sprig v3.3.0's reflect.go (typeOf, typeIs, typeIsLike, kindOf, kindIs) and reflect.DeepEqual. */
import { def, GoNumber, GoStruct, kindOf, typeName, type FuncDef, type GoValue } from '../value.ts';

const ANY = 'interface {}';

/** reflect.DeepEqual on two interface values. */
export function deepEqual(a: GoValue, b: GoValue): boolean {
  const aNil = a === null || a === undefined;
  const bNil = b === null || b === undefined;
  if (aNil || bNil) return aNil && bNil;
  if (typeName(a) !== typeName(b)) return false;
  return sameValue(a, b);
}

const NIL_SLICE = Symbol.for('capstan.goNilSlice');

/** A typed nil slice (marked by the list functions), which DeepEqual tells from an empty one. */
function isNilSlice(v: GoValue[]): boolean {
  return (v as unknown as Record<symbol, boolean>)[NIL_SLICE] === true;
}

function sameValue(a: GoValue, b: GoValue): boolean {
  if (a === b) return typeof a !== 'number' || !Number.isNaN(a);
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (a instanceof GoNumber && b instanceof GoNumber) return a.value === b.value;
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (isNilSlice(a) !== isNilSlice(b)) return false;
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (!b.has(k) || !deepEqual(v, b.get(k))) return false;
    }
    return true;
  }
  if (a instanceof GoStruct && b instanceof GoStruct) {
    if (a.fields.size !== b.fields.size) return false;
    for (const [k, v] of a.fields) {
      if (!b.fields.has(k) || !deepEqual(v, b.fields.get(k))) return false;
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
