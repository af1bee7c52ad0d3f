/**
 * chartutil.ToRenderValues: the top-level object templates are executed with — `.Chart`,
 * `.Capabilities`, `.Release` and `.Values` — built from coalesced chart values.
 */
import { GoNumber, withMapType } from '../template/value.ts';
import type { GoMap, GoValue } from '../template/value.ts';
import type { Chart } from '../chart/chart.ts';
import type { Value, Values } from '../chart/values.ts';
import { capabilitiesValue } from './capabilities.ts';
import type { Capabilities } from './capabilities.ts';
import { metadataValue } from './chart-object.ts';

/** chartutil.ReleaseOptions */import { withAppendedCap } from '../template/funcs/lists-cap.ts';

export interface ReleaseOptions {
  name: string;
  namespace: string;
  revision: number;
  isUpgrade: boolean;
  isInstall: boolean;
}

/**
 * Chart values (as the chart layer holds them) → template values: integers that came from `--set`
 * (bigint there) are Go `int64`; YAML/JSON numbers stay float64; maps and slices are copied.
 */
export function toGoValue(v: Value | undefined): GoValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'bigint') return new GoNumber('int64', v);
  if (v instanceof Map) return toGoMap(v);
  // Go's JSON decoder builds slices by append, so their capacity exceeds their length (sprig's `slice`
  // may reach into it): reproduce that capacity
  if (Array.isArray(v)) return withAppendedCap(v.map(toGoValue));
  return v;
}

function toGoMap(m: Values): GoMap {
  const out: GoMap = new Map();
  for (const [k, x] of m) out.set(k, toGoValue(x));
  return out;
}

/** Coalesced values as `.Values` (a `chartutil.Values`). */
export function valuesObject(values: Values): GoMap {
  return withMapType(toGoMap(values), 'chartutil.Values');
}

/** `.Release`: a `map[string]interface {}` with Name, Namespace, IsUpgrade, IsInstall, Revision (int), Service. */
export function releaseObject(opts: ReleaseOptions): GoMap {
  return new Map<string, GoValue>([
    ['Name', opts.name],
    ['Namespace', opts.namespace],
    ['IsUpgrade', opts.isUpgrade],
    ['IsInstall', opts.isInstall],
    ['Revision', BigInt(opts.revision)],
    ['Service', 'Helm'],
  ]);
}

/** The render values for already coalesced (and validated) chart values. */
export function toRenderValues(chart: Chart, coalesced: Values, opts: ReleaseOptions, caps: Capabilities): GoMap {
  return withMapType(new Map<string, GoValue>([
    ['Chart', metadataValue(chart.metadata)],
    ['Capabilities', capabilitiesValue(caps)],
    ['Release', releaseObject(opts)],
    ['Values', valuesObject(coalesced)],
  ]), 'chartutil.Values');
}
