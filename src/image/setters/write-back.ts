/**
 * writeBack: the Setters update of one ImageUpdateAutomation on a checkout of its branch — set the marked
 * values under `update.path`, commit the changed files, push; on a rejected push, fetch and rebase the commit
 * (or, on a conflict, set the values again on the new head) and push again, within the same call.
 *
 * The caller owns the checkout (a clone of the GitRepository at the branch to push to, with the remote named
 * `remote`) and the credentials (pass an auth session's `env`). After an error the checkout may hold a commit
 * that was not pushed: reset it (or clone afresh) before the next run.
 */
import type { Logger } from 'pino';
import { applySettersInDir } from './apply.ts';
import { defaultCommitMessage } from './commit-message.ts';
import { GitSession, type GitAuthor } from './git-session.ts';
import { pushWithRetry } from './push-retry.ts';
import type { PolicyValues, SetterChange, SetterResult, SetterWarning } from './types.ts';

/** What to update: `update.path` (relative to the checkout) and the policies' choices. */
export interface SetterUpdate {
  readonly path: string;
  readonly policies: PolicyValues;
}

export interface WriteBackOptions {
  readonly author: GitAuthor;
  /** the branch to push to (`spec.git.push.branch`, else the checked-out one) */
  readonly branch: string;
  readonly logger: Logger;
  /** the commit message, or a function of the changes; default defaultCommitMessage */
  readonly message?: string | ((changes: readonly SetterChange[]) => string) | undefined;
  /** `namespace/name` for the default message */
  readonly automation?: string | undefined;
  readonly remote?: string | undefined;
  /** pushes tried in all (default 5) */
  readonly maxAttempts?: number | undefined;
  readonly env?: Readonly<Record<string, string>> | undefined;
  readonly redact?: ((text: string) => string) | undefined;
  readonly timeoutMs?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly backoffMs?: ((attempt: number) => number) | undefined;
}

export interface WriteBackResult {
  /** whether a commit of ours is now on the branch */
  readonly pushed: boolean;
  /** the pushed commit, or the branch head when nothing was pushed after a retry */
  readonly commit?: string | undefined;
  /** the changes in the pushed commit (from the last application, after a re-apply) */
  readonly changes: SetterChange[];
  readonly warnings: SetterWarning[];
  readonly attempts: number;
  readonly retries: ('rebased' | 'reapplied')[];
}

/** Sets, commits and pushes; see the module comment. Throws WriteBackError (`PushConflict`, `PushFailed`, …). */
export async function writeBack(repoDir: string, update: SetterUpdate, o: WriteBackOptions): Promise<WriteBackResult> {
  const log = o.logger.child({ component: 'image-write-back', branch: o.branch });
  const git = new GitSession(repoDir, o);
  const messageOf = (changes: readonly SetterChange[]): string =>
    typeof o.message === 'string' ? o.message : o.message !== undefined ? o.message(changes) : defaultCommitMessage(changes, { automation: o.automation });
  let applied: SetterResult = await applySettersInDir(repoDir, update.path, update.policies, log);
  if (applied.changes.length === 0) return { pushed: false, changes: [], warnings: applied.warnings, attempts: 0, retries: [] };
  const commitApplied = async (): Promise<void> => {
    await git.commit(applied.files.map((f) => f.path), messageOf(applied.changes));
  };
  await commitApplied();
  const pushed = await pushWithRetry(git, {
    remote: o.remote ?? 'origin',
    branch: o.branch,
    maxAttempts: o.maxAttempts,
    logger: log,
    backoffMs: o.backoffMs,
    redo: async () => {
      applied = await applySettersInDir(repoDir, update.path, update.policies, log);
      if (applied.changes.length === 0) return false;
      await commitApplied();
      return true;
    },
  });
  log.info({ commit: pushed.commit, pushed: pushed.pushed, attempts: pushed.attempts, changes: applied.changes.length }, 'image update written back');
  return {
    pushed: pushed.pushed,
    commit: pushed.commit,
    changes: pushed.pushed ? applied.changes : [],
    warnings: applied.warnings,
    attempts: pushed.attempts,
    retries: pushed.retries,
  };
}
