/**
 * How a GitSync marks what it applies, and how it recognises its own objects before pruning one:
 * - field manager `capstan-gitsync` (not Helm releases' `capstan`), so an object both in Git and in a chart
 *   shows in its managedFields which fields each of them set;
 * - annotation `capstan.dev/gitsync: <namespace>/<name>` (the owner, exactly);
 * - labels `capstan.dev/gitsync-name` and `capstan.dev/gitsync-namespace` (label values cannot hold a `/`),
 *   for selecting (`kubectl get all -l capstan.dev/gitsync-name=apps`) and for the watch that maps a changed
 *   HelmRelease back to its GitSync.
 * An object is pruned only when it is in the GitSync's inventory AND carries its annotation; an object
 * annotated `capstan.dev/prune: disabled` is never pruned.
 */
import type { KubeObject } from '../../kube/index.ts';

/** The field manager of GitSync's applies and dry runs (its status patches keep `capstan`). */
export const gitSyncFieldManager = 'capstan-gitsync';

export const ownerAnnotation = 'capstan.dev/gitsync';
export const ownerNameLabel = 'capstan.dev/gitsync-name';
export const ownerNamespaceLabel = 'capstan.dev/gitsync-namespace';
export const pruneAnnotation = 'capstan.dev/prune';
export const revisionAnnotation = 'capstan.dev/revision';

export interface Owner {
  namespace: string;
  name: string;
}

export const ownerId = (o: Owner): string => `${o.namespace}/${o.name}`;

/** Adds the owner's labels and annotation to `obj` (in place). */
export function markOwned(obj: KubeObject, owner: Owner): void {
  obj.metadata.labels = { ...obj.metadata.labels, [ownerNameLabel]: owner.name, [ownerNamespaceLabel]: owner.namespace };
  obj.metadata.annotations = { ...obj.metadata.annotations, [ownerAnnotation]: ownerId(owner) };
}

/** The GitSync that applied `obj` (from its annotation), or undefined. */
export function ownerOf(obj: Pick<KubeObject, 'metadata'>): string | undefined {
  return obj.metadata.annotations?.[ownerAnnotation];
}

/** The GitSync key from the labels (for watches), or undefined. */
export function ownerKeyFromLabels(obj: Pick<KubeObject, 'metadata'>): string | undefined {
  const name = obj.metadata.labels?.[ownerNameLabel];
  const ns = obj.metadata.labels?.[ownerNamespaceLabel];
  return name !== undefined && ns !== undefined ? `${ns}/${name}` : undefined;
}

export function pruneDisabled(obj: Pick<KubeObject, 'metadata'>): boolean {
  return obj.metadata.annotations?.[pruneAnnotation] === 'disabled';
}
