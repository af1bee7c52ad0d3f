/**
 * Charts as data: loading (directory, .tgz, in-memory files), metadata, values coalescing, the
 * `--set` family, dependency processing and values.schema.json validation, with Helm 3.17 semantics.
 * Imports npm packages only.
 */

export { Chart, type ChartFile } from './chart.ts';
export {
  ChartLoadError,
  loadArchiveFiles,
  loadChart,
  loadChartArchive,
  loadChartDir,
  loadChartFile,
  loadChartFiles,
  loadChartFilesLikeDir,
  dirFilesFromMemory,
  type BufferedFile,
  type LoadOptions,
} from './loader.ts';
export {
  API_VERSION_V1,
  API_VERSION_V2,
  dependencyToJson,
  metadataToJson,
  sanitizeString,
  validateMetadata,
  ValidationError,
  type Dependency,
  type Lock,
  type Maintainer,
  type Metadata,
} from './metadata.ts';
export {
  coalesceTables,
  coalesceValues,
  CoalesceError,
  GLOBAL_KEY,
  mergeMaps,
  mergeTables,
  mergeValues,
  type WarnFn,
} from './coalesce.ts';
export {
  checkDependencies,
  DependencyError,
  processDependencies,
  processDependenciesWithMerge,
  type DependencyOptions,
  type IsCompatibleRange,
} from './dependencies.ts';
export { defaultIsCompatibleRange } from './semver-range.ts';
export { isValidSemver } from './semver-version.ts';
export { checkKubeVersion, KubeVersionError } from './kube-version.ts';
export { checkChartDependencies, checkInstallable, prepareChartValues, type PrepareOptions } from './install-checks.ts';
export {
  parseInto,
  parseIntoFile,
  parseIntoString,
  parseJson,
  parseSet,
  parseSetString,
  StrvalsError,
  typedVal,
} from './strvals.ts';
export { parseLiteral, parseLiteralInto } from './strvals-literal.ts';
export { mergeValueSources, ValuesError, type MergeValueOptions, type ValueSources } from './values-options.ts';
export {
  SchemaValidationError,
  validateAgainstSchema,
  validateAgainstSingleSchema,
  validateValuesSchema,
} from './values-schema.ts';
export { IgnoreRules, HELM_IGNORE } from './ignore.ts';
export {
  deepCopy,
  fromPlain,
  isTable,
  NoTableError,
  NoValueError,
  pathValue,
  table,
  toPlain,
  type Value,
  type Values,
} from './values.ts';
export { parseValuesYaml, parseYamlValue, YamlError, type YamlOptions, type YamlParser } from './yaml-values.ts';
export { setYamlParseStore, type YamlParseStore } from './yaml-parse-cache.ts';
