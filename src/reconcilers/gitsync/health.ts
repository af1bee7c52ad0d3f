/**
 * The health of what a GitSync applied: its HelmReleases (and other Capstan objects) Ready, its workloads
 * (Deployments, StatefulSets, DaemonSets, Jobs) available, kstatus style. Capstan objects are read from the
 * manager's cache when it holds their kind, everything else with a GET. Other kinds (ConfigMaps, Services…)
 * are healthy once applied.
 *
 * A Capstan object is healthy when its controller has reconciled its current generation and set Ready=True;
 * Ready=False while Reconciling is still progress, Ready=False otherwise is a failure (its message, e.g. a
 * chart's `template: … file:line:col` error, is quoted); a suspended object counts as healthy.
 */
import type { InventoryEntry } from '../../api/index.ts';
import type { CacheReader, Kind } from '../../controller/index.ts';
import { describeRef, health, type Health, type KubeClient, type KubeObject, type ObjectRef } from '../../kube/index.ts';
import { mapLimit } from './concurrency.ts';
import { refOfEntry } from './prune.ts';

export interface HealthSummary {
  status: 'True' | 'False' | 'Unknown';
  message: string;
  /** HelmReleases Ready / applied */
  helmReleases: { ready: number; total: number };
}

export interface HealthOptions {
  kube: KubeClient;
  cache?: CacheReader;
  /** kinds whose objects are read from the cache when it holds them */
  cachedKinds?: readonly Kind[];
}

const workloads = new Set(['apps/Deployment', 'apps/StatefulSet', 'apps/DaemonSet', 'batch/Job']);
const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');
const isCapstan = (ref: ObjectRef): boolean => groupOf(ref.apiVersion).endsWith('capstan.dev');

/** Whether objects of this kind are health-checked at all. */
export function isChecked(ref: ObjectRef): boolean {
  return isCapstan(ref) || workloads.has(`${groupOf(ref.apiVersion)}/${ref.kind}`);
}

interface Cond { type: string; status: string; reason?: string; message?: string }

/** kstatus health of a Capstan object (see the module comment). */
export function capstanHealth(o: KubeObject): Health {
  if ((o.spec as { suspend?: boolean } | undefined)?.suspend === true) return { status: 'Current', message: 'suspended' };
  const status = (o.status ?? {}) as { observedGeneration?: number; conditions?: Cond[] };
  const cond = (t: string): Cond | undefined => status.conditions?.find((c) => c.type === t);
  const ready = cond('Ready');
  if (status.observedGeneration !== o.metadata.generation || ready === undefined) {
    return { status: 'InProgress', message: ready?.message || 'not reconciled yet' };
  }
  if (ready.status === 'True') return { status: 'Current', message: ready.message ?? 'Ready' };
  if (ready.status === 'False' && cond('Reconciling')?.status !== 'True') return { status: 'Failed', message: ready.message || ready.reason || 'Ready=False' };
  return { status: 'InProgress', message: ready.message || ready.reason || 'reconciling' };
}

async function read(ref: ObjectRef, opts: HealthOptions): Promise<KubeObject | undefined> {
  const kind = opts.cachedKinds?.find((k) => k.apiVersion === ref.apiVersion && k.kind === ref.kind);
  if (kind !== undefined && opts.cache?.has(kind)) return opts.cache.get(kind, ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name);
  return opts.kube.get(ref);
}

/** Checks the inventory's objects; never throws for an unhealthy object (only for API failures). */
export async function checkHealth(entries: readonly InventoryEntry[], opts: HealthOptions): Promise<HealthSummary> {
  const refs = entries.flatMap((e) => refOfEntry(e) ?? []).filter(isChecked);
  const results = await mapLimit(refs, 8, async (ref) => {
    const o = await read(ref, opts);
    const h: Health = o === undefined ? { status: 'InProgress', message: 'not found' } : isCapstan(ref) ? capstanHealth(o) : health(o);
    return { ref, h };
  });
  const hrs = results.filter((r) => r.ref.kind === 'HelmRelease');
  const helmReleases = { ready: hrs.filter((r) => r.h.status === 'Current').length, total: hrs.length };
  const counts = helmReleases.total > 0 ? `HelmReleases Ready: ${helmReleases.ready}/${helmReleases.total}` : `${entries.length} objects applied`;
  const failed = results.filter((r) => r.h.status === 'Failed');
  if (failed.length > 0) {
    return { status: 'False', helmReleases, message: `${counts}; failed: ${failed.map((r) => `${describeRef(r.ref)}: ${r.h.message}`).join('; ')}` };
  }
  const waiting = results.filter((r) => r.h.status === 'InProgress');
  if (waiting.length > 0) {
    return { status: 'Unknown', helmReleases, message: `${counts}; waiting for ${waiting.map((r) => `${describeRef(r.ref)} (${r.h.message})`).join(', ')}` };
  }
  return { status: 'True', helmReleases, message: counts };
}
