/**
 * The GitRepository controller: keeps an artifact of the repository's ref in the shared ArtifactStore and
 * says in the status which revision it holds.
 *
 * One reconcile of key `ns/name`:
 * 1. observe: the object from the cache (gone → forget it and collect garbage; being deleted → finalize:
 *    remove the working cache, drop the finalizer, so the next garbage collection drops the artifact); an
 *    invalid spec stalls it; `suspend` stops here, writing nothing;
 * 2. decide: fetch when due (`FetchSchedule`: new object, new generation, a new reconcile-requested-at
 *    annotation, interval or retry time reached) or when the recorded artifact is missing from the store;
 *    otherwise requeue for the time left;
 * 3. act: read the credentials Secret, `GitSource.fetch` (ls-remote; fetch and pack only for a new commit);
 * 4. record: artifact, conditions, observedGeneration, lastHandledReconcileAt, with one status apply when
 *    anything changed (a fetch of the same revision writes nothing); an Event and a change notification
 *    for a new revision. A failed fetch keeps the last artifact, reports the error code and retries with
 *    backoff (never later than the interval).
 */
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  Reason, conditionTime, durationMs, finalizer, formatIssues, parseGitRepository, reconcileRequestedAtAnnotation,
  type Artifact, type GitRepository,
} from '../../api/index.ts';
import type { Controller, ReconcileContext, Result } from '../../controller/index.ts';
import type { KubeClient } from '../../kube/index.ts';
import type { Logger } from '../../observability/logger.ts';
import type { ArtifactStore } from '../../source/artifacts/index.ts';
import { isGitSourceError, type GitArtifact, type GitSource } from '../../source/git/index.ts';
import type { EventRecorder } from '../shared/events.ts';
import { gitRepositoryGvk } from '../shared/kinds.ts';
import { configReader } from '../shared/object-reader.ts';
import { addFinalizer, removeFinalizer } from '../shared/object-writes.ts';
import { withJitter } from '../shared/requeue.ts';
import type { ArtifactGc } from './artifact-gc.ts';
import { FetchSchedule } from './fetch-schedule.ts';
import {
  reportArtifact, reportFailure, reportInvalidSpec, reportProgress, type FetchFailure, type GitRepositoryObject, type SourceReporter,
} from './git-repository-report.ts';
import { RetryBackoff } from './retry-backoff.ts';
import type { SourceArtifacts } from './source-artifacts.ts';
import { applyStatus } from '../shared/status-apply.ts';

export interface GitRepositoryReconcilerOptions {
  kube: KubeClient;
  git: Pick<GitSource, 'fetch' | 'removeCache'>;
  store: ArtifactStore;
  sources: SourceArtifacts;
  gc: ArtifactGc;
  events: EventRecorder;
  log: Logger;
  /** `status.artifact.url` for a stored artifact (default its `file://` URL) */
  artifactUrl?: (absolutePath: string, relativePath: string) => string;
  retry?: RetryBackoff;
  /** workers (default: the manager's) */
  concurrent?: number;
}

/** The working cache of a GitRepository in GitSource. */
export const gitCacheKey = (key: string): string => `gitrepository/${key}`;

class SecretMissing extends Error {}

export class GitRepositoryReconciler implements Controller {
  readonly name = 'gitrepository';
  readonly kind = gitRepositoryGvk;
  readonly concurrent?: number;
  readonly #o: GitRepositoryReconcilerOptions;
  readonly #schedule = new FetchSchedule();
  readonly #retry: RetryBackoff;

  constructor(opts: GitRepositoryReconcilerOptions) {
    this.#o = opts;
    this.#retry = opts.retry ?? new RetryBackoff();
    if (opts.concurrent !== undefined) this.concurrent = opts.concurrent;
  }

  async reconcile(key: string, ctx: ReconcileContext): Promise<Result> {
    const cached = ctx.cache.get<GitRepositoryObject>(gitRepositoryGvk, key);
    if (cached === undefined) {
      this.#forget(key);
      this.#o.gc.request();
      await this.#o.gc.maybeRun(ctx.cache);
      return {};
    }
    if (cached.metadata.deletionTimestamp !== undefined) return this.#finalize(key, cached, ctx);
    const obj = structuredClone(cached);
    const before = structuredClone(cached.status ?? {});
    const parsed = parseGitRepository(obj);
    if (!parsed.ok) {
      reportInvalidSpec(obj, `invalid spec: ${formatIssues(parsed.issues)}`);
      (obj.status ??= {}).observedGeneration = obj.metadata.generation;
      await applyStatus(this.#o.kube, cached, before, obj.status);
      return {};
    }
    const repo = parsed.value;
    if (repo.spec.suspend) {
      ctx.log.debug('reconciliation is suspended');
      return {};
    }
    await addFinalizer(this.#o.kube, cached, finalizer);
    const trigger = { generation: obj.metadata.generation, requested: obj.metadata.annotations?.[reconcileRequestedAtAnnotation] };
    const artifact = obj.status?.artifact;
    const stored = artifact?.digest !== undefined && await this.#o.store.has(artifact.digest);
    const wait = this.#schedule.wait(key, trigger);
    if (wait > 0 && stored) return { requeueAfter: wait };
    const requeue = await this.#fetch(key, repo, obj, cached, before, ctx);
    this.#schedule.attempted(key, trigger, requeue);
    await this.#o.gc.maybeRun(ctx.cache, obj.status?.artifact?.digest !== undefined ? [obj.status.artifact.digest] : []);
    return { requeueAfter: requeue };
  }

  /** Fetches, records the outcome in `obj.status` and writes it; returns the delay until the next fetch. */
  async #fetch(key: string, repo: GitRepository, obj: GitRepositoryObject, cached: GitRepositoryObject, before: unknown, ctx: ReconcileContext): Promise<number> {
    const status = (obj.status ??= {});
    const interval = durationMs(repo.spec.interval);
    const r: SourceReporter = { obj, involved: cached, events: this.#o.events };
    let written = before;
    if (status.artifact === undefined || status.observedGeneration !== obj.metadata.generation) {
      reportProgress(obj, status.artifact === undefined ? 'building artifact' : `building artifact: new generation ${obj.metadata.generation ?? 0}`);
      await applyStatus(this.#o.kube, cached, written, status);
      written = structuredClone(status);
    }
    const previousRevision = status.artifact?.revision;
    let delay: number;
    try {
      const fetched = await this.#fetchArtifact(key, repo, ctx);
      this.#retry.reset(key);
      reportArtifact(r, this.#artifact(fetched, status.artifact));
      delay = withJitter(interval);
    } catch (e) {
      // stopping (shutdown, lost leadership): record nothing, the next leader fetches again
      if (ctx.signal.aborted) throw e;
      const f = failureOf(e);
      ctx.log.warn({ reason: f.reason, err: f.message, keptRevision: previousRevision }, 'git fetch failed');
      reportFailure(r, f);
      delay = f.terminal ? withJitter(interval) : this.#retry.failed(key, interval);
    }
    status.observedGeneration = obj.metadata.generation;
    const requested = obj.metadata.annotations?.[reconcileRequestedAtAnnotation];
    if (requested !== undefined) status.lastHandledReconcileAt = requested;
    await applyStatus(this.#o.kube, cached, written, status);
    const a = status.artifact;
    if (a !== undefined && a.revision !== previousRevision) {
      ctx.log.info({ revision: a.revision, digest: a.digest }, 'new artifact');
      this.#o.sources.changes.emit({
        kind: 'GitRepository', namespace: ctx.namespace, name: ctx.name, revision: a.revision, digest: a.digest, previousRevision,
      });
    }
    return delay;
  }

  async #fetchArtifact(key: string, repo: GitRepository, ctx: ReconcileContext): Promise<GitArtifact> {
    const ns = repo.metadata.namespace ?? 'default';
    let secret: Record<string, Buffer> | undefined;
    if (repo.spec.secretRef !== undefined) {
      const s = await configReader(this.#o.kube, ctx.cache).read('Secret', ns, repo.spec.secretRef.name);
      if (s === undefined) throw new SecretMissing(`failed to get secret '${ns}/${repo.spec.secretRef.name}': not found`);
      secret = s.data;
    }
    return this.#o.git.fetch({
      cacheKey: gitCacheKey(key), url: repo.spec.url, ref: repo.spec.ref, secret, ignore: repo.spec.ignore,
      timeoutMs: durationMs(repo.spec.timeout), signal: ctx.signal,
    });
  }

  #artifact(f: GitArtifact, previous: Artifact | undefined): Artifact {
    const path = relative(this.#o.store.root, f.path);
    const url = this.#o.artifactUrl?.(f.path, path) ?? pathToFileURL(f.path).href;
    const same = previous?.digest === f.digest && previous.revision === f.revision;
    return {
      path, url, revision: f.revision, digest: f.digest,
      lastUpdateTime: same ? previous.lastUpdateTime : conditionTime(new Date()),
      size: f.size,
      ...(same && previous.metadata !== undefined ? { metadata: previous.metadata } : {}),
    };
  }

  async #finalize(key: string, cached: GitRepositoryObject, ctx: ReconcileContext): Promise<Result> {
    this.#forget(key);
    if (!(cached.metadata.finalizers ?? []).includes(finalizer)) return {};
    await this.#o.git.removeCache(gitCacheKey(key));
    await removeFinalizer(this.#o.kube, cached, finalizer);
    this.#o.gc.request();
    const previousRevision = cached.status?.artifact?.revision;
    this.#o.sources.changes.emit({ kind: 'GitRepository', namespace: ctx.namespace, name: ctx.name, revision: undefined, digest: undefined, previousRevision });
    ctx.log.info('finalized: working cache removed; the artifact goes at the next garbage collection');
    return {};
  }

  #forget(key: string): void {
    this.#schedule.forget(key);
    this.#retry.reset(key);
  }
}

function failureOf(e: unknown): FetchFailure {
  if (e instanceof SecretMissing) return { reason: Reason.AuthenticationFailed, message: e.message, storage: false, terminal: false };
  if (isGitSourceError(e)) return { reason: e.code, message: e.message, storage: e.code === 'StorageFailed', terminal: e.terminal };
  // anything else (an API error reading the Secret, a bug): no credentials can be in it, the fetch scrubs its own
  return { reason: Reason.GitOperationFailed, message: e instanceof Error ? e.message : String(e), storage: false, terminal: false };
}
