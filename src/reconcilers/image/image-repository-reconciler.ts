/**
 * The ImageRepository controller: lists the image's tags on `interval` (Flux's image-reflector
 * ImageRepositoryReconciler).
 *
 * One reconcile of `ns/name`:
 * 1. read it from the cache (gone: forget its tags); an invalid spec stalls it; `suspend` writes nothing;
 * 2. scan when one is due: this process has no tags for it yet (first reconcile, or after a restart), the
 *    generation or `exclusionList` changed, `capstan.dev/reconcile-requested-at` has a new value, or
 *    `interval` has passed since the last scan;
 * 3. a good scan replaces the tags in the TagStore and writes `lastScanResult {tagCount, scanTime,
 *    latestTags}`, `canonicalImageName`, `observedExclusionList`, Ready=True;
 * 4. a failed scan keeps the last tags and `lastScanResult` (policies go on choosing from them) and sets
 *    Ready=False with the registry's words; an image name or exclusion pattern that cannot work stalls it.
 * Requeued after `interval` (jittered), or sooner after a failure (doubling from 1 s up to the interval).
 */
import {
  ConditionType, Reason, deleteCondition, durationMs, formatIssues, getCondition, markFalse, markReady, markStalled,
  parseImageRepository, reconcileRequestedAtAnnotation, type ImageRepository, type ImageRepositoryStatus,
} from '../../api/index.ts';
import type { Controller, ReconcileContext, Result } from '../../controller/index.ts';
import { isImageRegistryError, latestTags, scanImage } from '../../image/index.ts';
import type { KubeClient, KubeObject } from '../../kube/index.ts';
import type { EventRecorder } from '../shared/events.ts';
import { configReader } from '../shared/object-reader.ts';
import { withJitter } from '../shared/requeue.ts';
import { isImageReconcileError, messageOf } from './errors.ts';
import { imageRepositoryGvk } from './kinds.ts';
import { registryAccess, scanSignal } from './registry-access.ts';
import { finishStatus, workingCopy } from './status.ts';
import type { TagStore } from './tag-store.ts';

export interface ImageRepositoryReconcilerOptions {
  kube: KubeClient;
  events: EventRecorder;
  tags: TagStore;
  concurrent?: number;
  /** first retry delay after a failed scan (default 1 s; doubles up to the interval) */
  retryBaseMs?: number;
  now?: () => number;
}

interface LastScan {
  generation: number | undefined;
  requested: string | undefined;
  exclusions: string;
  /** when the last scan, good or bad, finished */
  at: number;
  failures: number;
}

type RepoObject = KubeObject & { status?: ImageRepositoryStatus };

export class ImageRepositoryReconciler implements Controller {
  readonly name = 'imagerepository';
  readonly kind = imageRepositoryGvk;
  readonly concurrent?: number;
  readonly #o: ImageRepositoryReconcilerOptions;
  readonly #last = new Map<string, LastScan>();

  constructor(o: ImageRepositoryReconcilerOptions) {
    this.#o = o;
    if (o.concurrent !== undefined) this.concurrent = o.concurrent;
  }

  async reconcile(key: string, ctx: ReconcileContext): Promise<Result> {
    const cached = ctx.cache.get<RepoObject>(imageRepositoryGvk, key);
    if (cached === undefined || cached.metadata.deletionTimestamp !== undefined) {
      this.#o.tags.delete(key);
      this.#last.delete(key);
      return {};
    }
    const { obj, before } = workingCopy(cached);
    const readyBefore = getCondition(cached, ConditionType.Ready);
    const finish = async (): Promise<void> => {
      await finishStatus(obj, before, { kube: this.#o.kube, events: this.#o.events, readyBefore, settle: { cache: ctx.cache, kind: imageRepositoryGvk } });
    };
    const parsed = parseImageRepository(obj);
    if (!parsed.ok) {
      const message = `invalid spec: ${formatIssues(parsed.issues)}`;
      markStalled(obj, Reason.InvalidSpec, message);
      markFalse(obj, ConditionType.Ready, Reason.InvalidSpec, message);
      await finish();
      return {};
    }
    const repo = parsed.value;
    if (repo.spec.suspend) return {};
    const interval = durationMs(repo.spec.interval);
    const now = this.#now();
    const due = this.#dueIn(key, repo, interval, now);
    if (due > 0) return { requeueAfter: due };
    const status = obj.status as ImageRepositoryStatus;
    const last: LastScan = {
      generation: repo.metadata.generation, requested: repo.metadata.annotations?.[reconcileRequestedAtAnnotation],
      exclusions: JSON.stringify(repo.spec.exclusionList), at: now, failures: 0,
    };
    try {
      const access = await registryAccess(repo, configReader(this.#o.kube, ctx.cache), ctx.log);
      const r = await scanImage({ ...access, exclusionList: repo.spec.exclusionList, signal: scanSignal(repo, ctx.signal) });
      this.#o.tags.set(key, { image: repo.spec.image, canonicalImageName: r.canonicalImageName, tags: r.tags, scanTime: r.scanTime });
      status.canonicalImageName = r.canonicalImageName;
      status.lastScanResult = { tagCount: r.tags.length, scanTime: r.scanTime.toISOString(), latestTags: latestTags(r.tags) };
      status.observedExclusionList = [...repo.spec.exclusionList];
      deleteCondition(obj, ConditionType.Stalled);
      deleteCondition(obj, ConditionType.Reconciling);
      markReady(obj, Reason.ScanSucceeded, `successful scan: found ${r.tags.length} tags`);
      ctx.log.debug({ tags: r.tags.length, excluded: r.excluded }, 'scanned');
      this.#last.set(key, { ...last, at: this.#now() });
      await finish();
      return { requeueAfter: withJitter(interval) };
    } catch (e) {
      const failures = (this.#last.get(key)?.failures ?? 0) + 1;
      this.#last.set(key, { ...last, at: this.#now(), failures });
      const terminal = (isImageRegistryError(e) && (e.code === 'InvalidImage' || e.code === 'InvalidExclusion'))
        || (isImageReconcileError(e) && e.terminal);
      const reason = terminal ? Reason.InvalidSpec : isImageReconcileError(e) ? e.code : isImageRegistryError(e) && e.code === 'Unauthorized' ? Reason.AuthenticationFailed : Reason.ScanFailed;
      const message = `scan failed: ${messageOf(e)}`;
      if (terminal) markStalled(obj, reason, message);
      markFalse(obj, ConditionType.Ready, reason, message);
      ctx.log.warn({ reason, err: messageOf(e), failures }, 'scan failed');
      await finish();
      if (terminal) return {};
      return { requeueAfter: Math.min(interval, (this.#o.retryBaseMs ?? 1000) * 2 ** Math.min(failures - 1, 20)) };
    }
  }

  /** 0 when a scan is due now, else the milliseconds until it is. */
  #dueIn(key: string, repo: ImageRepository, interval: number, now: number): number {
    const last = this.#last.get(key);
    if (last === undefined || this.#o.tags.get(key) === undefined && last.failures === 0) return 0;
    const requested = repo.metadata.annotations?.[reconcileRequestedAtAnnotation];
    if (last.generation !== repo.metadata.generation || last.requested !== requested) return 0;
    if (last.exclusions !== JSON.stringify(repo.spec.exclusionList)) return 0;
    const wait = last.failures > 0 ? Math.min(interval, (this.#o.retryBaseMs ?? 1000) * 2 ** Math.min(last.failures - 1, 20)) : interval;
    return Math.max(0, last.at + wait - now);
  }

  #now(): number {
    return (this.#o.now ?? Date.now)();
  }
}
