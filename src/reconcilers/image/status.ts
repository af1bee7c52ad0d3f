/**
 * The end of every image reconcile: stamp `observedGeneration` and `lastHandledReconcileAt`, write the status
 * if it changed (a merge patch of the difference; nothing when equal), and record an Event when the Ready
 * condition's message is new (so an unchanged outcome records nothing).
 */
import { ConditionType, getCondition, reconcileRequestedAtAnnotation, type Condition } from '../../api/index.ts';
import { objectKey, type CacheReader, type Kind } from '../../controller/index.ts';
import type { KubeClient, KubeObject } from '../../kube/index.ts';
import type { EventRecorder } from '../shared/events.ts';
import { patchStatus } from '../shared/object-writes.ts';

export interface StatusObject extends KubeObject {
  status: { conditions?: Condition[] | undefined; observedGeneration?: number | undefined; lastHandledReconcileAt?: string | undefined } & Record<string, unknown>;
}

/** A copy of a cached object to record into, with the status as it was read. */
export function workingCopy<T extends KubeObject>(cached: T): { obj: T & StatusObject; before: unknown } {
  const obj = structuredClone(cached) as T & StatusObject;
  obj.status = (obj.status ?? {}) as StatusObject['status'];
  return { obj, before: structuredClone(cached.status ?? {}) };
}

export interface FinishOptions {
  kube: KubeClient;
  events: EventRecorder;
  /** the Ready condition before this reconcile changed it */
  readyBefore: Condition | undefined;
  /** annotations for the Event (e.g. the revision) */
  eventAnnotations?: Record<string, string> | undefined;
  /** after a write, wait (up to 2 s) until this cache holds the new version, so the next reconcile of the key does not start from a stale status */
  settle?: { cache: CacheReader; kind: Kind } | undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** resourceVersions are opaque, but the API server's are etcd revisions: compared as numbers when they are. */
function atLeast(have: string | undefined, want: string): boolean {
  if (have === undefined) return false;
  if (/^\d+$/.test(have) && /^\d+$/.test(want)) return BigInt(have) >= BigInt(want);
  return have === want;
}

/** Waits (up to `timeoutMs`) until the cache holds `key` at resourceVersion `want` or later. */
export async function settle(cache: CacheReader, kind: Kind, key: string, want: string | undefined, timeoutMs = 2000): Promise<void> {
  if (want === undefined) return;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !atLeast(cache.get(kind, key)?.metadata.resourceVersion, want)) await sleep(20);
}

/** Stamps, writes and records; returns the stored object, or undefined when nothing was written. */
export async function finishStatus(obj: StatusObject, before: unknown, o: FinishOptions): Promise<KubeObject | undefined> {
  obj.status.observedGeneration = obj.metadata.generation;
  const requested = obj.metadata.annotations?.[reconcileRequestedAtAnnotation];
  if (requested !== undefined) obj.status.lastHandledReconcileAt = requested;
  const ready = getCondition(obj, ConditionType.Ready);
  if (ready !== undefined && (o.readyBefore?.message !== ready.message || o.readyBefore.status !== ready.status)) {
    o.events.event(obj, ready.status === 'False' ? 'Warning' : 'Normal', ready.reason, ready.message, o.eventAnnotations);
  }
  const stored = await patchStatus(o.kube, obj, before, obj.status);
  if (stored !== undefined && o.settle !== undefined) await settle(o.settle.cache, o.settle.kind, objectKey(obj), stored.metadata.resourceVersion);
  return stored;
}
