/**
 * Dependency processing (pkg/chartutil/dependencies.go, Helm 3.17): aliases, conditions, tags,
 * removal of disabled subcharts, and import-values from children into parents.
 */

import type { Chart } from './chart.ts';
import { coalesceTables, coalesceValues, mergeTables, mergeValues, trimNilValues, type WarnFn } from './coalesce.ts';
import { copyMetadata, type Dependency } from './metadata.ts';
import { defaultIsCompatibleRange } from './semver-range.ts';
import { deepCopy, NoValueError, pathValue, table, type Value, type Values } from './values.ts';

/** `constraint` is a Masterminds/semver range, `version` a version; false when either does not parse. */
export type IsCompatibleRange = (constraint: string, version: string) => boolean;

export interface DependencyOptions {
  /** Receives Helm's warnings (`Warning: Condition path …`, coalesce warnings). */
  readonly warn?: WarnFn;
  /** chartutil.IsCompatibleRange; defaults to this package's Masterminds port. */
  readonly isCompatibleRange?: IsCompatibleRange;
}

/** An error raised by `helm template`/`install` before rendering; the message is Helm's. */
export class DependencyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DependencyError';
  }
}

/**
 * action.CheckDependencies: every dependency in Chart.yaml must be present in charts/.
 * Throws `found in Chart.yaml, but missing in charts/ directory: a, b`.
 */
export function checkDependencies(ch: Chart, reqs: readonly (Dependency | null)[] | null = ch.metadata.dependencies): void {
  const missing: string[] = [];
  for (const r of reqs ?? []) {
    if (r === null) continue;
    if (!ch.dependencies().some((d) => d.name() === r.name)) missing.push(r.name);
  }
  if (missing.length > 0) {
    throw new DependencyError(`found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`);
  }
}

/** chartutil.ProcessDependencies (import-values coalesced, nulls dropped). */
export function processDependencies(c: Chart, v: Values | null, opts: DependencyOptions = {}): void {
  processDependencyEnabled(c, v, '', opts);
  processDependencyImportValues(c, false, opts);
}

/** chartutil.ProcessDependenciesWithMerge (what `helm install`/`template` use in 3.17). */
export function processDependenciesWithMerge(c: Chart, v: Values | null, opts: DependencyOptions = {}): void {
  processDependencyEnabled(c, v, '', opts);
  processDependencyImportValues(c, true, opts);
}

function processDependencyConditions(reqs: readonly (Dependency | null)[], cvals: Values, cpath: string, warn: WarnFn): void {
  for (const r of reqs) {
    if (r === null) continue;
    for (const c of r.condition.trim().split(',')) {
      if (c.length === 0) continue;
      let vv: Value;
      try {
        vv = pathValue(cvals, cpath + c);
      } catch (e) {
        if (!(e instanceof NoValueError)) warn(`Warning: PathValue returned error ${(e as Error).message}`, 'dependencies.go:66');
        continue;
      }
      if (typeof vv === 'boolean') {
        r.enabled = vv;
        break;
      }
      warn(`Warning: Condition path '${c}' for chart ${r.name} returned non-bool value`, 'dependencies.go:63');
    }
  }
}

function processDependencyTags(reqs: readonly (Dependency | null)[], cvals: Values, warn: WarnFn): void {
  let vt: Values;
  try {
    vt = table(cvals, 'tags');
  } catch {
    return;
  }
  for (const r of reqs) {
    if (r === null) continue;
    let hasTrue = false;
    let hasFalse = false;
    for (const k of r.tags ?? []) {
      if (!vt.has(k)) continue;
      const b = vt.get(k);
      if (typeof b === 'boolean') {
        if (b) hasTrue = true;
        else hasFalse = true;
      } else {
        warn(`Warning: Tag '${k}' for chart ${r.name} returned non-bool value`, 'dependencies.go:94');
      }
    }
    if (!hasTrue && hasFalse) r.enabled = false;
    else if (hasTrue || (!hasTrue && !hasFalse)) r.enabled = true;
  }
}

function getAliasDependency(charts: readonly Chart[], dep: Dependency, compat: IsCompatibleRange): Chart | null {
  for (const c of charts) {
    if (c.name() !== dep.name) continue;
    if (!compat(dep.version, c.metadata.version)) continue;
    const out = c.shallowCopy();
    const md = copyMetadata(c.metadata);
    out.metadata = md;
    if (dep.alias !== '') md.name = dep.alias;
    return out;
  }
  return null;
}

function processDependencyEnabled(c: Chart, v: Values | null, path: string, opts: DependencyOptions): void {
  const reqs = c.metadata.dependencies;
  if (reqs === null) return;
  const warn = opts.warn ?? (() => {});
  const compat = opts.isCompatibleRange ?? defaultIsCompatibleRange;

  const chartDependencies: Chart[] = [];
  loop: for (const existing of c.dependencies()) {
    for (const req of reqs) {
      if (req === null) continue; // Go would dereference nil here; validation rejects null nodes earlier
      if (existing.name() === req.name && compat(req.version, existing.metadata.version)) continue loop;
    }
    chartDependencies.push(existing);
  }
  for (const req of reqs) {
    if (req === null) continue;
    const cd = getAliasDependency(c.dependencies(), req, compat);
    if (cd) chartDependencies.push(cd);
    if (req.alias !== '') req.name = req.alias;
  }
  c.setDependencies(chartDependencies);

  for (const lr of reqs) if (lr) lr.enabled = true;
  const cvals = coalesceValues(c, v, warn);
  processDependencyTags(reqs, cvals, warn);
  processDependencyConditions(reqs, cvals, path, warn);

  const rm = new Set<string>();
  for (const r of reqs) if (r && !r.enabled) rm.add(r.name);
  const cd = c.dependencies().filter((n) => !rm.has(n.metadata.name));
  const cdMetadata = reqs.filter((n) => n === null || !rm.has(n.name));

  for (const t of cd) processDependencyEnabled(t, cvals, `${path}${t.metadata.name}.`, opts);

  // Go: `Dependencies = nil; Dependencies = append(Dependencies, cdMetadata...)`, nil when none are left
  c.metadata.dependencies = cdMetadata.length > 0 ? [...cdMetadata] : null;
  c.setDependencies(cd);
}

function pathToMap(path: string, data: Values): Values {
  if (path === '.') return data;
  const parts = path.split('.');
  let cur: Values = data;
  for (let i = parts.length - 1; i >= 0; i--) cur = new Map([[parts[i]!, cur]]);
  return cur;
}

/**
 * import-values entries rewritten by a previous pass are Go `map[string]string`s, which neither
 * case of the type switch matches: a chart processed twice (a subchart shared by two aliases)
 * drops them, as Helm does.
 */
const rewritten = new WeakSet<object>();

function processImportValues(c: Chart, merge: boolean, opts: DependencyOptions): void {
  const reqs = c.metadata.dependencies;
  if (reqs === null) return;
  const warn = opts.warn ?? (() => {});
  let cvals = merge ? mergeValues(c, null, warn) : coalesceValues(c, null, warn);
  let b: Values = new Map();
  const combine = (dst: Values, src: Values): Values =>
    (merge ? mergeTables(dst, src, warn) : coalesceTables(dst, src, warn)) ?? new Map();

  for (const r of reqs) {
    if (r === null) continue;
    const outiv: Value[] = [];
    for (const riv of r.importValues ?? []) {
      if (riv instanceof Map && rewritten.has(riv)) continue;
      if (riv instanceof Map) {
        const child = riv.get('child');
        const parent = riv.get('parent');
        if (typeof child !== 'string' || typeof parent !== 'string') {
          // Go panics on the failed type assertion (interface conversion).
          const bad = typeof child !== 'string' ? child : parent;
          const goType = bad === undefined || bad === null ? 'nil' : typeof bad === 'number' ? 'float64' : typeof bad === 'boolean' ? 'bool' : Array.isArray(bad) ? '[]interface {}' : 'map[string]interface {}';
          throw new DependencyError(`interface conversion: interface {} is ${goType}, not string`);
        }
        outiv.push(stringMap(child, parent));
        let vv: Values;
        try {
          vv = table(cvals, `${r.name}.${child}`);
        } catch (e) {
          warn(`Warning: ImportValues missing table from chart ${r.name}: ${(e as Error).message}`, 'dependencies.go:269');
          continue;
        }
        b = combine(b, pathToMap(parent, vv));
      } else if (typeof riv === 'string') {
        const child = `exports.${riv}`;
        outiv.push(stringMap(child, '.'));
        let vm: Values;
        try {
          vm = table(cvals, `${r.name}.${child}`);
        } catch (e) {
          warn(`Warning: ImportValues missing table: ${(e as Error).message}`, 'dependencies.go:286');
          continue;
        }
        b = combine(b, vm);
      }
    }
    r.importValues = outiv.length > 0 ? outiv : null;
  }

  if (merge) {
    cvals = deepCopy(cvals);
    c.values = mergeTables(cvals, b, warn);
  } else {
    cvals = trimNilValues(cvals);
    c.values = coalesceTables(cvals, b, warn);
  }
}

function stringMap(child: string, parent: string): Values {
  const m: Values = new Map<string, Value>([['child', child], ['parent', parent]]);
  rewritten.add(m);
  return m;
}

function processDependencyImportValues(c: Chart, merge: boolean, opts: DependencyOptions): void {
  for (const d of c.dependencies()) processDependencyImportValues(d, merge, opts);
  processImportValues(c, merge, opts);
}
