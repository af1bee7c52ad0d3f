/**
 * `HelmRelease.spec.{install, upgrade, test, rollback, uninstall}` (Flux v2's field names and defaults). Parsing
 * always yields each block with its defaults, present in the object or not; the CRD shows the same defaults.
 */
import { z } from 'zod';
import { Timeout } from '../duration.ts';

const timeout = (what: string) => Timeout.optional().describe(`Timeout for ${what}; defaults to spec.timeout.`);
const flag = (description: string) => z.boolean().default(false).describe(description);

export const CRDsPolicy = z.enum(['Skip', 'Create', 'CreateReplace'])
  .describe('CRDs of the chart\'s crds/ directory: Skip them, Create the missing ones, or Create and Replace existing ones.');
export type CRDsPolicy = z.infer<typeof CRDsPolicy>;

const retries = z.int().default(0)
  .describe('How many times to retry after a failure (with remediation in between); a negative number retries forever.');
const ignoreTestFailures = z.boolean().optional().describe('Do not count test failures as failures; defaults to test.ignoreFailures.');
const remediateLastFailure = z.boolean().optional()
  .describe('Remediate the last failure when retries are exhausted; defaults to true when retries > 0.');

export const InstallRemediation = z.object({ retries, ignoreTestFailures, remediateLastFailure });

export const UpgradeRemediation = z.object({
  retries,
  ignoreTestFailures,
  remediateLastFailure,
  strategy: z.enum(['rollback', 'uninstall']).default('rollback').describe('How to remediate a failed upgrade.'),
});

export const Install = z.object({
  timeout: timeout('the install'),
  remediation: InstallRemediation.prefault({}).describe('What to do when the install fails.'),
  crds: CRDsPolicy.default('Create'),
  createNamespace: flag('Create the target namespace if it does not exist.'),
  disableWait: flag('Do not wait for the installed objects to become ready.'),
  disableWaitForJobs: flag('Do not wait for Jobs to complete.'),
  disableHooks: flag('Do not run the chart\'s hooks.'),
  disableSchemaValidation: flag('Do not validate the values against the chart\'s values.schema.json.'),
  replace: flag('Reuse the name of a deleted release that is still in history.'),
  skipCRDs: flag('Deprecated: use crds: Skip.'),
}).prefault({}).describe('Options of Helm install.');
export type Install = z.infer<typeof Install>;

export const Upgrade = z.object({
  timeout: timeout('the upgrade'),
  remediation: UpgradeRemediation.prefault({}).describe('What to do when the upgrade fails.'),
  force: flag('Replace objects that cannot be patched (delete and recreate).'),
  cleanupOnFail: flag('Delete objects created by a failed upgrade.'),
  crds: CRDsPolicy.default('Skip'),
  disableWait: flag('Do not wait for the upgraded objects to become ready.'),
  disableWaitForJobs: flag('Do not wait for Jobs to complete.'),
  disableHooks: flag('Do not run the chart\'s hooks.'),
  disableSchemaValidation: flag('Do not validate the values against the chart\'s values.schema.json.'),
  preserveValues: flag('Reuse the values of the last release, overridden by the current values.'),
}).prefault({}).describe('Options of Helm upgrade.');
export type Upgrade = z.infer<typeof Upgrade>;

export const Test = z.object({
  enable: flag('Run the chart\'s test hooks after each install and upgrade.'),
  ignoreFailures: flag('Do not count test failures as release failures.'),
  timeout: timeout('the tests'),
}).prefault({}).describe('Options of Helm test.');
export type Test = z.infer<typeof Test>;

export const Rollback = z.object({
  timeout: timeout('the rollback'),
  disableWait: flag('Do not wait for the rolled-back objects to become ready.'),
  disableWaitForJobs: flag('Do not wait for Jobs to complete.'),
  disableHooks: flag('Do not run the chart\'s hooks.'),
  force: flag('Replace objects that cannot be patched (delete and recreate).'),
  recreate: flag('Restart the pods of the rolled-back workloads.'),
  cleanupOnFail: flag('Delete objects created by a failed rollback.'),
}).prefault({}).describe('Options of Helm rollback (used as remediation).');
export type Rollback = z.infer<typeof Rollback>;

export const Uninstall = z.object({
  timeout: timeout('the uninstall'),
  keepHistory: flag('Keep the release history (status uninstalled) after uninstalling.'),
  disableHooks: flag('Do not run the chart\'s hooks.'),
  disableWait: flag('Do not wait for the objects to be deleted.'),
  deletionPropagation: z.enum(['background', 'foreground', 'orphan']).default('background')
    .describe('Deletion propagation policy for the release\'s objects.'),
}).prefault({}).describe('Options of Helm uninstall (when the HelmRelease is deleted, or as remediation).');
export type Uninstall = z.infer<typeof Uninstall>;
