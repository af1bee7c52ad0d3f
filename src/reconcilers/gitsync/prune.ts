/**
 * Deleting what left Git: the entries of the previous inventory that the new one lacks, in Helm's uninstall
 * order (workloads first, Namespaces and CRDs last). An object is deleted only if it still carries this
 * GitSync's annotation (so an object someone else re-created or took over is never touched) and is not
 * annotated `capstan.dev/prune: disabled`; either way it leaves the inventory.
 */
import { parseObjMetadataId, Reason, type InventoryEntry } from '../../api/index.ts';
import { describeRef, type KubeClient, type ObjectRef } from '../../kube/index.ts';
import type { Logger } from '../../observability/logger.ts';
import { UNINSTALL_ORDER, sortByKind } from '../../render/kind-sorter.ts';
import type { ChangeSetEntry } from './changes.ts';
import { GitSyncError, type Problem } from './errors.ts';
import { getRaw } from './raw-get.ts';
import { ownerId, ownerOf, pruneDisabled, type Owner } from './ownership.ts';

export interface PruneOptions {
  kube: KubeClient;
  owner: Owner;
  log: Logger;
  signal: AbortSignal;
}

export interface PruneResult {
  deleted: ChangeSetEntry[];
  /** objects left in place, with why */
  kept: string[];
}

/** The object an inventory entry names, or undefined for a malformed id. */
export function refOfEntry(e: InventoryEntry): ObjectRef | undefined {
  const m = parseObjMetadataId(e.id);
  if (m === undefined) return undefined;
  const ref: ObjectRef = { apiVersion: m.group === '' ? e.v : `${m.group}/${e.v}`, kind: m.kind, name: m.name };
  if (m.namespace !== '') ref.namespace = m.namespace;
  return ref;
}

/**
 * Deletes the stale entries; throws a PruneFailed GitSyncError whose `applied` lists the ids still present
 * (they stay in the inventory so the next sync tries again).
 */
export async function pruneStale(stale: readonly InventoryEntry[], opts: PruneOptions): Promise<PruneResult> {
  const result: PruneResult = { deleted: [], kept: [] };
  const problems: Problem[] = [];
  const remaining: string[] = [];
  const refs = stale.flatMap((e) => {
    const ref = refOfEntry(e);
    return ref === undefined ? [] : [{ e, ref }];
  });
  for (const { e, ref } of sortByKind(refs, (x) => x.ref.kind, UNINSTALL_ORDER)) {
    const subject = describeRef(ref);
    if (opts.signal.aborted) {
      remaining.push(e.id);
      continue;
    }
    try {
      const live = await getRaw(opts.kube, ref);
      if (live === undefined) continue;
      if (ownerOf(live) !== ownerId(opts.owner)) {
        result.kept.push(`${subject} (not applied by this GitSync)`);
      } else if (pruneDisabled(live)) {
        result.kept.push(`${subject} (capstan.dev/prune: disabled)`);
      } else if (await opts.kube.delete(ref)) {
        result.deleted.push({ id: e.id, subject, action: 'deleted' });
      }
    } catch (err) {
      remaining.push(e.id);
      problems.push({ object: subject, message: `delete: ${err instanceof Error ? err.message : String(err)}` });
    }
  }
  for (const k of result.kept) opts.log.info({ object: k }, 'left in place by prune');
  if (problems.length > 0 || remaining.length > 0) {
    const err = new GitSyncError(Reason.PruneFailed, problems.length > 0 ? problems : [{ message: 'stopped before pruning finished' }]);
    err.applied = remaining;
    throw err;
  }
  return result;
}
