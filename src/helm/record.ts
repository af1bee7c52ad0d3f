/** Status transitions of release records, worded as Helm words them. */
import { goTimeNow, type Release, type ReleaseStatus } from '../release/index.ts';
import { holderAnnotation, startedAnnotation } from './operation-lock.ts';
import type { ActionConfig } from './config.ts';

export function withStatus(r: Release, status: ReleaseStatus, description: string): Release {
  const out: Release = { ...r, info: { ...r.info, status, description } };
  if (status !== 'pending-install' && status !== 'pending-upgrade' && status !== 'pending-rollback' && out.annotations) {
    const ann = { ...out.annotations };
    delete ann[holderAnnotation];
    delete ann[startedAnnotation];
    if (Object.keys(ann).length > 0) out.annotations = ann;
    else delete out.annotations;
  }
  return out;
}

/** Records the revision as failed with Helm's `Release "x" failed: …` and returns it. */
export async function markFailed(cfg: ActionConfig, r: Release, verb: 'Release' | 'Upgrade' | 'Rollback', err: string): Promise<Release> {
  const failed = withStatus(r, 'failed', `${verb} "${r.name}" failed: ${err}`);
  if (failed.info) failed.info.last_deployed = goTimeNow();
  await cfg.storage.update(failed).catch((e: unknown) => cfg.log.error({ err: e, release: r.name }, 'could not record the failed revision'));
  return failed;
}

/** Marks every other deployed revision of the release superseded (Helm does this after upgrades and rollbacks). */
export async function supersedeOthers(cfg: ActionConfig, name: string, except: number): Promise<void> {
  for (const r of await cfg.storage.history(name)) {
    if (r.version !== except && r.info?.status === 'deployed') await cfg.storage.update({ ...r, info: { ...r.info, status: 'superseded' } });
  }
}
