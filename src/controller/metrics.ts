/**
 * Prometheus metrics of one manager, on its own prom-client Registry (no global registry: two managers in
 * one process, as in tests, do not share or clash). The built-in series keep the names dashboards already
 * know from controller-runtime and client-go:
 *
 * - `controller_runtime_reconcile_total{controller,result}`            result: success|requeue_after|error|terminal_error
 * - `controller_runtime_reconcile_time_seconds{controller,result}`     histogram
 * - `controller_runtime_active_workers{controller}`, `controller_runtime_max_concurrent_reconciles{controller}`
 * - `workqueue_depth{name}`, `workqueue_adds_total{name}`, `workqueue_retries_total{name}`
 * - `leader_election_master_status{name}`                             1 while leading
 *
 * plus Node's process metrics. Reconcilers add their own (condition gauges, release counts) through
 * `gauge`/`counter`/`histogram`, which return the existing metric when asked again for the same name.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type Metric } from 'prom-client';
import { ControllerError } from './errors.ts';
import type { QueueMetrics } from './queue.ts';

export type ReconcileResultLabel = 'success' | 'requeue_after' | 'error' | 'terminal_error';

export interface MetricsOptions {
  /** collect Node's process_* and nodejs_* metrics (default true) */
  processMetrics?: boolean;
}

export class Metrics {
  readonly registry = new Registry();
  readonly reconcileTotal: Counter<'controller' | 'result'>;
  readonly reconcileTime: Histogram<'controller' | 'result'>;
  readonly activeWorkers: Gauge<'controller'>;
  readonly maxConcurrentReconciles: Gauge<'controller'>;
  readonly queueDepth: Gauge<'name'>;
  readonly queueAdds: Counter<'name'>;
  readonly queueRetries: Counter<'name'>;
  readonly leaderStatus: Gauge<'name'>;

  constructor(opts: MetricsOptions = {}) {
    if (opts.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.reconcileTotal = this.counter('controller_runtime_reconcile_total', 'Total number of reconciliations per controller and result.', ['controller', 'result']);
    this.reconcileTime = this.histogram('controller_runtime_reconcile_time_seconds', 'Length of time per reconciliation per controller and result.', ['controller', 'result'],
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600]);
    this.activeWorkers = this.gauge('controller_runtime_active_workers', 'Number of currently used workers per controller.', ['controller']);
    this.maxConcurrentReconciles = this.gauge('controller_runtime_max_concurrent_reconciles', 'Maximum number of concurrent reconciles per controller.', ['controller']);
    this.queueDepth = this.gauge('workqueue_depth', 'Current depth of the work queue.', ['name']);
    this.queueAdds = this.counter('workqueue_adds_total', 'Total number of adds handled by the work queue.', ['name']);
    this.queueRetries = this.counter('workqueue_retries_total', 'Total number of rate-limited retries handled by the work queue.', ['name']);
    this.leaderStatus = this.gauge('leader_election_master_status', 'Whether this instance leads (1) or not (0) on the named lease.', ['name']);
  }

  /** A gauge registered on this manager's registry (the same one again for the same name). */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
    return this.#getOrMake(name, labelNames, Gauge, () => new Gauge<L>({ name, help, labelNames, registers: [this.registry] }));
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return this.#getOrMake(name, labelNames, Counter, () => new Counter<L>({ name, help, labelNames, registers: [this.registry] }));
  }

  histogram<L extends string>(name: string, help: string, labelNames: readonly L[] = [], buckets?: number[]): Histogram<L> {
    return this.#getOrMake(name, labelNames, Histogram, () => new Histogram<L>({ name, help, labelNames, registers: [this.registry], ...(buckets ? { buckets } : {}) }));
  }

  /** The workqueue_* series of one queue. */
  queueMetrics(name: string): QueueMetrics {
    return {
      depth: (n) => this.queueDepth.set({ name }, n),
      added: () => this.queueAdds.inc({ name }),
      retried: () => this.queueRetries.inc({ name }),
    };
  }

  /** The exposition text and its content type, for /metrics. */
  async expose(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  #getOrMake<M extends Metric<string>>(name: string, labelNames: readonly string[], type: abstract new (...args: never[]) => Metric<string>, make: () => M): M {
    const have = this.registry.getSingleMetric(name);
    if (have === undefined) return make();
    const haveLabels = (have as unknown as { labelNames?: readonly string[] }).labelNames ?? [];
    const same = have instanceof type && JSON.stringify([...haveLabels].sort()) === JSON.stringify([...labelNames].sort());
    if (!same) throw new ControllerError('InvalidOptions', `metric ${name} already exists as another type or with labels ${JSON.stringify(haveLabels)}`, { subject: name });
    return have as M;
  }
}
