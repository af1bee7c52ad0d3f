/**
 * The Manager composes the controller machinery (controller-runtime's manager.Manager): one informer cache
 * shared by all controllers, a work queue and workers per controller, leader election, probe and metrics
 * servers, and graceful shutdown.
 *
 * Lifecycle of `start(signal)`:
 * 1. the HTTP servers bind (failing fast when they cannot) and the informers start, on every instance;
 * 2. the controllers start at once, or, with leader election, only while this instance leads; a lost lease
 *    stops them (their reconcile signals abort) and the instance stands by again;
 * 3. when `signal` aborts or `stop()` is called: /readyz turns 503, queues stop taking keys, in-flight
 *    reconciles get `gracefulShutdownTimeoutMs` to finish (then their signal aborts), the lease is released,
 *    informers stop, servers close; then `start` resolves.
 *
 * Usage:
 * ```ts
 * const mgr = new Manager({ kubeConfig, log, concurrent: 4, leaderElect: true, leaderElectionNamespace: 'capstan-system' });
 * mgr.addController({ name: 'helmrelease', kind: helmReleaseKind, reconcile: (key, ctx) => r.reconcile(key, ctx) })
 *   .watches(configMapKind, (cm, cache) => cache.byIndex(helmReleaseKind, 'valuesFrom', objectKey(cm)).map(objectKey));
 * await mgr.start(shutdownSignal());
 * ```
 */
import type { Logger } from '../observability/logger.ts';
import type { KubeObject } from '../kube/index.ts';
import { LeaseClient } from '../kube/index.ts';
import { InformerCache, type CacheReader } from './cache.ts';
import { ControllerRunner, primarySource, type WatchSource } from './controller-runner.ts';
import { ControllerError } from './errors.ts';
import { ownerKeys, type MapFunc, type Predicate } from './handler.ts';
import { parseListenAddr, serve, type HttpEndpoint, type Routes } from './http-endpoints.ts';
import type { Kind } from './kind.ts';
import { LeaderElector } from './leader-election.ts';
import { leaseLocation, parseSettings, type ManagerOptions, type ManagerSettings } from './manager-options.ts';
import { Metrics } from './metrics.ts';
import { defaultControllerRateLimiter, type RateLimiter } from './rate-limiter.ts';
import type { Controller } from './reconcile.ts';
import type { IndexFunc } from './store.ts';

export interface AddControllerOptions {
  /** filters for events of the primary kind (e.g. `generationChanged`) */
  predicates?: readonly Predicate[];
}

export interface WatchOptions {
  /** watch only objects with these labels (e.g. `reconcile.fluxcd.io/watch=Enabled`): keeps the cache small */
  labelSelector?: string;
  predicates?: readonly Predicate[];
}

/** Returned by `addController`: adds the secondary kinds whose changes should reconcile primary objects. */
export interface ControllerBuilder {
  /** reconcile the keys `map` returns whenever an object of `kind` changes */
  watches(kind: Kind, map: MapFunc, opts?: WatchOptions): ControllerBuilder;
  /** reconcile the owner (of the controller's kind) named in the ownerReferences of a changed `kind` object */
  owns(kind: Kind, opts?: WatchOptions): ControllerBuilder;
}

export type ManagerState = 'new' | 'running' | 'stopping' | 'stopped';

export interface Readiness {
  ready: boolean;
  /** why not ready; empty when ready */
  reasons: string[];
}

interface Registration {
  controller: Controller;
  sources: WatchSource[];
}

export class Manager {
  readonly metrics: Metrics;
  readonly settings: ManagerSettings;
  readonly #cache: InformerCache;
  readonly #log: Logger;
  readonly #rootLog: Logger;
  readonly #rateLimiter: () => RateLimiter;
  readonly #elector: LeaderElector | undefined;
  readonly #registrations: Registration[] = [];
  readonly #stop = new AbortController();
  #runners: ControllerRunner[] = [];
  #servers: { metrics?: HttpEndpoint; health?: HttpEndpoint } = {};
  #state: ManagerState = 'new';
  #done: Promise<void> | undefined;

  constructor(opts: ManagerOptions) {
    this.settings = parseSettings(opts);
    this.#rootLog = opts.log;
    this.#log = opts.log.child({ component: 'manager' });
    this.metrics = opts.metrics ?? new Metrics();
    this.#rateLimiter = opts.rateLimiter ?? defaultControllerRateLimiter;
    this.#cache = new InformerCache({
      kubeConfig: opts.kubeConfig, log: opts.log,
      ...(this.settings.namespace ? { namespace: this.settings.namespace } : {}),
      resyncPeriodMs: this.settings.resyncPeriodMs,
    });
    if (this.settings.leaderElect) {
      const lease = leaseLocation(this.settings);
      const leaderStatus = (v: number): void => this.metrics.leaderStatus.set({ name: lease.name }, v);
      leaderStatus(0);
      this.#elector = new LeaderElector({
        client: new LeaseClient(opts.kubeConfig), ...lease, log: opts.log,
        ...(this.settings.identity ? { identity: this.settings.identity } : {}),
        leaseDurationMs: this.settings.leaseDurationMs, renewDeadlineMs: this.settings.renewDeadlineMs, retryPeriodMs: this.settings.retryPeriodMs,
        onStartedLeading: () => { leaderStatus(1); this.#startControllers(); },
        onStoppedLeading: async () => { leaderStatus(0); await this.#stopControllers(this.#state === 'running'); },
      });
    }
  }

  /** The informer caches, for reconcilers and map functions. */
  get cache(): CacheReader {
    return this.#cache;
  }

  get state(): ManagerState {
    return this.#state;
  }

  /** The leader-election identity (undefined without leader election). */
  get identity(): string | undefined {
    return this.#elector?.identity;
  }

  isLeader(): boolean {
    return this.#elector === undefined ? this.#state === 'running' : this.#elector.isLeader();
  }

  /** The bound server URLs (`http://127.0.0.1:41234`), once started. */
  addresses(): { metrics?: string; health?: string } {
    return {
      ...(this.#servers.metrics ? { metrics: this.#servers.metrics.url } : {}),
      ...(this.#servers.health ? { health: this.#servers.health.url } : {}),
    };
  }

  /** Registers a controller; its primary kind is watched with `watchLabelSelector`. Only before start. */
  addController(controller: Controller, opts: AddControllerOptions = {}): ControllerBuilder {
    this.#assertNew('addController');
    if (this.#registrations.some((r) => r.controller.name === controller.name)) {
      throw new ControllerError('InvalidOptions', `a controller named "${controller.name}" is already registered`, { subject: controller.name });
    }
    this.#cache.informerFor(controller.kind, this.settings.watchLabelSelector ? { labelSelector: this.settings.watchLabelSelector } : {});
    const reg: Registration = { controller, sources: [primarySource(controller.kind, opts.predicates)] };
    this.#registrations.push(reg);
    const builder: ControllerBuilder = {
      watches: (kind, map, wopts = {}) => {
        this.#assertNew('watches');
        this.#cache.informerFor(kind, wopts.labelSelector ? { labelSelector: wopts.labelSelector } : {});
        reg.sources.push({ kind, map, predicates: wopts.predicates ?? [] });
        return builder;
      },
      owns: (kind, wopts) => builder.watches(kind, ownerKeys(controller.kind), wopts),
    };
    return builder;
  }

  /** Adds an index on the cache of a watched kind (register the controller or watch first). */
  index<T extends KubeObject = KubeObject>(kind: Kind, name: string, fn: IndexFunc<T>): void {
    this.#cache.index(kind, name, fn);
  }

  /** Ready when running, every informer has synced and, with leader election, the elector leads or stands by. */
  readiness(): Readiness {
    const reasons: string[] = [];
    if (this.#state !== 'running') reasons.push(`manager is ${this.#state}`);
    for (const k of this.#cache.unsynced()) reasons.push(`cache of ${k} not synced`);
    const el = this.#elector?.state;
    if (el !== undefined && el !== 'standby' && el !== 'leading') reasons.push(`leader election is ${el}`);
    return { ready: reasons.length === 0, reasons };
  }

  /**
   * Runs until `signal` aborts or `stop()` is called, then shuts down gracefully and resolves. Rejects if a
   * server cannot bind (after cleaning up).
   */
  start(signal?: AbortSignal): Promise<void> {
    this.#assertNew('start');
    this.#state = 'running';
    if (signal?.aborted) this.#stop.abort();
    else signal?.addEventListener('abort', () => this.#stop.abort(), { once: true });
    this.#done = this.#run();
    return this.#done;
  }

  /** Asks for a graceful shutdown and waits for it. */
  async stop(): Promise<void> {
    this.#stop.abort();
    if (this.#state === 'new') this.#state = 'stopped';
    await this.#done;
  }

  async #run(): Promise<void> {
    let elector: Promise<void> | undefined;
    try {
      await this.#startServers();
      this.#cache.start();
      this.#log.info({ controllers: this.#registrations.map((r) => r.controller.name), leaderElect: this.settings.leaderElect, ...this.addresses() }, 'manager started');
      if (this.#elector !== undefined) elector = this.#elector.run(this.#stop.signal);
      else this.#startControllers();
      await new Promise<void>((resolve) => {
        if (this.#stop.signal.aborted) resolve();
        else this.#stop.signal.addEventListener('abort', () => resolve(), { once: true });
      });
    } finally {
      await this.#shutdown(elector);
    }
  }

  async #shutdown(elector: Promise<void> | undefined): Promise<void> {
    this.#stop.abort();
    this.#state = 'stopping';
    this.#log.info('shutting down');
    // the elector stops the controllers before it releases the lease
    if (elector !== undefined) await elector;
    else await this.#stopControllers(false);
    this.#log.debug('controllers stopped');
    await this.#cache.stop();
    this.#log.debug('informers stopped');
    await Promise.all([...new Set(Object.values(this.#servers))].map((s) => s.close()));
    this.#state = 'stopped';
    this.#log.info('manager stopped');
  }

  #startControllers(): void {
    for (const reg of this.#registrations) {
      const runner = new ControllerRunner({
        controller: reg.controller, sources: reg.sources, cache: this.#cache, metrics: this.metrics, log: this.#rootLog,
        concurrent: reg.controller.concurrent ?? this.settings.concurrent, rateLimiter: this.#rateLimiter(),
      });
      this.#runners.push(runner);
      runner.start().catch((e: unknown) => this.#log.error({ err: e instanceof Error ? e.message : String(e), controller: reg.controller.name }, 'controller failed to start'));
    }
  }

  /** Stops every running controller; `abortNow` aborts in-flight reconciles at once (lost leadership). */
  async #stopControllers(abortNow: boolean): Promise<void> {
    const runners = this.#runners.splice(0);
    const results = await Promise.all(runners.map((r) => r.stop(this.settings.gracefulShutdownTimeoutMs, abortNow)));
    if (results.some((ok) => !ok)) this.#log.warn('some reconciles did not end after their signal was aborted');
  }

  async #startServers(): Promise<void> {
    const metricsAddr = parseListenAddr(this.settings.metricsAddr);
    const healthAddr = parseListenAddr(this.settings.healthAddr);
    const metricsRoutes: Routes = { '/metrics': async () => ({ status: 200, ...await this.metrics.expose() }) };
    const healthRoutes: Routes = {
      '/healthz': () => ({ status: 200, body: 'ok\n' }),
      '/readyz': () => {
        const r = this.readiness();
        return r.ready ? { status: 200, body: 'ok\n' } : { status: 503, body: `${r.reasons.join('\n')}\n` };
      },
    };
    const same = metricsAddr !== undefined && healthAddr !== undefined && metricsAddr.port !== 0 && metricsAddr.port === healthAddr.port && metricsAddr.host === healthAddr.host;
    if (same) {
      const both = await serve(metricsAddr, { ...metricsRoutes, ...healthRoutes }, this.#log);
      this.#servers = { metrics: both, health: both };
      return;
    }
    if (metricsAddr !== undefined) this.#servers.metrics = await serve(metricsAddr, metricsRoutes, this.#log);
    if (healthAddr !== undefined) this.#servers.health = await serve(healthAddr, healthRoutes, this.#log);
  }

  #assertNew(what: string): void {
    if (this.#state !== 'new') throw new ControllerError('AlreadyStarted', `${what}: the manager has already been started`);
  }
}
