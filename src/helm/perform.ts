/**
 * The steps shared by install, upgrade and rollback once a pending revision is recorded: pre hooks, apply
 * in install order, prune what left the chart, wait, post hooks. Decides nothing: the caller says which
 * events, what to prune, whether to wait.
 */
import type { KubeObject } from '../kube/index.ts';
import type { HookEvent, Release } from '../release/index.ts';
import type { ActionConfig } from './config.ts';
import { runHooks } from './hooks.ts';
import { applyAll, pruneRemoved, waitAll } from './resources.ts';

export interface PerformInput {
  release: Release;
  objects: KubeObject[];
  /** objects of the revision being replaced (pruned when absent from `objects`) */
  previous: KubeObject[];
  events: { pre: HookEvent; post: HookEvent } | undefined;
  wait: boolean;
  /** when waiting, wait for Jobs to complete (default true, as Flux; false is Helm's --wait without --wait-for-jobs) */
  waitForJobs?: boolean;
  timeoutMs: number;
  /** helm's --force: replace objects whose update is refused as invalid */
  force?: boolean;
  /** runs after the apply and prune, before the wait (rollback's recreate restarts pods here) */
  afterApply?: () => Promise<void>;
}

export async function perform(cfg: ActionConfig, p: PerformInput): Promise<void> {
  const hookCtx = { kube: cfg.kube, namespace: p.release.namespace, timeoutMs: p.timeoutMs, record: (r: Release) => cfg.storage.update(r) };
  if (p.events) await runHooks(hookCtx, p.release, p.events.pre);
  // Capstan owns the release's fields: server-side apply always forces conflicts, so objects last written
  // by the helm CLI (client-side, manager "helm") or edited by hand are taken back
  await applyAll(cfg.kube, p.objects, { replace: p.force === true });
  const pruned = await pruneRemoved(cfg.kube, p.previous, p.objects);
  if (pruned.length > 0) cfg.log.info({ release: p.release.name, pruned }, 'deleted objects that left the chart');
  if (p.afterApply) await p.afterApply();
  if (p.wait) await waitAll(cfg.kube, p.objects, p.timeoutMs, { waitForJobs: p.waitForJobs ?? true });
  if (p.events) await runHooks(hookCtx, p.release, p.events.post);
}
