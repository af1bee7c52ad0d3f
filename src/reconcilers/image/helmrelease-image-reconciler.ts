/**
 * Image automation of HelmReleases by annotation, without Git (Flux v1's helm-operator automation):
 * `capstan.dev/automated: "true"` and `capstan.dev/tag.<container>: glob:…|semver:…|regex:…` (and the
 * `fluxcd.io/` spellings). Each image found in `spec.values` (src/image/annotations) takes its tags from the
 * ImageRepository scanning that image (same canonical name; one in the release's namespace first), chosen by
 * the container's filter with its bad tags held back; new tags are written into the HelmRelease's
 * `spec.values` with a merge patch, which the HelmRelease controller then rolls out.
 *
 * Health gate: the patch records the generation it made and the previous tags (`image.capstan.dev/rollout`);
 * when the HelmRelease is Stalled at that generation, the previous tags are patched back and the bad ones
 * recorded in `image.capstan.dev/excluded-tags.<container>`; when it is Ready, the record is dropped. While a
 * rollout is pending no newer tag is written.
 *
 * A HelmRelease that GitSync applies from Git gets its values back from Git on the next sync: use this for
 * releases applied by hand, and ImageUpdateAutomation with markers for releases kept in Git.
 */
import { Reason, type Condition } from '../../api/index.ts';
import { objectKey, type Controller, type ReconcileContext, type Result } from '../../controller/index.ts';
import { isPolicyError, parseImageName, patchValuesTags, readImageAutomation, type AutomatedContainer } from '../../image/index.ts';
import type { KubeClient, KubeObject } from '../../kube/index.ts';
import { ownerAnnotation } from '../gitsync/ownership.ts';
import type { EventRecorder } from '../shared/events.ts';
import { helmReleaseGvk } from '../shared/kinds.ts';
import { mergePatch } from '../shared/merge-patch.ts';
import { messageOf } from './errors.ts';
import { parseExcludedTags, withExcludedTag } from './excluded-tags.ts';
import { excludedTagsPrefix, imageRepositoryGvk, rolloutAnnotation } from './kinds.ts';
import { patchObject, refOfObject, type ObjectPatch } from './metadata-patch.ts';
import { choosePolicyTag } from './policy-choice.ts';
import { generationOutcome } from './rollout.ts';
import { settle } from './status.ts';
import type { TagStore } from './tag-store.ts';

export interface HelmReleaseImageReconcilerOptions {
  kube: KubeClient;
  events: EventRecorder;
  tags: TagStore;
  concurrent?: number;
}

/** Index of ImageRepositories by canonical image name. */
export const canonicalImageIndex = 'image.canonicalName';
/** Index of annotation-automated HelmReleases by the canonical names of their images. */
export const automatedImagesIndex = 'image.automatedImages';

type ReleaseObject = KubeObject & { spec?: { values?: Record<string, unknown>; suspend?: boolean }; status?: { conditions?: Condition[] } };

interface TrackedRollout {
  generation: number;
  containers: Record<string, { tag: string; previous: string }>;
}

/** `registry/repository` of an image, or undefined when it does not parse. */
export function canonicalImage(image: string): string | undefined {
  try {
    return parseImageName(image).canonical;
  } catch {
    return undefined;
  }
}

/** The canonical images of an automated (and not locked) HelmRelease's containers. */
export function automatedImagesOf(hr: KubeObject): string[] {
  const auto = readImageAutomation(hr as Parameters<typeof readImageAutomation>[0]);
  if (!auto.automated || auto.locked) return [];
  return [...new Set(auto.containers.map((c) => canonicalImage(c.image)).filter((c): c is string => c !== undefined))];
}

function parseTracked(value: string | undefined): TrackedRollout | undefined {
  if (value === undefined) return undefined;
  try {
    const t = JSON.parse(value) as Partial<TrackedRollout>;
    return typeof t.generation === 'number' && typeof t.containers === 'object' && t.containers !== null ? t as TrackedRollout : undefined;
  } catch {
    return undefined;
  }
}

const describe = (changes: Record<string, { tag: string; previous: string }>): string =>
  Object.entries(changes).map(([c, v]) => `${c}: ${v.previous || '(none)'} -> ${v.tag}`).join(', ');

export class HelmReleaseImageReconciler implements Controller {
  readonly name = 'helmrelease-image-automation';
  readonly kind = helmReleaseGvk;
  readonly concurrent?: number;
  readonly #o: HelmReleaseImageReconcilerOptions;
  /** GitSync-applied releases already warned about */
  readonly #warned = new Set<string>();

  constructor(o: HelmReleaseImageReconcilerOptions) {
    this.#o = o;
    if (o.concurrent !== undefined) this.concurrent = o.concurrent;
  }

  async reconcile(key: string, ctx: ReconcileContext): Promise<Result> {
    const hr = ctx.cache.get<ReleaseObject>(helmReleaseGvk, key);
    if (hr === undefined || hr.metadata.deletionTimestamp !== undefined || hr.spec?.suspend === true) return {};
    const auto = readImageAutomation(hr);
    if (!auto.automated || auto.locked) return {};
    const tracked = parseTracked(hr.metadata.annotations?.[rolloutAnnotation]);
    // a rollout being watched: judge it first; every patch here comes back as an event, so stop after it
    if (tracked !== undefined) {
      await this.#gate(hr, tracked, ctx);
      return {};
    }
    const changes: Record<string, { tag: string; previous: string }> = {};
    for (const c of auto.containers) {
      const tag = this.#choose(hr, c, ctx);
      if (tag !== undefined && tag !== c.tag) changes[c.name] = { tag, previous: c.tag };
    }
    if (Object.keys(changes).length === 0) return {};
    const values = patchValuesTags(hr, Object.fromEntries(Object.entries(changes).map(([c, v]) => [c, v.tag])));
    const generation = (hr.metadata.generation ?? 0) + 1;
    await this.#patch(hr, ctx, {
      resourceVersion: hr.metadata.resourceVersion,
      spec: { values: mergePatch(hr.spec?.values ?? {}, values) ?? {} },
      annotations: { [rolloutAnnotation]: JSON.stringify({ generation, containers: changes } satisfies TrackedRollout) },
    });
    const message = `image tags updated: ${describe(changes)}`;
    ctx.log.info({ changes }, message);
    this.#o.events.event(hr, 'Normal', 'ImageTagsUpdated', message);
    const gitSync = hr.metadata.annotations?.[ownerAnnotation];
    if (gitSync !== undefined && !this.#warned.has(key)) {
      this.#warned.add(key);
      this.#o.events.event(hr, 'Warning', 'ImageTagsNotInGit',
        `applied by GitSync ${gitSync}: its next sync puts the tags from Git back; mark the values with $imagepolicy and use an ImageUpdateAutomation instead`);
    }
    return {};
  }

  /** Patches the HelmRelease and waits until the cache has the result (so the next reconcile does not act on a stale copy). */
  async #patch(hr: ReleaseObject, ctx: ReconcileContext, p: ObjectPatch): Promise<void> {
    const stored = await patchObject(this.#o.kube, refOfObject(hr), p);
    await settle(ctx.cache, helmReleaseGvk, objectKey(hr), stored.metadata.resourceVersion);
  }

  /** The tag the container's filter picks, or undefined (no ImageRepository or tags for it yet, a bad filter). */
  #choose(hr: ReleaseObject, c: AutomatedContainer, ctx: ReconcileContext): string | undefined {
    if (c.invalid !== undefined) {
      ctx.log.warn({ container: c.name }, c.invalid);
      return undefined;
    }
    const canonical = canonicalImage(c.image);
    if (canonical === undefined) return undefined;
    const repos = ctx.cache.byIndex(imageRepositoryGvk, canonicalImageIndex, canonical)
      .sort((a, b) => Number(b.metadata.namespace === hr.metadata.namespace) - Number(a.metadata.namespace === hr.metadata.namespace));
    const scanned = repos.map((r) => this.#o.tags.get(`${r.metadata.namespace ?? 'default'}/${r.metadata.name}`)).find((t) => t !== undefined);
    if (scanned === undefined) {
      ctx.log.debug({ container: c.name, image: c.image }, repos.length === 0 ? 'no ImageRepository scans this image' : 'image not scanned yet');
      return undefined;
    }
    const excluded = new Set(parseExcludedTags(hr.metadata.annotations?.[`${excludedTagsPrefix}${c.name}`]));
    try {
      return choosePolicyTag(scanned.tags, c.policy, excluded).tag;
    } catch (e) {
      if (!isPolicyError(e)) throw e;
      ctx.log.warn({ container: c.name, err: messageOf(e) }, 'tag filter does not compile');
      return undefined;
    }
  }

  /**
   * The health gate: nothing while the rollout is pending (or the cache has not seen the patch yet); the record
   * dropped when it is healthy or the spec changed since; the previous tags back when it failed.
   */
  async #gate(hr: ReleaseObject, tracked: TrackedRollout, ctx: ReconcileContext): Promise<void> {
    if (hr.metadata.generation !== tracked.generation) {
      if ((hr.metadata.generation ?? 0) < tracked.generation) return;
      await this.#patch(hr, ctx, { annotations: { [rolloutAnnotation]: null } });
      return;
    }
    const outcome = generationOutcome(hr, tracked.generation);
    if (outcome.kind === 'pending') return;
    if (outcome.kind === 'healthy') {
      await this.#patch(hr, ctx, { annotations: { [rolloutAnnotation]: null } });
      this.#o.events.event(hr, 'Normal', Reason.RolloutSucceeded, `Ready with ${describe(tracked.containers)}`);
      return;
    }
    const previous = Object.fromEntries(Object.entries(tracked.containers).filter(([, v]) => v.previous !== '').map(([c, v]) => [c, v.previous]));
    const values = patchValuesTags(hr, previous);
    const annotations: Record<string, string | null> = { [rolloutAnnotation]: null };
    for (const [c, v] of Object.entries(tracked.containers)) {
      annotations[`${excludedTagsPrefix}${c}`] = withExcludedTag(hr.metadata.annotations?.[`${excludedTagsPrefix}${c}`], v.tag);
    }
    await this.#patch(hr, ctx, {
      resourceVersion: hr.metadata.resourceVersion,
      spec: { values: mergePatch(hr.spec?.values ?? {}, values) ?? {} },
      annotations,
    });
    const message = `rolled back image tags (${describe(Object.fromEntries(Object.entries(tracked.containers).map(([c, v]) => [c, { tag: v.previous, previous: v.tag }])))}) because the upgrade failed: ${outcome.message}; the bad tags are held back until newer ones appear`;
    ctx.log.warn({ containers: tracked.containers }, message);
    this.#o.events.event(hr, 'Warning', Reason.RolloutReverted, message);
  }
}
