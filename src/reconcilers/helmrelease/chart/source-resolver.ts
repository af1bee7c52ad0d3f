/**
 * The ChartResolver of the operator: dispatches on the chart's form (`spec` with a GitRepository or
 * HelmRepository sourceRef, inline `git`, inline `repository`) and enforces `--no-cross-namespace-refs`.
 */
import type { HelmRelease } from '../../../api/index.ts';
import type { GitCharts } from './git-charts.ts';
import type { RepositoryCharts } from './repository-charts.ts';
import { ChartResolveError, type ChartResolveContext, type ChartResolver, type ResolvedChart } from './resolver.ts';

export interface SourceChartResolverOptions {
  git: GitCharts;
  repositories: RepositoryCharts;
  /** refuse sourceRefs into another namespace (Flux's `--no-cross-namespace-refs`) */
  noCrossNamespaceRefs?: boolean;
}

export class SourceChartResolver implements ChartResolver {
  readonly #o: SourceChartResolverOptions;

  constructor(opts: SourceChartResolverOptions) {
    this.#o = opts;
  }

  async resolve(hr: HelmRelease, ctx: ChartResolveContext): Promise<ResolvedChart> {
    const own = hr.metadata.namespace ?? 'default';
    const { spec, git, repository } = hr.spec.chart;
    if (spec !== undefined) {
      const ns = spec.sourceRef.namespace ?? own;
      if (ns !== own && this.#o.noCrossNamespaceRefs === true) {
        throw new ChartResolveError('CrossNamespaceRef',
          `cannot use ${spec.sourceRef.kind} '${ns}/${spec.sourceRef.name}': cross-namespace references are not allowed (--no-cross-namespace-refs)`, { terminal: true });
      }
      return spec.sourceRef.kind === 'GitRepository'
        ? this.#o.git.fromGitRepository(spec, ns, ctx)
        : this.#o.repositories.fromHelmRepository(spec, ns, ctx);
    }
    if (git !== undefined) return this.#o.git.fromInlineGit(git, own, ctx);
    if (repository !== undefined) return this.#o.repositories.fromInlineRepository(repository, own, ctx);
    throw new ChartResolveError('LoadFailed', 'spec.chart names no chart', { terminal: true });
  }
}
