/**
 * A GitSync being deleted: with `prune` on (and not suspended), everything it applied and still owns is
 * deleted (its inventory, in uninstall order), then its finalizer is removed. With `prune` off, or
 * suspended, the objects stay and only the finalizer goes. A failed deletion keeps the finalizer, records
 * PruneFailed and is retried with backoff.
 */
import { ConditionType, Reason, finalizer, markFalse, parseGitSync, type GitSyncStatus } from '../../api/index.ts';
import type { Result } from '../../controller/index.ts';
import type { KubeClient, KubeObject } from '../../kube/index.ts';
import type { Logger } from '../../observability/logger.ts';
import type { EventRecorder } from '../shared/events.ts';
import { removeFinalizer } from '../shared/object-writes.ts';
import { summarizeChanges } from './changes.ts';
import { GitSyncError } from './errors.ts';
import { pruneStale } from './prune.ts';
import { applyStatus } from '../shared/status-apply.ts';

export interface FinalizeOptions {
  kube: KubeClient;
  log: Logger;
  events: EventRecorder;
  impersonate?: ((namespace: string, serviceAccount: string) => Promise<KubeClient>) | undefined;
  signal: AbortSignal;
}

export async function finalizeGitSync(cached: KubeObject & { status?: GitSyncStatus }, o: FinalizeOptions): Promise<Result> {
  if (!(cached.metadata.finalizers ?? []).includes(finalizer)) return {};
  const parsed = parseGitSync(cached);
  const entries = cached.status?.inventory?.entries ?? [];
  if (parsed.ok && parsed.value.spec.prune && !parsed.value.spec.suspend && entries.length > 0) {
    const ns = cached.metadata.namespace ?? 'default';
    const sa = parsed.value.spec.serviceAccountName;
    const kube = sa !== undefined && o.impersonate !== undefined ? await o.impersonate(ns, sa) : o.kube;
    try {
      const pruned = await pruneStale(entries, { kube, owner: { namespace: ns, name: cached.metadata.name }, log: o.log, signal: o.signal });
      const summary = summarizeChanges(pruned.deleted);
      if (summary !== '') o.events.event(cached, 'Normal', Reason.Pruned, `GitSync deleted: ${summary}`);
    } catch (e) {
      if (!(e instanceof GitSyncError)) throw e;
      const obj = structuredClone(cached);
      markFalse(obj, ConditionType.Ready, Reason.PruneFailed, e.message);
      await applyStatus(o.kube, cached, cached.status ?? {}, obj.status);
      throw e;
    }
  }
  await removeFinalizer(o.kube, cached, finalizer);
  return {};
}
