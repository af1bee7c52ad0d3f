/**
 * The git commands of a write-back, on a working checkout, through the Git source's GitRunner (simple-git
 * with a complete, explicit environment). Commits are made as the automation's author, who is also the
 * committer; user and system git configuration are never read; commit and push hooks are skipped (`--no-verify`).
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { redactUrlText } from '../../source/git/index.ts';
import { GitRunFailure, GitRunner } from '../../source/git/runner.ts';
import { WriteBackError, type WriteBackErrorCode } from './errors.ts';

export interface GitAuthor {
  readonly name: string;
  readonly email: string;
}

export interface GitSessionOptions {
  readonly author: GitAuthor;
  /** environment for git (e.g. an auth session's from src/source/git); PATH and a neutral HOME by default */
  readonly env?: Readonly<Record<string, string>> | undefined;
  /** removes secrets from git's output before it reaches an error */
  readonly redact?: ((text: string) => string) | undefined;
  /** kill git after this long without output, ms (default 120 s) */
  readonly timeoutMs?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** What a push came to. */
export type PushOutcome = 'pushed' | 'rejected';

/** Rejections that a fetch and a retry can resolve: the branch moved, or moved while we pushed. */
const RETRYABLE = /\[rejected\]|non-fast-forward|\(fetch first\)|\(stale info\)|cannot lock ref|failed to update ref|incorrect old value/;

function defaultEnv(): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: tmpdir(),
    LC_ALL: 'C',
    LANG: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
  };
}

export class GitSession {
  readonly repoDir: string;
  readonly #runner: GitRunner;
  readonly #identity: string[];
  readonly #redact: (text: string) => string;

  constructor(repoDir: string, o: GitSessionOptions) {
    this.repoDir = repoDir;
    this.#runner = new GitRunner({
      cwd: repoDir,
      env: { ...defaultEnv(), ...o.env },
      inactivityTimeoutMs: o.timeoutMs ?? 120_000,
      signal: o.signal,
    });
    this.#identity = [
      '-c', `user.name=${o.author.name}`, '-c', `user.email=${o.author.email}`,
      '-c', 'commit.gpgsign=false',
    ];
    const redact = o.redact ?? ((t: string) => t);
    this.#redact = (t) => redactUrlText(redact(t));
  }

  /** `git <args>`; failures become WriteBackError(`code`) with git's scrubbed output. */
  async run(args: readonly string[], code: WriteBackErrorCode = 'GitFailed'): Promise<string> {
    try {
      return await this.#runner.run([...this.#identity, ...args]);
    } catch (e) {
      throw this.#error(code, args, e);
    }
  }

  /**
   * `git <args>`, reporting only whether it succeeded. Only failures git reports on stderr count: simple-git takes
   * a silent non-zero exit (`--quiet`, `--is-ancestor`) for success, so check such commands by their output.
   */
  async ok(args: readonly string[]): Promise<boolean> {
    try {
      await this.#runner.run([...this.#identity, ...args]);
      return true;
    } catch (e) {
      if (e instanceof GitRunFailure && e.kind === 'exit') return false;
      throw this.#error('GitFailed', args, e);
    }
  }

  async head(): Promise<string> {
    return (await this.run(['rev-parse', 'HEAD'])).trim();
  }

  /** Stages `paths` and commits them with `message`. */
  async commit(paths: readonly string[], message: string): Promise<string> {
    if (paths.length > 0) await this.run(['add', '--', ...paths]);
    await this.run(['commit', '--quiet', '--no-verify', '--cleanup=whitespace', '-m', message]);
    return this.head();
  }

  /** Pushes HEAD to `branch`; `rejected` when the remote branch moved (a retry after a fetch may succeed). */
  async push(remote: string, branch: string): Promise<PushOutcome> {
    try {
      await this.#runner.run([...this.#identity, 'push', '--no-verify', remote, `HEAD:refs/heads/${branch}`]);
      return 'pushed';
    } catch (e) {
      if (e instanceof GitRunFailure && e.kind === 'exit' && RETRYABLE.test(e.output)) return 'rejected';
      throw this.#error('PushFailed', ['push', remote, branch], e);
    }
  }

  /** Fetches `branch` and returns the commit it is at. */
  async fetch(remote: string, branch: string): Promise<string> {
    await this.run(['fetch', '--quiet', remote, `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`]);
    return (await this.run(['rev-parse', `refs/remotes/${remote}/${branch}`])).trim();
  }

  /** Replays the last commit on `onto`; false (and the rebase aborted) when it conflicts. */
  async rebaseLastOnto(onto: string): Promise<boolean> {
    const ok = await this.ok(['rebase', '--quiet', '--onto', onto, 'HEAD~1']);
    if (ok && !(await this.#rebaseInProgress())) return true;
    await this.ok(['rebase', '--abort']);
    return false;
  }

  /** Whether a rebase stopped half-way (checked on disk, whatever git's exit status looked like). */
  async #rebaseInProgress(): Promise<boolean> {
    for (const dir of ['rebase-merge', 'rebase-apply']) {
      const p = (await this.run(['rev-parse', '--git-path', dir])).trim();
      if (existsSync(isAbsolute(p) ? p : join(this.repoDir, p))) return true;
    }
    return false;
  }

  async resetHard(to: string): Promise<void> {
    await this.run(['reset', '--quiet', '--hard', to]);
  }

  #error(code: WriteBackErrorCode, args: readonly string[], e: unknown): WriteBackError {
    const output = this.#redact(e instanceof GitRunFailure ? e.output : e instanceof Error ? e.message : String(e));
    const what = e instanceof GitRunFailure && e.kind !== 'exit' ? ` (${e.message})` : '';
    return new WriteBackError(code, this.repoDir, `git ${args[0] ?? ''} failed in ${this.repoDir}${what}: ${output.trim().split('\n').slice(-3).join(' | ')}`,
      { output, cause: e });
  }
}
