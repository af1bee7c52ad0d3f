/**
 * The tag lists of the scanned ImageRepositories, kept in this process's memory.
 *
 * Flux's image-reflector-controller keeps every tag in a Badger database on a volume, so a restart does not
 * lose them. Capstan keeps them in memory instead, and only a bounded summary in status (`lastScanResult`:
 * the count, the time and the ten greatest tags): a tag list is cheap to fetch again (one paginated
 * `GET /tags/list`), a database would need a persistent volume and its own compaction, and a stale list
 * is worse than none. After a restart the first reconcile of each ImageRepository scans at once, whatever
 * its interval; until then its policies keep their last `latestRef` and are not recomputed. A scan that
 * fails keeps the last list here (and the last `lastScanResult` in status), so policies go on choosing
 * from it while the registry is down.
 */

export interface ScannedTags {
  /** `spec.image` as the user wrote it */
  readonly image: string;
  /** `registry/repository` */
  readonly canonicalImageName: string;
  /** the tags after `exclusionList`, in the registry's order */
  readonly tags: readonly string[];
  readonly scanTime: Date;
}

export class TagStore {
  readonly #repos = new Map<string, ScannedTags>();

  /** The tags of ImageRepository `namespace/name`, or undefined when it was not scanned by this process. */
  get(key: string): ScannedTags | undefined {
    return this.#repos.get(key);
  }

  set(key: string, scanned: ScannedTags): void {
    this.#repos.set(key, scanned);
  }

  delete(key: string): void {
    this.#repos.delete(key);
  }

  get size(): number {
    return this.#repos.size;
  }
}
