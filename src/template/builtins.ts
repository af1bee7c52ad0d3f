/**
 * text/template's predefined functions (Go's builtins() in funcs.go): and, call, html, index, slice,
 * js, len, not, or, print, printf, println, urlquery, eq, ge, gt, le, lt, ne.
 *
 * Parameters typed `reflect.Value` receive the raw value: `undefined` for an invalid value ("no
 * value"), `null` for a nil interface. and/or/call are evaluated specially by the executor.
 */
import { byteLength, sprint, sprintf, sprintln, utf8Decode, utf8Encode } from './fmt/index.ts';
import { evalArgs, htmlEscapeString, jsEscapeString, urlQueryEscape } from './builtins-escape.ts';
import { eq, ge, gt, le, lt, ne } from './compare.ts';
import { isTrue } from './exec-values.ts';
import { derefStruct, mapElemType, REFLECT_VALUE, zeroValue } from './convert.ts';
import { GoFuncError, GoNumber, GoStruct, sliceType, typeName, withSliceType } from './value.ts';
import type { FuncDef, GoValue } from './value.ts';

const RV = REFLECT_VALUE;

function unreachable(): never {
  throw new Error('unreachable');
}

/** Go's truth(): isTrue of the value inside an interface. */
export function truth(v: GoValue): boolean {
  return isTrue(v === null ? undefined : v)[0];
}

/** indexArg: an integer index within [0, cap]. */
function indexArg(index: GoValue, cap: number): number {
  let x: bigint;
  if (typeof index === 'bigint') x = index;
  else if (index instanceof GoNumber && index.kind !== 'float32') x = BigInt.asIntN(64, index.value as bigint);
  else if (index === undefined) throw new GoFuncError('cannot index slice/array with nil');
  else throw new GoFuncError(`cannot index slice/array with type ${typeName(index)}`);
  if (x < 0n || x > BigInt(cap)) throw new GoFuncError(`index out of range: ${x}`);
  return Number(x);
}

/** index item a b c: item[a][b][c] */
export function index(item: GoValue, ...indexes: GoValue[]): GoValue {
  if (item === null) item = undefined;
  if (item === undefined) throw new GoFuncError('index of untyped nil');
  for (let ix of indexes) {
    if (ix === null) ix = undefined;
    if (item === null || item === undefined) throw new GoFuncError('index of nil pointer');
    if (item instanceof GoStruct) item = derefStruct(item);
    if (typeof item === 'string') {
      const b = utf8Encode(item);
      const x = indexArg(ix, b.length);
      if (x === b.length) throw new Error('reflect: string index out of range');
      item = new GoNumber('uint8', BigInt(b[x]!));
    } else if (item instanceof Uint8Array) {
      const x = indexArg(ix, item.length);
      if (x === item.length) throw new Error('reflect: slice index out of range');
      item = new GoNumber('uint8', BigInt(item[x]!));
    } else if (Array.isArray(item)) {
      const x = indexArg(ix, item.length);
      if (x === item.length) throw new Error('reflect: slice index out of range');
      item = item[x];
    } else if (item instanceof Map) {
      if (ix === undefined) throw new GoFuncError('value is nil; should be of type string');
      if (typeof ix !== 'string') throw new GoFuncError(`value has type ${typeName(ix)}; should be string`);
      item = item.has(ix) ? item.get(ix) : zeroValue(mapElemType(item));
    } else {
      throw new GoFuncError(`can't index item of type ${typeName(item)}`);
    }
  }
  return item;
}

/** slice item i j k: item[i:j:k] */
export function slice(item: GoValue, ...indexes: GoValue[]): GoValue {
  if (item === null) item = undefined;
  if (item === undefined) throw new GoFuncError('slice of untyped nil');
  if (indexes.length > 3) throw new GoFuncError(`too many slice indexes: ${indexes.length}`);
  let len: number;
  let bytes: Uint8Array | null = null;
  if (typeof item === 'string') {
    if (indexes.length === 3) throw new GoFuncError('cannot 3-index slice a string');
    bytes = utf8Encode(item);
    len = bytes.length;
  } else if (Array.isArray(item) || item instanceof Uint8Array) {
    len = item.length;
  } else {
    throw new GoFuncError(`can't slice item of type ${typeName(item)}`);
  }
  const idx = [0, len, 0];
  for (let i = 0; i < indexes.length; i++) idx[i] = indexArg(indexes[i] === null ? undefined : indexes[i], len);
  if (idx[0]! > idx[1]!) throw new GoFuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!) throw new GoFuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (bytes !== null) return utf8Decode(bytes.subarray(idx[0], idx[1]));
  if (item instanceof Uint8Array) return item.slice(idx[0], idx[1]);
  const arr = item as GoValue[];
  const out = arr.slice(idx[0], idx[1]);
  const t = sliceType(arr);
  return t === '[]interface {}' ? out : withSliceType(out, t);
}

/** len item */
export function length(item: GoValue): bigint {
  if (item === null) throw new GoFuncError('len of nil pointer');
  if (item === undefined) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  if (typeof item === 'string') return BigInt(byteLength(item));
  if (Array.isArray(item) || item instanceof Uint8Array) return BigInt(item.length);
  if (item instanceof Map) return BigInt(item.size);
  if (item instanceof GoStruct) item = derefStruct(item);
  throw new GoFuncError(`len of type ${typeName(item)}`);
}

function call(name: string, fn: GoValue): never {
  if (fn === null || fn === undefined) throw new GoFuncError('call of nil');
  // There are no function values in the GoValue model.
  throw new GoFuncError(`non-function ${name} of type ${typeName(fn)}`);
}

/** Implements `call` after the executor evaluated its arguments (the first is the callee node's text). */
export function callBuiltin(calleeName: string, args: readonly GoValue[]): GoValue {
  return call(calleeName, args[0]);
}

function cmp(f: (a: GoValue, b: GoValue) => boolean): FuncDef {
  return { params: [RV, RV], result: 'bool', returnsError: true, fn: (a) => f(a[0], a[1]) };
}

const BUILTINS: ReadonlyMap<string, FuncDef> = new Map<string, FuncDef>([
  ['and', { params: [RV], variadic: RV, result: RV, fn: unreachable }],
  ['call', { params: [RV], variadic: RV, result: RV, fn: unreachable }],
  ['html', { params: [], variadic: 'interface {}', result: 'string', fn: (a) => htmlEscapeString(evalArgs(a)) }],
  ['index', { params: [RV], variadic: RV, result: RV, returnsError: true, fn: (a) => index(a[0], ...a.slice(1)) }],
  ['slice', { params: [RV], variadic: RV, result: RV, returnsError: true, fn: (a) => slice(a[0], ...a.slice(1)) }],
  ['js', { params: [], variadic: 'interface {}', result: 'string', fn: (a) => jsEscapeString(evalArgs(a)) }],
  ['len', { params: [RV], result: 'int', returnsError: true, fn: (a) => length(a[0]) }],
  ['not', { params: [RV], result: 'bool', fn: (a) => !truth(a[0]) }],
  ['or', { params: [RV], variadic: RV, result: RV, fn: unreachable }],
  ['print', { params: [], variadic: 'interface {}', result: 'string', fn: (a) => sprint(a) }],
  ['printf', { params: ['string'], variadic: 'interface {}', result: 'string', fn: (a) => sprintf(a[0] as string, a.slice(1)) }],
  ['println', { params: [], variadic: 'interface {}', result: 'string', fn: (a) => sprintln(a) }],
  ['urlquery', { params: [], variadic: 'interface {}', result: 'string', fn: (a) => urlQueryEscape(evalArgs(a)) }],
  ['eq', { params: [RV], variadic: RV, result: 'bool', returnsError: true, fn: (a) => eq(a[0], ...a.slice(1)) }],
  ['ge', cmp(ge)],
  ['gt', cmp(gt)],
  ['le', cmp(le)],
  ['lt', cmp(lt)],
  ['ne', cmp(ne)],
]);

const BUILTIN_DEFS: ReadonlySet<FuncDef> = new Set(BUILTINS.values());

/** Whether `fn` is one of the predefined functions (and/or/call are special when they are). */
export function isBuiltinFunc(fn: FuncDef): boolean {
  return BUILTIN_DEFS.has(fn);
}

/** The predefined functions (Go's builtins()). */
export function builtins(): ReadonlyMap<string, FuncDef> {
  return BUILTINS;
}
