/**
 * Go values as the template engine sees them.
 *
 * Go's text/template works on reflect.Value; we mirror the distinctions that change output or errors
 * (int vs float64, nil vs "no value", map vs struct, the static Go type names that `typeOf`, `%T` and
 * error messages print) with plain JavaScript values wherever one is unambiguous:
 *
 * | Go                                   | JavaScript                                   |
 * | ------------------------------------ | -------------------------------------------- |
 * | invalid reflect.Value ("no value")   | `undefined`                                  |
 * | nil (untyped, or nil interface)      | `null`                                       |
 * | bool                                 | `boolean`                                    |
 * | string                               | `string` (UTF-16 here; byte semantics are applied by the functions that need them) |
 * | int                                  | `bigint` (always kept within int64 range)    |
 * | float64                              | `number`                                     |
 * | other sized numbers (int64, uint8 …) | {@link GoNumber}                             |
 * | []byte                               | `Uint8Array`                                 |
 * | slice ([]interface {}, []string …)   | `GoValue[]`; element type via {@link sliceType} |
 * | map (map[string]interface {} …)      | `Map<string, GoValue>`; type via {@link mapType} |
 * | typed nil slice / map                | an empty one marked by {@link nilSlice} / {@link nilMap} |
 * | struct / pointer to struct           | {@link GoStruct}                             |
 *
 * Nothing here knows about Helm or Kubernetes.
 */

export type GoValue =
  | undefined
  | null
  | boolean
  | string
  | bigint
  | number
  | GoNumber
  | Uint8Array
  | GoValue[]
  | GoMap
  | GoStruct;

export type GoMap = Map<string, GoValue>;

/** Go's sized numeric kinds other than `int` (bigint) and `float64` (number). */
export type GoNumberKind =
  | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr'
  | 'float32';

/** A number of a sized Go type: `int64` (what Sprig's maths returns), `uint8`, `float32`, … */
export class GoNumber {
  readonly kind: GoNumberKind;
  /** bigint for the integer kinds, number for float32 */
  readonly value: bigint | number;
  constructor(kind: GoNumberKind, value: bigint | number) {
    this.kind = kind;
    this.value = value;
  }
}

/** Creates a Go `int64` (Sprig's `add`, `int64`, `len`-like results). */
export function int64(v: bigint): GoNumber {
  return new GoNumber('int64', BigInt.asIntN(64, v));
}

/** Creates a Go `int`, wrapped to 64 bits as Go does. */
export function int(v: bigint | number): bigint {
  return BigInt.asIntN(64, typeof v === 'bigint' ? v : BigInt(Math.trunc(v)));
}

/**
 * A method that templates may call on a struct (or on a named map/slice type), e.g. `.Files.Get`,
 * `.Capabilities.APIVersions.Has`. Its Go signature is declared in the same form as functions.
 */
export interface GoMethods {
  readonly [name: string]: FuncDef;
}

/**
 * A Go struct value (or a pointer to one, when `pointer` is true). Field names are the Go field
 * names (exported, case-sensitive). `json` gives the value that encoding/json would produce for it
 * (field names from json tags, omitempty applied), used by toJson/toYaml.
 */
export class GoStruct {
  readonly typeName: string;
  readonly fields: ReadonlyMap<string, GoValue>;
  readonly methods: GoMethods;
  readonly pointer: boolean;
  readonly json: () => GoValue;
  constructor(opts: {
    typeName: string;
    fields: ReadonlyMap<string, GoValue>;
    methods?: GoMethods;
    pointer?: boolean;
    json: () => GoValue;
  }) {
    this.typeName = opts.typeName;
    this.fields = opts.fields;
    this.methods = opts.methods ?? {};
    this.pointer = opts.pointer ?? false;
    this.json = opts.json;
  }
}

const SLICE_TYPE = Symbol('capstan.goSliceType');
const MAP_TYPE = Symbol('capstan.goMapType');
const METHODS = Symbol('capstan.goMethods');
const NIL = Symbol('capstan.goNil');

interface Tagged {
  [SLICE_TYPE]?: string;
  [MAP_TYPE]?: string;
  [METHODS]?: GoMethods;
  [NIL]?: true;
}

/**
 * Tags a slice with its Go type (default `[]interface {}`) and, for a named slice type, the
 * methods templates may call on it; returns the same array.
 */
export function withSliceType<T extends GoValue[]>(arr: T, goType: string, methods?: GoMethods): T {
  const t = arr as unknown as Tagged;
  t[SLICE_TYPE] = goType;
  if (methods) t[METHODS] = methods;
  return arr;
}

/** Go type of a slice: `[]interface {}` unless tagged. */
export function sliceType(arr: readonly GoValue[]): string {
  return (arr as unknown as Tagged)[SLICE_TYPE] ?? '[]interface {}';
}

/** Tags a map with its Go type (e.g. `chartutil.Values`, `map[string]string`); returns the same map. */
export function withMapType<T extends GoMap>(m: T, goType: string, methods?: GoMethods): T {
  const t = m as unknown as Tagged;
  t[MAP_TYPE] = goType;
  if (methods) t[METHODS] = methods;
  return m;
}

/** Go type of a map: `map[string]interface {}` unless tagged. */
export function mapType(m: GoMap): string {
  return (m as unknown as Tagged)[MAP_TYPE] ?? 'map[string]interface {}';
}

/** Methods of a named map or slice type set by {@link withMapType} / {@link withSliceType} (Files has Get…). */
export function valueMethods(v: GoMap | readonly GoValue[]): GoMethods | undefined {
  return (v as unknown as Tagged)[METHODS];
}

/**
 * A typed nil slice (Go's `var s []T`): empty like `[]T{}` for `len`, `range` and `%v` (`[]`), but
 * encoding/json writes `null` for it and reflect.DeepEqual tells it from an empty slice.
 */
export function nilSlice<T extends GoValue = GoValue>(goType: string = '[]interface {}'): T[] {
  const arr: T[] = [];
  (arr as unknown as Tagged)[NIL] = true;
  return goType === '[]interface {}' ? arr : withSliceType(arr, goType);
}

/** Whether `v` is a typed nil slice made by {@link nilSlice}. */
export function isNilSlice(v: GoValue | readonly GoValue[]): boolean {
  return Array.isArray(v) && (v as unknown as Tagged)[NIL] === true;
}

/** A typed nil map (Go's `var m map[K]V`): empty for reading (`map[]`), JSON `null`; writing to it panics. */
export function nilMap(goType: string = 'map[string]interface {}'): GoMap {
  const m: GoMap = new Map();
  (m as unknown as Tagged)[NIL] = true;
  return goType === 'map[string]interface {}' ? m : withMapType(m, goType);
}

/** Whether `v` is a typed nil map made by {@link nilMap} (an untyped nil, `null`, is not a map). */
export function isNilMap(v: GoValue): boolean {
  return v instanceof Map && (v as unknown as Tagged)[NIL] === true;
}

/** Go's reflect.Kind names, as `kindOf` prints them. */
export type GoKind =
  | 'invalid' | 'bool' | 'string' | 'int' | 'float64' | GoNumberKind
  | 'slice' | 'map' | 'struct' | 'ptr' | 'interface';

export function kindOf(v: GoValue): GoKind {
  if (v === undefined || v === null) return 'invalid';
  switch (typeof v) {
    case 'boolean': return 'bool';
    case 'string': return 'string';
    case 'bigint': return 'int';
    case 'number': return 'float64';
  }
  if (v instanceof GoNumber) return v.kind;
  if (v instanceof Uint8Array || Array.isArray(v)) return 'slice';
  if (v instanceof Map) return 'map';
  return v.pointer ? 'ptr' : 'struct';
}

/** The Go type name as `%T` / `typeOf` print it (`<nil>` for nil). */
export function typeName(v: GoValue): string {
  if (v === undefined || v === null) return '<nil>';
  switch (typeof v) {
    case 'boolean': return 'bool';
    case 'string': return 'string';
    case 'bigint': return 'int';
    case 'number': return 'float64';
  }
  if (v instanceof GoNumber) return v.kind;
  if (v instanceof Uint8Array) return '[]uint8';
  if (Array.isArray(v)) return sliceType(v);
  if (v instanceof Map) return mapType(v);
  return (v.pointer ? '*' : '') + v.typeName;
}

/**
 * A Go type as written in a function signature, e.g. `string`, `int`, `int64`, `float64`, `bool`,
 * `interface {}`, `[]interface {}`, `[]string`, `map[string]interface {}`, `[]uint8`.
 * The executor converts arguments to these as Go's reflection-based call does, and produces Go's
 * errors (`expected string; found 1`, `wrong type for value; expected string; got int`).
 */
export type GoType = string;

/** Thrown by a function to return Go's `error` result; the executor wraps it as Go does. */
export class GoFuncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoFuncError';
  }
}

/** What a function may use of the executing template (include/tpl need the template set). */
export interface FuncContext {
  /** Name of the template being executed (for errors). */
  readonly templateName: string;
  /** Charges the execution budget; throws when exhausted. */
  charge(units: number): void;
  /** Engine-specific extension point (Helm's include/tpl set this up). */
  readonly host?: unknown;
}

/**
 * A template function with its Go signature. `fn` receives arguments already converted to the
 * declared parameter types (variadic ones as trailing elements). Returning a value is Go's first
 * result; throwing {@link GoFuncError} is Go's error result (only when `returnsError` is true;
 * otherwise a thrown error is a Go panic, reported as `error calling NAME: …`).
 */
export interface FuncDef {
  readonly params: readonly GoType[];
  /** element type of a trailing variadic parameter (`...T`) */
  readonly variadic?: GoType;
  readonly result: GoType;
  readonly returnsError?: boolean;
  readonly fn: (args: GoValue[], ctx: FuncContext) => GoValue;
}

export type FuncMap = ReadonlyMap<string, FuncDef>;

/** Helper to declare a FuncDef tersely. */
export function def(
  params: readonly GoType[],
  result: GoType,
  fn: (args: GoValue[], ctx: FuncContext) => GoValue,
  opts: { variadic?: GoType; returnsError?: boolean } = {},
): FuncDef {
  return { params, result, fn, ...opts };
}
