/**
 * `helm rollback NAME [REVISION]`: a new revision copying the target's chart, values, manifest, hooks and custom labels,
 * recorded as pending-rollback ("Rollback to N"), then hooks, apply, prune, wait; the others superseded.
 * `recreate` restarts the workloads' pods after the apply (see restart-workloads.ts); `cleanupOnFail` deletes
 * the objects the rollback created when it fails.
 */
import { goTimeNow, type Release } from '../release/index.ts';
import type { ActionConfig } from './config.ts';
import { ActionError, messageOf } from './errors.ts';
import { objectKey } from './manifest-objects.ts';
import { recoverStalePending, withReleaseLock } from './operation-lock.ts';
import { perform } from './perform.ts';
import { releaseObjects } from './prepare.ts';
import { markFailed, supersedeOthers, withStatus } from './record.ts';
import { customLabels, labelsOption } from './release-labels.ts';
import { deleteObjects } from './resources.ts';
import { restartWorkloads } from './restart-workloads.ts';

export interface RollbackOptions {
  name: string;
  /** the revision to go back to; 0 or undefined = the one before the newest */
  version?: number;
  wait?: boolean;
  /** when waiting, wait for Jobs to complete (default true, as Flux does) */
  waitForJobs?: boolean;
  timeoutMs?: number;
  disableHooks?: boolean;
  force?: boolean;
  /** `--recreate-pods`: restart the pods of the rolled-back Deployments, StatefulSets and DaemonSets */
  recreate?: boolean;
  /** `--cleanup-on-fail`: delete the objects this rollback created when it fails */
  cleanupOnFail?: boolean;
}

export async function rollback(cfg: ActionConfig, o: RollbackOptions): Promise<Release> {
  return withReleaseLock(cfg, o.name, async (lock) => {
    await recoverStalePending(cfg, o.name);
    const history = await cfg.storage.history(o.name);
    const current = history.at(-1);
    if (!current) throw new ActionError('ReleaseNotFound', 'release: not found');
    const targetVersion = o.version && o.version > 0 ? o.version : current.version - 1;
    const target = history.find((r) => r.version === targetVersion);
    if (targetVersion <= 0 || !target) throw new ActionError('InvalidRevision', `release has no ${targetVersion} version`);
    const now = goTimeNow();
    let rel: Release = {
      name: o.name, namespace: current.namespace, version: current.version + 1,
      info: {
        first_deployed: current.info?.first_deployed, last_deployed: now, status: 'pending-rollback',
        description: `Rollback to ${targetVersion}`, ...(target.info?.notes ? { notes: target.info.notes } : {}),
      },
      ...(target.chart ? { chart: target.chart } : {}),
      ...(target.config ? { config: target.config } : {}),
      ...(target.manifest !== undefined ? { manifest: target.manifest } : {}),
      hooks: structuredClone(target.hooks ?? []).map((h) => ({ ...h, last_run: { phase: '' as const } })),
      // Helm's prepareRollback: the target revision's custom labels come back with its chart and values
      ...labelsOption(customLabels(target)),
      annotations: lock.annotations(),
    };
    const objects = await releaseObjects(cfg, rel);
    const previous = await releaseObjects(cfg, current);
    const known = new Set(previous.map(objectKey));
    const added = objects.filter((x) => !known.has(objectKey(x)));
    await cfg.storage.create(rel);
    try {
      await perform(cfg, {
        release: rel, objects, previous, wait: o.wait ?? false, timeoutMs: o.timeoutMs ?? 300_000,
        events: o.disableHooks ? undefined : { pre: 'pre-rollback', post: 'post-rollback' },
        ...(o.force === undefined ? {} : { force: o.force }),
        ...(o.waitForJobs === undefined ? {} : { waitForJobs: o.waitForJobs }),
        ...(o.recreate ? { afterApply: async () => {
          const restarted = await restartWorkloads(cfg.kube, objects);
          if (restarted.length > 0) cfg.log.info({ release: o.name, restarted }, 'restarted the pods of the rolled-back workloads');
        } } : {}),
      });
    } catch (e) {
      await markFailed(cfg, rel, 'Rollback', messageOf(e));
      if (o.cleanupOnFail && added.length > 0) {
        await deleteObjects(cfg.kube, added).catch((err: unknown) => cfg.log.warn({ err, release: o.name }, 'cleanup on fail did not finish'));
      }
      throw e;
    }
    rel = withStatus(rel, 'deployed', `Rollback to ${targetVersion}`);
    await cfg.storage.update(rel);
    await supersedeOthers(cfg, o.name, rel.version);
    return rel;
  });
}
