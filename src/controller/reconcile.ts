/**
 * What a controller is: a name, the kind it reconciles and one `reconcile(key, ctx)` method
 * (controller-runtime's reconcile.Reconciler). A reconcile is level-based: it gets only a key, reads the
 * current state (from `ctx.cache`), and makes the world match it; it is never told which event happened.
 */
import type { Logger } from '../observability/logger.ts';
import type { CacheReader } from './cache.ts';
import type { Kind } from './kind.ts';

/**
 * The outcome of a successful reconcile. `requeueAfter` (ms) asks for another reconcile of the key after that
 * long (e.g. `spec.interval`); absent or 0: reconcile again only on the next event.
 *
 * To fail, throw: the key is retried with per-key exponential backoff, unless the error is (or wraps) a
 * `TerminalError`, which is not retried. A Result is ignored when the reconcile throws.
 */
export interface Result {
  requeueAfter?: number;
}

/** What a reconcile gets besides its key. */
export interface ReconcileContext {
  /** a child logger carrying controller, reconcileID, namespace and name */
  readonly log: Logger;
  /** aborted when the controller stops (shutdown deadline or lost leadership): stop work and return */
  readonly signal: AbortSignal;
  /** unique per reconcile, for correlating log lines */
  readonly reconcileID: string;
  /** the key split: namespace ('' for cluster-scoped) and name */
  readonly namespace: string;
  readonly name: string;
  /** the informer caches of the manager (the primary kind and every watched kind) */
  readonly cache: CacheReader;
}

/** Reconciler is the one-method interface the workers call. */
export interface Reconciler {
  reconcile(key: string, ctx: ReconcileContext): Promise<Result>;
}

/** A Reconciler with a name and a primary kind: what `Manager.addController` takes. */
export interface Controller extends Reconciler {
  /** unique per manager; the `controller` label of metrics and logs */
  readonly name: string;
  /** the kind whose keys are reconciled */
  readonly kind: Kind;
  /** workers for this controller; default the manager's `concurrent` */
  readonly concurrent?: number;
}

/** Adapts a function to a Reconciler (controller-runtime's reconcile.Func). */
export function reconcilerFunc(fn: (key: string, ctx: ReconcileContext) => Promise<Result>): Reconciler {
  return { reconcile: fn };
}
