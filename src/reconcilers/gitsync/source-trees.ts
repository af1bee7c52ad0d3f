/**
 * The files of a GitRepository's revision, unpacked: from the artifact its controller published
 * (`status.artifact.digest`, read from the shared ArtifactStore), or, when this process cannot read that
 * artifact (no GitRepository controller here, or none yet), fetched with the GitRepository's own url, ref,
 * secretRef and ignore rules. Trees are unpacked once per digest and the least recently used are removed.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Reason, type GitRepository } from '../../api/index.ts';
import type { CacheReader } from '../../controller/index.ts';
import type { KubeClient } from '../../kube/index.ts';
import { KeyedMutex, unpackArchive, type ArtifactStore } from '../../source/artifacts/index.ts';
import type { GitSource } from '../../source/git/index.ts';
import { configReader } from '../shared/object-reader.ts';
import { GitSyncError } from './errors.ts';

export interface SourceTree {
  /** `main@sha1:<commit>` */
  revision: string;
  digest: string;
  /** the unpacked tree; read only, valid until the next `tree` call evicts it */
  dir: string;
}

/** What the GitSync reconciler needs from sources (one method, so tests can pass their own). */
export interface SourceTrees {
  tree(repo: GitRepository, ctx: { cache: CacheReader; signal: AbortSignal }): Promise<SourceTree>;
}

export interface ArtifactSourceTreesOptions {
  store: ArtifactStore;
  /** where trees are unpacked */
  dir: string;
  kube: KubeClient;
  /** fetches when the artifact is not readable here; without it such a GitRepository fails the sync */
  git?: GitSource;
  maxTrees?: number;
}

const artifactFailed = (message: string, cause?: unknown): GitSyncError =>
  new GitSyncError(Reason.ArtifactFailed, [{ message }], cause === undefined ? undefined : { cause });

export class ArtifactSourceTrees implements SourceTrees {
  readonly #o: ArtifactSourceTreesOptions;
  readonly #locks = new KeyedMutex();
  /** digest → directory, least recently used first */
  readonly #trees = new Map<string, string>();

  constructor(opts: ArtifactSourceTreesOptions) {
    this.#o = opts;
  }

  async tree(repo: GitRepository, ctx: { cache: CacheReader; signal: AbortSignal }): Promise<SourceTree> {
    const key = `${repo.metadata.namespace ?? 'default'}/${repo.metadata.name}`;
    const a = repo.status?.artifact;
    if (a?.digest !== undefined && await this.#o.store.has(a.digest)) return { revision: a.revision, digest: a.digest, dir: await this.#unpack(a.digest) };
    if (this.#o.git === undefined) throw artifactFailed(`GitRepository ${key} has no artifact in this operator's store yet`);
    const ns = repo.metadata.namespace ?? 'default';
    const secret = repo.spec.secretRef ? await configReader(this.#o.kube, ctx.cache).read('Secret', ns, repo.spec.secretRef.name) : undefined;
    if (repo.spec.secretRef && secret === undefined) throw artifactFailed(`Secret ${ns}/${repo.spec.secretRef.name} of GitRepository ${key} not found`);
    try {
      const f = await this.#o.git.fetch({
        cacheKey: `gitsync/${key}`, url: repo.spec.url, ref: repo.spec.ref, secret: secret?.data, ignore: repo.spec.ignore, signal: ctx.signal,
      });
      return { revision: f.revision, digest: f.digest, dir: await this.#unpack(f.digest) };
    } catch (e) {
      throw artifactFailed(`fetching GitRepository ${key}: ${e instanceof Error ? e.message : String(e)}`, e);
    }
  }

  async #unpack(digest: string): Promise<string> {
    const dir = join(this.#o.dir, digest.replace(':', '-'));
    return this.#locks.run(digest, async () => {
      if (!existsSync(dir)) {
        const a = await this.#o.store.get(digest);
        if (a === undefined) throw artifactFailed(`artifact ${digest} is not in the artifact store`);
        const tmp = `${dir}.tmp-${randomBytes(4).toString('hex')}`;
        try {
          await unpackArchive(a.path, tmp);
          await rename(tmp, dir);
        } catch (e) {
          throw artifactFailed(`unpacking artifact ${digest}: ${e instanceof Error ? e.message : String(e)}`, e);
        } finally {
          await rm(tmp, { recursive: true, force: true });
        }
      }
      this.#trees.delete(digest);
      this.#trees.set(digest, dir);
      while (this.#trees.size > (this.#o.maxTrees ?? 8)) {
        const [oldest, old] = this.#trees.entries().next().value as [string, string];
        this.#trees.delete(oldest);
        await rm(old, { recursive: true, force: true });
      }
      return dir;
    });
  }
}
