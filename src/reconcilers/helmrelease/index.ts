/**
 * The HelmRelease controller: observe → decide → act on Helm releases (see reconciler.ts), its chart
 * resolution, drift detection and post-rendering, and its registration with a Manager.
 */
export { HelmReleaseReconciler, type HelmReleaseReconcilerOptions } from './reconciler.ts';
export { setupHelmReleaseController, type HelmReleaseSetupOptions } from './setup.ts';
export { ReleaseClientFactory, type ReleaseClientFactoryOptions, type ReleaseClients } from './release-clients.ts';
export { ServiceAccountTokens } from './service-account-tokens.ts';
export { SourceChartResolver, type SourceChartResolverOptions } from './chart/source-resolver.ts';
export { GitCharts, type GitChartsOptions, type GitTrees } from './chart/git-charts.ts';
export { RepositoryCharts } from './chart/repository-charts.ts';
export { ChartResolveError, type ChartResolver, type ResolvedChart, type ChartResolveContext } from './chart/resolver.ts';
export { decide, type DecideInput, type NextStep, type ActionName } from './decide.ts';
export { classifyRelease, type DesiredRelease, type ReleaseState, type ReleaseStatusKind } from './release-state.ts';
export { releaseTarget, shortenName, ownerLabels, ownerNameLabel, ownerNamespaceLabel, type ReleaseTarget } from './release-name.ts';
export { postRendererFor, type PostRender } from './postrender/post-renderer.ts';
export { configDigest } from './config-digest.ts';
