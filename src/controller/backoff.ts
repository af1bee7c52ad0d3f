/** Small timing helpers: jittered durations, an exponential backoff, and a sleep that an AbortSignal ends early. */

/** `ms` scaled by a random factor in [1 - fraction, 1 + fraction). */
export function jitter(ms: number, fraction: number): number {
  return ms * (1 - fraction + Math.random() * 2 * fraction);
}

/** Doubling delays from `initialMs` up to `maxMs`, each with ±10% jitter (client-go's reflector: 800 ms → 30 s). */
export class Backoff {
  readonly #initialMs: number;
  readonly #maxMs: number;
  #nextMs: number;

  constructor(initialMs = 800, maxMs = 30_000) {
    this.#initialMs = initialMs;
    this.#maxMs = maxMs;
    this.#nextMs = initialMs;
  }

  next(): number {
    const d = this.#nextMs;
    this.#nextMs = Math.min(this.#nextMs * 2, this.#maxMs);
    return jitter(d, 0.1);
  }

  reset(): void {
    this.#nextMs = this.#initialMs;
  }
}

/** Resolves after `ms`, or as soon as `signal` aborts (never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
