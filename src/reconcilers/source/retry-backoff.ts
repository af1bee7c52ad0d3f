/**
 * When to try a failed fetch again: after 1 s, 2 s, 4 s, … per object, never later than the object's
 * interval (nor 15 minutes, Flux's `--max-retry-delay`), jittered; a success starts the count again.
 * Failures are returned as a `requeueAfter` rather than thrown, so the queue's 5 ms first retry does not
 * hammer a Git server or chart repository that is down.
 */
import { withJitter } from '../shared/requeue.ts';

export class RetryBackoff {
  readonly #failures = new Map<string, number>();
  readonly #baseMs: number;
  readonly #maxMs: number;

  constructor(opts: { baseMs?: number; maxMs?: number } = {}) {
    this.#baseMs = opts.baseMs ?? 1000;
    this.#maxMs = opts.maxMs ?? 15 * 60_000;
  }

  /** Counts a failure of `key` and returns the delay before the next attempt. */
  failed(key: string, intervalMs: number): number {
    const n = (this.#failures.get(key) ?? 0) + 1;
    this.#failures.set(key, n);
    const delay = this.#baseMs * 2 ** Math.min(n - 1, 30);
    return withJitter(Math.min(delay, intervalMs, this.#maxMs));
  }

  /** Whether the last attempt for `key` failed. */
  failing(key: string): boolean {
    return this.#failures.has(key);
  }

  reset(key: string): void {
    this.#failures.delete(key);
  }
}
