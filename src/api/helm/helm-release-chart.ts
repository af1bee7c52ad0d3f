/**
 * `HelmRelease.spec.chart`: where the chart comes from, in one of three forms (exactly one is set):
 * - `spec`: Flux v2's chart template, naming a GitRepository path or a HelmRepository chart;
 * - `git`: Flux v1's inline Git form `{url, ref, path}`;
 * - `repository`: Flux v1's inline chart repository form `{url, name, version}`.
 */
import { z } from 'zod';
import { LocalObjectReference, Name, NamespaceName, exactlyOne } from '../common.ts';
import { Duration } from '../duration.ts';
import { GitRef, GitUrl } from '../source/git-repository.ts';

export const ChartSourceReference = z.object({
  kind: z.enum(['GitRepository', 'HelmRepository']).describe('Kind of the source: GitRepository or HelmRepository.'),
  name: Name.describe('Name of the source.'),
  namespace: NamespaceName.optional().describe('Namespace of the source; defaults to the HelmRelease\'s.'),
});
export type ChartSourceReference = z.infer<typeof ChartSourceReference>;

export const HelmChartTemplateSpec = z.object({
  chart: z.string().min(1).describe('Chart name in a HelmRepository, or path of the chart in a GitRepository.'),
  version: z.string().min(1).default('*')
    .describe('Semver range of the chart version (HelmRepository only; ignored for Git sources).'),
  sourceRef: ChartSourceReference.describe('The source the chart comes from.'),
  interval: Duration.optional().describe('How often to check the source for a new chart; defaults to spec.interval.'),
  reconcileStrategy: z.enum(['ChartVersion', 'Revision']).default('ChartVersion')
    .describe('What makes a new chart: a new chart version (ChartVersion), or any new source revision (Revision).'),
  valuesFiles: z.array(z.string().min(1)).optional()
    .describe('Values files in the chart (or source) merged in order, instead of the chart\'s values.yaml unless listed.'),
  ignoreMissingValuesFiles: z.boolean().default(false).describe('Skip valuesFiles that do not exist.'),
});
export type HelmChartTemplateSpec = z.infer<typeof HelmChartTemplateSpec>;

export const ChartGitSource = z.object({
  url: GitUrl.describe('Git repository URL.'),
  ref: GitRef.optional(),
  path: z.string().min(1).describe('Path of the chart in the repository.'),
  secretRef: LocalObjectReference.optional().describe('Secret with Git credentials (as GitRepository.spec.secretRef).'),
});
export type ChartGitSource = z.infer<typeof ChartGitSource>;

export const ChartRepositorySource = z.object({
  url: z.string().regex(/^(https?|oci):\/\/.+$/, { message: 'must start with http://, https:// or oci://' })
    .describe('Chart repository URL: http(s):// (index.yaml) or oci://.'),
  name: z.string().min(1).describe('Chart name.'),
  version: z.string().min(1).describe('Chart version, or a semver range.'),
  secretRef: LocalObjectReference.optional().describe('Secret with username and password for the repository.'),
});
export type ChartRepositorySource = z.infer<typeof ChartRepositorySource>;

export const chartForms = ['spec', 'git', 'repository'] as const;

export const HelmChartTemplate = exactlyOne(z.object({
  spec: HelmChartTemplateSpec.optional().describe('The chart from a GitRepository or HelmRepository object (Flux v2).'),
  git: ChartGitSource.optional().describe('The chart from a Git repository named inline (Flux v1).'),
  repository: ChartRepositorySource.optional().describe('The chart from a chart repository named inline (Flux v1).'),
}), chartForms).describe('Where the chart comes from: exactly one of spec, git or repository.');
export type HelmChartTemplate = z.infer<typeof HelmChartTemplate>;
