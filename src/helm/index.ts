export type { ActionConfig } from './config.ts';
export { ActionError, type ActionErrorCode } from './errors.ts';
export { install, type InstallOptions } from './install.ts';
export { upgrade, type UpgradeOptions } from './upgrade.ts';
export { rollback, type RollbackOptions } from './rollback.ts';
export { uninstall, type UninstallOptions, type UninstallResult } from './uninstall.ts';
export { releaseTest } from './release-test.ts';
export { recoverStalePending, holderAnnotation, startedAnnotation } from './operation-lock.ts';
export type { CrdPolicy } from './crds.ts';
