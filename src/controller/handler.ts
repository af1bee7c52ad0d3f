/**
 * Event handlers that turn informer events into queue keys (controller-runtime's pkg/handler), and predicates
 * that filter events first (pkg/predicate). Keys, never events, reach the queue: the reconciler reads the
 * current state itself.
 */
import { groupOf, type KubeObject } from '../kube/index.ts';
import type { EventHandler } from './informer.ts';
import { objectKey, type Kind } from './kind.ts';
import type { CacheReader } from './cache.ts';

/** Maps an object of a watched kind to the keys of the primary objects to reconcile. */
export type MapFunc = (obj: KubeObject, cache: CacheReader) => readonly string[];

/** Filters events before they are mapped to keys; a missing method lets that event type through. */
export interface Predicate {
  create?(obj: KubeObject): boolean;
  update?(oldObj: KubeObject, newObj: KubeObject): boolean;
  delete?(obj: KubeObject): boolean;
}

/** Keys only when metadata.generation changed (spec edits), or on resync (old === new). */
export const generationChanged: Predicate = {
  update: (o, n) => o === n || o.metadata.generation !== n.metadata.generation,
};

/** Passes updates that change the generation, labels or annotations (e.g. a reconcile-requested-at annotation). */
export const generationOrMetadataChanged: Predicate = {
  update: (o, n) => generationChanged.update?.(o, n) === true
    || JSON.stringify(o.metadata.labels ?? {}) !== JSON.stringify(n.metadata.labels ?? {})
    || JSON.stringify(o.metadata.annotations ?? {}) !== JSON.stringify(n.metadata.annotations ?? {}),
};

/** The object's own key (EnqueueRequestForObject). */
export const selfKey: MapFunc = (obj) => [objectKey(obj)];

/**
 * The keys of the owners of kind `owner` named in the object's ownerReferences (EnqueueRequestForOwner);
 * with `controllerOnly` only the reference marked `controller: true` counts.
 */
export function ownerKeys(owner: Pick<Kind, 'apiVersion' | 'kind'>, controllerOnly = false): MapFunc {
  const group = groupOf(owner.apiVersion);
  return (obj) => (obj.metadata.ownerReferences ?? [])
    .filter((r) => r.kind === owner.kind && groupOf(r.apiVersion) === group && (!controllerOnly || r.controller === true))
    .map((r) => (obj.metadata.namespace ? `${obj.metadata.namespace}/${r.name}` : r.name));
}

/**
 * An informer event handler that filters through `predicates`, maps with `map` and hands each key to `add`.
 * On update both the old and the new object are mapped, so a reference that moved away is reconciled too.
 */
export function enqueueMapped(map: MapFunc, cache: CacheReader, add: (key: string) => void, predicates: readonly Predicate[] = []): EventHandler {
  const addAll = (obj: KubeObject): void => {
    for (const key of map(obj, cache)) add(key);
  };
  return {
    onAdd: (obj) => {
      if (predicates.every((p) => p.create?.(obj) ?? true)) addAll(obj);
    },
    onUpdate: (oldObj, newObj) => {
      if (!predicates.every((p) => p.update?.(oldObj, newObj) ?? true)) return;
      addAll(newObj);
      if (oldObj !== newObj) addAll(oldObj);
    },
    onDelete: (obj) => {
      if (predicates.every((p) => p.delete?.(obj) ?? true)) addAll(obj);
    },
  };
}
