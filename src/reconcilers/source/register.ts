/**
 * Wiring the source controllers into a Manager (before it starts): GitRepository and HelmRepository,
 * reconciled on spec, label, annotation, finalizer and deletion changes (so `capstan.dev/reconcile-requested-at`
 * fetches at once; their own status writes do not come back as reconciles), sharing one SourceArtifacts service and one
 * garbage collector of the ArtifactStore.
 *
 * ```ts
 * const store = await ArtifactStore.open({ root: `${dataDir}/artifacts`, log });
 * const git = new GitSource({ cacheDir: `${dataDir}/git`, store, log });
 * const sources = new SourceArtifacts({ store, kube, log, git, dir: `${dataDir}/trees`, cache: manager.cache });
 * registerSourceControllers(manager, { kube, log, events, store, git, sources });
 * ```
 */
import type { Manager } from '../../controller/index.ts';
import type { KubeClient } from '../../kube/index.ts';
import type { Logger } from '../../observability/logger.ts';
import type { ArtifactStore } from '../../source/artifacts/index.ts';
import type { GitSource } from '../../source/git/index.ts';
import type { EventRecorder } from '../shared/events.ts';
import { specOrMetadataChangedPredicate } from '../shared/predicates.ts';
import { ArtifactGc } from './artifact-gc.ts';
import { GitRepositoryReconciler } from './git-repository-reconciler.ts';
import { HelmRepositoryReconciler } from './helm-repository-reconciler.ts';
import type { SourceArtifacts } from './source-artifacts.ts';

export interface SourceControllersDeps {
  kube: KubeClient;
  log: Logger;
  events: EventRecorder;
  store: ArtifactStore;
  git: Pick<GitSource, 'fetch' | 'removeCache'>;
  sources: SourceArtifacts;
  /** artifact garbage collection: how often (default 10 minutes) and the grace period (default 5 minutes) */
  gc?: { intervalMs?: number; graceMs?: number; keep?: () => Iterable<string> };
  /** `status.artifact.url` of a stored artifact (default its `file://` URL) */
  artifactUrl?: (absolutePath: string, relativePath: string) => string;
  /** workers per controller (default: the manager's `concurrent`) */
  concurrent?: number;
  /** which controllers to add (default both) */
  controllers?: readonly ('GitRepository' | 'HelmRepository')[];
}

export interface SourceControllers {
  gitRepository?: GitRepositoryReconciler;
  helmRepository?: HelmRepositoryReconciler;
  gc: ArtifactGc;
}

export function registerSourceControllers(manager: Manager, deps: SourceControllersDeps): SourceControllers {
  deps.sources.useCache(manager.cache);
  const gc = new ArtifactGc({
    store: deps.store, log: deps.log,
    ...(deps.gc?.intervalMs !== undefined ? { intervalMs: deps.gc.intervalMs } : {}),
    ...(deps.gc?.graceMs !== undefined ? { graceMs: deps.gc.graceMs } : {}),
    ...(deps.gc?.keep !== undefined ? { keep: deps.gc.keep } : {}),
  });
  const which = new Set(deps.controllers ?? ['GitRepository', 'HelmRepository']);
  const common = { kube: deps.kube, events: deps.events, sources: deps.sources, ...(deps.concurrent !== undefined ? { concurrent: deps.concurrent } : {}) };
  const out: SourceControllers = { gc };
  if (which.has('GitRepository')) {
    out.gitRepository = new GitRepositoryReconciler({
      ...common, git: deps.git, store: deps.store, gc, log: deps.log.child({ controller: 'gitrepository' }),
      ...(deps.artifactUrl !== undefined ? { artifactUrl: deps.artifactUrl } : {}),
    });
    manager.addController(out.gitRepository, { predicates: [specOrMetadataChangedPredicate] });
  }
  if (which.has('HelmRepository')) {
    out.helmRepository = new HelmRepositoryReconciler({ ...common, log: deps.log.child({ controller: 'helmrepository' }) });
    manager.addController(out.helmRepository, { predicates: [specOrMetadataChangedPredicate] });
  }
  return out;
}
