/**
 * Values coalescing (pkg/chartutil/coalesce.go, Helm 3.17): user values over chart defaults, maps
 * merged, scalars and lists replaced, `null` deleting a default (coalesce, not merge), globals
 * copied down to subcharts. Helm logs warnings with log.Printf; we hand them to `warn`.
 */

import type { Chart } from './chart.ts';
import { formatGoT, formatGoV } from './go-format.ts';
import { quote as goQuote } from '@capstan/strconv';
import { deepCopy, deepCopyValues, isTable, type Values } from './values.ts';

export const GLOBAL_KEY = 'global';

/**
 * Receives what Helm logs with log.Printf, e.g. `warning: skipped value for x.y: Not a table.`,
 * with the Go source position Helm's logger prefixes it with (`coalesce.go:237`, 'coalesce.go:237').
 */
export type WarnFn = (message: string, origin: string) => void;

const noWarn: WarnFn = () => {};

/** An error from coalescing (e.g. `type mismatch on sub: %!t(string=x)`). */
export class CoalesceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CoalesceError';
  }
}

function concatPrefix(a: string, b: string): string {
  return a === '' ? b : `${a}.${b}`;
}

/**
 * chartutil.CoalesceValues: the chart's (and its subcharts') defaults under `vals` (not modified).
 * `null` user values delete the key.
 */
export function coalesceValues(chart: Chart, vals: Values | null, warn: WarnFn = noWarn): Values {
  return coalesce(warn, chart, deepCopyValues(vals), '', false);
}

/** chartutil.MergeValues: like coalesceValues but `null` values are kept. */
export function mergeValues(chart: Chart, vals: Values | null, warn: WarnFn = noWarn): Values {
  return coalesce(warn, chart, deepCopyValues(vals), '', true);
}

function coalesce(warn: WarnFn, ch: Chart, dest: Values, prefix: string, merge: boolean): Values {
  coalesceChartValues(warn, ch, dest, prefix, merge);
  return coalesceDeps(warn, ch, dest, prefix, merge);
}

function coalesceDeps(warn: WarnFn, chrt: Chart, dest: Values, prefix: string, merge: boolean): Values {
  for (const subchart of chrt.dependencies()) {
    const name = subchart.name();
    if (!dest.has(name)) {
      dest.set(name, new Map());
    } else if (!isTable(dest.get(name))) {
      throw new CoalesceError(`type mismatch on ${name}: ${formatGoT(dest.get(name))}`);
    }
    const dvmap = dest.get(name) as Values;
    const subPrefix = concatPrefix(prefix, chrt.metadata.name);
    coalesceGlobals(warn, dvmap, dest, subPrefix);
    dest.set(name, coalesce(warn, subchart, dvmap, subPrefix, merge));
  }
  return dest;
}

function coalesceGlobals(warn: WarnFn, dest: Values, src: Values, prefix: string): void {
  let dg: Values;
  let sg: Values;
  if (!dest.has(GLOBAL_KEY)) {
    dg = new Map();
  } else {
    const g = dest.get(GLOBAL_KEY);
    if (!isTable(g)) {
      warn(`warning: skipping globals because destination ${GLOBAL_KEY} is not a table.`, 'coalesce.go:138');
      return;
    }
    dg = g;
  }
  if (!src.has(GLOBAL_KEY)) {
    sg = new Map();
  } else {
    const g = src.get(GLOBAL_KEY);
    if (!isTable(g)) {
      warn(`warning: skipping globals because source ${GLOBAL_KEY} is not a table.`, 'coalesce.go:145');
      return;
    }
    sg = g;
  }
  for (const [key, val] of sg) {
    if (isTable(val)) {
      const vv: Values = new Map(val); // copyMap: shallow
      if (!dg.has(key)) {
        dg.set(key, vv);
      } else {
        const destv = dg.get(key);
        if (!isTable(destv)) {
          warn(`Conflict: cannot merge map onto non-map for ${goQuote(key)}. Skipping.`, 'coalesce.go:161');
        } else {
          coalesceTablesFullKey(warn, vv, destv, concatPrefix(prefix, key), true);
          dg.set(key, vv);
        }
      }
    } else if (dg.has(key) && isTable(dg.get(key))) {
      warn(`key ${key} is table. Skipping`, 'coalesce.go:175');
    } else {
      dg.set(key, val);
    }
  }
  dest.set(GLOBAL_KEY, dg);
}

function childChartMergeTrue(chrt: Chart, key: string, merge: boolean): boolean {
  return chrt.dependencies().some((s) => s.name() === key) ? true : merge;
}

function coalesceChartValues(warn: WarnFn, c: Chart, v: Values, prefix: string, merge: boolean): void {
  const subPrefix = concatPrefix(prefix, c.metadata.name);
  const vc = deepCopyValues(c.values);
  for (const [key, val] of vc) {
    if (v.has(key)) {
      const value = v.get(key)!;
      if (value === null && !merge) {
        v.delete(key);
      } else if (isTable(value)) {
        if (!isTable(val)) {
          if (val !== null) warn(`warning: skipped value for ${subPrefix}.${key}: Not a table.`, 'coalesce.go:237');
        } else {
          const m = childChartMergeTrue(c, key, merge);
          coalesceTablesFullKey(warn, value, val, concatPrefix(subPrefix, key), m);
        }
      }
    } else {
      v.set(key, val);
    }
  }
}

/** chartutil.CoalesceTables: merges src into dst (dst wins; `null` in dst deletes). Returns dst. */
export function coalesceTables(dst: Values | null, src: Values | null, warn: WarnFn = noWarn): Values | null {
  return coalesceTablesFullKey(warn, dst, src, '', false);
}

/** chartutil.MergeTables: like coalesceTables but keeps `null`s. */
export function mergeTables(dst: Values | null, src: Values | null, warn: WarnFn = noWarn): Values | null {
  return coalesceTablesFullKey(warn, dst, src, '', true);
}

function coalesceTablesFullKey(
  warn: WarnFn,
  dst: Values | null,
  src: Values | null,
  prefix: string,
  merge: boolean,
): Values | null {
  if (src === null) return dst;
  if (dst === null) return src;
  for (const [key, val] of src) {
    const fullkey = concatPrefix(prefix, key);
    const ok = dst.has(key);
    const dv = dst.get(key);
    if (ok && !merge && dv === null) {
      dst.delete(key);
    } else if (!ok) {
      dst.set(key, val);
    } else if (isTable(val)) {
      if (isTable(dv)) {
        coalesceTablesFullKey(warn, dv, val, fullkey, merge);
      } else {
        warn(`warning: cannot overwrite table with non table for ${fullkey} (${formatGoV(val)})`, 'coalesce.go:298');
      }
    } else if (isTable(dv) && val !== null) {
      warn(`warning: destination for ${fullkey} is a table. Ignoring non-table value (${formatGoV(val)})`, 'coalesce.go:301');
    }
  }
  return dst;
}

/** Removes null values recursively (a copy), as dependencies.go trimNilValues. */
export function trimNilValues(vals: Values): Values {
  const out = deepCopy(vals);
  const walk = (m: Values): void => {
    for (const [k, v] of [...m]) {
      if (v === null) m.delete(k);
      else if (isTable(v)) walk(v);
    }
  };
  walk(out);
  return out;
}

/** pkg/cli/values mergeMaps: b over a, maps merged recursively, everything else replaced. */
export function mergeMaps(a: Values, b: Values): Values {
  const out: Values = new Map(a);
  for (const [k, v] of b) {
    if (isTable(v)) {
      const bv = out.get(k);
      if (isTable(bv)) {
        out.set(k, mergeMaps(bv, v));
        continue;
      }
    }
    out.set(k, v);
  }
  return out;
}

