/**
 * HelmReleaseReconciler: keeps the Helm release of each HelmRelease as its spec declares (Flux's
 * HelmReleaseReconciler). One reconcile of a key:
 *
 * 1. read the HelmRelease from the informer cache (gone: nothing to do);
 * 2. being deleted: uninstall, drop the finalizer (finalize.ts);
 * 3. suspended: nothing, not even a write;
 * 4. make sure the finalizer is there;
 * 5. the spec's reconcile (reconcile-spec.ts), recording into a copy of the status;
 * 6. write the status if it changed (a no-op reconcile writes nothing), also when step 5 threw.
 *
 * Errors thrown go to the work queue's rate-limited retry; successful reconciles come back after
 * `spec.interval` with jitter, or sooner while dependencies are not ready or work is left.
 */
import { finalizer, reconcileRequestedAtAnnotation, type HelmReleaseStatus } from '../../api/index.ts';
import type { Controller, Kind, ReconcileContext, Result } from '../../controller/index.ts';
import type { KubeClient } from '../../kube/index.ts';
import type { ConditionMetrics } from '../shared/condition-metrics.ts';
import type { EventRecorder } from '../shared/events.ts';
import { helmReleaseGvk } from '../shared/kinds.ts';
import { addFinalizer } from '../shared/object-writes.ts';
import type { HelmReleaseObject } from './actions/context.ts';
import type { ChartResolver } from './chart/resolver.ts';
import { finalizeHelmRelease } from './finalize.ts';
import { reconcileSpec } from './reconcile-spec.ts';
import type { ReleaseClientFactory } from './release-clients.ts';
import { StatusWriter } from './status-writer.ts';

export interface HelmReleaseReconcilerOptions {
  /** the controller's own client (its objects, ConfigMaps and Secrets, sources) */
  kube: KubeClient;
  resolver: ChartResolver;
  clients: ReleaseClientFactory;
  events: EventRecorder;
  /** how soon to look again while a dependency is not ready (default 10 s) */
  requeueDependencyMs?: number;
  concurrent?: number;
  /** condition and suspend gauges (the manager's metrics) */
  metrics?: ConditionMetrics;
}

export class HelmReleaseReconciler implements Controller {
  readonly name = 'helmrelease';
  readonly kind: Kind = helmReleaseGvk;
  readonly concurrent?: number;
  readonly #o: HelmReleaseReconcilerOptions;

  constructor(opts: HelmReleaseReconcilerOptions) {
    this.#o = opts;
    if (opts.concurrent !== undefined) this.concurrent = opts.concurrent;
  }

  async reconcile(key: string, ctx: ReconcileContext): Promise<Result> {
    const cached = ctx.cache.get<HelmReleaseObject>(helmReleaseGvk, key);
    if (cached === undefined) {
      this.#o.metrics?.forget(helmReleaseGvk.kind, ctx.namespace, ctx.name);
      return {};
    }
    const obj = structuredClone(cached);
    const deps = { kube: this.#o.kube, clients: this.#o.clients, events: this.#o.events };
    if (obj.metadata.deletionTimestamp !== undefined) return finalizeHelmRelease(obj, deps, ctx);
    if ((obj.spec as { suspend?: unknown } | undefined)?.suspend === true) {
      this.#o.metrics?.record(obj, true);
      ctx.log.debug('suspended: nothing to do');
      return {};
    }
    const stored = await addFinalizer(this.#o.kube, obj, finalizer);
    const rv = stored?.metadata.resourceVersion;
    if (rv !== undefined) obj.metadata.resourceVersion = rv;
    const status: HelmReleaseStatus = obj.status ?? {};
    const o = Object.assign(obj, { status });
    const writer = new StatusWriter(this.#o.kube, o);
    let failed = false;
    try {
      return await reconcileSpec(o, { ...deps, resolver: this.#o.resolver, requeueDependencyMs: this.#o.requeueDependencyMs ?? 10_000 }, ctx, async () => {
        await writer.write();
      });
    } catch (e) {
      failed = true;
      throw e;
    } finally {
      const requested = obj.metadata.annotations?.[reconcileRequestedAtAnnotation];
      if (requested !== undefined) status.lastHandledReconcileAt = requested;
      this.#o.metrics?.record(obj, false);
      try {
        if (await writer.write()) await writer.settle(ctx.cache, key);
      } catch (e) {
        ctx.log.error({ err: e instanceof Error ? e.message : String(e) }, 'writing the status failed');
        // eslint-disable-next-line no-unsafe-finally -- a failed status write must be retried even after a success
        if (!failed) throw e;
      }
    }
  }
}
