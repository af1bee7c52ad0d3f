/**
 * Runs git through simple-git with a complete, explicit environment (see auth.ts), an inactivity timeout
 * and an abort signal. Failures come back as `GitRunFailure` carrying git's raw output; turning that into a
 * `GitSourceError` (classified, scrubbed of credentials) is the caller's job, since only it knows the secrets.
 */
import { simpleGit, type SimpleGit } from 'simple-git';

export type GitRunFailureKind = 'exit' | 'timeout' | 'abort';

export class GitRunFailure extends Error {
  readonly kind: GitRunFailureKind;
  /** git's stderr (and stdout) as captured: may hold anything the server said; scrub before showing */
  readonly output: string;

  constructor(kind: GitRunFailureKind, output: string) {
    super(`git ${kind === 'exit' ? 'failed' : kind === 'timeout' ? 'timed out' : 'was aborted'}`);
    this.name = 'GitRunFailure';
    this.kind = kind;
    this.output = output;
  }
}

export interface GitRunnerOptions {
  /** working directory */
  cwd: string;
  /** the complete environment */
  env: Record<string, string>;
  /** kill git after this long without output */
  inactivityTimeoutMs: number;
  signal?: AbortSignal | undefined;
  /** the git binary (default `git` on PATH) */
  binary?: string | undefined;
}

export class GitRunner {
  readonly #git: SimpleGit;
  readonly #signal: AbortSignal | undefined;

  constructor(opts: GitRunnerOptions) {
    this.#signal = opts.signal;
    this.#git = simpleGit({
      baseDir: opts.cwd,
      binary: opts.binary ?? 'git',
      maxConcurrentProcesses: 1,
      trimmed: false,
      timeout: { block: opts.inactivityTimeoutMs },
      ...(opts.signal ? { abort: opts.signal } : {}),
      // every input is Capstan's own (URLs and refs are validated before they reach git); these are the
      // environment variables auth.ts sets on purpose
      allowEnvironment: Object.keys(opts.env),
      unsafe: {
        allowUnsafeSshCommand: true,
        allowUnsafeAskPass: true,
        allowUnsafeConfigEnvCount: true,
        allowUnsafeConfigPaths: true,
      },
    }).env(opts.env);
  }

  /** Runs `git <args>` and returns its stdout. */
  async run(args: readonly string[]): Promise<string> {
    try {
      return await this.#git.raw([...args]);
    } catch (e) {
      throw this.#failure(e);
    }
  }

  #failure(e: unknown): GitRunFailure {
    const msg = e instanceof Error ? e.message : String(e);
    if (this.#signal?.aborted === true) return new GitRunFailure('abort', msg);
    const plugin = (e as { task?: unknown; plugin?: string }).plugin;
    if (plugin === 'timeout' || /block timeout/i.test(msg)) return new GitRunFailure('timeout', msg);
    if (plugin === 'abort') return new GitRunFailure('abort', msg);
    return new GitRunFailure('exit', msg);
  }
}
