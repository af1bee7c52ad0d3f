/**
 * Per-object condition gauges on the manager's registry (Flux's `gotk_reconcile_condition` and
 * `gotk_suspend_status`): `capstan_reconcile_condition{kind,namespace,name,type,status}` is 1 for the Ready
 * status an object has and 0 for the others; `capstan_suspend_status{kind,namespace,name}` is 1 while suspended.
 * Series of deleted objects are removed.
 */
import type { Gauge } from 'prom-client';
import type { Metrics } from '../../controller/index.ts';
import type { KubeObject } from '../../kube/index.ts';

const statuses = ['True', 'False', 'Unknown'] as const;

export class ConditionMetrics {
  readonly #condition: Gauge<'kind' | 'namespace' | 'name' | 'type' | 'status'>;
  readonly #suspend: Gauge<'kind' | 'namespace' | 'name'>;

  constructor(metrics: Metrics) {
    this.#condition = metrics.gauge('capstan_reconcile_condition', 'The Ready condition of each object: 1 for its current status.', ['kind', 'namespace', 'name', 'type', 'status']);
    this.#suspend = metrics.gauge('capstan_suspend_status', 'Whether each object is suspended (1) or not (0).', ['kind', 'namespace', 'name']);
  }

  record(obj: KubeObject, suspended: boolean): void {
    const id = { kind: obj.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name };
    const ready = (obj.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'Unknown';
    for (const s of statuses) this.#condition.set({ ...id, type: 'Ready', status: s }, s === ready ? 1 : 0);
    this.#suspend.set(id, suspended ? 1 : 0);
  }

  forget(kind: string, namespace: string, name: string): void {
    for (const s of statuses) this.#condition.remove({ kind, namespace, name, type: 'Ready', status: s });
    this.#suspend.remove({ kind, namespace, name });
  }
}
