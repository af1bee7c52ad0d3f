/**
 * Chart values as plain data, shaped like the template layer's Go values so that the render layer
 * can hand them to templates without conversion:
 *
 * | Go (after sigs.k8s.io/yaml / encoding/json) | here                     |
 * | ------------------------------------------- | ------------------------ |
 * | nil                                         | `null`                   |
 * | bool, string                                | `boolean`, `string`      |
 * | float64 (every number read from YAML/JSON)  | `number`                 |
 * | int64 (integers from `--set`)               | `bigint`                 |
 * | []interface{}                               | `Value[]`                |
 * | map[string]interface{}                      | `Map<string, Value>`     |
 *
 * Maps keep insertion order (Go's maps have none; where Go iterates a map we iterate in insertion
 * order, which makes our output deterministic where Helm's is not).
 */

import { quote } from '@capstan/strconv';

/**
 * Go's %q of a string (strconv.Quote). Kept under this name for src/chart/loader.ts; new code imports
 * `quote` from @capstan/strconv.
 */
export const goQuote = quote;

export type Value = null | boolean | string | number | bigint | Value[] | Values;
export type Values = Map<string, Value>;

/** `istable` in pkg/chartutil: a map[string]interface{}. */
export function isTable(v: unknown): v is Values {
  return v instanceof Map;
}

/** Deep copy (mitchellh/copystructure on JSON-like data). */
export function deepCopy<T extends Value>(v: T): T {
  if (v instanceof Map) {
    const out: Values = new Map();
    for (const [k, x] of v as Values) out.set(k, deepCopy(x));
    return out as T;
  }
  if (Array.isArray(v)) return v.map((x) => deepCopy(x)) as T;
  return v;
}

export function deepCopyValues(v: Values | null | undefined): Values {
  return v ? deepCopy(v) : new Map();
}

/** Converts a plain JS object tree (e.g. from JSON.parse) into Values; integers stay `number`. */
export function fromPlain(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') return v;
  if (Array.isArray(v)) return v.map(fromPlain);
  if (v instanceof Map) {
    const out: Values = new Map();
    for (const [k, x] of v) out.set(String(k), fromPlain(x));
    return out;
  }
  if (typeof v === 'object') {
    const out: Values = new Map();
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out.set(k, fromPlain(x));
    return out;
  }
  throw new TypeError(`unsupported value of type ${typeof v}`);
}

/** Converts Values to plain JS objects (bigint kept), mainly for tests and JSON output. */
export function toPlain(v: Value): unknown {
  if (v instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of v) out[k] = toPlain(x);
    return out;
  }
  if (Array.isArray(v)) return v.map(toPlain);
  return v;
}

/** Error for a missing table (chartutil.ErrNoTable). */
export class NoTableError extends Error {
  readonly key: string;
  constructor(key: string) {
    super(`${quote(key)} is not a table`);
    this.key = key;
    this.name = 'NoTableError';
  }
}

/** Error for a missing value (chartutil.ErrNoValue). */
export class NoValueError extends Error {
  readonly key: string;
  constructor(key: string) {
    super(`${quote(key)} is not a value`);
    this.key = key;
    this.name = 'NoValueError';
  }
}

function parsePath(key: string): string[] {
  return key.split('.');
}

function tableLookup(v: Values, simple: string): Values {
  const v2 = v.get(simple);
  if (v2 === undefined) throw new NoTableError(simple);
  if (v2 instanceof Map) return v2;
  throw new NoTableError(simple);
}

/** chartutil.Values.Table: a nested table by dotted name; throws NoTableError. */
export function table(v: Values, name: string): Values {
  let t = v;
  for (const n of parsePath(name)) t = tableLookup(t, n);
  return t;
}

/** chartutil.Values.PathValue: a non-table value by dotted path; throws NoValueError. */
export function pathValue(v: Values, path: string): Value {
  if (path === '') throw new Error('YAML path cannot be empty');
  const parts = parsePath(path);
  if (parts.length === 1) {
    const k = parts[0]!;
    if (v.has(k) && !isTable(v.get(k))) return v.get(k)!;
    throw new NoValueError(k);
  }
  const key = parts[parts.length - 1]!;
  let t: Values;
  try {
    t = table(v, parts.slice(0, -1).join('.'));
  } catch {
    throw new NoValueError(key);
  }
  if (t.has(key) && !isTable(t.get(key))) return t.get(key)!;
  throw new NoValueError(key);
}
