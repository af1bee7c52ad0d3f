/**
 * `helm uninstall`: uninstalling → pre-delete hooks → delete the release's objects in uninstall order (keeping
 * `helm.sh/resource-policy: keep`) with the given propagation (`--cascade`) → wait until they are gone
 * (`--wait`) → post-delete hooks → uninstalled; every revision purged unless keepHistory.
 */
import { goTimeNow, type Release } from '../release/index.ts';
import type { ActionConfig } from './config.ts';
import { ActionError } from './errors.ts';
import { runHooks } from './hooks.ts';
import { parseManifestObjects, defaultNamespaces } from './manifest-objects.ts';
import { withReleaseLock } from './operation-lock.ts';
import { withStatus } from './record.ts';
import { deleteObjects, waitDeleted, type DeletionPropagation } from './resources.ts';

export interface UninstallOptions {
  name: string;
  keepHistory?: boolean;
  disableHooks?: boolean;
  timeoutMs?: number;
  /** wait until the deleted objects are gone (default false, as the helm CLI) */
  wait?: boolean;
  /** how dependents of the deleted objects are treated (default background) */
  deletionPropagation?: DeletionPropagation;
}

export interface UninstallResult { release: Release; deleted: string[]; info: string }

export async function uninstall(cfg: ActionConfig, o: UninstallOptions): Promise<UninstallResult> {
  return withReleaseLock(cfg, o.name, async () => {
    const history = await cfg.storage.history(o.name);
    const last = history.at(-1);
    if (!last) throw new ActionError('ReleaseNotFound', `uninstall: Release not loaded: ${o.name}: release: not found`);
    if (last.info?.status === 'uninstalled') {
      if (!o.keepHistory) {
        for (const r of history) await cfg.storage.delete(r.name, r.version);
        return { release: last, deleted: [], info: `release "${o.name}" uninstalled` };
      }
      throw new ActionError('InvalidRevision', `the release named "${o.name}" is already deleted`);
    }
    let rel = withStatus(last, 'uninstalling', 'Deletion in progress (or silently failed)');
    if (rel.info) rel.info.deleted = goTimeNow();
    await cfg.storage.update(rel);
    const timeoutMs = o.timeoutMs ?? 300_000;
    const hookCtx = { kube: cfg.kube, namespace: rel.namespace, timeoutMs, record: (r: Release) => cfg.storage.update(r) };
    if (!o.disableHooks) await runHooks(hookCtx, rel, 'pre-delete');
    const objects = parseManifestObjects(rel.manifest ?? '', `release ${rel.name}`);
    await defaultNamespaces(cfg.kube, objects, rel.namespace);
    const deleted = await deleteObjects(cfg.kube, objects, o.deletionPropagation ?? 'background');
    if (o.wait) {
      // only what was deleted: objects kept by resource-policy stay
      const gone = new Set(deleted);
      await waitDeleted(cfg.kube, objects.filter((x) => gone.has(`${x.kind} ${x.metadata.name}`)), timeoutMs);
    }
    if (!o.disableHooks) await runHooks(hookCtx, rel, 'post-delete');
    rel = withStatus(rel, 'uninstalled', 'Uninstallation complete');
    if (o.keepHistory) {
      await cfg.storage.update(rel);
    } else {
      for (const r of history) await cfg.storage.delete(r.name, r.version);
    }
    return { release: rel, deleted, info: `release "${o.name}" uninstalled` };
  });
}
