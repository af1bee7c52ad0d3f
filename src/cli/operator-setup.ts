/**
 * Wiring the operator: one Manager, the artifact store and Git cache, the chart resolver, the release
 * clients (ServiceAccount impersonation), the event recorder, and the HelmRelease, GitRepository and
 * HelmRepository controllers. `capstan operator` parses its flags into these options; tests run the same
 * wiring in process.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import { Manager, type ManagerOptions } from '../controller/index.ts';
import { KubeClient, LeaseClient } from '../kube/index.ts';
import type { Logger } from '../observability/logger.ts';
import {
  GitCharts, HelmReleaseReconciler, ReleaseClientFactory, RepositoryCharts, ServiceAccountTokens, SourceChartResolver,
  setupHelmReleaseController,
} from '../reconcilers/helmrelease/index.ts';
import { ConditionMetrics } from '../reconcilers/shared/condition-metrics.ts';
import { KubeEventRecorder } from '../reconcilers/shared/events.ts';
import { SourceArtifacts, registerSourceControllers } from '../reconcilers/source/index.ts';
import { ArtifactSourceTrees, register as registerGitSync } from '../reconcilers/gitsync/index.ts';
import { register as registerImageAutomation } from '../reconcilers/image/index.ts';
import { ArtifactStore } from '../source/artifacts/index.ts';
import { GitSource } from '../source/git/index.ts';
import { setTextCacheBudget, textCacheStats } from '@capstan/text-cache';
import { Gauge } from 'prom-client';

export type OperatorOptions = Omit<ManagerOptions, 'kubeConfig' | 'log'> & {
  kubeConfig: KubeConfig;
  log: Logger;
  /** artifacts, Git working caches and unpacked trees (default $CAPSTAN_CACHE, else the OS temp dir) */
  cacheDir?: string;
  noCrossNamespaceRefs?: boolean;
  defaultServiceAccount?: string;
  requeueDependencyMs?: number;
  watchConfigsLabelSelector?: string;
  /** do not run the GitRepository and HelmRepository controllers */
  noSourceControllers?: boolean;
  /** do not run the GitSync controller (tests that register their own) */
  noGitSync?: boolean;
  /** do not run the image automation controllers */
  noImageAutomation?: boolean;
  /**
   * memory for the process-wide render caches (parsed templates, values, schemas, manifest heads) in bytes,
   * default 64 MiB; 0 turns them off (every reconcile parses again)
   */
  renderCacheBytes?: number;
};

export interface Operator {
  manager: Manager;
  events: KubeEventRecorder;
  /** the artifact store, Git source and source artifacts the controllers share (for more controllers on this manager) */
  store: ArtifactStore;
  git: GitSource;
  sources: SourceArtifacts;
  /** call after `manager.start` resolved: closes repository connections, writes pending events */
  close(): Promise<void>;
}

const DEFAULT_RENDER_CACHE_BYTES = 64 * 1024 * 1024;

/** capstan_render_cache_bytes{cache}: each render cache's estimated memory, read at scrape time. */
function registerRenderCacheMetric(manager: Manager): void {
  if (manager.metrics.registry.getSingleMetric('capstan_render_cache_bytes') !== undefined) return;
  new Gauge({
    name: 'capstan_render_cache_bytes',
    help: 'Estimated memory held by each render cache (parsed templates, values, schemas, manifest heads), in bytes.',
    labelNames: ['cache'],
    registers: [manager.metrics.registry],
    collect() {
      for (const s of textCacheStats()) this.set({ cache: s.name }, s.estimatedBytes);
    },
  });
}

export async function createOperator(o: OperatorOptions): Promise<Operator> {
  const { kubeConfig: kc, log, cacheDir: dir, noCrossNamespaceRefs, defaultServiceAccount, requeueDependencyMs, watchConfigsLabelSelector, noSourceControllers, noGitSync, noImageAutomation, renderCacheBytes, ...mgrOpts } = o;
  setTextCacheBudget(renderCacheBytes ?? DEFAULT_RENDER_CACHE_BYTES);
  const cacheDir = dir ?? process.env['CAPSTAN_CACHE'] ?? join(tmpdir(), 'capstan-operator');
  const manager = new Manager({ ...mgrOpts, kubeConfig: kc, log });
  registerRenderCacheMetric(manager);
  const identity = manager.identity ?? o.identity ?? `${process.env['POD_NAME'] ?? 'capstan'}-${process.pid}`;
  const kube = new KubeClient(kc);
  const events = new KubeEventRecorder({ core: kube.core, component: 'capstan', instance: identity, log });
  const store = await ArtifactStore.open({ root: join(cacheDir, 'artifacts'), log });
  const git = new GitSource({ cacheDir: join(cacheDir, 'git'), store, log });
  // the one service every controller reads Git trees through (unpacked once per artifact), fetching itself what
  // the store does not hold (no source controllers here, a GitRepository not fetched yet, inline chart.git)
  const sources = new SourceArtifacts({ store, kube, log, git, dir: join(cacheDir, 'trees'), cache: manager.cache });
  const repositories = new RepositoryCharts({ kube, log, sources });
  const resolver = new SourceChartResolver({
    git: new GitCharts({ kube, sources }),
    repositories, noCrossNamespaceRefs: noCrossNamespaceRefs === true,
  });
  const tokens = new ServiceAccountTokens({ core: kube.core, kubeConfig: kc });
  const clients = new ReleaseClientFactory({
    kubeConfig: kc, leases: new LeaseClient(kc), tokens,
    holder: `capstan-operator@${identity}`, log: log.child({ component: 'helm' }), defaultServiceAccount,
  });
  if (noSourceControllers !== true) registerSourceControllers(manager, { kube, log, events, store, git, sources });
  const hr = new HelmReleaseReconciler({ kube, resolver, clients, events, metrics: new ConditionMetrics(manager.metrics), ...(requeueDependencyMs !== undefined ? { requeueDependencyMs } : {}) });
  setupHelmReleaseController(manager, hr, watchConfigsLabelSelector !== undefined ? { watchConfigsLabelSelector } : {});
  if (noGitSync !== true) {
    registerGitSync(manager, {
      kube, log: log.child({ controller: 'gitsync' }), events,
      sources: new ArtifactSourceTrees(sources),
      impersonate: async (ns, sa) => new KubeClient((await tokens.kubeConfig(ns, sa)).kc),
      ...(requeueDependencyMs !== undefined ? { requeueDependencyMs } : {}),
    });
  }
  if (noImageAutomation !== true) registerImageAutomation(manager, { kube, events, workDir: join(cacheDir, 'image-automation') });
  return {
    manager, events, store, git, sources,
    close: async () => {
      repositories.close();
      sources.close();
      await events.flush();
    },
  };
}
