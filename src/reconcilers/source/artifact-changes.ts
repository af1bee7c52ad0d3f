/**
 * Change notifications for dependants of sources (HelmRelease, GitSync): the source controllers announce every
 * new revision (and the removal of a source) after its status is written, so a dependant can requeue the
 * objects that use it without polling. The informer watches of the dependants see the same status change;
 * this hook is for code that keeps no such watch, or wants the digest at once.
 */
import type { Logger } from '../../observability/logger.ts';

export interface ArtifactChange {
  kind: 'GitRepository' | 'HelmRepository';
  namespace: string;
  name: string;
  /** the new revision (`main@sha1:…`, or the index digest of a HelmRepository); undefined when the source is gone */
  revision: string | undefined;
  /** the new artifact's digest; undefined when the source is gone or keeps no artifact */
  digest: string | undefined;
  /** the revision before, when there was one */
  previousRevision: string | undefined;
}

export type ArtifactListener = (change: ArtifactChange) => void;

/** A list of listeners; a throwing listener is logged and does not stop the others. */
export class ArtifactChanges {
  readonly #listeners = new Set<ArtifactListener>();
  readonly #log: Logger;

  constructor(log: Logger) {
    this.#log = log;
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: ArtifactListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(change: ArtifactChange): void {
    for (const l of [...this.#listeners]) {
      try {
        l(change);
      } catch (e) {
        this.#log.warn({ err: e instanceof Error ? e.message : String(e), kind: change.kind, namespace: change.namespace, name: change.name }, 'artifact listener failed');
      }
    }
  }
}
