/**
 * Runs one controller: its event handlers feed keys into a work queue and N workers reconcile them
 * (controller-runtime's pkg/internal/controller); the requeue rules are `settle` in requeue.ts. A runner
 * lives for one term: the manager makes a new one each time it starts leading.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../observability/logger.ts';
import type { InformerCache } from './cache.ts';
import { enqueueMapped, selfKey, type MapFunc, type Predicate } from './handler.ts';
import { kindId, splitKey, type Kind } from './kind.ts';
import type { Metrics } from './metrics.ts';
import { WorkQueue } from './queue.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { Controller, ReconcileContext } from './reconcile.ts';
import { settle, type ReconcileOutcome } from './requeue.ts';

/** A kind whose events are mapped to keys of the controller's primary kind. */
export interface WatchSource {
  kind: Kind;
  map: MapFunc;
  predicates: readonly Predicate[];
}

export interface ControllerRunnerOptions {
  controller: Controller;
  /** the primary kind first (mapped with selfKey), then secondary watches */
  sources: readonly WatchSource[];
  cache: InformerCache;
  metrics: Metrics;
  log: Logger;
  concurrent: number;
  rateLimiter: RateLimiter;
}

export class ControllerRunner {
  readonly queue: WorkQueue;
  readonly #opts: ControllerRunnerOptions;
  readonly #log: Logger;
  readonly #name: string;
  /** aborts the signal every in-flight reconcile sees */
  readonly #abort = new AbortController();
  readonly #removeHandlers: (() => void)[] = [];
  #workers: Promise<void>[] = [];

  constructor(opts: ControllerRunnerOptions) {
    this.#opts = opts;
    this.#name = opts.controller.name;
    this.#log = opts.log.child({ controller: this.#name, kind: kindId(opts.controller.kind) });
    this.queue = new WorkQueue({ rateLimiter: opts.rateLimiter, metrics: opts.metrics.queueMetrics(this.#name) });
  }

  /**
   * Registers the event handlers, waits until the caches of all sources have synced, then starts the workers.
   * Returns false when stopped before the caches synced.
   */
  async start(): Promise<boolean> {
    const add = (key: string): void => this.queue.add(key);
    for (const src of this.#opts.sources) {
      const informer = this.#opts.cache.informer(src.kind);
      this.#removeHandlers.push(informer.addEventHandler(enqueueMapped(src.map, this.#opts.cache, add, src.predicates)));
    }
    for (const src of this.#opts.sources) {
      const informer = this.#opts.cache.informer(src.kind);
      if (!informer.hasSynced()) this.#log.info({ waitingFor: kindId(src.kind) }, 'waiting for the cache to sync');
      if (!(await informer.waitForSync(this.#abort.signal))) return false;
    }
    const n = Math.max(1, this.#opts.concurrent);
    this.#opts.metrics.maxConcurrentReconciles.set({ controller: this.#name }, n);
    this.#log.info({ workers: n }, 'starting workers');
    this.#workers = Array.from({ length: n }, () => this.#worker());
    return true;
  }

  /**
   * Stops taking keys, lets in-flight reconciles finish for up to `graceMs`, then aborts their signal and
   * waits at most one more second. With `abortNow` the signal is aborted at once (leadership was lost:
   * another instance may already be acting). Resolves true when every worker ended.
   */
  async stop(graceMs: number, abortNow = false): Promise<boolean> {
    for (const remove of this.#removeHandlers.splice(0)) remove();
    if (abortNow) this.#abort.abort();
    let drained = await this.queue.shutDownWithDrain(graceMs);
    if (!drained) {
      this.#log.warn({ inFlight: this.queue.processing(), graceMs }, 'reconciles still running at the shutdown deadline: aborting them');
      this.#abort.abort();
      drained = await this.queue.drain(1000);
    }
    this.#abort.abort();
    if (drained) await Promise.all(this.#workers);
    return drained;
  }

  async #worker(): Promise<void> {
    for (;;) {
      const key = await this.queue.get();
      if (key === undefined) return;
      this.#opts.metrics.activeWorkers.inc({ controller: this.#name });
      try {
        await this.#handle(key);
      } finally {
        this.#opts.metrics.activeWorkers.dec({ controller: this.#name });
        this.queue.done(key);
      }
    }
  }

  /** One reconcile of one key; `settle` makes the requeue decision. */
  async #handle(key: string): Promise<void> {
    const reconcileID = randomUUID();
    const { namespace, name } = splitKey(key);
    const log = this.#log.child({ reconcileID, namespace, name });
    const ctx: ReconcileContext = { log, signal: this.#abort.signal, reconcileID, namespace, name, cache: this.#opts.cache };
    const started = performance.now();
    let outcome: ReconcileOutcome;
    try {
      outcome = { ok: true, result: await this.#opts.controller.reconcile(key, ctx) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    const label = settle(this.queue, key, outcome);
    const seconds = (performance.now() - started) / 1000;
    this.#opts.metrics.reconcileTotal.inc({ controller: this.#name, result: label });
    this.#opts.metrics.reconcileTime.observe({ controller: this.#name, result: label }, seconds);
    if (outcome.ok) {
      log.debug({ durationMs: Math.round(seconds * 1000), requeueAfterMs: outcome.result.requeueAfter }, 'reconciled');
      return;
    }
    const err = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    if (label === 'terminal_error') log.error({ err, terminal: true }, 'reconcile failed; not retrying until the object changes');
    else log.error({ err, retries: this.queue.numRequeues(key) }, 'reconcile failed; retrying with backoff');
  }
}

/** The source for a controller's primary kind: every event enqueues the object's own key. */
export function primarySource(kind: Kind, predicates: readonly Predicate[] = []): WatchSource {
  return { kind, map: selfKey, predicates };
}
