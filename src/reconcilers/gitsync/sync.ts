/**
 * One full sync of a source tree: read the documents under `spec.path`, build and check the objects,
 * settle their namespaces, apply (dry-run first), then prune what left Git. Returns the new inventory and
 * what changed; on failure throws a GitSyncError whose `inventory` is what to record (the previous
 * inventory plus anything written before the failure, so nothing this sync created escapes a later prune).
 */
import { isNotFound, type KubeClient } from '../../kube/index.ts';
import type { InventoryEntry } from '../../api/index.ts';
import type { Logger } from '../../observability/logger.ts';
import { applyObjects } from './apply.ts';
import { buildObjects, type DesiredObject, type IgnoredFields } from './build.ts';
import type { ChangeSetEntry } from './changes.ts';
import { GitSyncError } from './errors.ts';
import { loadManifests } from './manifest-files.ts';
import type { Owner } from './ownership.ts';
import { pruneStale } from './prune.ts';
import { idOf, resolveScopes, type ScopeLookup } from './scope.ts';

export interface SyncOptions {
  /** the unpacked source tree */
  dir: string;
  path: string;
  targetNamespace: string | undefined;
  prune: boolean;
  owner: Owner;
  previous: readonly InventoryEntry[];
  /** applies and prunes (impersonating spec.serviceAccountName when set) */
  kube: KubeClient;
  log: Logger;
  signal: AbortSignal;
  timeoutMs: number;
}

export interface SyncOutcome {
  inventory: InventoryEntry[];
  changes: ChangeSetEntry[];
  ignored: IgnoredFields[];
  /** objects prune left in place, with why */
  kept: string[];
}

/** Whether a kind is namespaced, from discovery (known answers kept for the sync). */
export function scopeLookup(kube: KubeClient): ScopeLookup {
  const known = new Map<string, boolean>();
  return async (apiVersion, kind) => {
    const key = `${apiVersion}/${kind}`;
    const have = known.get(key);
    if (have !== undefined) return have;
    try {
      const namespaced = await kube.isNamespaced(apiVersion, kind);
      known.set(key, namespaced);
      return namespaced;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  };
}

export function inventoryEntry(d: DesiredObject): InventoryEntry {
  const v = d.object.apiVersion.includes('/') ? d.object.apiVersion.slice(d.object.apiVersion.indexOf('/') + 1) : d.object.apiVersion;
  return { id: idOf(d.object), v };
}

const byId = (a: InventoryEntry, b: InventoryEntry): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function union(a: readonly InventoryEntry[], b: readonly InventoryEntry[]): InventoryEntry[] {
  const m = new Map(a.map((e) => [e.id, e]));
  for (const e of b) m.set(e.id, e);
  return [...m.values()].sort(byId);
}

export async function syncTree(o: SyncOptions): Promise<SyncOutcome> {
  const docs = await loadManifests(o.dir, o.path);
  const built = buildObjects(docs, o.owner);
  const lookup = scopeLookup(o.kube);
  await resolveScopes(built.objects, lookup, o.targetNamespace);
  const entries = built.objects.map(inventoryEntry).sort(byId);
  let changes: ChangeSetEntry[];
  try {
    changes = await applyObjects(built.objects, { kube: o.kube, lookup, owner: o.owner, log: o.log, timeoutMs: o.timeoutMs, signal: o.signal });
  } catch (e) {
    if (e instanceof GitSyncError) {
      const applied = new Set(e.applied);
      e.inventory = union(o.previous, entries.filter((x) => applied.has(x.id)));
    }
    throw e;
  }
  const current = new Set(entries.map((e) => e.id));
  const stale = o.previous.filter((e) => !current.has(e.id));
  let kept: string[] = [];
  if (o.prune && stale.length > 0) {
    try {
      const pruned = await pruneStale(stale, { kube: o.kube, owner: o.owner, log: o.log, signal: o.signal });
      changes = [...changes, ...pruned.deleted];
      kept = pruned.kept;
    } catch (e) {
      if (e instanceof GitSyncError) {
        const remaining = new Set(e.applied);
        e.inventory = union(entries, o.previous.filter((x) => remaining.has(x.id)));
      }
      throw e;
    }
  }
  return { inventory: entries, changes, ignored: built.ignored, kept };
}
