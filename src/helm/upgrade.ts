/**
 * `helm upgrade [--install]`: the newest revision must not be pending (stale ones are recovered), the
 * current release is the deployed one (or the last failed/superseded one when nothing is deployed), the new
 * revision is recorded as pending-upgrade, then hooks, apply, prune, wait. On success the previous deployed
 * revision becomes superseded; on failure the new one is failed and the previous one stays deployed.
 */
import { coalesceTables, deepCopy, fromPlain, isTable, type Values } from '../chart/index.ts';
import type { Release } from '../release/index.ts';
import type { ActionConfig } from './config.ts';
import { ActionError, messageOf } from './errors.ts';
import { installLocked, type InstallOptions } from './install.ts';
import { ensureNamespace } from './namespace.ts';
import { objectKey } from './manifest-objects.ts';
import { recoverStalePending, withReleaseLock } from './operation-lock.ts';
import { checkOwnership } from './ownership.ts';
import { perform } from './perform.ts';
import { releaseObjects, renderForRelease } from './prepare.ts';
import { markFailed, supersedeOthers, withStatus } from './record.ts';
import { newRelease } from './release-record.ts';
import { checkCustomLabels, customLabels, labelsOption, mergeCustomLabels } from './release-labels.ts';
import { deleteObjects } from './resources.ts';
import { crashPoint } from './crash-point.ts';

/**
 * On upgrade, `labels` are merged over the custom labels of the newest revision (release-labels.ts): a label
 * given as "null" is removed, the others are kept.
 */
export interface UpgradeOptions extends InstallOptions {
  /** `upgrade --install`: install when the release does not exist (or was uninstalled) */
  install?: boolean;
  force?: boolean;
  /** delete the objects this upgrade created when it fails */
  cleanupOnFail?: boolean;
  /** `--reuse-values`: the new values coalesced over the current release's `config` (the new ones win) */
  reuseValues?: boolean;
}

/**
 * Helm's reuseValues: `chartutil.CoalesceTables(newVals, current.Config)`. Helm also swaps the new chart's
 * default values for the old chart's coalesced ones; Capstan does not (a deliberate difference): the new
 * chart's defaults still apply, and only the user-supplied values of the previous release are reused.
 */
export function reusedValues(values: Values, current: Release): Values {
  const old = fromPlain(current.config ?? {});
  if (!isTable(old)) return values;
  return coalesceTables(deepCopy(values), old) ?? values;
}

export async function upgrade(cfg: ActionConfig, o: UpgradeOptions): Promise<Release> {
  // the namespace must exist before the operation lease can be written in it
  if (o.createNamespace) await ensureNamespace(cfg.kube, o.namespace);
  return withReleaseLock(cfg, o.name, async (lock) => {
    await recoverStalePending(cfg, o.name);
    const history = await cfg.storage.history(o.name);
    const last = history.at(-1);
    checkCustomLabels(o.labels);
    if (!last || last.info?.status === 'uninstalled') {
      // upgrade --install re-uses the name of an uninstalled release (its history kept)
      if (o.install) return installLocked(cfg, { ...o, replace: true }, lock);
      throw new ActionError('ReleaseNotFound', `"${o.name}" has no deployed releases`);
    }
    const deployed = [...history].reverse().find((r) => r.info?.status === 'deployed');
    const current = deployed ?? last;
    const version = last.version + 1;
    const timeoutMs = o.timeoutMs ?? 300_000;
    const values = o.reuseValues ? reusedValues(o.values, current) : o.values;
    const result = await renderForRelease(cfg, { name: o.name, namespace: o.namespace, revision: version, isUpgrade: true, chart: o.chart, values });
    let rel = newRelease({
      name: o.name, namespace: o.namespace, version, chart: o.chart, config: values, result,
      status: 'pending-upgrade', description: 'Preparing upgrade', annotations: lock.annotations(),
      ...(current.info?.first_deployed ? { firstDeployed: current.info.first_deployed } : {}),
      ...labelsOption(mergeCustomLabels(customLabels(last), o.labels)),
    });
    const objects = await releaseObjects(cfg, rel);
    const previous = await releaseObjects(cfg, current);
    const known = new Set(previous.map(objectKey));
    const added = objects.filter((x) => !known.has(objectKey(x)));
    if (!o.takeOwnership) await checkOwnership(cfg.kube, added, o.name, o.namespace, 'update');
    crashPoint('before-pending');
    await cfg.storage.create(rel);
    crashPoint('after-pending');
    try {
      await perform(cfg, {
        release: rel, objects, previous, wait: o.wait ?? false, timeoutMs,
        ...(o.waitForJobs === undefined ? {} : { waitForJobs: o.waitForJobs }),
        events: o.disableHooks ? undefined : { pre: 'pre-upgrade', post: 'post-upgrade' },
        ...(o.force === undefined ? {} : { force: o.force }),
      });
    } catch (e) {
      await markFailed(cfg, rel, 'Upgrade', messageOf(e));
      if (o.cleanupOnFail && added.length > 0) {
        await deleteObjects(cfg.kube, added).catch((err: unknown) => cfg.log.warn({ err, release: o.name }, 'cleanup on fail did not finish'));
      }
      throw e;
    }
    crashPoint('before-final');
    rel = withStatus(rel, 'deployed', o.description ?? 'Upgrade complete');
    await cfg.storage.update(rel);
    await supersedeOthers(cfg, o.name, version);
    return rel;
  });
}
