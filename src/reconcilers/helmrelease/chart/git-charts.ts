/**
 * Charts from Git: `chart.spec` with a GitRepository `sourceRef` (the repository's artifact, or a fetch with
 * its url/ref/secretRef when it has none this process can read), and Flux v1's inline `chart.git{url, ref,
 * path, secretRef}`. The chart is the directory at the given path of the revision's tree.
 */
import { createHash } from 'node:crypto';
import { parseGitRepository, type ChartGitSource, type GitRepository, type HelmChartTemplateSpec } from '../../../api/index.ts';
import { loadChartDir } from '../../../chart/index.ts';
import type { KubeClient } from '../../../kube/index.ts';
import type { ArtifactStore } from '../../../source/artifacts/index.ts';
import { isGitSourceError, type GitSource, type SecretData } from '../../../source/git/index.ts';
import { gitRepositoryGvk } from '../../shared/kinds.ts';
import { gitCacheKey } from '../../source/index.ts';
import { configReader } from '../../shared/object-reader.ts';
import { dirValuesFiles, insidePath, resolvedChart } from './load.ts';
import { ChartResolveError, type ChartResolveContext, type ResolvedChart } from './resolver.ts';
import type { TreeCache } from './tree-cache.ts';

/** The source controllers' view of GitRepository artifacts (src/reconcilers/source's SourceArtifacts). */
export interface GitArtifacts {
  /** the repository's current artifact unpacked, or undefined when this process's store does not hold it */
  gitArtifact(namespace: string, name: string): Promise<{ revision: string; digest: string; dir: string } | undefined>;
}

export interface GitChartsOptions {
  kube: KubeClient;
  git: GitSource;
  store: ArtifactStore;
  /** unpacked trees of artifacts this class fetched itself (inline chart.git, or no source controller here) */
  trees: TreeCache;
  /** the GitRepositories' published artifacts, used first when given */
  sources?: GitArtifacts | undefined;
}

interface Tree { digest: string; revision: string }

export class GitCharts {
  readonly #o: GitChartsOptions;

  constructor(opts: GitChartsOptions) {
    this.#o = opts;
  }

  /** `chart.spec` with `sourceRef.kind: GitRepository`; `namespace` is the source's (already checked). */
  async fromGitRepository(spec: HelmChartTemplateSpec, namespace: string, ctx: ChartResolveContext): Promise<ResolvedChart> {
    const key = `${namespace}/${spec.sourceRef.name}`;
    const o = { spec, source: `GitRepository ${key}`, sourceObject: key };
    const published = await this.#published(namespace, spec.sourceRef.name);
    if (published !== undefined) return this.#loadFrom(published.dir, published, spec.chart, o);
    const repo = await this.#gitRepository(namespace, spec.sourceRef.name, ctx);
    const tree = await this.#artifactOf(repo, key, ctx);
    return this.#load(tree, spec.chart, o);
  }

  async #published(namespace: string, name: string): Promise<{ revision: string; digest: string; dir: string } | undefined> {
    if (this.#o.sources === undefined) return undefined;
    try {
      return await this.#o.sources.gitArtifact(namespace, name);
    } catch (e) {
      throw new ChartResolveError('SourceNotReady', (e as Error).message, { cause: e });
    }
  }

  /** Flux v1's inline `chart.git`; `namespace` is the HelmRelease's (for secretRef). */
  async fromInlineGit(src: ChartGitSource, namespace: string, ctx: ChartResolveContext): Promise<ResolvedChart> {
    const secret = src.secretRef ? await this.#secret(namespace, src.secretRef.name, ctx) : undefined;
    const cacheKey = `inline/${createHash('sha256').update(`${namespace}\n${src.url}`).digest('hex').slice(0, 16)}`;
    const tree = await this.#fetch({ cacheKey, url: src.url, ref: src.ref, secret }, ctx);
    return this.#load(tree, src.path, { source: src.url.replace(/\/\/[^@/]*@/, '//') });
  }

  async #load(tree: Tree, path: string, o: { spec?: HelmChartTemplateSpec; source: string; sourceObject?: string }): Promise<ResolvedChart> {
    return this.#loadFrom(await this.#o.trees.tree(tree.digest), tree, path, o);
  }

  #loadFrom(root: string, tree: Tree, path: string, o: { spec?: HelmChartTemplateSpec; source: string; sourceObject?: string }): ResolvedChart {
    const chartDir = insidePath(root, path, 'chart path');
    return resolvedChart({
      load: () => loadChartDir(chartDir), spec: o.spec, files: () => dirValuesFiles(chartDir, root),
      sourceRevision: tree.revision, source: `${o.source}@${tree.revision}`, sourceObject: o.sourceObject, digest: tree.digest,
    });
  }

  async #gitRepository(namespace: string, name: string, ctx: ChartResolveContext): Promise<GitRepository> {
    const key = `${namespace}/${name}`;
    // the cache may not hold it (a label-selected shard): ask the API server then
    const raw = (ctx.cache.has(gitRepositoryGvk) ? ctx.cache.get(gitRepositoryGvk, key) : undefined)
      ?? await this.#o.kube.get({ apiVersion: gitRepositoryGvk.apiVersion, kind: gitRepositoryGvk.kind, name, namespace });
    if (raw === undefined) throw new ChartResolveError('SourceNotFound', `GitRepository '${key}' not found`);
    const parsed = parseGitRepository(raw);
    if (!parsed.ok) throw new ChartResolveError('SourceNotReady', `GitRepository '${key}' is invalid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    return parsed.value;
  }

  /** The repository's published artifact when the store has it, else a fetch with the repository's spec. */
  async #artifactOf(repo: GitRepository, key: string, ctx: ChartResolveContext): Promise<Tree> {
    const a = repo.status?.artifact;
    if (a?.digest !== undefined && await this.#o.store.has(a.digest)) return { digest: a.digest, revision: a.revision };
    const ns = repo.metadata.namespace ?? 'default';
    const secret = repo.spec.secretRef ? await this.#secret(ns, repo.spec.secretRef.name, ctx) : undefined;
    return this.#fetch({ cacheKey: gitCacheKey(key), url: repo.spec.url, ref: repo.spec.ref, secret, ignore: repo.spec.ignore }, ctx);
  }

  async #fetch(req: { cacheKey: string; url: string; ref: ChartGitSource['ref']; secret: SecretData | undefined; ignore?: string | undefined }, ctx: ChartResolveContext): Promise<Tree> {
    try {
      const a = await this.#o.git.fetch({ ...req, signal: ctx.signal });
      return { digest: a.digest, revision: a.revision };
    } catch (e) {
      const terminal = isGitSourceError(e) && ['InvalidUrl', 'InvalidRef', 'InvalidSecret'].includes(e.code);
      throw new ChartResolveError('FetchFailed', `fetching the chart: ${(e as Error).message}`, { terminal, cause: e });
    }
  }

  async #secret(namespace: string, name: string, ctx: ChartResolveContext): Promise<SecretData> {
    const s = await configReader(this.#o.kube, ctx.cache).read('Secret', namespace, name);
    if (s === undefined) throw new ChartResolveError('SourceNotReady', `secret '${namespace}/${name}' not found`);
    return s.data;
  }
}
