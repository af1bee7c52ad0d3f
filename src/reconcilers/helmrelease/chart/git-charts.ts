/**
 * Charts from Git: `chart.spec` with a GitRepository `sourceRef`, and Flux v1's inline `chart.git{url, ref,
 * path, secretRef}`. The chart is the directory at the given path of the revision's tree, which the process's
 * one SourceArtifacts service (src/reconcilers/source) unpacks: the repository's published artifact, or a
 * fetch with its url/ref/secretRef when this process's store does not hold it; inline Git is always fetched.
 */
import { createHash } from 'node:crypto';
import { parseGitRepository, type ChartGitSource, type GitRepository, type HelmChartTemplateSpec } from '../../../api/index.ts';
import { loadChartDir } from '../../../chart/index.ts';
import type { KubeClient } from '../../../kube/index.ts';
import { isGitSourceError, type GitFetchRequest, type SecretData } from '../../../source/git/index.ts';
import { gitRepositoryGvk } from '../../shared/kinds.ts';
import { SourceUnavailableError, type GitArtifactTree } from '../../source/index.ts';
import { configReader } from '../../shared/object-reader.ts';
import { dirValuesFiles, insidePath, resolvedChart } from './load.ts';
import { ChartResolveError, type ChartResolveContext, type ResolvedChart } from './resolver.ts';

/** What charts from Git need of the SourceArtifacts service (one method each, so tests can pass their own). */
export interface GitTrees {
  /** the GitRepository's revision unpacked; undefined when it has no artifact here and cannot be fetched */
  gitRepositoryTree(repo: GitRepository, opts: { signal?: AbortSignal }): Promise<GitArtifactTree | undefined>;
  /** fetches and unpacks a revision that is no GitRepository's */
  fetchGitTree(req: GitFetchRequest): Promise<GitArtifactTree>;
}

export interface GitChartsOptions {
  kube: KubeClient;
  sources: GitTrees;
}

export class GitCharts {
  readonly #o: GitChartsOptions;

  constructor(opts: GitChartsOptions) {
    this.#o = opts;
  }

  /** `chart.spec` with `sourceRef.kind: GitRepository`; `namespace` is the source's (already checked). */
  async fromGitRepository(spec: HelmChartTemplateSpec, namespace: string, ctx: ChartResolveContext): Promise<ResolvedChart> {
    const key = `${namespace}/${spec.sourceRef.name}`;
    const repo = await this.#gitRepository(namespace, spec.sourceRef.name, ctx);
    const tree = await fetching(() => this.#o.sources.gitRepositoryTree(repo, { signal: ctx.signal }));
    if (tree === undefined) throw new ChartResolveError('SourceNotReady', `GitRepository '${key}' has no artifact in this operator's store yet`);
    return load(tree, spec.chart, { spec, source: `GitRepository ${key}`, sourceObject: key });
  }

  /** Flux v1's inline `chart.git`; `namespace` is the HelmRelease's (for secretRef). */
  async fromInlineGit(src: ChartGitSource, namespace: string, ctx: ChartResolveContext): Promise<ResolvedChart> {
    const secret = src.secretRef ? await this.#secret(namespace, src.secretRef.name, ctx) : undefined;
    const cacheKey = `inline/${createHash('sha256').update(`${namespace}\n${src.url}`).digest('hex').slice(0, 16)}`;
    const tree = await fetching(() => this.#o.sources.fetchGitTree({ cacheKey, url: src.url, ref: src.ref, secret, signal: ctx.signal }));
    return load(tree, src.path, { source: src.url.replace(/\/\/[^@/]*@/, '//') });
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

  async #secret(namespace: string, name: string, ctx: ChartResolveContext): Promise<SecretData> {
    const s = await configReader(this.#o.kube, ctx.cache).read('Secret', namespace, name);
    if (s === undefined) throw new ChartResolveError('SourceNotReady', `secret '${namespace}/${name}' not found`);
    return s.data;
  }
}

/** Runs a tree lookup, turning its failures into ChartResolveErrors (bad URL, ref or Secret: terminal). */
async function fetching<T>(get: () => Promise<T>): Promise<T> {
  try {
    return await get();
  } catch (e) {
    if (e instanceof SourceUnavailableError) throw new ChartResolveError('SourceNotReady', e.message, { cause: e });
    const terminal = isGitSourceError(e) && ['InvalidUrl', 'InvalidRef', 'InvalidSecret'].includes(e.code);
    throw new ChartResolveError('FetchFailed', `fetching the chart: ${(e as Error).message}`, { terminal, cause: e });
  }
}

function load(tree: GitArtifactTree, path: string, o: { spec?: HelmChartTemplateSpec; source: string; sourceObject?: string }): ResolvedChart {
  const chartDir = insidePath(tree.dir, path, 'chart path');
  return resolvedChart({
    load: () => loadChartDir(chartDir), spec: o.spec, files: () => dirValuesFiles(chartDir, tree.dir),
    sourceRevision: tree.revision, source: `${o.source}@${tree.revision}`, sourceObject: o.sourceObject, digest: tree.digest,
  });
}
