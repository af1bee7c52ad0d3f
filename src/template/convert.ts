/**
 * Go types as strings (`string`, `int64`, `[]interface {}`, `map[string]interface {}`, …) and the
 * reflect-style rules the executor applies to them: assignability, nil-ability, zero values, and
 * the conversion of literal constants to a parameter's type.
 */
import { GoNumber, GoStruct, mapType, nilMap, nilSlice, sliceType, typeName } from './value.ts';
import type { GoNumberKind, GoType, GoValue } from './value.ts';

/** The type the builtins use for parameters that take any reflect.Value (including "no value"). */
export const REFLECT_VALUE = 'reflect.Value';
export const EMPTY_INTERFACE = 'interface {}';

const underlyingTypes = new Map<string, GoType>();

/**
 * Declares the underlying type of a named Go type (e.g. `chartutil.Values` →
 * `map[string]interface {}`), so values of it are assignable to parameters of the unnamed type and
 * vice versa, as Go's assignability rules say. Named map types default to
 * `map[string]interface {}`, named slice types to `[]interface {}`.
 */
export function registerNamedType(name: string, underlying: GoType): void {
  underlyingTypes.set(name, underlying);
}

/** `any` → `interface {}` */
export function normalizeType(t: GoType): GoType {
  return t === 'any' || t === 'interface{}' ? EMPTY_INTERFACE : t;
}

function isUnnamedComposite(t: GoType): boolean {
  return t.startsWith('[') || t.startsWith('map[') || t.startsWith('*') || t.startsWith('func') || t.startsWith('chan ');
}

/** The underlying type of `t` when known (itself for unnamed and predeclared types). */
export function underlyingType(t: GoType): GoType {
  return underlyingTypes.get(t) ?? t;
}

function underlyingOfValue(v: GoValue): GoType {
  const tn = typeName(v);
  const u = underlyingTypes.get(tn);
  if (u !== undefined) return u;
  if (v instanceof Map && !tn.startsWith('map[')) return 'map[string]interface {}';
  if (Array.isArray(v) && !tn.startsWith('[')) return '[]interface {}';
  return tn;
}

export function isInterfaceType(t: GoType): boolean {
  return t === EMPTY_INTERFACE || t === 'any' || t === 'interface{}' || t.startsWith('interface {');
}

/** The static type of a value held in a Go variable of its own (concrete) type; nil is `interface {}`. */
export function staticTypeName(v: GoValue): string {
  return v === null || v === undefined ? EMPTY_INTERFACE : typeName(v);
}

/** reflect's AssignableTo for a (valid) value and a declared type. */
export function assignable(v: GoValue, t: GoType): boolean {
  if (isInterfaceType(t)) return true;
  if (v === null || v === undefined) return false;
  const tn = typeName(v);
  if (tn === t) return true;
  // Identical underlying types, at least one of them unnamed.
  if (isUnnamedComposite(t)) return underlyingOfValue(v) === t;
  if (isUnnamedComposite(tn)) return underlyingType(t) === tn;
  return false;
}

/** Go's canBeNil: whether an untyped nil can be assigned to the type. */
export function canBeNil(t: GoType): boolean {
  if (t === REFLECT_VALUE || isInterfaceType(t)) return true;
  const u = underlyingType(t);
  return u.startsWith('[') || u.startsWith('map[') || u.startsWith('*') || u.startsWith('func') || u.startsWith('chan ');
}

const INT_KINDS: ReadonlySet<string> = new Set(['int', 'int8', 'int16', 'int32', 'int64']);
const UINT_KINDS: ReadonlySet<string> = new Set(['uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr']);

/** Go kind names of predeclared numeric types (after resolving a named type). */
export function typeKind(t: GoType): string {
  const u = underlyingType(normalizeType(t));
  if (u === REFLECT_VALUE) return 'reflect.Value';
  if (isInterfaceType(u)) return 'interface';
  if (u === 'bool' || u === 'string' || u === 'float32' || u === 'float64' || u === 'complex64' || u === 'complex128') return u;
  if (INT_KINDS.has(u)) return 'int';
  if (UINT_KINDS.has(u)) return 'uint';
  if (u.startsWith('[]')) return 'slice';
  if (u.startsWith('[')) return 'array';
  if (u.startsWith('map[')) return 'map';
  if (u.startsWith('*')) return 'ptr';
  return 'struct';
}

function bits(kind: string): number {
  switch (kind) {
    case 'int8': case 'uint8': return 8;
    case 'int16': case 'uint16': return 16;
    case 'int32': case 'uint32': return 32;
    default: return 64;
  }
}

/** A Go integer of type `t` (an int or uint kind) from an int64/uint64 value, truncated as reflect.SetInt does. */
export function makeInt(t: GoType, v: bigint): GoValue {
  const u = underlyingType(t);
  if (u === 'int') return BigInt.asIntN(64, v);
  if (INT_KINDS.has(u)) return new GoNumber(u as GoNumberKind, BigInt.asIntN(bits(u), v));
  return new GoNumber(u as GoNumberKind, BigInt.asUintN(bits(u), v));
}

/** A Go float of type `t` (float32 or float64). */
export function makeFloat(t: GoType, v: number): GoValue {
  return underlyingType(t) === 'float32' ? new GoNumber('float32', Math.fround(v)) : v;
}

/** reflect.Zero(t) as a GoValue. */
export function zeroValue(t: GoType): GoValue {
  t = normalizeType(t);
  if (t === REFLECT_VALUE) return undefined;
  if (isInterfaceType(t)) return null;
  const u = underlyingType(t);
  switch (u) {
    case 'bool': return false;
    case 'string': return '';
    case 'int': return 0n;
    case 'float64': return 0;
    case 'float32': return new GoNumber('float32', 0);
    case '[]uint8': return new Uint8Array(0);
  }
  if (INT_KINDS.has(u) || UINT_KINDS.has(u)) return new GoNumber(u as GoNumberKind, 0n);
  if (u.startsWith('[]')) return nilSlice(t);
  if (u.startsWith('map[')) return nilMap(t);
  return null;
}

/** The element type of a map type string (`map[string]T` → `T`); named maps → `interface {}`. */
export function mapElemType(m: Map<string, GoValue>): GoType {
  const t = mapType(m);
  const u = t.startsWith('map[') ? t : underlyingTypes.get(t) ?? 'map[string]interface {}';
  let depth = 0;
  for (let i = 3; i < u.length; i++) {
    if (u[i] === '[') depth++;
    else if (u[i] === ']' && --depth === 0) return u.slice(i + 1);
  }
  return EMPTY_INTERFACE;
}

/** The element type of a slice (`[]T` → `T`); named slices → `interface {}`. */
export function sliceElemType(a: readonly GoValue[]): GoType {
  const t = sliceType(a);
  const u = t.startsWith('[]') ? t : underlyingTypes.get(t) ?? '[]interface {}';
  return u.startsWith('[]') ? u.slice(2) : EMPTY_INTERFACE;
}

/** Dereferences a pointer-to-struct value (Go's v.Elem()). */
export function derefStruct(v: GoStruct): GoStruct {
  if (!v.pointer) return v;
  return new GoStruct({ typeName: v.typeName, fields: v.fields, methods: v.methods, pointer: false, json: v.json });
}

/** A pointer to a struct value (Go's v.Addr() of an addressable struct). */
export function addrStruct(v: GoStruct): GoStruct {
  if (v.pointer) return v;
  return new GoStruct({ typeName: v.typeName, fields: v.fields, methods: v.methods, pointer: true, json: v.json });
}
