/**
 * Garbage collection of the shared ArtifactStore: artifacts that no GitRepository's `status.artifact` names
 * any more (replaced by a newer revision, or their object deleted) are removed once they are older than the
 * store's grace period (which covers an artifact stored but not yet recorded in a status).
 *
 * Runs from within reconciles (so only after the informer cache has synced: an empty cache must never be
 * read as "nothing is referenced"), at most once per `intervalMs`, or at the next reconcile after `request()`.
 */
import type { CacheReader } from '../../controller/index.ts';
import type { KubeObject } from '../../kube/index.ts';
import type { Logger } from '../../observability/logger.ts';
import type { ArtifactStore, GcResult } from '../../source/artifacts/index.ts';
import { gitRepositoryGvk } from '../shared/kinds.ts';

export interface ArtifactGcOptions {
  store: ArtifactStore;
  log: Logger;
  /** how often to collect (default 10 minutes) */
  intervalMs?: number;
  /** the store's grace period (default the store's, 5 minutes) */
  graceMs?: number;
  /** more digests to keep (artifacts other components stored and still use) */
  keep?: () => Iterable<string>;
}

export class ArtifactGc {
  readonly #o: ArtifactGcOptions;
  #lastRun = 0;
  #requested = false;
  #running: Promise<GcResult | undefined> | undefined;

  constructor(opts: ArtifactGcOptions) {
    this.#o = opts;
  }

  /** Asks for a collection at the next `maybeRun` (a GitRepository was deleted or got a new artifact). */
  request(): void {
    this.#requested = true;
  }

  /**
   * Collects if due; never throws (a failure is logged and retried next time). `also`: digests to keep that
   * the cache may not show yet (the artifact the calling reconcile has just recorded).
   */
  maybeRun(cache: CacheReader, also: Iterable<string> = []): Promise<GcResult | undefined> {
    const due = this.#requested || Date.now() - this.#lastRun >= (this.#o.intervalMs ?? 10 * 60_000);
    if (!due) return Promise.resolve(undefined);
    return this.run(cache, also);
  }

  /** Collects now (joining a collection under way). */
  run(cache: CacheReader, also: Iterable<string> = []): Promise<GcResult | undefined> {
    this.#running ??= this.#collect(cache, also).finally(() => { this.#running = undefined; });
    return this.#running;
  }

  async #collect(cache: CacheReader, also: Iterable<string>): Promise<GcResult | undefined> {
    this.#requested = false;
    this.#lastRun = Date.now();
    const keep = new Set<string>([...this.#o.keep?.() ?? [], ...also]);
    for (const o of cache.list<KubeObject & { status?: { artifact?: { digest?: string } } }>(gitRepositoryGvk)) {
      const d = o.status?.artifact?.digest;
      if (d !== undefined) keep.add(d);
    }
    try {
      return await this.#o.store.gc(keep, this.#o.graceMs !== undefined ? { graceMs: this.#o.graceMs } : {});
    } catch (e) {
      this.#o.log.warn({ err: e instanceof Error ? e.message : String(e) }, 'artifact garbage collection failed');
      return undefined;
    }
  }
}
