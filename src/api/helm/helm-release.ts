/**
 * `helm.capstan.dev/v1` HelmRelease: a Helm release to keep in the declared state. Field names and meanings
 * follow Flux v2's HelmRelease; the chart may also be named inline, as in Flux v1 (`spec.chart.git`,
 * `spec.chart.repository`).
 */
import { z } from 'zod';
import { Name, NamespaceName, NamespacedObjectReference } from '../common.ts';
import { Duration, Timeout } from '../duration.ts';
import { ageColumn, defineKind, readyColumns } from '../kind.ts';
import { parseWith, type ParseResult } from '../parse.ts';
import { HelmChartTemplate } from './helm-release-chart.ts';
import { Install, Rollback, Test, Uninstall, Upgrade } from './helm-release-actions.ts';
import { CommonMetadata, DriftDetection, PostRenderer, ValuesReference } from './helm-release-options.ts';
import { HelmReleaseStatus } from './helm-release-status.ts';

/** The operation timeout when neither spec.timeout nor the action's own is set (Helm's default). */
export const defaultTimeout = '5m0s';

export const HelmReleaseSpec = z.object({
  chart: HelmChartTemplate,
  interval: Duration.describe('How often to reconcile the release (and correct drift) when nothing changed.'),
  suspend: z.boolean().default(false).describe('Stop reconciling the release.'),
  releaseName: z.string().min(1).max(53).optional()
    .describe('Helm release name; defaults to [targetNamespace-]name (shortened with a hash past 53 characters).'),
  targetNamespace: NamespaceName.optional().describe('Namespace to install into; defaults to the HelmRelease\'s.'),
  storageNamespace: NamespaceName.optional()
    .describe('Namespace of the Helm storage Secrets; defaults to the HelmRelease\'s.'),
  dependsOn: z.array(NamespacedObjectReference).optional().describe('HelmReleases that must be Ready first.'),
  timeout: Timeout.optional().describe(`Timeout of each Helm operation (default ${defaultTimeout}); integer seconds as in Flux v1 work too.`),
  maxHistory: z.int().min(0).default(5).describe('Release revisions kept in storage; 0 keeps all.'),
  serviceAccountName: Name.optional().describe('Service account to impersonate for all Kubernetes calls of the release.'),
  persistentClient: z.boolean().optional().describe('Reuse one Kubernetes client for the whole reconcile (default true).'),
  values: z.record(z.string(), z.unknown()).meta({ 'x-kubernetes-preserve-unknown-fields': true }).optional()
    .describe('Values for the chart, merged over valuesFrom.'),
  valuesFrom: z.array(ValuesReference).optional()
    .describe('ConfigMaps and Secrets with values, merged in order before values (items with targetPath after).'),
  install: Install,
  upgrade: Upgrade,
  test: Test,
  rollback: Rollback,
  uninstall: Uninstall,
  driftDetection: DriftDetection,
  postRenderers: z.array(PostRenderer).optional().describe('Changes to the rendered objects, applied in order.'),
  commonMetadata: CommonMetadata.optional().describe('Labels and annotations added to every rendered object.'),
});
export type HelmReleaseSpec = z.infer<typeof HelmReleaseSpec>;

export const helmReleaseKind = defineKind({
  group: 'helm.capstan.dev',
  version: 'v1',
  kind: 'HelmRelease',
  plural: 'helmreleases',
  singular: 'helmrelease',
  shortNames: ['hr'],
  description: 'HelmRelease declares a Helm release: the chart, its values, and how to install, upgrade, test, roll back and uninstall it.',
  spec: HelmReleaseSpec,
  status: HelmReleaseStatus,
  printerColumns: [
    ...readyColumns,
    { name: 'Revision', type: 'integer', jsonPath: '.status.history[0].version', description: 'Helm release revision.' },
    { name: 'Chart', type: 'string', jsonPath: '.status.history[0].chartName' },
    { name: 'Version', type: 'string', jsonPath: '.status.history[0].chartVersion', priority: 1 },
    ageColumn,
  ],
});

export const HelmRelease = helmReleaseKind.schema;
export type HelmRelease = z.infer<typeof HelmRelease>;
export type HelmReleaseInput = z.input<typeof HelmRelease>;

export function parseHelmRelease(obj: unknown): ParseResult<HelmRelease> {
  return parseWith(HelmRelease, obj);
}
