/**
 * Unpacked Git artifacts (tar.gz trees from the ArtifactStore), one directory per artifact digest, shared by
 * every HelmRelease that uses the same revision. Unpacking happens once per digest; the least recently used
 * trees beyond `maxTrees` are removed.
 */
import { rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { KeyedMutex, unpackArchive, type ArtifactStore } from '../../../source/artifacts/index.ts';
import { ChartResolveError } from './resolver.ts';

export class TreeCache {
  readonly #dir: string;
  readonly #store: ArtifactStore;
  readonly #max: number;
  readonly #locks = new KeyedMutex();
  /** digest → directory, in use order (oldest first) */
  readonly #trees = new Map<string, string>();

  constructor(opts: { dir: string; store: ArtifactStore; maxTrees?: number }) {
    this.#dir = opts.dir;
    this.#store = opts.store;
    this.#max = opts.maxTrees ?? 32;
  }

  /** The directory holding the unpacked artifact `digest`; throws FetchFailed when the store has no such artifact. */
  async tree(digest: string): Promise<string> {
    const dir = join(this.#dir, digest.replace(':', '-'));
    return this.#locks.run(digest, async () => {
      if (!existsSync(dir)) {
        const a = await this.#store.get(digest);
        if (a === undefined) throw new ChartResolveError('FetchFailed', `artifact ${digest} is not in the artifact store`);
        const tmp = `${dir}.tmp-${randomBytes(4).toString('hex')}`;
        try {
          await unpackArchive(a.path, tmp);
          await rename(tmp, dir);
        } finally {
          await rm(tmp, { recursive: true, force: true });
        }
      }
      this.#trees.delete(digest);
      this.#trees.set(digest, dir);
      await this.#evict();
      return dir;
    });
  }

  async #evict(): Promise<void> {
    while (this.#trees.size > this.#max) {
      const [oldest, dir] = this.#trees.entries().next().value as [string, string];
      this.#trees.delete(oldest);
      await rm(dir, { recursive: true, force: true });
    }
  }
}
