/**
 * The Manager's options: the objects it is given (kubeconfig, logger) and the settings, parsed with zod so
 * that defaults live in one schema and bad values fail with the option named.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Logger } from '../observability/logger.ts';
import { ControllerError } from './errors.ts';
import type { Metrics } from './metrics.ts';
import type { RateLimiter } from './rate-limiter.ts';

const ms = z.number().int().positive();

/** The settings and their defaults (controller-runtime's where it has one). */
export const managerSettings = z.object({
  /** workers per controller (`--concurrent`) */
  concurrent: z.number().int().min(1).default(4),
  /** Prometheus `/metrics`; `0` turns it off */
  metricsAddr: z.string().default(':8080'),
  /** `/healthz` and `/readyz`; `0` turns them off; the same address as metricsAddr serves all three on one port */
  healthAddr: z.string().default(':9440'),
  leaderElect: z.boolean().default(false),
  /** default: the pod's namespace (from the service-account mount), else `namespace` */
  leaderElectionNamespace: z.string().min(1).optional(),
  /** the Lease's name; a `--watch-label-selector` adds a suffix, so each shard elects its own leader */
  leaderElectionID: z.string().min(1).default('capstan-leader-election'),
  leaseDurationMs: ms.default(15_000),
  renewDeadlineMs: ms.default(10_000),
  retryPeriodMs: ms.default(2_000),
  /** only objects of the controllers' primary kinds matching this selector are reconciled (sharding) */
  watchLabelSelector: z.string().min(1).optional(),
  /** watch one namespace only; default all */
  namespace: z.string().min(1).optional(),
  /** every cached object is reconciled again this often (±10%); controller-runtime's SyncPeriod */
  resyncPeriodMs: z.number().int().min(0).default(10 * 60 * 60 * 1000),
  /** how long in-flight reconciles may run on after a stop is asked for */
  gracefulShutdownTimeoutMs: z.number().int().min(0).default(30_000),
  /** the leader-election identity; default pod name/hostname + random suffix */
  identity: z.string().min(1).optional(),
}).refine((s) => s.renewDeadlineMs < s.leaseDurationMs, { message: 'renewDeadlineMs must be less than leaseDurationMs', path: ['renewDeadlineMs'] })
  .refine((s) => s.retryPeriodMs < s.renewDeadlineMs, { message: 'retryPeriodMs must be less than renewDeadlineMs', path: ['retryPeriodMs'] });

export type ManagerSettings = z.output<typeof managerSettings>;

export type ManagerOptions = z.input<typeof managerSettings> & {
  kubeConfig: KubeConfig;
  log: Logger;
  /** the metrics registry to use; default a new one per manager */
  metrics?: Metrics;
  /** a rate limiter per controller; default 5 ms → 1000 s per key, 10 qps / burst 100 overall */
  rateLimiter?: () => RateLimiter;
};

/** Parses the settings part of `opts`; throws ControllerError(InvalidOptions) naming the bad option. */
export function parseSettings(opts: ManagerOptions): ManagerSettings {
  const { kubeConfig: _kc, log: _log, metrics: _m, rateLimiter: _rl, ...rest } = opts;
  const r = managerSettings.safeParse(rest);
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ');
    throw new ControllerError('InvalidOptions', `invalid manager options: ${msg}`);
  }
  return r.data;
}

const serviceAccountNamespace = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

/** Where the Lease lives and what it is called. */
export function leaseLocation(s: ManagerSettings): { name: string; namespace: string } {
  let namespace = s.leaderElectionNamespace;
  if (namespace === undefined) {
    try { namespace = readFileSync(serviceAccountNamespace, 'utf8').trim() || undefined; } catch { /* not in a pod */ }
  }
  namespace ??= s.namespace;
  if (namespace === undefined) {
    throw new ControllerError('InvalidOptions', 'leader election needs leaderElectionNamespace when not running in a pod');
  }
  const suffix = s.watchLabelSelector ? `-${createHash('sha256').update(s.watchLabelSelector).digest('hex').slice(0, 8)}` : '';
  return { name: `${s.leaderElectionID}${suffix}`, namespace };
}
