/**
 * `HelmRelease.status`: conditions, the release history snapshots (Flux v2's Snapshot), the inventory, failure
 * counters and what was last attempted.
 */
import { z } from 'zod';
import { Timestamp } from '../common.ts';
import { Inventory } from '../inventory.ts';
import { commonStatusFields } from '../kind.ts';

export const TestHookStatus = z.object({
  lastStarted: Timestamp.optional().describe('When the test hook last started.'),
  lastCompleted: Timestamp.optional().describe('When the test hook last completed.'),
  phase: z.string().optional().describe('Phase of the last run: Running, Succeeded, Failed.'),
});

/** One Helm release revision as it was seen in storage. */
export const Snapshot = z.object({
  apiVersion: z.string().optional().describe('Version of the snapshot format.'),
  digest: z.string().optional().describe('Digest of the stored release object, "<algorithm>:<hex>".'),
  name: z.string().describe('Release name.'),
  namespace: z.string().describe('Release namespace.'),
  version: z.int().min(1).describe('Release revision (as helm history numbers them).'),
  status: z.string().describe('Release status: deployed, failed, superseded, uninstalled, pending-install, ...'),
  chartName: z.string().describe('Name of the chart.'),
  chartVersion: z.string().describe('Version of the chart.'),
  appVersion: z.string().optional().describe('appVersion of the chart.'),
  configDigest: z.string().describe('Digest of the values the release was made with.'),
  firstDeployed: Timestamp.describe('When the release was first deployed.'),
  lastDeployed: Timestamp.describe('When this revision was deployed.'),
  deleted: Timestamp.optional().describe('When the release was uninstalled.'),
  testHooks: z.record(z.string(), TestHookStatus).optional().describe('The test hooks of this revision, by name.'),
  ociDigest: z.string().optional().describe('Digest of the OCI chart artifact.'),
});
export type Snapshot = z.infer<typeof Snapshot>;

export const releaseActions = ['install', 'upgrade'] as const;

export const HelmReleaseStatus = z.object({
  ...commonStatusFields,
  history: z.array(Snapshot).optional()
    .describe('Release revisions, newest first, back to the previous successful one.'),
  inventory: Inventory.optional().describe('The objects of the current release.'),
  failures: z.int().min(0).optional().describe('Failures since the last success (reset on success).'),
  installFailures: z.int().min(0).optional().describe('Failed installs since the last success.'),
  upgradeFailures: z.int().min(0).optional().describe('Failed upgrades since the last success.'),
  lastAttemptedRevision: z.string().optional().describe('Chart version (or source revision) last attempted.'),
  lastAttemptedRevisionDigest: z.string().optional().describe('Digest of the chart artifact last attempted.'),
  lastAttemptedValuesChecksum: z.string().optional().describe('Deprecated: use lastAttemptedConfigDigest.'),
  lastAttemptedConfigDigest: z.string().optional().describe('Digest of the values last attempted.'),
  lastAttemptedGeneration: z.int().optional().describe('The .metadata.generation last attempted.'),
  lastAttemptedReleaseAction: z.enum(releaseActions).optional().describe('The last release action: install or upgrade.'),
  storageNamespace: z.string().optional().describe('Namespace of the Helm storage of the current release.'),
  helmChart: z.string().optional().describe('namespace/name of the chart source the release uses.'),
});
export type HelmReleaseStatus = z.infer<typeof HelmReleaseStatus>;
