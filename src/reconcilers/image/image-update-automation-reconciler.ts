/**
 * The ImageUpdateAutomation controller: writes the tags the ImagePolicies chose into the GitRepository's YAML
 * (Setters markers), commits and pushes (Flux's image-automation-controller), and gates the rollout on the
 * health of the HelmReleases the commit changed.
 *
 * One reconcile of `ns/name`:
 * 1. read it from the cache; an invalid spec (or messageTemplate) stalls it; `suspend` writes nothing;
 * 2. health gate (health-gate.ts): when a pushed commit is being watched and a HelmRelease it changed is
 *    Stalled with it, record its tags as bad, revert the commit, and report it in the `Healthy` condition;
 *    when all became Ready, stop watching;
 * 3. run when due: the policies' choices (every ImagePolicy with a `latestRef` whose tag is not recorded as
 *    bad) changed since the last good run, the generation or `capstan.dev/reconcile-requested-at` changed, the
 *    last run failed, or `interval` passed;
 * 4. the run: a checkout of the push branch, writeBack (set, commit with the configured author and message,
 *    push with fetch-rebase-retry), then `lastAutomationRunTime`, `lastPushCommit`, `lastPushTime`,
 *    Ready=True (`UpdateSucceeded` / `NoChangesMade`) or Ready=False with the reason; after a push, the
 *    rollout to watch is stored in the `image.capstan.dev/rollout` annotation and the GitRepository is asked
 *    to reconcile now (`capstan.dev/reconcile-requested-at`), so the change does not wait for its interval.
 */
import { rm } from 'node:fs/promises';
import {
  ConditionType, Reason, deleteCondition, durationMs, formatIssues, getCondition, markFalse, markReady, markStalled,
  markTrue, markUnknown, parseImageUpdateAutomation, reconcileRequestedAtAnnotation,
  type ImagePolicyStatus, type ImageUpdateAutomation, type ImageUpdateAutomationStatus,
} from '../../api/index.ts';
import { objectKey, type CacheReader, type Controller, type ReconcileContext, type Result } from '../../controller/index.ts';
import { isWriteBackError, revertCommit, writeBack, type PolicyValue, type SetterChange } from '../../image/index.ts';
import type { KubeClient, KubeObject } from '../../kube/index.ts';
import type { EventRecorder } from '../shared/events.ts';
import { gitRepositoryGvk, helmReleaseGvk } from '../shared/kinds.ts';
import { withJitter } from '../shared/requeue.ts';
import { automationSource, checkoutDir, sourceKeyOf, withCheckout, type SourceAccess } from './automation-source.ts';
import { commitMessage } from './commit-message.ts';
import { isImageReconcileError, messageOf } from './errors.ts';
import { parseExcludedTags } from './excluded-tags.ts';
import { BadTagMemory, failureReason, judgeRollout, recordBadTags } from './health-gate.ts';
import { excludedTagsAnnotation, imagePolicyGvk, imageUpdateAutomationGvk, rolloutAnnotation } from './kinds.ts';
import { patchObject, refOfObject } from './metadata-patch.ts';
import { formatRollout, parseRollout, rolloutOf, type Rollout } from './rollout.ts';
import { finishStatus, settle, workingCopy, type StatusObject } from './status.ts';

export interface ImageUpdateAutomationReconcilerOptions {
  kube: KubeClient;
  events: EventRecorder;
  /** working checkouts and temporary credential files go under it */
  workDir: string;
  concurrent?: number;
  /** after a push, ask the GitRepository to reconcile at once (default true) */
  nudgeSource?: boolean;
  /** stop watching a rollout that has not finished after this long (default 1 h) */
  rolloutTimeoutMs?: number;
  /** the delay before retrying a failed run (default: the interval, at most 1 min) */
  retryMs?: number;
  now?: () => number;
}

type AutomationObject = KubeObject & { status?: ImageUpdateAutomationStatus };

interface LastRun { fingerprint: string; generation: number | undefined; requested: string | undefined; at: number; ok: boolean }

const short = (sha: string | undefined): string => (sha ?? '').slice(0, 7);

export class ImageUpdateAutomationReconciler implements Controller {
  readonly name = 'imageupdateautomation';
  readonly kind = imageUpdateAutomationGvk;
  readonly concurrent?: number;
  readonly badTags = new BadTagMemory();
  readonly #o: ImageUpdateAutomationReconcilerOptions;
  readonly #last = new Map<string, LastRun>();
  /** commits whose rollout was concluded (healthy, reverted, given up), in case a stale copy still shows the annotation */
  readonly #concluded = new Set<string>();

  constructor(o: ImageUpdateAutomationReconcilerOptions) {
    this.#o = o;
    if (o.concurrent !== undefined) this.concurrent = o.concurrent;
  }

  async reconcile(key: string, ctx: ReconcileContext): Promise<Result> {
    const cached = ctx.cache.get<AutomationObject>(imageUpdateAutomationGvk, key);
    if (cached === undefined || cached.metadata.deletionTimestamp !== undefined) {
      this.#last.delete(key);
      await rm(checkoutDir(this.#o.workDir, ctx.namespace, ctx.name), { recursive: true, force: true });
      return {};
    }
    const { obj, before } = workingCopy(cached);
    const readyBefore = getCondition(cached, ConditionType.Ready);
    const finish = (): Promise<unknown> => finishStatus(obj, before, { kube: this.#o.kube, events: this.#o.events, readyBefore, settle: { cache: ctx.cache, kind: imageUpdateAutomationGvk } });
    const parsed = parseImageUpdateAutomation(obj);
    if (!parsed.ok) {
      const message = `invalid spec: ${formatIssues(parsed.issues)}`;
      markStalled(obj, Reason.InvalidSpec, message);
      markFalse(obj, ConditionType.Ready, Reason.InvalidSpec, message);
      await finish();
      return {};
    }
    const auto = parsed.value;
    if (auto.spec.suspend) return {};
    const source: SourceAccess = { kube: this.#o.kube, cache: ctx.cache, workDir: this.#o.workDir, signal: ctx.signal };
    const gateRequeue = await this.#gate(auto, obj, source, ctx);
    const interval = durationMs(auto.spec.interval);
    const policies = this.#policies(ctx);
    const source0 = ctx.cache.has(gitRepositoryGvk) ? ctx.cache.get(gitRepositoryGvk, sourceKeyOf(auto) ?? '') : undefined;
    // what a run depends on: the choices, and the GitRepository's spec (not its status, which changes on every fetch)
    const fingerprint = JSON.stringify([[...policies].sort(([a], [b]) => (a < b ? -1 : 1)), source0?.metadata.uid, source0?.metadata.generation]);
    const due = this.#dueIn(key, auto, fingerprint, interval);
    if (due > 0) {
      await finish();
      return { requeueAfter: Math.min(due, gateRequeue ?? due) };
    }
    const run: LastRun = { fingerprint, generation: auto.metadata.generation, requested: auto.metadata.annotations?.[reconcileRequestedAtAnnotation], at: this.#now(), ok: false };
    try {
      await this.#run(auto, obj, policies, source, ctx);
      deleteCondition(obj, ConditionType.Stalled);
      this.#last.set(key, { ...run, ok: true });
    } catch (e) {
      this.#last.set(key, run);
      const terminal = isImageReconcileError(e) && e.terminal;
      const reason = isImageReconcileError(e) ? e.code : isWriteBackError(e) ? (e.code === 'PushConflict' || e.code === 'PushFailed' ? Reason.PushFailed : Reason.UpdateFailed) : Reason.UpdateFailed;
      const message = messageOf(e);
      if (terminal) markStalled(obj, reason, message);
      markFalse(obj, ConditionType.Ready, reason, message);
      ctx.log.warn({ reason, err: message }, 'image update failed');
      await finish();
      return terminal ? {} : { requeueAfter: this.#retryMs(interval) };
    }
    await finish();
    return { requeueAfter: Math.min(withJitter(interval), gateRequeue ?? Infinity) };
  }

  /** Every policy's choice, `ns:name` → value, leaving out tags recorded as bad. */
  #policies(ctx: ReconcileContext): Map<string, PolicyValue> {
    const out = new Map<string, PolicyValue>();
    for (const p of ctx.cache.list<KubeObject & { status?: ImagePolicyStatus }>(imagePolicyGvk)) {
      const ref = p.status?.latestRef;
      if (ref === undefined) continue;
      const key = `${p.metadata.namespace ?? 'default'}:${p.metadata.name}`;
      if (parseExcludedTags(p.metadata.annotations?.[excludedTagsAnnotation]).includes(ref.tag) || this.badTags.has(key, ref.tag)) {
        ctx.log.debug({ policy: key, tag: ref.tag }, 'latest tag is recorded as bad: not written');
        continue;
      }
      out.set(key, { image: ref.name, tag: ref.tag, ...(ref.digest !== undefined ? { digest: ref.digest } : {}) });
    }
    return out;
  }

  /** 0 when a run is due now (inputs, generation or request changed), else the milliseconds until the interval (or the retry delay after a failure) has passed. */
  #dueIn(key: string, auto: ImageUpdateAutomation, fingerprint: string, interval: number): number {
    const last = this.#last.get(key);
    if (last === undefined || last.fingerprint !== fingerprint || last.generation !== auto.metadata.generation) return 0;
    if (last.requested !== auto.metadata.annotations?.[reconcileRequestedAtAnnotation]) return 0;
    return Math.max(0, last.at + (last.ok ? interval : this.#retryMs(interval)) - this.#now());
  }

  #retryMs(interval: number): number {
    return this.#o.retryMs ?? Math.min(interval, 60_000);
  }

  /** Step 4. Throws ImageReconcileError / WriteBackError. */
  async #run(auto: ImageUpdateAutomation, obj: StatusObject, policies: Map<string, PolicyValue>, source: SourceAccess, ctx: ReconcileContext): Promise<void> {
    const status = obj.status as ImageUpdateAutomationStatus;
    const ns = auto.metadata.namespace ?? 'default';
    const subject = `ImageUpdateAutomation ${ns}/${auto.metadata.name}`;
    const message = commitMessage({ namespace: ns, name: auto.metadata.name, template: auto.spec.git.commit.messageTemplate, policies }, subject);
    const outcome = await withCheckout(auto, source, async (co) => {
      const r = await writeBack(co.dir, { path: auto.spec.update.path, policies }, {
        author: auto.spec.git.commit.author, branch: co.pushBranch, logger: ctx.log, message,
        automation: `${ns}/${auto.metadata.name}`, env: co.env, redact: co.redact, signal: source.signal,
      });
      return { r, branch: co.pushBranch, head: co.head };
    });
    const now = new Date(this.#now());
    status.lastAutomationRunTime = now.toISOString();
    const { r, branch } = outcome;
    for (const w of r.warnings) ctx.log.warn({ file: w.file, line: w.line }, w.message);
    if (!r.pushed || r.commit === undefined) {
      markReady(obj, Reason.NoChangesMade, `no changes made: ${branch} is up to date at ${short(r.commit ?? outcome.head)}`);
      return;
    }
    status.lastPushCommit = r.commit;
    status.lastPushTime = now.toISOString();
    const list = r.changes.map((c: SetterChange) => `${c.file}:${c.line} ${c.oldValue} -> ${c.newValue}`).join(', ');
    markReady(obj, Reason.UpdateSucceeded, `pushed commit ${short(r.commit)} to ${branch}: ${list}`);
    ctx.log.info({ commit: r.commit, branch, changes: r.changes.length }, 'image update pushed');
    const releases = ctx.cache.has(helmReleaseGvk) ? ctx.cache.list(helmReleaseGvk).map((h) => `${h.metadata.namespace ?? ''}/${h.metadata.name}`) : [];
    const rollout = rolloutOf(r.commit, now, r.changes, policies, releases);
    await this.#setRollout(obj, rollout, ctx.cache);
    if (rollout !== undefined) markUnknown(obj, ConditionType.Healthy, Reason.Progressing, `waiting for ${rollout.releases.map((x) => `HelmRelease ${x.helmRelease}`).join(', ')} to become Ready with ${short(r.commit)}`);
    await this.#nudge(auto, source, ctx);
  }

  /** Step 2; returns how soon to look again when a rollout is still pending (HelmRelease events also wake it). */
  async #gate(auto: ImageUpdateAutomation, obj: StatusObject, source: SourceAccess, ctx: ReconcileContext): Promise<number | undefined> {
    const rollout = parseRollout(auto.metadata.annotations?.[rolloutAnnotation]);
    if (rollout === undefined) return undefined;
    if (this.#concluded.has(rollout.commit)) {
      await this.#setRollout(obj, undefined, ctx.cache);
      return undefined;
    }
    const verdict = judgeRollout(rollout, ctx.cache);
    if (verdict.kind === 'healthy') {
      this.#conclude(rollout.commit);
      markTrue(obj, ConditionType.Healthy, Reason.RolloutSucceeded, `${rollout.releases.map((x) => `HelmRelease ${x.helmRelease}`).join(', ')} Ready with ${short(rollout.commit)}`);
      await this.#setRollout(obj, undefined, ctx.cache);
      return undefined;
    }
    if (verdict.kind === 'pending') {
      if (this.#now() - Date.parse(rollout.pushedAt) > (this.#o.rolloutTimeoutMs ?? 3_600_000)) {
        this.#conclude(rollout.commit);
        markUnknown(obj, ConditionType.Healthy, Reason.Progressing, `stopped waiting for ${verdict.waiting.join(', ')} to become Ready with ${short(rollout.commit)}`);
        await this.#setRollout(obj, undefined, ctx.cache);
        return undefined;
      }
      return 30_000;
    }
    const reason = failureReason(verdict.failures);
    ctx.log.warn({ commit: rollout.commit, reason }, 'rollout failed: reverting');
    await recordBadTags(verdict.failures, { kube: this.#o.kube, cache: ctx.cache, memory: this.badTags, log: ctx.log });
    const status = obj.status as ImageUpdateAutomationStatus;
    try {
      const r = await withCheckout(auto, source, (co) => revertCommit(co.dir, rollout.commit, reason, {
        author: auto.spec.git.commit.author, branch: co.pushBranch, logger: ctx.log, env: co.env, redact: co.redact, signal: source.signal,
      }));
      if (r.pushed) {
        status.lastPushCommit = r.commit;
        status.lastPushTime = new Date(this.#now()).toISOString();
        await this.#nudge(auto, source, ctx);
      }
      markFalse(obj, ConditionType.Healthy, Reason.RolloutReverted,
        `${r.pushed ? `reverted ${short(rollout.commit)} with ${short(r.commit)}` : `nothing left of ${short(rollout.commit)} to revert`} because ${reason}; the tags are held back until newer ones appear`);
    } catch (e) {
      const message = isImageReconcileError(e) || isWriteBackError(e) ? e.message : messageOf(e);
      const was = getCondition(obj, ConditionType.Healthy)?.message;
      const now = markFalse(obj, ConditionType.Healthy, Reason.RevertFailed, `could not revert ${short(rollout.commit)} (${message}); ${reason}; the tags are held back, so the next update writes the previous ones`);
      if (!(isWriteBackError(e) && e.code === 'RevertConflict')) {
        if (was !== now.message) this.#o.events.event(obj, 'Warning', now.reason, now.message);
        // Git unreachable, push refused: the rollout stays watched and the revert is tried again
        ctx.log.warn({ commit: rollout.commit, err: message }, 'revert failed; retrying');
        return this.#o.retryMs ?? 10_000;
      }
    }
    this.#conclude(rollout.commit);
    const healthy = getCondition(obj, ConditionType.Healthy);
    if (healthy !== undefined) this.#o.events.event(obj, 'Warning', healthy.reason, healthy.message);
    await this.#setRollout(obj, undefined, ctx.cache);
    return undefined;
  }

  #conclude(commit: string): void {
    this.#concluded.add(commit);
    for (const old of this.#concluded) {
      if (this.#concluded.size <= 1000) break;
      this.#concluded.delete(old);
    }
  }

  /** Stores (or, with undefined, removes) the rollout annotation on the automation. */
  async #setRollout(obj: StatusObject, rollout: Rollout | undefined, cache: CacheReader): Promise<void> {
    const have = obj.metadata.annotations?.[rolloutAnnotation];
    const want = rollout === undefined ? undefined : formatRollout(rollout);
    if (have === want) return;
    const stored = await patchObject(this.#o.kube, refOfObject(obj), { annotations: { [rolloutAnnotation]: want ?? null } });
    await settle(cache, imageUpdateAutomationGvk, objectKey(obj), stored.metadata.resourceVersion);
    obj.metadata.annotations = { ...obj.metadata.annotations };
    if (want === undefined) delete obj.metadata.annotations[rolloutAnnotation];
    else obj.metadata.annotations[rolloutAnnotation] = want;
  }

  /** Asks the GitRepository to reconcile now (best effort: logged when it fails). */
  async #nudge(auto: ImageUpdateAutomation, source: SourceAccess, ctx: ReconcileContext): Promise<void> {
    if (this.#o.nudgeSource === false) return;
    try {
      const repo = await automationSource(auto, source);
      await patchObject(this.#o.kube, { apiVersion: gitRepositoryGvk.apiVersion, kind: gitRepositoryGvk.kind, name: repo.metadata.name, namespace: repo.metadata.namespace ?? 'default' },
        { annotations: { [reconcileRequestedAtAnnotation]: new Date(this.#now()).toISOString() } });
    } catch (e) {
      ctx.log.info({ err: messageOf(e) }, 'could not ask the GitRepository to reconcile');
    }
  }

  #now(): number {
    return (this.#o.now ?? Date.now)();
  }
}
