/**
 * Rate limiters for the work queue, as client-go's workqueue has them: a per-key exponential backoff, an
 * overall token bucket, and the larger of several. `when(key)` both answers and records: every call counts
 * as one more failure (or takes one token), so call it once per retry.
 */

/** RateLimiter decides how long a key waits before it is retried. */
export interface RateLimiter {
  /** the delay (ms) before `key` may be processed again; records one more retry of it */
  when(key: string): number;
  /** forgets the key's failures (on success), so its next failure starts from the base delay */
  forget(key: string): void;
  /** how many times `when` was called for the key since it was last forgotten */
  retries(key: string): number;
}

/** Per-key exponential backoff: base·2^failures, capped at max (client-go ItemExponentialFailureRateLimiter). */
export class ExponentialFailureRateLimiter implements RateLimiter {
  readonly #baseMs: number;
  readonly #maxMs: number;
  readonly #failures = new Map<string, number>();

  constructor(baseMs = 5, maxMs = 1_000_000) {
    this.#baseMs = baseMs;
    this.#maxMs = maxMs;
  }

  when(key: string): number {
    const n = this.#failures.get(key) ?? 0;
    this.#failures.set(key, n + 1);
    // 2^n overflows to Infinity past n≈1023, which min() still caps
    return Math.min(this.#baseMs * 2 ** n, this.#maxMs);
  }

  forget(key: string): void {
    this.#failures.delete(key);
  }

  retries(key: string): number {
    return this.#failures.get(key) ?? 0;
  }
}

/**
 * An overall token bucket of `qps` tokens a second holding at most `burst` (golang.org/x/time/rate's Reserve):
 * each retry takes a token; when none is left, the retry waits until its token will have been refilled.
 * It limits retries of all keys together, so that a failing cluster is not hammered.
 */
export class TokenBucketRateLimiter implements RateLimiter {
  readonly #qps: number;
  readonly #burst: number;
  readonly #now: () => number;
  #tokens: number;
  #last: number;

  constructor(qps = 10, burst = 100, now: () => number = Date.now) {
    this.#qps = qps;
    this.#burst = burst;
    this.#now = now;
    this.#tokens = burst;
    this.#last = now();
  }

  when(_key: string): number {
    const now = this.#now();
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#last) / 1000) * this.#qps);
    this.#last = now;
    this.#tokens -= 1;
    return this.#tokens >= 0 ? 0 : Math.ceil((-this.#tokens / this.#qps) * 1000);
  }

  forget(_key: string): void {}

  retries(_key: string): number {
    return 0;
  }
}

/** The largest delay of several limiters (client-go MaxOfRateLimiter). */
export class MaxOfRateLimiter implements RateLimiter {
  readonly #limiters: readonly RateLimiter[];

  constructor(...limiters: RateLimiter[]) {
    this.#limiters = limiters;
  }

  when(key: string): number {
    return Math.max(0, ...this.#limiters.map((l) => l.when(key)));
  }

  forget(key: string): void {
    for (const l of this.#limiters) l.forget(key);
  }

  retries(key: string): number {
    return Math.max(0, ...this.#limiters.map((l) => l.retries(key)));
  }
}

/** controller-runtime's default: per-key 5 ms → 1000 s exponential backoff, and 10 qps / burst 100 overall. */
export function defaultControllerRateLimiter(): RateLimiter {
  return new MaxOfRateLimiter(new ExponentialFailureRateLimiter(5, 1_000_000), new TokenBucketRateLimiter(10, 100));
}
