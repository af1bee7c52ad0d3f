/**
 * The HelmRepository controller: checks at `spec.interval` that the repository answers, and records what it
 * serves.
 * - `default` (HTTP): a conditional GET of `index.yaml` through the object's shared HelmRepositoryClient
 *   (ETag / Last-Modified; the index is streamed and only the charts HelmReleases asked for are kept), the
 *   index digest as `status.artifact.revision`/`digest` (the index itself is not stored: `path` is empty and
 *   `url` is the index address), its chart and version counts as artifact metadata;
 * - `oci`: the registry answers `GET /v2/` (charts are resolved per HelmRelease); no artifact.
 * Conditions as Flux: Ready (Succeeded), FetchFailed=True with the error code (IndexFetchFailed,
 * IndexInvalid, IndexTooLarge, RegistryUnreachable, AuthenticationFailed), Stalled for what only a change can
 * fix (InvalidURL, an unusable Secret, an invalid spec). No finalizer: nothing is kept on disk; the client is
 * dropped when the object goes.
 */
import {
  ConditionType, Reason, conditionTime, deleteCondition, durationMs, formatIssues, getCondition, markReady, markReconciling,
  markStalled, markTrue, markUnknown, parseHelmRepository, reconcileRequestedAtAnnotation, summarize,
  type Artifact, type HelmRepository, type HelmRepositoryStatus,
} from '../../api/index.ts';
import type { Controller, ReconcileContext, Result } from '../../controller/index.ts';
import type { KubeClient, KubeObject } from '../../kube/index.ts';
import type { Logger } from '../../observability/logger.ts';
import { HelmRepositoryError } from '../../source/helm-repository/index.ts';
import { OciRegistryError } from '../../source/oci/index.ts';
import type { EventRecorder } from '../shared/events.ts';
import { helmRepositoryGvk } from '../shared/kinds.ts';
import { configReader } from '../shared/object-reader.ts';
import { withJitter } from '../shared/requeue.ts';
import { FetchSchedule } from './fetch-schedule.ts';
import { HelmRepositoryAccessError, readAccess } from './helm-repository-access.ts';
import { probeRegistry, RegistryProbeError } from './oci-probe.ts';
import { RetryBackoff } from './retry-backoff.ts';
import type { SourceArtifacts } from './source-artifacts.ts';
import { applyStatus } from '../shared/status-apply.ts';

export interface HelmRepositoryReconcilerOptions {
  kube: KubeClient;
  sources: SourceArtifacts;
  events: EventRecorder;
  log: Logger;
  retry?: RetryBackoff;
  concurrent?: number;
}

type HelmRepositoryObject = KubeObject & { status?: HelmRepositoryStatus };

interface Checked { artifact?: Artifact; message: string }
interface Failure { reason: string; message: string; terminal: boolean }

const summary = [ConditionType.FetchFailed];

export class HelmRepositoryReconciler implements Controller {
  readonly name = 'helmrepository';
  readonly kind = helmRepositoryGvk;
  readonly concurrent?: number;
  readonly #o: HelmRepositoryReconcilerOptions;
  readonly #schedule = new FetchSchedule();
  readonly #retry: RetryBackoff;

  constructor(opts: HelmRepositoryReconcilerOptions) {
    this.#o = opts;
    this.#retry = opts.retry ?? new RetryBackoff();
    if (opts.concurrent !== undefined) this.concurrent = opts.concurrent;
  }

  async reconcile(key: string, ctx: ReconcileContext): Promise<Result> {
    const cached = ctx.cache.get<HelmRepositoryObject>(helmRepositoryGvk, key);
    if (cached === undefined || cached.metadata.deletionTimestamp !== undefined) {
      this.#schedule.forget(key);
      this.#retry.reset(key);
      this.#o.sources.helmClients.drop(key);
      return {};
    }
    const obj = structuredClone(cached);
    const before = structuredClone(cached.status ?? {});
    const status = (obj.status ??= {});
    const parsed = parseHelmRepository(obj);
    if (!parsed.ok) {
      markStalled(obj, Reason.InvalidSpec, `invalid spec: ${formatIssues(parsed.issues)}`);
      summarize(obj, { conditions: summary });
      status.observedGeneration = obj.metadata.generation;
      await applyStatus(this.#o.kube, cached, before, status);
      return {};
    }
    const repo = parsed.value;
    if (repo.spec.suspend) {
      ctx.log.debug('reconciliation is suspended');
      return {};
    }
    const trigger = { generation: obj.metadata.generation, requested: obj.metadata.annotations?.[reconcileRequestedAtAnnotation] };
    const wait = this.#schedule.wait(key, trigger);
    if (wait > 0) return { requeueAfter: wait };

    let written: unknown = before;
    if (status.observedGeneration !== obj.metadata.generation) {
      const message = `checking repository ${repo.spec.type === 'oci' ? 'registry' : 'index'}: new generation ${obj.metadata.generation ?? 0}`;
      markReconciling(obj, Reason.Progressing, message);
      markUnknown(obj, ConditionType.Ready, Reason.Progressing, message);
      await applyStatus(this.#o.kube, cached, written, status);
      written = structuredClone(status);
    }
    const interval = durationMs(repo.spec.interval);
    const previousRevision = status.artifact?.revision;
    let delay: number;
    try {
      const checked = await this.#check(key, repo, status.artifact, ctx);
      this.#retry.reset(key);
      this.#succeeded(obj, cached, checked);
      delay = withJitter(interval);
    } catch (e) {
      if (ctx.signal.aborted) throw e;
      const f = failureOf(e);
      ctx.log.warn({ reason: f.reason, err: f.message }, 'helm repository check failed');
      this.#failed(obj, cached, f);
      delay = f.terminal ? withJitter(interval) : this.#retry.failed(key, interval);
    }
    status.observedGeneration = obj.metadata.generation;
    if (trigger.requested !== undefined) status.lastHandledReconcileAt = trigger.requested;
    await applyStatus(this.#o.kube, cached, written, status);
    const revision = status.artifact?.revision;
    if (revision !== undefined && revision !== previousRevision) {
      this.#o.sources.changes.emit({ kind: 'HelmRepository', namespace: ctx.namespace, name: ctx.name, revision, digest: status.artifact?.digest, previousRevision });
    }
    this.#schedule.attempted(key, trigger, delay);
    return { requeueAfter: delay };
  }

  async #check(key: string, repo: HelmRepository, previous: Artifact | undefined, ctx: ReconcileContext): Promise<Checked> {
    const access = await readAccess(repo, configReader(this.#o.kube, ctx.cache));
    const handle = this.#o.sources.helmClients.client(key, access);
    if (handle.kind === 'oci') {
      await probeRegistry(access, ctx.signal);
      return { message: `Helm repository is ready: registry ${handle.client.url} answers` };
    }
    const client = handle.client;
    // the charts HelmReleases asked this client for, so the shared index cache keeps serving them
    const wanted = [...client.cached()?.entries.keys() ?? []];
    const index = await client.fetchIndex(wanted, { signal: ctx.signal });
    const same = previous?.digest === index.digest;
    const artifact: Artifact = {
      path: '', url: index.url, revision: index.digest, digest: index.digest,
      lastUpdateTime: same ? previous.lastUpdateTime : conditionTime(new Date()),
      metadata: { charts: String(index.chartCount), versions: String(index.versionCount) },
    };
    return { artifact, message: `index revision '${index.digest}': ${index.chartCount} charts, ${index.versionCount} versions` };
  }

  #succeeded(obj: HelmRepositoryObject, cached: KubeObject, c: Checked): void {
    const status = (obj.status ??= {});
    const previous = status.artifact;
    if (c.artifact !== undefined) {
      status.artifact = c.artifact;
      status.url = c.artifact.url;
    } else {
      delete status.artifact;
      delete status.url;
    }
    for (const t of [ConditionType.FetchFailed, ConditionType.Reconciling, ConditionType.Stalled, ConditionType.ArtifactInStorage]) deleteCondition(obj, t);
    markReady(obj, Reason.Succeeded, c.message);
    if (c.artifact !== undefined && previous?.revision !== c.artifact.revision) {
      this.#o.events.event(cached, 'Normal', Reason.NewArtifact, `fetched index of ${c.artifact.url}: ${c.message}`, { 'source.capstan.dev/revision': c.artifact.revision });
    }
  }

  #failed(obj: HelmRepositoryObject, cached: KubeObject, f: Failure): void {
    const was = getCondition(obj, ConditionType.FetchFailed);
    markTrue(obj, ConditionType.FetchFailed, f.reason, f.message);
    if (f.terminal) markStalled(obj, f.reason, f.message);
    else {
      deleteCondition(obj, ConditionType.Stalled);
      deleteCondition(obj, ConditionType.Reconciling);
    }
    summarize(obj, { conditions: summary });
    if (was?.status !== 'True' || was.message !== f.message || was.reason !== f.reason) this.#o.events.event(cached, 'Warning', f.reason, f.message);
  }
}

function failureOf(e: unknown): Failure {
  if (e instanceof HelmRepositoryAccessError) {
    return { reason: Reason.AuthenticationFailed, message: e.message, terminal: e.code === 'InvalidSecret' };
  }
  if (e instanceof HelmRepositoryError) {
    const auth = e.httpStatus === 401 || e.httpStatus === 403;
    return { reason: auth ? Reason.AuthenticationFailed : e.code, message: e.message, terminal: e.code === 'InvalidURL' };
  }
  if (e instanceof OciRegistryError) return { reason: e.code, message: e.message, terminal: e.code === 'InvalidReference' };
  if (e instanceof RegistryProbeError) return { reason: e.code, message: e.message, terminal: false };
  return { reason: Reason.IndexationFailed, message: e instanceof Error ? e.message : String(e), terminal: false };
}
