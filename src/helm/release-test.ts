/** `helm test`: runs the release's `test` hooks and records their outcome on the newest revision. */
import type { Release } from '../release/index.ts';
import type { ActionConfig } from './config.ts';
import { ActionError, messageOf } from './errors.ts';
import { runHooks } from './hooks.ts';
import { withReleaseLock } from './operation-lock.ts';

export async function releaseTest(cfg: ActionConfig, o: { name: string; timeoutMs?: number }): Promise<Release> {
  return withReleaseLock(cfg, o.name, async () => {
    const rel = await cfg.storage.last(o.name).catch(() => { throw new ActionError('ReleaseNotFound', 'release: not found'); });
    const hookCtx = { kube: cfg.kube, namespace: rel.namespace, timeoutMs: o.timeoutMs ?? 300_000, record: (r: Release) => cfg.storage.update(r) };
    try {
      await runHooks(hookCtx, rel, 'test');
    } catch (e) {
      await cfg.storage.update(rel);
      throw new ActionError('TestFailed', messageOf(e), { cause: e });
    }
    await cfg.storage.update(rel);
    return rel;
  });
}
