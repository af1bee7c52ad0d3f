/**
 * When a source is fetched next. A reconcile fetches when the object is new to this process, its generation
 * or its `capstan.dev/reconcile-requested-at` annotation changed since the last attempt, or the time chosen
 * after that attempt has come (the jittered interval after a success, the backoff after a failure); any
 * other reconcile (an informer resync, a label edit) only requeues for the time left.
 */

export interface FetchTrigger {
  generation: number | undefined;
  /** the value of the reconcile-requested-at annotation */
  requested: string | undefined;
}

interface Entry extends FetchTrigger { nextAt: number }

export class FetchSchedule {
  readonly #entries = new Map<string, Entry>();

  /** Milliseconds until `key` is due (0: fetch now). */
  wait(key: string, t: FetchTrigger, now = Date.now()): number {
    const e = this.#entries.get(key);
    if (e === undefined || e.generation !== t.generation || e.requested !== t.requested) return 0;
    return Math.max(0, e.nextAt - now);
  }

  /** Records an attempt for `t`; the next is due `delayMs` from now. */
  attempted(key: string, t: FetchTrigger, delayMs: number, now = Date.now()): void {
    this.#entries.set(key, { ...t, nextAt: now + delayMs });
  }

  forget(key: string): void {
    this.#entries.delete(key);
  }
}
