/**
 * coordination.k8s.io Leases: acquire, renew and release with optimistic concurrency. Used to serialise
 * actions on one release across Capstan instances and for leader election.
 */
import { CoordinationV1Api, V1MicroTime, type KubeConfig, type V1Lease } from '@kubernetes/client-node';
import { isNotFound, toKubeError } from './errors.ts';

export interface LeaseState {
  holder: string | undefined;
  /** when the current holder's claim runs out (ms since epoch); 0 when unheld */
  expiresAt: number;
}

const statusOf = (e: unknown): number | undefined => (e as { code?: number }).code;

export class LeaseClient {
  readonly #api: CoordinationV1Api;
  readonly #now: () => number;

  constructor(kc: KubeConfig, now: () => number = Date.now) {
    this.#api = kc.makeApiClient(CoordinationV1Api);
    this.#now = now;
  }

  async get(name: string, namespace: string): Promise<LeaseState | undefined> {
    try {
      return stateOf(await this.#api.readNamespacedLease({ name, namespace }));
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw toKubeError(e, `get lease ${namespace}/${name}`);
    }
  }

  /**
   * Takes the lease for `holder` for `durationSeconds` if it is free, expired or already ours. Returns the
   * state after the attempt: `holder === holder` means acquired (or renewed).
   */
  async acquire(name: string, namespace: string, holder: string, durationSeconds: number, opts: { takeOverFrom?: (holder: string) => boolean } = {}): Promise<LeaseState> {
    const now = this.#now();
    let current: V1Lease | undefined;
    try {
      current = await this.#api.readNamespacedLease({ name, namespace });
    } catch (e) {
      if (!isNotFound(e)) throw toKubeError(e, `get lease ${namespace}/${name}`);
    }
    const spec = { holderIdentity: holder, leaseDurationSeconds: durationSeconds, renewTime: new V1MicroTime(now) };
    if (!current) {
      try {
        const created = await this.#api.createNamespacedLease({ namespace, body: { metadata: { name, namespace }, spec: { ...spec, acquireTime: new V1MicroTime(now), leaseTransitions: 0 } } });
        return stateOf(created);
      } catch (e) {
        if (statusOf(e) === 409) return (await this.get(name, namespace)) ?? { holder: undefined, expiresAt: 0 };
        throw toKubeError(e, `create lease ${namespace}/${name}`);
      }
    }
    const st = stateOf(current);
    const dead = st.holder !== undefined && opts.takeOverFrom?.(st.holder) === true;
    if (st.holder !== undefined && st.holder !== holder && st.expiresAt > now && !dead) return st;
    const taking = st.holder !== holder;
    const body: V1Lease = {
      ...current,
      spec: {
        ...current.spec, ...spec,
        ...(taking ? { acquireTime: new V1MicroTime(now), leaseTransitions: (current.spec?.leaseTransitions ?? 0) + 1 } : {}),
      },
    };
    try {
      return stateOf(await this.#api.replaceNamespacedLease({ name, namespace, body }));
    } catch (e) {
      // someone else changed it between our read and write: report what is there now
      if (statusOf(e) === 409) return (await this.get(name, namespace)) ?? { holder: undefined, expiresAt: 0 };
      throw toKubeError(e, `update lease ${namespace}/${name}`);
    }
  }

  /** Gives the lease up if `holder` has it. */
  async release(name: string, namespace: string, holder: string): Promise<void> {
    let current: V1Lease;
    try {
      current = await this.#api.readNamespacedLease({ name, namespace });
    } catch (e) {
      if (isNotFound(e)) return;
      throw toKubeError(e, `get lease ${namespace}/${name}`);
    }
    if (current.spec?.holderIdentity !== holder) return;
    const spec = { ...current.spec };
    delete spec.holderIdentity;
    delete spec.renewTime;
    try {
      await this.#api.replaceNamespacedLease({ name, namespace, body: { ...current, spec } });
    } catch (e) {
      if (statusOf(e) !== 409 && !isNotFound(e)) throw toKubeError(e, `release lease ${namespace}/${name}`);
    }
  }
}

function stateOf(l: V1Lease): LeaseState {
  const holder = l.spec?.holderIdentity ?? undefined;
  const renew = l.spec?.renewTime ? new Date(l.spec.renewTime).getTime() : 0;
  const duration = (l.spec?.leaseDurationSeconds ?? 0) * 1000;
  return { holder: holder === '' ? undefined : holder, expiresAt: holder ? renew + duration : 0 };
}
