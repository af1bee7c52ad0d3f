/**
 * Helm's meaning on top of the template engine: render a chart as `helm install`/`helm template`
 * do, and print what `helm template` prints.
 */
export { renderChart } from './render-chart.ts';
export type { RenderChartOptions } from './render-chart.ts';
export { renderTemplates, allTemplates } from './engine.ts';
export type { EngineOptions } from './engine.ts';
export { RenderError } from './render-errors.ts';
export { formatTemplateOutput, releaseManifest, ShowOnlyError } from './template-output.ts';
export type { RenderResult, CrdFile, TemplateOutputFlags, ReleaseManifestOptions } from './template-output.ts';
export { runTemplate, runTemplateCommand, TemplateCommandError } from './template-command.ts';
export type { TemplateCommandEnv } from './template-command.ts';
export { parseTemplateArgs, ArgsError } from './template-args.ts';
export type { TemplateArgs } from './template-args.ts';
export {
  templateCapabilities,
  parseKubeVersion,
  isCompatibleRange,
  DEFAULT_API_VERSIONS,
  DEFAULT_KUBE_VERSION,
  HELM_VERSION,
} from './capabilities.ts';
export type { Capabilities, KubeVersion, HelmBuildInfo } from './capabilities.ts';
export { toRenderValues } from './render-values.ts';
export type { ReleaseOptions } from './render-values.ts';
export { sortManifests, HOOK_ANNOTATION, HOOK_WEIGHT_ANNOTATION, HOOK_DELETE_ANNOTATION } from './manifest-sorter.ts';
export type { Hook, HookEvent, Manifest } from './manifest-sorter.ts';
export { splitManifests } from './manifest-split.ts';
export { INSTALL_ORDER, UNINSTALL_ORDER, sortByKind } from './kind-sorter.ts';
export type { LookupFunc } from './helm-funcs.ts';
export { loadChartFilesLikeDir } from '../chart/loader.ts';
export { goYamlParser, decodeManifestYaml } from './go-yaml.ts';
export { setHeadStore, type HeadStore } from './head-cache.ts';
export type { SimpleHead } from './simple-head.ts';
export { runCase } from './conformance-case.ts';
export type { ConformanceCase, CaseResult } from './conformance-case.ts';
