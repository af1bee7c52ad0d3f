/**
 * Never stuck in `pending-*`. Helm's only lock is the pending status of the newest revision, and a client
 * that dies leaves it forever. Capstan takes a coordination.k8s.io Lease per release before acting (so two
 * Capstan instances never act on one release at once), renews it while the action runs, and writes its
 * identity on the pending revision. A later action that finds a pending revision recovers it when its
 * writer is gone: written by Capstan and the lease is no longer held by a live holder, or written by the
 * helm CLI and older than a configurable age. The stale revision is marked `failed` with a description
 * saying why, and the action goes on.
 */
import { hostname } from 'node:os';
import { isNotFound, isPending, type Release } from '../release/index.ts';
import { ActionError } from './errors.ts';
import type { ActionConfig } from './config.ts';

export const holderAnnotation = 'capstan.dev/operation-holder';
export const startedAnnotation = 'capstan.dev/operation-started';

export interface OperationLock {
  /** annotations to put on a pending revision written under this lock */
  annotations(): Record<string, string>;
  release(): Promise<void>;
}

const leaseName = (release: string): string => `capstan-release.${release}`;

/**
 * A holder `capstan-cli@<host>:<pid>` on this very host whose process is gone died mid-operation: its lease
 * can be taken at once instead of after it expires.
 */
export function deadLocalHolder(holder: string): boolean {
  const m = /^capstan-cli@(.+):(\d+)$/.exec(holder);
  if (!m || m[1] !== hostname()) return false;
  try {
    process.kill(Number(m[2]), 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Takes the release's Lease (renewed in the background) or throws Locked naming the live holder. */
export async function lockRelease(cfg: ActionConfig, name: string): Promise<OperationLock> {
  const seconds = cfg.leaseSeconds ?? 60;
  const now = cfg.now ?? Date.now;
  const st = await cfg.leases.acquire(leaseName(name), cfg.storageNamespace, cfg.holder, seconds, { takeOverFrom: deadLocalHolder });
  if (st.holder !== cfg.holder) {
    throw new ActionError('Locked', `another operation (install/upgrade/rollback) is in progress: ${st.holder} holds release "${name}" until ${new Date(st.expiresAt).toISOString()}`);
  }
  const started = new Date(now()).toISOString();
  const timer = setInterval(() => {
    cfg.leases.acquire(leaseName(name), cfg.storageNamespace, cfg.holder, seconds)
      .catch((e: unknown) => cfg.log.warn({ err: e, release: name }, 'renewing the operation lease failed'));
  }, Math.max(1000, (seconds * 1000) / 3));
  timer.unref();
  return {
    annotations: () => ({ [holderAnnotation]: cfg.holder, [startedAnnotation]: started }),
    release: async () => {
      clearInterval(timer);
      await cfg.leases.release(leaseName(name), cfg.storageNamespace, cfg.holder);
    },
  };
}

/** Runs `fn` under the release's operation lock. */
export async function withReleaseLock<T>(cfg: ActionConfig, name: string, fn: (lock: OperationLock) => Promise<T>): Promise<T> {
  const lock = await lockRelease(cfg, name);
  try {
    return await fn(lock);
  } finally {
    await lock.release().catch((e: unknown) => cfg.log.warn({ err: e, release: name }, 'releasing the operation lease failed'));
  }
}

/**
 * Called with the lock held. If the newest revision is pending and its writer is gone, marks it failed and
 * returns the recovered record; if its writer may still be working (a helm CLI run younger than the
 * timeout), throws Locked.
 */
export async function recoverStalePending(cfg: ActionConfig, name: string): Promise<Release | undefined> {
  let last: Release;
  try {
    last = await cfg.storage.last(name);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
  const status = last.info?.status ?? 'unknown';
  if (!isPending(status)) return undefined;
  const now = (cfg.now ?? Date.now)();
  const holder = last.annotations?.[holderAnnotation];
  let why: string;
  if (holder !== undefined) {
    // We hold the lease, so whoever wrote this pending revision no longer does: it died mid-operation.
    why = `${status} by ${holder} (started ${last.annotations?.[startedAnnotation] ?? 'at an unknown time'}) did not finish; recovered by ${cfg.holder}`;
  } else {
    const stamp = Number(last.labels?.['modifiedAt'] ?? last.labels?.['createdAt'] ?? '0') * 1000;
    const age = now - (stamp || (last.info?.last_deployed?.ms ?? 0));
    const timeout = cfg.helmPendingTimeoutMs ?? 10 * 60_000;
    if (age < timeout) {
      throw new ActionError('Locked', `another operation (install/upgrade/rollback) is in progress: revision ${last.version} of "${name}" is ${status} (written by the helm CLI ${Math.round(age / 1000)}s ago; recovered after ${Math.round(timeout / 1000)}s)`);
    }
    why = `${status} written by the helm CLI ${Math.round(age / 1000)}s ago did not finish; recovered by ${cfg.holder}`;
  }
  const recovered: Release = { ...last, info: { ...last.info, status: 'failed', description: `Release "${name}" failed: ${why}` } };
  cfg.log.warn({ release: name, revision: last.version }, `recovered a stale ${status} revision`);
  await cfg.storage.update(recovered);
  return recovered;
}
