/**
 * Pushing a commit made on a checkout that may be stale: when the push is rejected because the branch moved
 * (another automation, a person), the branch is fetched and the commit replayed on its new head — rebased, or,
 * when the rebase conflicts, made again from scratch by `redo` — and pushed again, up to `maxAttempts` pushes
 * in the same call (Flux has no in-process retry: image-automation-controller PR#1090, #939).
 */
import type { Logger } from 'pino';
import { WriteBackError } from './errors.ts';
import type { GitSession } from './git-session.ts';

export interface PushRetryOptions {
  readonly remote: string;
  readonly branch: string;
  /** pushes tried in all (default 5) */
  readonly maxAttempts?: number | undefined;
  readonly logger: Logger;
  /**
   * Makes the commit again on the checkout, which is at the branch's new head; returns false when there is
   * nothing left to commit (the branch already has the change).
   */
  readonly redo: () => Promise<boolean>;
  /** pause before attempt n (n ≥ 2), ms; default a small jittered backoff */
  readonly backoffMs?: ((attempt: number) => number) | undefined;
}

export interface PushRetryResult {
  /** false when, after a rejection, the branch turned out to have the change already */
  readonly pushed: boolean;
  /** the commit at the branch head afterwards: ours when pushed */
  readonly commit: string;
  readonly attempts: number;
  /** how each rejection was resolved, in order */
  readonly retries: ('rebased' | 'reapplied')[];
}

function defaultBackoff(attempt: number): number {
  return Math.min(2000, 100 * 2 ** (attempt - 2)) * (0.5 + Math.random() / 2);
}

/** Pushes HEAD (one new commit on top of the fetched branch) with fetch-rebase-retry. */
export async function pushWithRetry(git: GitSession, o: PushRetryOptions): Promise<PushRetryResult> {
  const max = Math.max(1, o.maxAttempts ?? 5);
  const retries: ('rebased' | 'reapplied')[] = [];
  for (let attempt = 1; ; attempt++) {
    if ((await git.push(o.remote, o.branch)) === 'pushed') {
      return { pushed: true, commit: await git.head(), attempts: attempt, retries };
    }
    o.logger.info({ attempt, branch: o.branch }, 'push rejected: the branch moved; fetching and retrying');
    if (attempt >= max) {
      throw new WriteBackError('PushConflict', git.repoDir,
        `push to ${o.branch} was rejected ${attempt} times: the branch keeps moving (non-fast-forward)`);
    }
    const upstream = await git.fetch(o.remote, o.branch);
    if (await git.rebaseLastOnto(upstream)) {
      retries.push('rebased');
    } else {
      await git.resetHard(upstream);
      if (!(await o.redo())) return { pushed: false, commit: upstream, attempts: attempt, retries: [...retries, 'reapplied'] };
      retries.push('reapplied');
    }
    if ((await git.head()) === upstream) return { pushed: false, commit: upstream, attempts: attempt, retries };
    await new Promise((r) => setTimeout(r, (o.backoffMs ?? defaultBackoff)(attempt + 1)));
  }
}
