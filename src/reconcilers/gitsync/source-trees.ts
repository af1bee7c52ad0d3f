/**
 * The files of a GitRepository's revision for GitSync, from the process's one SourceArtifacts service
 * (src/reconcilers/source): the artifact its controller published, or, when this process's store does not hold
 * it (no GitRepository controller here, or none yet), a fetch with the GitRepository's own url, ref, secretRef
 * and ignore rules. The service unpacks each artifact once, for GitSync and HelmReleases alike.
 */
import { Reason, type GitRepository } from '../../api/index.ts';
import { isGitSourceError } from '../../source/git/index.ts';
import { SourceUnavailableError, type GitArtifactTree, type SourceArtifacts } from '../source/index.ts';
import { GitSyncError } from './errors.ts';

export interface SourceTree {
  /** `main@sha1:<commit>` */
  revision: string;
  digest: string;
  /** the unpacked tree; read only */
  dir: string;
}

/** What the GitSync reconciler needs from sources (one method, so tests can pass their own). */
export interface SourceTrees {
  tree(repo: GitRepository, ctx: { signal: AbortSignal }): Promise<SourceTree>;
}

const artifactFailed = (message: string, cause?: unknown): GitSyncError =>
  new GitSyncError(Reason.ArtifactFailed, [{ message }], cause === undefined ? undefined : { cause });

/** SourceTrees over the SourceArtifacts service; its failures become ArtifactFailed GitSyncErrors. */
export class ArtifactSourceTrees implements SourceTrees {
  readonly #sources: Pick<SourceArtifacts, 'gitRepositoryTree'>;

  constructor(sources: Pick<SourceArtifacts, 'gitRepositoryTree'>) {
    this.#sources = sources;
  }

  async tree(repo: GitRepository, ctx: { signal: AbortSignal }): Promise<SourceTree> {
    const key = `${repo.metadata.namespace ?? 'default'}/${repo.metadata.name}`;
    let tree: GitArtifactTree | undefined;
    try {
      tree = await this.#sources.gitRepositoryTree(repo, { signal: ctx.signal });
    } catch (e) {
      if (e instanceof SourceUnavailableError) throw artifactFailed(e.message, e);
      const message = e instanceof Error ? e.message : String(e);
      throw artifactFailed(isGitSourceError(e) ? `fetching GitRepository ${key}: ${message}` : `GitRepository ${key}: ${message}`, e);
    }
    if (tree === undefined) throw artifactFailed(`GitRepository ${key} has no artifact in this operator's store yet`);
    return tree;
  }
}
