/**
 * A keyed, de-duplicating, delaying, rate-limited work queue with client-go's workqueue semantics:
 *
 * - a key is in the queue at most once however often it is added (`dirty`);
 * - a key handed out by `get()` is "processing" until `done(key)`; it is never handed to a second worker
 *   meanwhile, and if it was added again while processing it is queued again at `done` (per-key serialisation
 *   without losing the newer event);
 * - `addAfter` keeps only the earliest pending time per key; `addRateLimited` asks the rate limiter for the delay;
 * - after `shutDown()` nothing is added or handed out any more; `drain()` waits for in-flight keys to be done.
 *
 * Keys, not events: callers read fresh state when they process a key.
 */
import { defaultControllerRateLimiter, type RateLimiter } from './rate-limiter.ts';

/** What the queue reports, for the workqueue_* metrics. */
export interface QueueMetrics {
  depth(n: number): void;
  added(): void;
  retried(): void;
}

export interface WorkQueueOptions {
  rateLimiter?: RateLimiter;
  metrics?: QueueMetrics;
}

interface Pending {
  at: number;
  timer: ReturnType<typeof setTimeout>;
}

export class WorkQueue {
  readonly #limiter: RateLimiter;
  readonly #metrics: QueueMetrics | undefined;
  /** FIFO of keys ready to hand out; `#head` avoids O(n) shifts */
  #queue: string[] = [];
  #head = 0;
  /** keys that need processing (queued, or re-added while processing) */
  readonly #dirty = new Set<string>();
  readonly #processing = new Set<string>();
  readonly #pending = new Map<string, Pending>();
  readonly #getters: ((key: string | undefined) => void)[] = [];
  readonly #idle: (() => void)[] = [];
  #shuttingDown = false;

  constructor(opts: WorkQueueOptions = {}) {
    this.#limiter = opts.rateLimiter ?? defaultControllerRateLimiter();
    this.#metrics = opts.metrics;
    this.#metrics?.depth(0);
  }

  /** Marks `key` as needing processing. No-op if it is already queued, or after shutDown. */
  add(key: string): void {
    if (this.#shuttingDown || this.#dirty.has(key)) return;
    this.#metrics?.added();
    this.#dirty.add(key);
    if (this.#processing.has(key)) return; // queued again by done()
    this.#enqueue(key);
  }

  /** Adds `key` after `delayMs`; an earlier pending time for the same key wins. */
  addAfter(key: string, delayMs: number): void {
    if (this.#shuttingDown) return;
    if (delayMs <= 0) {
      this.add(key);
      return;
    }
    const at = Date.now() + delayMs;
    const existing = this.#pending.get(key);
    if (existing !== undefined) {
      if (existing.at <= at) return;
      clearTimeout(existing.timer);
    }
    const timer = setTimeout(() => {
      this.#pending.delete(key);
      this.add(key);
    }, delayMs);
    this.#pending.set(key, { at, timer });
  }

  /** Adds `key` after the rate limiter's delay for it (one more retry). */
  addRateLimited(key: string): void {
    if (this.#shuttingDown) return;
    this.#metrics?.retried();
    this.addAfter(key, this.#limiter.when(key));
  }

  /** Clears the key's retry history (call on success); it does not remove the key from the queue. */
  forget(key: string): void {
    this.#limiter.forget(key);
  }

  /** How many rate-limited retries the key has had since it was last forgotten. */
  numRequeues(key: string): number {
    return this.#limiter.retries(key);
  }

  /**
   * The next key to process, waiting for one; undefined once the queue is shut down. The caller must call
   * `done(key)` when finished with it.
   */
  get(): Promise<string | undefined> {
    if (this.#shuttingDown) return Promise.resolve(undefined);
    const key = this.#dequeue();
    if (key !== undefined) return Promise.resolve(key);
    return new Promise((resolve) => this.#getters.push(resolve));
  }

  /** Ends processing of `key`; if it was added meanwhile it is queued again. */
  done(key: string): void {
    if (!this.#processing.delete(key)) return;
    if (this.#dirty.has(key) && !this.#shuttingDown) this.#enqueue(key);
    if (this.#processing.size === 0) for (const f of this.#idle.splice(0)) f();
  }

  /** Keys waiting to be handed out (not counting delayed or processing ones). */
  len(): number {
    return this.#queue.length - this.#head;
  }

  /** Keys handed out and not yet done. */
  processing(): number {
    return this.#processing.size;
  }

  get shuttingDown(): boolean {
    return this.#shuttingDown;
  }

  /** Stops adding and handing out keys; waiting `get()` calls return undefined; delayed adds are dropped. */
  shutDown(): void {
    if (this.#shuttingDown) return;
    this.#shuttingDown = true;
    for (const p of this.#pending.values()) clearTimeout(p.timer);
    this.#pending.clear();
    for (const g of this.#getters.splice(0)) g(undefined);
  }

  /** Resolves true once no key is processing, or false when `timeoutMs` passes first. */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.#processing.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const onIdle = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        const i = this.#idle.indexOf(onIdle);
        if (i >= 0) this.#idle.splice(i, 1);
        resolve(false);
      }, timeoutMs);
      this.#idle.push(onIdle);
    });
  }

  /** shutDown() then drain(timeoutMs). */
  shutDownWithDrain(timeoutMs: number): Promise<boolean> {
    this.shutDown();
    return this.drain(timeoutMs);
  }

  #enqueue(key: string): void {
    const getter = this.#getters.shift();
    if (getter !== undefined) {
      this.#dirty.delete(key);
      this.#processing.add(key);
      getter(key);
      return;
    }
    this.#queue.push(key);
    this.#metrics?.depth(this.len());
  }

  #dequeue(): string | undefined {
    if (this.#head >= this.#queue.length) return undefined;
    const key = this.#queue[this.#head++] as string;
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
    this.#dirty.delete(key);
    this.#processing.add(key);
    this.#metrics?.depth(this.len());
    return key;
  }
}
