/**
 * Git artifacts unpacked on disk, once per digest, as read-only trees under `<dir>/sha256-<hex>/`: what
 * `SourceArtifacts.gitArtifact` hands to HelmRelease and GitSync. A tree stays while it is the current
 * artifact of some GitRepository or was used within `idleMs`; the others are removed on the next call.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { KeyedMutex, unpackArchive, type ArtifactStore } from '../../source/artifacts/index.ts';

export interface UnpackedTreesOptions {
  store: ArtifactStore;
  dir: string;
  /** how long a tree no GitRepository publishes any more is kept after its last use (default 10 minutes) */
  idleMs?: number;
}

interface Tree { dir: string; usedAt: number }

export class UnpackedTrees {
  readonly #o: UnpackedTreesOptions;
  readonly #locks = new KeyedMutex();
  readonly #trees = new Map<string, Tree>();

  constructor(opts: UnpackedTreesOptions) {
    this.#o = opts;
  }

  /**
   * The directory of artifact `digest`, unpacked on first use; undefined when the store does not hold it.
   * Throws the store's ArtifactError when the archive is unsafe or damaged.
   */
  async tree(digest: string): Promise<string | undefined> {
    const dir = join(this.#o.dir, digest.replace(':', '-'));
    return this.#locks.run(digest, async () => {
      if (!existsSync(dir)) {
        const a = await this.#o.store.get(digest);
        if (a === undefined) return undefined;
        const tmp = `${dir}.tmp-${randomBytes(4).toString('hex')}`;
        try {
          await unpackArchive(a.path, tmp);
          await setMode(tmp, false);
          await rename(tmp, dir);
        } finally {
          await removeTree(tmp);
        }
      }
      this.#trees.set(digest, { dir, usedAt: Date.now() });
      return dir;
    });
  }

  /** Removes the trees whose digest is not in `current` and that were not used within the idle time. */
  async sweep(current: ReadonlySet<string>): Promise<void> {
    const cutoff = Date.now() - (this.#o.idleMs ?? 10 * 60_000);
    for (const [digest, t] of [...this.#trees]) {
      if (current.has(digest) || t.usedAt > cutoff) continue;
      await this.#locks.run(digest, async () => {
        this.#trees.delete(digest);
        await removeTree(t.dir);
      });
    }
  }
}

/** Takes the write bits off every file and directory (keeping the execute bits), or gives the owner's back. */
async function setMode(dir: string, writable: boolean): Promise<void> {
  const mode = async (p: string): Promise<void> => {
    const m = (await stat(p)).mode & 0o777;
    await chmod(p, writable ? m | 0o200 : m & 0o555);
  };
  if (writable) await mode(dir);
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await setMode(p, writable);
    else if (e.isFile()) await mode(p);
  }
  if (!writable) await mode(dir);
}

async function removeTree(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  await setMode(dir, true).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
}
