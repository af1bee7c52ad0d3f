/**
 * Interval polling of one Git source, with jitter, for callers that want the source side to keep itself
 * fresh (the reconciler may instead requeue with `jitteredInterval`). A failed fetch keeps the last good
 * artifact and reports the error next to it; a webhook push calls `pollNow()`.
 */
import type { Logger } from '../../observability/logger.ts';
import { GitSourceError } from './errors.ts';
import type { GitArtifact, GitFetchRequest, GitSource } from './git-source.ts';
import { redactUrlText } from './url.ts';

/**
 * `intervalMs` spread by ±`fraction` (Flux's `--interval-jitter-percentage`, default 5 %), so that many
 * objects with one interval do not poll in step.
 */
export function jitteredInterval(intervalMs: number, fraction = 0.05, random: () => number = Math.random): number {
  const f = Math.min(Math.max(fraction, 0), 1);
  return Math.max(0, Math.round(intervalMs * (1 + f * (2 * random() - 1))));
}

export interface PollState {
  /** the last artifact fetched successfully; kept when later fetches fail */
  artifact?: GitArtifact;
  /** the error of the last attempt, cleared by the next success */
  error?: GitSourceError;
  lastAttemptAt?: Date;
  lastSuccessAt?: Date;
}

export interface GitPollerOptions {
  source: Pick<GitSource, 'fetch'>;
  /** everything but the signal, which the poller supplies */
  request: Omit<GitFetchRequest, 'signal'>;
  intervalMs: number;
  /** ± fraction of the interval (default 0.05) */
  jitter?: number;
  log: Logger;
  /** called after every attempt with the new state */
  onUpdate?: (state: Readonly<PollState>) => void;
  random?: () => number;
}

export class GitPoller {
  readonly #opts: GitPollerOptions;
  #state: PollState = {};
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<PollState> | undefined;
  #abort = new AbortController();
  #stopped = true;

  constructor(opts: GitPollerOptions) {
    this.#opts = opts;
  }

  get state(): Readonly<PollState> {
    return this.#state;
  }

  /** Polls now, then every (jittered) interval until `stop()`. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#abort = new AbortController();
    void this.pollNow();
  }

  /** Stops polling and aborts a fetch in progress. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#abort.abort();
    await this.#running?.catch(() => undefined);
  }

  /** Fetches now (joining a fetch already in progress) and re-arms the timer. */
  pollNow(): Promise<PollState> {
    this.#running ??= this.#poll().finally(() => {
      this.#running = undefined;
      this.#schedule();
    });
    return this.#running;
  }

  async #poll(): Promise<PollState> {
    clearTimeout(this.#timer);
    const now = new Date();
    try {
      const artifact = await this.#opts.source.fetch({ ...this.#opts.request, signal: this.#abort.signal });
      this.#state = { artifact, lastAttemptAt: now, lastSuccessAt: now };
    } catch (e) {
      const error = e instanceof GitSourceError ? e : new GitSourceError('GitFailed', redactUrlText(this.#opts.request.url), redactUrlText(String(e)));
      this.#state = { ...this.#state, error, lastAttemptAt: now };
      this.#opts.log.warn({ code: error.code, err: error.message }, 'git poll failed; keeping the last artifact');
    }
    this.#opts.onUpdate?.(this.#state);
    return this.#state;
  }

  #schedule(): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    const delay = jitteredInterval(this.#opts.intervalMs, this.#opts.jitter, this.#opts.random);
    this.#timer = setTimeout(() => void this.pollNow(), delay);
    this.#timer.unref();
  }
}
