/**
 * Leader election on a coordination.k8s.io Lease (client-go's leaderelection, as controller-runtime uses it):
 *
 * - standing by, every `retryPeriodMs` (+ up to 20% jitter) try to take the lease; it can be taken when it is
 *   free, expired (`leaseDurationMs` after its last renewal) or already ours;
 * - leading, renew every `retryPeriodMs`; when no renewal has succeeded for `renewDeadlineMs`, or someone
 *   else holds the lease, leadership is lost: `onStoppedLeading` runs, then the elector stands by again;
 * - on abort, a leader runs `onStoppedLeading` first and then releases the lease (ReleaseOnCancel), so a
 *   successor takes over within one retry period instead of waiting for the lease to expire.
 *
 * Defaults are controller-runtime's: 15 s lease, 10 s renew deadline, 2 s retry period.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../observability/logger.ts';
import type { LeaseClient } from '../kube/index.ts';
import { jitter, sleep } from './backoff.ts';

export interface LeaderElectionOptions {
  client: LeaseClient;
  /** the Lease's name and namespace */
  name: string;
  namespace: string;
  /** who we are; default `identity()` */
  identity?: string;
  leaseDurationMs?: number;
  renewDeadlineMs?: number;
  retryPeriodMs?: number;
  log: Logger;
  /** called when this instance becomes leader; should start the work and return */
  onStartedLeading: () => void | Promise<void>;
  /** called when leadership ends (lost or given up); must stop the work before it resolves */
  onStoppedLeading: () => void | Promise<void>;
  /** called when the holder changes (ours or someone else's identity) */
  onNewLeader?: (identity: string) => void;
}

/** This instance's identity: the pod name (POD_NAME, else the hostname) plus a random suffix. */
export function identity(): string {
  const base = process.env['POD_NAME'] || hostname();
  return `${base}_${randomBytes(4).toString('hex')}`;
}

export type ElectorState = 'idle' | 'standby' | 'leading' | 'stopped';

export class LeaderElector {
  readonly identity: string;
  readonly #o: Required<Omit<LeaderElectionOptions, 'identity' | 'onNewLeader'>> & Pick<LeaderElectionOptions, 'onNewLeader'>;
  #state: ElectorState = 'idle';
  #observedLeader: string | undefined;
  #inflight: Promise<boolean> | undefined;

  constructor(opts: LeaderElectionOptions) {
    this.identity = opts.identity ?? identity();
    this.#o = {
      leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000, ...opts,
      log: opts.log.child({ lease: `${opts.namespace}/${opts.name}`, identity: this.identity }),
    };
  }

  get state(): ElectorState {
    return this.#state;
  }

  isLeader(): boolean {
    return this.#state === 'leading';
  }

  /** The last holder seen on the lease (may be us). */
  get leader(): string | undefined {
    return this.#observedLeader;
  }

  /** Campaigns, leads and stands by until `signal` aborts; then gives leadership up and releases the lease. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      this.#state = 'standby';
      if (!(await this.#acquire(signal))) break;
      this.#state = 'leading';
      this.#o.log.info('started leading');
      await this.#o.onStartedLeading();
      const lost = await this.#renewUntilLost(signal);
      this.#state = 'standby';
      if (lost) this.#o.log.warn('leadership lost: stopping the controllers');
      await this.#o.onStoppedLeading();
      if (!lost) {
        await this.#release();
        break;
      }
    }
    this.#state = 'stopped';
  }

  /** Tries until the lease is ours (true) or `signal` aborts (false). */
  async #acquire(signal: AbortSignal): Promise<boolean> {
    while (!signal.aborted) {
      if (await bounded(this.#attempt(), this.#o.renewDeadlineMs, signal)) return true;
      await sleep(jitter(this.#o.retryPeriodMs * 1.1, 0.1 / 1.1), signal);
    }
    return false;
  }

  /** Renews every retry period; resolves true when leadership is lost, false when `signal` aborted. */
  async #renewUntilLost(signal: AbortSignal): Promise<boolean> {
    let lastRenew = Date.now();
    while (!signal.aborted) {
      await sleep(this.#o.retryPeriodMs, signal);
      if (signal.aborted) return false;
      const left = this.#o.renewDeadlineMs - (Date.now() - lastRenew);
      const ok = left > 0 ? await bounded(this.#attempt(), left, signal) : false;
      if (ok) lastRenew = Date.now();
      else if (this.#observedLeader !== undefined && this.#observedLeader !== this.identity) return true;
      if (Date.now() - lastRenew >= this.#o.renewDeadlineMs) return true;
    }
    return false;
  }

  async #tryAcquireOrRenew(): Promise<boolean> {
    try {
      const st = await this.#o.client.acquire(this.#o.name, this.#o.namespace, this.identity, Math.ceil(this.#o.leaseDurationMs / 1000));
      if (st.holder !== undefined && st.holder !== this.#observedLeader) {
        this.#observedLeader = st.holder;
        this.#o.log.info({ leader: st.holder }, 'new leader observed');
        this.#o.onNewLeader?.(st.holder);
      }
      return st.holder === this.identity;
    } catch (e) {
      this.#o.log.warn({ err: e instanceof Error ? e.message : String(e) }, 'could not acquire or renew the lease');
      return false;
    }
  }

  /** One acquire-or-renew, remembered so that a release can wait for it (see #release). */
  #attempt(): Promise<boolean> {
    const p = this.#tryAcquireOrRenew();
    this.#inflight = p;
    return p;
  }

  /**
   * Gives the lease up. A renewal may still be on its way (its wait was cut short by the abort): it would
   * either make the release fail on a conflict or land after it and hold the lease for a dead instance, so
   * wait for it first, and check that the release took.
   */
  async #release(): Promise<void> {
    if (this.#inflight !== undefined) await bounded(this.#inflight, this.#o.renewDeadlineMs, new AbortController().signal);
    try {
      for (let i = 0; i < 3; i++) {
        await this.#o.client.release(this.#o.name, this.#o.namespace, this.identity);
        if ((await this.#o.client.get(this.#o.name, this.#o.namespace))?.holder !== this.identity) {
          this.#o.log.info('lease released');
          return;
        }
      }
      this.#o.log.warn('the lease is still ours after three releases (it will expire)');
    } catch (e) {
      this.#o.log.warn({ err: e instanceof Error ? e.message : String(e) }, 'could not release the lease (it will expire)');
    }
  }
}

/** `p`'s value, or false when it has not settled within `ms` or `signal` aborts first (a hung API call). */
function bounded(p: Promise<boolean>, ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (v: boolean): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(v);
    };
    const onAbort = (): void => finish(false);
    const timer = setTimeout(onAbort, ms);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(finish, onAbort);
  });
}
