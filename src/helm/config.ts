/** Everything an action needs: the cluster, release storage, the operation lock and a logger. */
import type { KubeClient, LeaseClient } from '../kube/index.ts';
import type { Storage } from '../release/index.ts';
import type { Logger } from 'pino';

export interface ActionConfig {
  kube: KubeClient;
  storage: Storage;
  /** where the release records (and the operation Lease) live */
  storageNamespace: string;
  leases: LeaseClient;
  /** who performs actions (pod name, or `capstan-cli@host:pid`); written on pending revisions */
  holder: string;
  log: Logger;
  /** how long an operation lease lasts before it must be renewed (default 60 s) */
  leaseSeconds?: number;
  /** a pending revision written by the helm CLI (no holder) is recovered after this age (default 10 min) */
  helmPendingTimeoutMs?: number;
  now?: () => number;
}
