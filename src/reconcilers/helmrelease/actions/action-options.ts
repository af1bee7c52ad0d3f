/**
 * spec.{install, upgrade, rollback, uninstall} → the options of the Helm actions, as Flux's helm-controller
 * maps them (internal/action/{install,upgrade,rollback,uninstall}.go): every wait is on unless disabled, Jobs
 * are waited for unless disableWaitForJobs, preserveValues is `--reuse-values`, deletionPropagation is
 * `--cascade`. Pure functions of the spec, so the mapping is tested as a table.
 */
import type { HelmReleaseSpec } from '../../../api/index.ts';
import type { InstallOptions, RollbackOptions, UninstallOptions, UpgradeOptions } from '../../../helm/index.ts';
import { timeoutMsOf } from './timeouts.ts';

export type InstallFlags = Omit<InstallOptions, 'name' | 'namespace' | 'chart' | 'values' | 'labels' | 'description'>;
export type UpgradeFlags = Omit<UpgradeOptions, 'name' | 'namespace' | 'chart' | 'values' | 'labels' | 'description'>;
export type RollbackFlags = Omit<RollbackOptions, 'name' | 'version'>;
export type UninstallFlags = Omit<UninstallOptions, 'name'>;

export function installFlags(spec: HelmReleaseSpec): InstallFlags {
  const i = spec.install;
  return {
    createNamespace: i.createNamespace, wait: !i.disableWait, waitForJobs: !i.disableWaitForJobs, replace: i.replace,
    timeoutMs: timeoutMsOf(spec, 'install'), disableHooks: i.disableHooks, crds: i.skipCRDs ? 'Skip' : i.crds,
  };
}

export function upgradeFlags(spec: HelmReleaseSpec): UpgradeFlags {
  const u = spec.upgrade;
  return {
    wait: !u.disableWait, waitForJobs: !u.disableWaitForJobs, timeoutMs: timeoutMsOf(spec, 'upgrade'),
    disableHooks: u.disableHooks, crds: u.crds, force: u.force, cleanupOnFail: u.cleanupOnFail, reuseValues: u.preserveValues,
  };
}

export function rollbackFlags(spec: HelmReleaseSpec): RollbackFlags {
  const r = spec.rollback;
  return {
    wait: !r.disableWait, waitForJobs: !r.disableWaitForJobs, timeoutMs: timeoutMsOf(spec, 'rollback'),
    disableHooks: r.disableHooks, force: r.force, recreate: r.recreate, cleanupOnFail: r.cleanupOnFail,
  };
}

export function uninstallFlags(spec: HelmReleaseSpec): UninstallFlags {
  const u = spec.uninstall;
  return {
    keepHistory: u.keepHistory, disableHooks: u.disableHooks, timeoutMs: timeoutMsOf(spec, 'uninstall'),
    wait: !u.disableWait, deletionPropagation: u.deletionPropagation,
  };
}
