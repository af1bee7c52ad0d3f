/** `helm install`: render, CRDs, ownership check, pending-install record, hooks, apply, wait, deployed. */
import type { Chart } from '../chart/chart.ts';
import type { Values } from '../chart/values.ts';
import type { Release } from '../release/index.ts';
import type { ActionConfig } from './config.ts';
import { installCrds, type CrdPolicy } from './crds.ts';
import { ActionError, messageOf } from './errors.ts';
import { ensureNamespace } from './namespace.ts';
import { recoverStalePending, withReleaseLock, type OperationLock } from './operation-lock.ts';
import { checkOwnership } from './ownership.ts';
import { perform } from './perform.ts';
import { releaseObjects, renderForRelease } from './prepare.ts';
import { markFailed, withStatus } from './record.ts';
import { newRelease } from './release-record.ts';
import { checkCustomLabels } from './release-labels.ts';
import { crashPoint } from './crash-point.ts';

export interface InstallOptions {
  name: string;
  namespace: string;
  /** a freshly loaded chart (rendering mutates it, as Helm's does) */
  chart: Chart;
  /** the user-supplied values (merged -f/--set, or the HelmRelease's values) */
  values: Values;
  createNamespace?: boolean;
  wait?: boolean;
  /** when waiting, wait for Jobs to complete (default true, as Flux does; false = Helm's --wait alone) */
  waitForJobs?: boolean;
  /** `--replace`: re-use the name of a release whose newest revision is uninstalled (kept history) or failed */
  replace?: boolean;
  timeoutMs?: number;
  disableHooks?: boolean;
  crds?: CrdPolicy;
  takeOwnership?: boolean;
  labels?: Record<string, string>;
  description?: string;
}

export async function install(cfg: ActionConfig, o: InstallOptions): Promise<Release> {
  // the namespace must exist before the operation lease can be written in it
  if (o.createNamespace) await ensureNamespace(cfg.kube, o.namespace);
  return withReleaseLock(cfg, o.name, async (lock) => {
    await recoverStalePending(cfg, o.name);
    return installLocked(cfg, o, lock);
  });
}

/** install with the operation lock already held (also used by `upgrade --install`). */
export async function installLocked(cfg: ActionConfig, o: InstallOptions, lock: OperationLock): Promise<Release> {
  {
    checkCustomLabels(o.labels);
    const history = await cfg.storage.history(o.name);
    const last = history.at(-1);
    // Helm's availableName: any history blocks the name, unless --replace and the newest is uninstalled/failed
    const replaceable = last?.info?.status === 'uninstalled' || last?.info?.status === 'failed';
    if (last && !(o.replace && replaceable)) {
      throw new ActionError('InvalidRevision', 'cannot re-use a name that is still in use');
    }
    const version = (last?.version ?? 0) + 1;
    const timeoutMs = o.timeoutMs ?? 300_000;
    if (o.createNamespace) await ensureNamespace(cfg.kube, o.namespace);
    await installCrds(cfg, o.chart, o.crds ?? 'Create', timeoutMs);
    const result = await renderForRelease(cfg, { name: o.name, namespace: o.namespace, revision: version, isUpgrade: false, chart: o.chart, values: o.values });
    let rel = newRelease({
      name: o.name, namespace: o.namespace, version, chart: o.chart, config: o.values, result,
      status: 'pending-install', description: 'Initial install underway', annotations: lock.annotations(),
      ...(o.labels ? { labels: o.labels } : {}),
    });
    const objects = await releaseObjects(cfg, rel);
    if (!o.takeOwnership) await checkOwnership(cfg.kube, objects, o.name, o.namespace, 'install');
    crashPoint('before-pending');
    await cfg.storage.create(rel);
    crashPoint('after-pending');
    try {
      await perform(cfg, {
        release: rel, objects, previous: [], wait: o.wait ?? false, timeoutMs,
        ...(o.waitForJobs === undefined ? {} : { waitForJobs: o.waitForJobs }),
        events: o.disableHooks ? undefined : { pre: 'pre-install', post: 'post-install' },
      });
    } catch (e) {
      await markFailed(cfg, rel, 'Release', messageOf(e));
      throw e;
    }
    crashPoint('before-final');
    rel = withStatus(rel, 'deployed', o.description ?? 'Install complete');
    await cfg.storage.update(rel);
    return rel;
  }
}
