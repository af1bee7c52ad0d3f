/**
 * What `helm install`/`helm template` do with a loaded chart before rendering (cmd/helm/install.go,
 * pkg/action/install.go, chartutil.ToRenderValuesWithSchemaValidation), with Helm's messages.
 * Building the top-level render object (.Release, .Capabilities, .Chart, …) is the render layer's job.
 */

import type { Chart } from './chart.ts';
import { coalesceValues, type WarnFn } from './coalesce.ts';
import { checkDependencies, DependencyError, processDependenciesWithMerge, type DependencyOptions } from './dependencies.ts';
import type { Values } from './values.ts';
import { validateValuesSchema } from './values-schema.ts';

/** checkIfInstallable: only application charts (or untyped ones) install. */
export function checkInstallable(chart: Chart): void {
  const t = chart.metadata.type;
  if (t !== '' && t !== 'application') throw new DependencyError(`${t} charts are not installable`);
}

/** The CLI's dependency check, with the hint Helm wraps the error in. */
export function checkChartDependencies(chart: Chart): void {
  if (chart.metadata.dependencies === null) return;
  try {
    checkDependencies(chart);
  } catch (e) {
    throw new DependencyError(
      'An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: ' +
        (e as Error).message,
    );
  }
}

export interface PrepareOptions extends DependencyOptions {
  readonly skipSchemaValidation?: boolean;
}

/**
 * The values part of an install/template run: checks, ProcessDependenciesWithMerge (mutates the
 * chart: disabled subcharts removed, aliases applied, imported values), CoalesceValues, schema
 * validation. Returns the coalesced values (the future `.Values`; a subchart's `.Values` is the
 * entry under its name).
 */
export function prepareChartValues(chart: Chart, userValues: Values, opts: PrepareOptions = {}): Values {
  checkInstallable(chart);
  checkChartDependencies(chart);
  processDependenciesWithMerge(chart, userValues, opts);
  const warn: WarnFn | undefined = opts.warn;
  const vals = coalesceValues(chart, userValues, warn);
  if (!opts.skipSchemaValidation) validateValuesSchema(chart, vals);
  return vals;
}
