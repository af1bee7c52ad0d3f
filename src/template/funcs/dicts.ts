/**
 * Sprig v3.3.0 dictionary functions (dict.go). Dicts are Go maps: `set`, `unset` and `merge*`
 * mutate their argument. Go iterates maps in random order; `keys`, `values` and `omit` use the
 * map's insertion order here (callers that need a stable order pipe through sortAlpha).
 * A nil map argument arrives as null (or as a map tagged by nilMap); nil map results are
 * returned as nilMap().
 */
import { def, isNilMap, nilMap, typeName, withSliceType } from '../value.ts';
import type { FuncDef, GoMap, GoValue } from '../value.ts';
import { deepCopyValue, mergoMerge } from './dicts-merge.ts';
import { goPanic } from './lists-util.ts';
import { strval } from './strings-strval.ts';
import { withAppendedCap } from './lists-cap.ts';

const IFACE = 'interface {}';
const MAP = 'map[string]interface {}';

/** The map argument, or null for a nil map. */
function asMap(v: GoValue): GoMap | null {
  return v instanceof Map && !isNilMap(v) ? v : null;
}

/** Go's type assertion `v.(T)`, panicking with runtime.TypeAssertionError's text. */
function assertType(v: GoValue, want: string): void {
  const got = v === null || v === undefined ? 'nil' : typeName(v);
  if (got !== want) goPanic(`interface conversion: interface {} is ${got}, not ${want}`);
}

function dict(args: readonly GoValue[]): GoMap {
  const d: GoMap = new Map();
  for (let i = 0; i < args.length; i += 2) {
    const key = strval(args[i]);
    d.set(key, i + 1 >= args.length ? '' : (args[i + 1] ?? null));
  }
  return d;
}

function dig(ps: readonly GoValue[]): GoValue {
  if (ps.length < 3) goPanic('dig needs at least three arguments');
  const last = ps[ps.length - 1];
  assertType(last, MAP);
  const def0 = ps[ps.length - 2] ?? null;
  const ks: string[] = [];
  for (let i = 0; i < ps.length - 2; i++) {
    const k = ps[i];
    assertType(k, 'string');
    ks.push(k as string);
  }
  let cur = last as GoMap;
  for (let i = 0; ; i++) {
    const k = ks[i] as string;
    if (!cur.has(k)) return def0;
    const step = cur.get(k) ?? null;
    if (i === ks.length - 1) return step;
    assertType(step, MAP);
    cur = step as GoMap;
  }
}

function mergeAll(args: readonly GoValue[], overwrite: boolean): GoValue {
  let dst = asMap(args[0]);
  for (const src of args.slice(1)) dst = mergoMerge(dst, asMap(src), overwrite);
  return dst ?? nilMap();
}

function pluck(args: readonly GoValue[]): GoValue[] {
  const key = args[0] as string;
  const res: GoValue[] = [];
  for (const d of args.slice(1)) {
    const m = asMap(d);
    if (m?.has(key)) res.push(m.get(key) ?? null);
  }
  return withAppendedCap(res);
}

function keys(args: readonly GoValue[]): GoValue[] {
  const k: string[] = [];
  for (const d of args) {
    const m = asMap(d);
    if (m) for (const key of m.keys()) k.push(key);
  }
  return withAppendedCap(withSliceType(k, '[]string'));
}

function pick(args: readonly GoValue[]): GoMap {
  const src = asMap(args[0]);
  const res: GoMap = new Map();
  for (const k of args.slice(1) as string[]) {
    if (src?.has(k)) res.set(k, src.get(k) ?? null);
  }
  return res;
}

function omit(args: readonly GoValue[]): GoMap {
  const src = asMap(args[0]);
  const drop = new Set(args.slice(1) as string[]);
  const res: GoMap = new Map();
  if (src) {
    for (const [k, v] of src) if (!drop.has(k)) res.set(k, v);
  }
  return res;
}

export const dictFuncs: Record<string, FuncDef> = {
  dict: def([], MAP, dict, { variadic: IFACE }),
  get: def([MAP, 'string'], IFACE, (a) => {
    const m = asMap(a[0]);
    const key = a[1] as string;
    return m?.has(key) ? (m.get(key) ?? null) : '';
  }),
  set: def([MAP, 'string', IFACE], MAP, (a) => {
    const m = asMap(a[0]);
    if (!m) goPanic('assignment to entry in nil map');
    m.set(a[1] as string, a[2] ?? null);
    return m;
  }),
  unset: def([MAP, 'string'], MAP, (a) => {
    const m = asMap(a[0]);
    if (!m) return nilMap();
    m.delete(a[1] as string);
    return m;
  }),
  hasKey: def([MAP, 'string'], 'bool', (a) => asMap(a[0])?.has(a[1] as string) ?? false),
  pluck: def(['string'], '[]interface {}', pluck, { variadic: MAP }),
  keys: def([], '[]string', keys, { variadic: MAP }),
  pick: def([MAP], MAP, pick, { variadic: 'string' }),
  omit: def([MAP], MAP, omit, { variadic: 'string' }),
  merge: def([MAP], IFACE, (a) => mergeAll(a, false), { variadic: MAP }),
  mustMerge: def([MAP], IFACE, (a) => mergeAll(a, false), { variadic: MAP, returnsError: true }),
  mergeOverwrite: def([MAP], IFACE, (a) => mergeAll(a, true), { variadic: MAP }),
  mustMergeOverwrite: def([MAP], IFACE, (a) => mergeAll(a, true), { variadic: MAP, returnsError: true }),
  values: def([MAP], '[]interface {}', (a) => {
    const m = asMap(a[0]);
    return withAppendedCap(m ? [...m.values()] : []);
  }),
  deepCopy: def([IFACE], IFACE, (a) => deepCopyValue(a[0])),
  mustDeepCopy: def([IFACE], IFACE, (a) => deepCopyValue(a[0]), { returnsError: true }),
  dig: def([], IFACE, dig, { variadic: IFACE, returnsError: true }),
};

