/**
 * Which changes of a controller's own objects start a reconcile: spec changes (generation), labels and
 * annotations (the reconcile-requested-at annotation), finalizers and deletion. Status-only updates — mostly
 * the controller's own writes — do not.
 */
import type { Predicate } from '../../controller/index.ts';
import type { KubeObject } from '../../kube/index.ts';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function specOrMetadataChanged(o: KubeObject, n: KubeObject): boolean {
  if (o === n) return true;
  return o.metadata.generation !== n.metadata.generation
    || !same(o.metadata.labels, n.metadata.labels)
    || !same(o.metadata.annotations, n.metadata.annotations)
    || !same(o.metadata.finalizers, n.metadata.finalizers)
    || o.metadata.deletionTimestamp !== n.metadata.deletionTimestamp;
}

/** For any controller's own kind: skip status-only updates. */
export const specOrMetadataChangedPredicate: Predicate = { update: specOrMetadataChanged };

/** For sources: only a new artifact (revision or digest) matters to the objects that use them. */
export const artifactChangedPredicate: Predicate = {
  update: (o, n) => {
    const a = (x: KubeObject): unknown => (x.status as { artifact?: { revision?: string; digest?: string } } | undefined)?.artifact;
    return o === n || !same(a(o), a(n));
  },
};

/** For dependents: only a change of the object's Ready condition (status, generation it was set for) matters. */
export const readyChangedPredicate: Predicate = {
  update: (o, n) => {
    const ready = (x: KubeObject): unknown => {
      const c = (x.status as { conditions?: { type: string; status: string; observedGeneration?: number }[] } | undefined)?.conditions?.find((k) => k.type === 'Ready');
      return [x.metadata.generation, c?.status, c?.observedGeneration];
    };
    return o === n || !same(ready(o), ready(n));
  },
};
