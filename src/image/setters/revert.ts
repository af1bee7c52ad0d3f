/**
 * revertCommit: undo an image update that proved bad (health-gated rollback) with a new commit on the branch —
 * `Revert "<subject>"`, body `This reverts commit <sha> because <reason>.` — pushed with the same
 * fetch-rebase-retry as writeBack. History is never rewritten.
 */
import type { Logger } from 'pino';
import { WriteBackError } from './errors.ts';
import { GitSession, type GitAuthor } from './git-session.ts';
import { pushWithRetry } from './push-retry.ts';

export interface RevertOptions {
  readonly author: GitAuthor;
  readonly branch: string;
  readonly logger: Logger;
  readonly remote?: string | undefined;
  readonly maxAttempts?: number | undefined;
  readonly env?: Readonly<Record<string, string>> | undefined;
  readonly redact?: ((text: string) => string) | undefined;
  readonly timeoutMs?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly backoffMs?: ((attempt: number) => number) | undefined;
}

export interface RevertResult {
  /** false when the branch no longer has anything of the commit to revert */
  readonly pushed: boolean;
  /** the revert commit when pushed, else the branch head */
  readonly commit: string;
  readonly attempts: number;
  readonly message: string;
}

const SHA = /^[0-9a-f]{7,64}$/;

export function revertMessage(subject: string, sha: string, reason: string): string {
  return `Revert "${subject}"\n\nThis reverts commit ${sha} because ${reason.trim().replace(/\.$/, '')}.\n`;
}

/** Stages the revert of `sha` on the current checkout; false when it changes nothing. */
async function stageRevert(git: GitSession, sha: string): Promise<boolean> {
  // output-based checks: simple-git reports a silent non-zero exit (`--is-ancestor`, `--quiet`) as success
  if ((await git.run(['merge-base', sha, 'HEAD']).catch(() => '')).trim() !== sha) {
    throw new WriteBackError('RevertConflict', git.repoDir, `commit ${sha} is not on the branch: nothing to revert`);
  }
  if (!(await git.ok(['revert', '--no-commit', sha]))) {
    await git.ok(['revert', '--abort']);
    throw new WriteBackError('RevertConflict', git.repoDir, `commit ${sha} does not revert cleanly: later commits changed the same lines`);
  }
  return (await git.run(['diff', '--cached', '--name-only'])).trim() !== '';
}

/** Reverts `sha` on the branch and pushes; throws WriteBackError (`RevertConflict`, `PushConflict`, `PushFailed`). */
export async function revertCommit(repoDir: string, sha: string, reason: string, o: RevertOptions): Promise<RevertResult> {
  if (!SHA.test(sha)) throw new WriteBackError('RevertConflict', repoDir, `${JSON.stringify(sha)} is not a commit id`);
  const log = o.logger.child({ component: 'image-revert', branch: o.branch, revert: sha });
  const git = new GitSession(repoDir, o);
  const full = (await git.run(['rev-parse', '--verify', `${sha}^{commit}`])).trim();
  const subject = (await git.run(['log', '-1', '--format=%s', full])).trim();
  const message = revertMessage(subject, full, reason);
  const commitRevert = async (): Promise<boolean> => {
    if (!(await stageRevert(git, full))) {
      await git.resetHard('HEAD');
      return false;
    }
    await git.commit([], message);
    return true;
  };
  if (!(await commitRevert())) return { pushed: false, commit: await git.head(), attempts: 0, message };
  const r = await pushWithRetry(git, {
    remote: o.remote ?? 'origin', branch: o.branch, maxAttempts: o.maxAttempts, logger: log, backoffMs: o.backoffMs, redo: commitRevert,
  });
  log.info({ commit: r.commit, pushed: r.pushed, attempts: r.attempts }, 'image update reverted');
  return { pushed: r.pushed, commit: r.commit, attempts: r.attempts, message };
}
