/**
 * The ImagePolicy controller: chooses the latest tag of an ImageRepository by the policy (Flux's
 * ImagePolicyReconciler), holding back tags recorded as bad.
 *
 * One reconcile of `ns/name`:
 * 1. read it from the cache; an invalid spec (or a policy that does not compile: bad range, pattern) stalls it;
 * 2. find the ImageRepository (`imageRepositoryRef`, namespace defaulting to the policy's) and its tags in the
 *    TagStore; without tags yet (no scan by this process) nothing is written: `latestRef` stays as it was;
 * 3. choose (policy-choice.ts) with the tags of the `image.capstan.dev/excluded-tags` annotation held back;
 * 4. on a new choice, move `latestRef` to `observedPreviousRef`, look up the new tag's digest (manifest HEAD;
 *    a failure leaves `digest` out and is retried on the next reconcile), and record an Event;
 * 5. Ready=True (`PolicyMatched`, or `TagHeldBack` naming the bad tag), or False (`NoMatchingTag`,
 *    `DependencyNotReady`); the status is written only when it changed.
 * Reconciled again whenever its ImageRepository changes (every scan writes its status); no interval of its own.
 */
import {
  ConditionType, Reason, deleteCondition, formatIssues, getCondition, markFalse, markReady, markStalled, markUnknown,
  parseImagePolicy, parseImageRepository, type ImagePolicy, type ImagePolicyStatus, type ImageRef, type ImageRepository,
} from '../../api/index.ts';
import type { Controller, ReconcileContext, Result } from '../../controller/index.ts';
import { ImageRegistryClient, isPolicyError } from '../../image/index.ts';
import type { KubeClient, KubeObject } from '../../kube/index.ts';
import type { EventRecorder } from '../shared/events.ts';
import { configReader } from '../shared/object-reader.ts';
import { messageOf } from './errors.ts';
import { parseExcludedTags } from './excluded-tags.ts';
import { excludedTagsAnnotation, imagePolicyGvk, imageRepositoryGvk } from './kinds.ts';
import { choosePolicyTag } from './policy-choice.ts';
import { registryAccess, scanSignal } from './registry-access.ts';
import { finishStatus, workingCopy, type StatusObject } from './status.ts';
import type { TagStore } from './tag-store.ts';

export interface ImagePolicyReconcilerOptions {
  kube: KubeClient;
  events: EventRecorder;
  tags: TagStore;
  concurrent?: number;
  /** how soon to try a failed digest lookup again (default 30 s) */
  digestRetryMs?: number;
}

type PolicyObject = KubeObject & { status?: ImagePolicyStatus };

/** `namespace/name` of the ImageRepository a policy reads. */
export function repositoryKeyOf(p: { metadata: { namespace?: string | undefined }; spec?: { imageRepositoryRef?: { name: string; namespace?: string | undefined } } }): string | undefined {
  const ref = p.spec?.imageRepositoryRef;
  return ref === undefined ? undefined : `${ref.namespace ?? p.metadata.namespace ?? 'default'}/${ref.name}`;
}

const sameRef = (a: ImageRef | undefined, b: ImageRef | undefined): boolean => a?.name === b?.name && a?.tag === b?.tag;

export class ImagePolicyReconciler implements Controller {
  readonly name = 'imagepolicy';
  readonly kind = imagePolicyGvk;
  readonly concurrent?: number;
  readonly #o: ImagePolicyReconcilerOptions;

  constructor(o: ImagePolicyReconcilerOptions) {
    this.#o = o;
    if (o.concurrent !== undefined) this.concurrent = o.concurrent;
  }

  async reconcile(key: string, ctx: ReconcileContext): Promise<Result> {
    const cached = ctx.cache.get<PolicyObject>(imagePolicyGvk, key);
    if (cached === undefined || cached.metadata.deletionTimestamp !== undefined) return {};
    const { obj, before } = workingCopy(cached);
    const readyBefore = getCondition(cached, ConditionType.Ready);
    const parsed = parseImagePolicy(obj);
    let requeue: Result = {};
    if (!parsed.ok) {
      const message = `invalid spec: ${formatIssues(parsed.issues)}`;
      markStalled(obj, Reason.InvalidSpec, message);
      markFalse(obj, ConditionType.Ready, Reason.InvalidSpec, message);
    } else {
      const outcome = await this.#choose(parsed.value, obj, ctx);
      if (outcome === 'wait') return {};
      requeue = outcome;
    }
    const status = obj.status as ImagePolicyStatus;
    await finishStatus(obj, before, {
      kube: this.#o.kube, events: this.#o.events, readyBefore, settle: { cache: ctx.cache, kind: imagePolicyGvk },
      ...(status.latestRef !== undefined ? { eventAnnotations: { 'image.capstan.dev/tag': status.latestRef.tag } } : {}),
    });
    return requeue;
  }

  /** Steps 2–5 into `obj`; 'wait' when nothing is to be written yet. */
  async #choose(policy: ImagePolicy, obj: StatusObject, ctx: ReconcileContext): Promise<Result | 'wait'> {
    const status = obj.status as ImagePolicyStatus;
    const repoKey = repositoryKeyOf(policy) ?? '';
    const rawRepo = ctx.cache.get(imageRepositoryGvk, repoKey);
    const repoParsed = rawRepo === undefined ? undefined : parseImageRepository(rawRepo);
    if (repoParsed === undefined || !repoParsed.ok) {
      const why = repoParsed === undefined ? 'not found' : `invalid: ${formatIssues(repoParsed.issues)}`;
      markFalse(obj, ConditionType.Ready, Reason.DependencyNotReady, `ImageRepository ${repoKey} ${why}`);
      return {};
    }
    const repo = repoParsed.value;
    const scanned = this.#o.tags.get(repoKey);
    if (scanned === undefined) {
      const repoReady = getCondition(repo, ConditionType.Ready);
      if (repoReady?.status === 'False') {
        markFalse(obj, ConditionType.Ready, Reason.DependencyNotReady, `ImageRepository ${repoKey} has no tags: ${repoReady.message}`);
        return {};
      }
      if (status.latestRef !== undefined) return 'wait';
      markUnknown(obj, ConditionType.Ready, Reason.WaitingForScan, `waiting for ImageRepository ${repoKey} to be scanned`);
      return {};
    }
    const excluded = new Set(parseExcludedTags(policy.metadata.annotations?.[excludedTagsAnnotation]));
    let choice;
    try {
      choice = choosePolicyTag(scanned.tags, { policy: policy.spec.policy, filterTags: policy.spec.filterTags }, excluded);
    } catch (e) {
      if (!isPolicyError(e)) throw e;
      const message = `invalid policy: spec.${e.field}: ${e.message.slice(e.field.length + 2)}`;
      markStalled(obj, Reason.InvalidSpec, message);
      markFalse(obj, ConditionType.Ready, Reason.InvalidSpec, message);
      return {};
    }
    deleteCondition(obj, ConditionType.Stalled);
    if (choice.tag === undefined) {
      const held = excluded.size > 0 ? ` (bad tags held back: ${[...excluded].join(', ')})` : '';
      markFalse(obj, ConditionType.Ready, Reason.NoMatchingTag, `no tag of ${repo.spec.image} matches the policy among ${scanned.tags.length} tags${held}`);
      return {};
    }
    const next: ImageRef = { name: repo.spec.image, tag: choice.tag };
    let retry: Result = {};
    if (!sameRef(status.latestRef, next) || status.latestRef?.digest === undefined) {
      const found = await this.#digest(repo, choice.tag, ctx);
      if (found === undefined) retry = { requeueAfter: this.#o.digestRetryMs ?? 30_000 };
      if (!sameRef(status.latestRef, next)) {
        if (status.latestRef !== undefined) status.observedPreviousRef = status.latestRef;
        ctx.log.info({ image: next.name, from: status.latestRef?.tag, to: next.tag }, 'latest image tag changed');
      }
      status.latestRef = { ...next, ...(found !== undefined ? { digest: found } : {}) };
    }
    const image = `${repo.spec.image}:${choice.tag}`;
    if (choice.heldBackBy !== undefined) {
      markReady(obj, Reason.TagHeldBack, `Latest image tag for ${repo.spec.image} resolved to ${choice.tag}: ${choice.heldBackBy} and older tags are held back as bad (annotation ${excludedTagsAnnotation}) until a newer tag appears`);
    } else {
      markReady(obj, Reason.PolicyMatched, `Latest image tag for ${repo.spec.image} resolved to ${choice.tag}`);
    }
    ctx.log.debug({ image }, 'policy evaluated');
    return retry;
  }

  /** The tag's manifest digest, or undefined (logged) when the registry cannot tell now. */
  async #digest(repo: ImageRepository, tag: string, ctx: ReconcileContext): Promise<string | undefined> {
    let client: ImageRegistryClient | undefined;
    try {
      client = new ImageRegistryClient(await registryAccess(repo, configReader(this.#o.kube, ctx.cache), ctx.log));
      return await client.manifestDigest(tag, scanSignal(repo, ctx.signal));
    } catch (e) {
      ctx.log.warn({ tag, err: messageOf(e) }, 'digest lookup failed; latestRef is written without a digest');
      return undefined;
    } finally {
      client?.close();
    }
  }
}
