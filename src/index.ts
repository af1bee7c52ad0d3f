/**
 * Capstan as a library: "helm template for Node" (load a chart, compose values, render exactly as Helm 3.17
 * does), the Go text/template + Sprig engine on its own, and Helm's release storage format.
 *
 * @example Render a chart directory as `helm template` would
 * ```ts
 * import { loadChart, mergeValueSources, renderChart, formatTemplateOutput } from 'capstan';
 *
 * const chart = loadChart('./charts/shop');
 * const values = mergeValueSources({ valueFiles: [{ name: 'dev.yaml', text: 'replicaCount: 2' }], values: ['image.tag=v2'] });
 * const result = renderChart(chart, values, {
 *   release: { name: 'shop', namespace: 'apps', revision: 1, isInstall: true, isUpgrade: false },
 * });
 * process.stdout.write(formatTemplateOutput(result));
 * ```
 *
 * @example Run the template engine directly
 * ```ts
 * import { TemplateSet, sprigFuncs } from 'capstan';
 *
 * const t = new TemplateSet(sprigFuncs());
 * t.parse('greeting', '{{ .name | upper | quote }}');
 * t.execute('greeting', new Map([['name', 'world']])); // "WORLD"
 * ```
 */

// Charts as data: loading (directory, .tgz, in-memory files), metadata, values and the --set family.
export {
  Chart, loadChart, loadChartDir, loadChartArchive, loadChartFiles, mergeValueSources, coalesceValues, mergeValues,
  parseValuesYaml, validateValuesSchema, processDependenciesWithMerge, ChartLoadError, ValuesError,
} from './chart/index.ts';
export type { ChartFile, Metadata, Value, Values, ValueSources } from './chart/index.ts';

// Rendering with Helm's meaning, and `helm template`'s output.
export {
  renderChart, formatTemplateOutput, releaseManifest, runTemplateCommand, templateCapabilities, RenderError,
} from './render/index.ts';
export type { RenderChartOptions, RenderResult, Capabilities, ReleaseOptions, LookupFunc } from './render/index.ts';

// The template engine (Go text/template + Sprig), usable without Helm.
export { TemplateSet, TemplateError } from './template/index.ts';
export type { GoValue, FuncDef, FuncMap } from './template/index.ts';
export { sprigFuncs } from './template/funcs/index.ts';

// Helm's release storage format (Secrets driver and codec).
export {
  encodeRelease, decodeRelease, releaseJson, Storage, SecretsDriver, MemoryDriver, ReleaseError,
} from './release/index.ts';
export type { Release, ReleaseStatus, Driver } from './release/index.ts';
