/**
 * The GitSync controller: keeps the objects under a path of a GitRepository's revision applied.
 *
 * One reconcile of key `ns/name`:
 * 1. observe: the GitSync from the cache (gone → forget it; being deleted → finalize: prune everything it
 *    applied when `prune` is on, then drop the finalizer); an invalid spec stalls it; `suspend` stops here,
 *    writing nothing;
 * 2. check `dependsOn` (every GitSync named Ready for its generation) and the source (the GitRepository,
 *    its revision's files);
 * 3. decide: a full sync when the revision, the generation or `capstan.dev/reconcile-requested-at` changed,
 *    the last sync failed or `interval` elapsed; otherwise only the health of what was applied is looked at
 *    again (a HelmRelease it applied changed);
 * 4. act: build, dry-run, apply and prune (sync.ts), then the health summary (HelmReleases Ready, workloads
 *    available);
 * 5. record: conditions (Ready, Reconciling, Healthy, FluxFieldsIgnored), inventory, revisions,
 *    observedGeneration, with one status apply when anything changed, and Events with the revision.
 *
 * A failed sync leaves what was applied before in place, records why (file:line of the document, the
 * object, the API server's words) and is retried after `retryInterval`.
 */
import {
  ConditionType, Reason, durationMs, finalizer, formatIssues, markFalse, markStalled, parseGitRepository, parseGitSync,
  reconcileRequestedAtAnnotation, type GitRepository, type GitSync, type GitSyncStatus,
} from '../../api/index.ts';
import type { Controller, ReconcileContext, Result } from '../../controller/index.ts';
import type { KubeClient, KubeObject } from '../../kube/index.ts';
import type { Logger } from '../../observability/logger.ts';
import type { EventRecorder } from '../shared/events.ts';
import { gitRepositoryGvk, helmReleaseGvk, helmRepositoryGvk } from '../shared/kinds.ts';
import { addFinalizer, removeFinalizer } from '../shared/object-writes.ts';
import { withJitter } from '../shared/requeue.ts';
import { checkDependencies } from './dependencies.ts';
import { GitSyncError } from './errors.ts';
import { checkHealth } from './health.ts';
import { gitSyncGvk } from './kinds.ts';
import { reportChanges, reportFailure, reportHealth, reportIgnoredFields, reportProgress, type Reporter } from './report.ts';
import type { SourceTrees } from './source-trees.ts';
import { applyStatus } from '../shared/status-apply.ts';
import { finalizeGitSync } from './finalize.ts';
import { syncTree } from './sync.ts';

export interface GitSyncReconcilerOptions {
  /** the controller's own client: status, finalizers, sources, health */
  kube: KubeClient;
  log: Logger;
  events: EventRecorder;
  sources: SourceTrees;
  /** a client acting as `system:serviceaccount:<namespace>:<name>` (spec.serviceAccountName) */
  impersonate?: (namespace: string, serviceAccount: string) => Promise<KubeClient>;
  /** how soon to look again at unready dependencies (default 30 s; their changes also trigger a reconcile) */
  requeueDependencyMs?: number;
  /** how often to look at the health of applied objects while it is in progress (default 5 s) */
  healthPollMs?: number;
  /** workers (default: the manager's) */
  concurrent?: number;
  now?: () => number;
}

type GitSyncObject = KubeObject & { status?: GitSyncStatus };

interface LastSync { revision: string; generation: number | undefined; requested: string | undefined; at: number }

/** One reconcile of one GitSync, as its steps share it. */
interface Run {
  key: string;
  gs: GitSync;
  /** the status being built (the object's copy) */
  status: GitSyncStatus;
  r: Reporter;
  ctx: ReconcileContext;
  /** writes the status built so far, now */
  flush: () => Promise<void>;
}

export class GitSyncReconciler implements Controller {
  readonly name = 'gitsync';
  readonly kind = gitSyncGvk;
  readonly concurrent?: number;
  readonly #o: GitSyncReconcilerOptions;
  readonly #last = new Map<string, LastSync>();
  /** the object as stored by this controller's last write, per key (newer than the cache until its event arrives) */
  readonly #written = new Map<string, GitSyncObject>();

  constructor(opts: GitSyncReconcilerOptions) {
    this.#o = opts;
    if (opts.concurrent !== undefined) this.concurrent = opts.concurrent;
  }

  async reconcile(key: string, ctx: ReconcileContext): Promise<Result> {
    const inCache = ctx.cache.get<GitSyncObject>(gitSyncGvk, key);
    if (inCache === undefined) {
      this.#last.delete(key);
      this.#written.delete(key);
      return {};
    }
    const cached = newest(inCache, this.#written.get(key));
    const remember = (stored: KubeObject | undefined): void => {
      if (stored !== undefined) this.#written.set(key, stored as GitSyncObject);
    };
    const obj = structuredClone(cached);
    let before: unknown = structuredClone(cached.status ?? {});
    obj.status ??= {};
    if (obj.metadata.deletionTimestamp !== undefined) {
      this.#last.delete(key);
      return finalizeGitSync(cached, { kube: this.#o.kube, log: ctx.log, events: this.#o.events, impersonate: this.#o.impersonate, signal: ctx.signal });
    }
    const parsed = parseGitSync(obj);
    if (!parsed.ok) {
      const message = `invalid spec: ${formatIssues(parsed.issues)}`;
      markStalled(obj, Reason.InvalidSpec, message);
      markFalse(obj, ConditionType.Ready, Reason.InvalidSpec, message);
      obj.status.observedGeneration = obj.metadata.generation;
      remember(await applyStatus(this.#o.kube, cached, before, obj.status));
      return {};
    }
    const gs = parsed.value;
    if (gs.spec.suspend) return {};
    remember(gs.spec.prune ? await addFinalizer(this.#o.kube, cached, finalizer) : await removeFinalizer(this.#o.kube, cached, finalizer));
    const r: Reporter = { obj, involved: cached, events: this.#o.events, revision: undefined };
    const requeue = await this.#sync({
      key, gs, status: obj.status, r, ctx,
      flush: async () => {
        remember(await applyStatus(this.#o.kube, cached, before, obj.status));
        before = structuredClone(obj.status);
      },
    });
    obj.status.observedGeneration = obj.metadata.generation;
    const requested = obj.metadata.annotations?.[reconcileRequestedAtAnnotation];
    if (requested !== undefined) obj.status.lastHandledReconcileAt = requested;
    remember(await applyStatus(this.#o.kube, cached, before, obj.status));
    return { requeueAfter: requeue };
  }

  /** Steps 2–4; records into the status; returns the requeue delay. */
  async #sync(run: Run): Promise<number> {
    const { key, gs, status, r, ctx } = run;
    const interval = durationMs(gs.spec.interval);
    const retry = gs.spec.retryInterval !== undefined ? durationMs(gs.spec.retryInterval) : interval;
    const dependencies = checkDependencies(gs, ctx.cache);
    if (dependencies !== undefined) {
      reportFailure(r, Reason.DependencyNotReady, dependencies);
      return this.#o.requeueDependencyMs ?? 30_000;
    }
    const requested = gs.metadata.annotations?.[reconcileRequestedAtAnnotation];
    try {
      const repo = await this.#gitRepository(gs, ctx);
      const last = this.#last.get(key);
      const published = repo.status?.artifact?.revision;
      const fresh = last !== undefined && last.generation === gs.metadata.generation && last.requested === requested
        && (published === undefined || published === last.revision) && (this.#o.now ?? Date.now)() - last.at < interval;
      if (!fresh) await this.#fullSync(run, repo);
      r.revision = status.lastAppliedRevision;
    } catch (e) {
      this.#last.delete(key);
      const err = e instanceof GitSyncError ? e : new GitSyncError(Reason.ReconciliationFailed, [{ message: e instanceof Error ? e.message : String(e) }], { cause: e });
      if (err.inventory !== undefined) status.inventory = { entries: [...err.inventory] };
      ctx.log.warn({ reason: err.code, err: err.message }, 'sync failed');
      reportFailure(r, err.code, err.message);
      return retry;
    }
    const h = await checkHealth(status.inventory?.entries ?? [], {
      kube: this.#o.kube, cache: ctx.cache, cachedKinds: [helmReleaseGvk, gitRepositoryGvk, helmRepositoryGvk, gitSyncGvk],
    });
    reportHealth(r, h);
    if (h.status === 'Unknown') return Math.min(this.#o.healthPollMs ?? 5000, interval);
    return withJitter(h.status === 'True' ? interval : retry);
  }

  async #fullSync(run: Run, repo: GitRepository): Promise<void> {
    const { key, gs, status, r, ctx, flush } = run;
    const tree = await this.#o.sources.tree(repo, { signal: ctx.signal });
    r.revision = tree.revision;
    status.lastAttemptedRevision = tree.revision;
    if (tree.revision !== status.lastAppliedRevision || status.observedGeneration !== gs.metadata.generation) {
      reportProgress(r, tree.revision);
      await flush();
    }
    const ns = gs.metadata.namespace ?? 'default';
    const kube = await this.#applier(ns, gs.spec.serviceAccountName);
    const outcome = await syncTree({
      dir: tree.dir, path: gs.spec.path, targetNamespace: gs.spec.targetNamespace, prune: gs.spec.prune,
      owner: { namespace: ns, name: gs.metadata.name }, previous: status.inventory?.entries ?? [],
      kube, log: ctx.log, signal: ctx.signal,
      timeoutMs: durationMs(gs.spec.timeout ?? gs.spec.interval),
    });
    status.inventory = { entries: outcome.inventory };
    status.lastAppliedRevision = tree.revision;
    reportChanges(r, outcome.changes, outcome.kept);
    reportIgnoredFields(r, outcome.ignored);
    const changed = outcome.changes.filter((c) => c.action !== 'unchanged').length;
    ctx.log.info({ revision: tree.revision, objects: outcome.inventory.length, changed }, changed > 0 ? 'applied' : 'in sync');
    this.#last.set(key, {
      revision: tree.revision, generation: gs.metadata.generation, at: (this.#o.now ?? Date.now)(),
      requested: gs.metadata.annotations?.[reconcileRequestedAtAnnotation],
    });
  }

  /** The client objects are applied with: the controller's, or one acting as spec.serviceAccountName. */
  async #applier(namespace: string, serviceAccount: string | undefined): Promise<KubeClient> {
    if (serviceAccount === undefined) return this.#o.kube;
    if (this.#o.impersonate === undefined) {
      throw new GitSyncError(Reason.ApplyFailed, [{ message: 'spec.serviceAccountName is set but this operator cannot act as a ServiceAccount' }]);
    }
    try {
      return await this.#o.impersonate(namespace, serviceAccount);
    } catch (e) {
      throw new GitSyncError(Reason.ApplyFailed, [{ message: `acting as ServiceAccount ${namespace}/${serviceAccount}: ${e instanceof Error ? e.message : String(e)}` }], { cause: e });
    }
  }

  async #gitRepository(gs: GitSync, ctx: ReconcileContext): Promise<GitRepository> {
    const ns = gs.spec.sourceRef.namespace ?? gs.metadata.namespace ?? 'default';
    const key = `${ns}/${gs.spec.sourceRef.name}`;
    const raw = ctx.cache.has(gitRepositoryGvk)
      ? ctx.cache.get(gitRepositoryGvk, key)
      : await this.#o.kube.get({ apiVersion: gitRepositoryGvk.apiVersion, kind: gitRepositoryGvk.kind, name: gs.spec.sourceRef.name, namespace: ns });
    if (raw === undefined) throw new GitSyncError(Reason.ArtifactFailed, [{ message: `GitRepository ${key} not found` }]);
    const parsed = parseGitRepository(raw);
    if (!parsed.ok) throw new GitSyncError(Reason.ArtifactFailed, [{ message: `GitRepository ${key} is invalid: ${formatIssues(parsed.issues)}` }]);
    return parsed.value;
  }
}

/**
 * The newer of the cached object and the one this controller last stored: right after a write the cache
 * may not have the write's event yet, and a status computed from the older copy would undo it. Resource
 * versions are compared as numbers when both are (etcd revisions); otherwise the cache wins.
 */
function newest(cached: GitSyncObject, written: GitSyncObject | undefined): GitSyncObject {
  const a = written?.metadata.resourceVersion;
  const b = cached.metadata.resourceVersion;
  if (written === undefined || a === undefined || b === undefined || !/^\d+$/.test(a) || !/^\d+$/.test(b)) return cached;
  return BigInt(a) > BigInt(b) ? written : cached;
}
