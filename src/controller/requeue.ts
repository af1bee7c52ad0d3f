/**
 * The requeue rules, in one place (controller-runtime's reconcileHandler switch):
 *
 * 1. the reconcile threw a TerminalError (or an error wrapping one) → no requeue; the key's backoff is forgotten;
 * 2. it threw anything else            → `addRateLimited` (per-key backoff 5 ms → 1000 s, overall 10 qps);
 * 3. it returned `requeueAfter > 0`    → `forget` + `addAfter(requeueAfter)`;
 * 4. it returned otherwise             → `forget`.
 *
 * A Result returned alongside an error does not exist in JavaScript (a throw has no return value), so the
 * "error wins over Result" rule of controller-runtime holds by construction.
 */
import { isTerminal } from './errors.ts';
import type { ReconcileResultLabel } from './metrics.ts';
import type { WorkQueue } from './queue.ts';
import type { Result } from './reconcile.ts';

export type ReconcileOutcome = { ok: true; result: Result } | { ok: false; error: unknown };

/** Applies the requeue rules for `key` to `queue`; returns the outcome's metrics label. */
export function settle(queue: WorkQueue, key: string, outcome: ReconcileOutcome): ReconcileResultLabel {
  if (!outcome.ok) {
    if (isTerminal(outcome.error)) {
      queue.forget(key);
      return 'terminal_error';
    }
    queue.addRateLimited(key);
    return 'error';
  }
  queue.forget(key);
  const after = outcome.result.requeueAfter ?? 0;
  if (after > 0) {
    queue.addAfter(key, after);
    return 'requeue_after';
  }
  return 'success';
}
