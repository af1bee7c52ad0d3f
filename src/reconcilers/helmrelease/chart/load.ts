/**
 * Turning a chart found in a source into a ResolvedChart: load it once to learn its name and version, apply
 * `valuesFiles` (merged in order; they replace the chart's values.yaml unless it is listed) and the
 * `reconcileStrategy` (Revision: the version gets `+<12 hex of the source revision>`), on every load.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import type { HelmChartTemplateSpec } from '../../../api/index.ts';
import { mergeMaps, parseValuesYaml, type Chart, type Values } from '../../../chart/index.ts';
import { ChartResolveError, type ResolvedChart } from './resolver.ts';

/** `root/rel` when `rel` stays inside `root`; throws InvalidPath otherwise. */
export function insidePath(root: string, rel: string, what: string): string {
  const n = normalize(rel.replace(/^\.\/+/, ''));
  if (isAbsolute(rel) || n === '..' || n.startsWith('../')) {
    throw new ChartResolveError('InvalidPath', `${what} "${rel}" must be a relative path inside the source`, { terminal: true });
  }
  return join(root, n);
}

export interface ValuesFileSource {
  /** the text of a values file named in `valuesFiles`, or undefined when there is none */
  read(name: string): string | undefined;
}

/** Applies `valuesFiles` to a loaded chart (Flux's HelmChart valuesFiles). */
export function applyValuesFiles(chart: Chart, spec: Pick<HelmChartTemplateSpec, 'valuesFiles' | 'ignoreMissingValuesFiles'> | undefined, files: ValuesFileSource): void {
  const list = spec?.valuesFiles ?? [];
  if (list.length === 0) return;
  let merged: Values = new Map();
  for (const name of list) {
    const text = files.read(name);
    if (text === undefined) {
      if (spec?.ignoreMissingValuesFiles) continue;
      throw new ChartResolveError('LoadFailed', `no values file "${name}" in the chart or its source`, { terminal: true });
    }
    try {
      merged = mergeMaps(merged, parseValuesYaml(text, name));
    } catch (e) {
      throw new ChartResolveError('LoadFailed', `values file "${name}": ${(e as Error).message}`, { terminal: true });
    }
  }
  chart.values = merged;
}

/** Values files read from a directory tree: the chart directory first, then the source root. */
export function dirValuesFiles(chartDir: string, sourceRoot: string): ValuesFileSource {
  return {
    read(name) {
      for (const root of [chartDir, sourceRoot]) {
        const p = insidePath(root, name, 'values file');
        if (existsSync(p)) return readFileSync(p, 'utf8');
      }
      return undefined;
    },
  };
}

/** Values files read from the chart's own files (charts from archives). */
export function chartValuesFiles(chart: Chart): ValuesFileSource {
  const files = new Map(chart.raw.map((f) => [f.name, f.data] as const));
  return { read: (name) => { const d = files.get(normalize(name.replace(/^\.\/+/, ''))); return d === undefined ? undefined : Buffer.from(d).toString('utf8'); } };
}

export interface ChartLoadPlan {
  load: () => Chart;
  spec?: HelmChartTemplateSpec | undefined;
  files: (chart: Chart) => ValuesFileSource;
  /** the source revision (commit) for reconcileStrategy Revision */
  sourceRevision?: string | undefined;
  source: string;
  sourceObject?: string | undefined;
  digest?: string | undefined;
}

/** Loads once (to check it and learn name and version) and returns the ResolvedChart. */
export function resolvedChart(plan: ChartLoadPlan): ResolvedChart {
  const load = (): Chart => {
    let chart: Chart;
    try {
      chart = plan.load();
    } catch (e) {
      if (e instanceof ChartResolveError) throw e;
      throw new ChartResolveError('LoadFailed', `loading the chart from ${plan.source}: ${(e as Error).message}`, { terminal: true, cause: e });
    }
    applyValuesFiles(chart, plan.spec, plan.files(chart));
    const rev = plan.sourceRevision;
    if (plan.spec?.reconcileStrategy === 'Revision' && rev !== undefined) {
      const short = rev.replace(/^.*:/, '').slice(0, 12);
      chart.metadata.version = `${chart.metadata.version}+${short}`;
    }
    return chart;
  };
  const first = load();
  return {
    name: first.name(), version: first.metadata.version, revision: first.metadata.version, source: plan.source, load,
    ...(plan.digest !== undefined ? { digest: plan.digest } : {}),
    ...(plan.sourceObject !== undefined ? { sourceObject: plan.sourceObject } : {}),
  };
}
