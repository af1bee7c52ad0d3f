/** Per-action timeouts: the action's own, else `spec.timeout`, else Helm's 5 minutes. */
import { defaultTimeout, durationMs, type HelmReleaseSpec } from '../../../api/index.ts';
import type { ActionName } from '../decide.ts';

export function timeoutOf(spec: HelmReleaseSpec, action: ActionName): string {
  const own = {
    install: spec.install.timeout, upgrade: spec.upgrade.timeout, test: spec.test.timeout, rollback: spec.rollback.timeout,
    uninstall: spec.uninstall.timeout, unlock: undefined, 'correct-drift': undefined,
  }[action];
  return own ?? spec.timeout ?? defaultTimeout;
}

export function timeoutMsOf(spec: HelmReleaseSpec, action: ActionName): number {
  return durationMs(timeoutOf(spec, action));
}
