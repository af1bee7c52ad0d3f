/**
 * Running hooks as Helm's execHook does: the hooks of one event in weight order (then name; stable over
 * install order), `before-hook-creation` deletion (the default policy), apply, wait for Jobs and Pods to
 * complete, record `last_run`, then `hook-failed` / `hook-succeeded` deletion. CRD hooks are never deleted.
 */
import { waitForReady, type KubeClient, type KubeObject } from '../kube/index.ts';
import { goTimeNow, type Hook, type HookDeletePolicy, type HookEvent, type Release } from '../release/index.ts';
import { ActionError, messageOf } from './errors.ts';
import { defaultNamespaces, parseManifestObjects, refOfObject } from './manifest-objects.ts';
import { crashPoint } from './crash-point.ts';

export interface HookRunContext {
  kube: KubeClient;
  namespace: string;
  timeoutMs: number;
  /** persists the release after each hook starts and finishes (Helm's recordRelease) */
  record: (r: Release) => Promise<void>;
}

const byWeight = (a: Hook, b: Hook): number => (a.weight ?? 0) - (b.weight ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

async function hookObjects(ctx: HookRunContext, h: Hook): Promise<KubeObject[]> {
  const objs = parseManifestObjects(h.manifest, h.path);
  await defaultNamespaces(ctx.kube, objs, ctx.namespace);
  return objs;
}

async function deleteByPolicy(ctx: HookRunContext, h: Hook, policy: HookDeletePolicy): Promise<void> {
  if (h.kind === 'CustomResourceDefinition' || !h.delete_policies.includes(policy)) return;
  const objs = await hookObjects(ctx, h);
  for (const o of objs) await ctx.kube.delete(refOfObject(o));
  // wait until they are gone, so a re-created hook does not collide with the old one
  const deadline = Date.now() + ctx.timeoutMs;
  for (const o of objs) {
    while (await ctx.kube.get(refOfObject(o))) {
      if (Date.now() > deadline) throw new ActionError('HookFailed', `timed out waiting for the deletion of hook ${h.path} (${o.kind} ${o.metadata.name})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Runs the hooks of `event` in `rel.hooks` (mutating their last_run); throws HookFailed. */
export async function runHooks(ctx: HookRunContext, rel: Release, event: HookEvent): Promise<void> {
  const hooks = (rel.hooks ?? []).filter((h) => h.events.includes(event));
  const ordered = [...hooks].sort(byWeight);
  for (const h of ordered) {
    if (h.delete_policies.length === 0) h.delete_policies = ['before-hook-creation'];
    await deleteByPolicy(ctx, h, 'before-hook-creation');
    const objs = await hookObjects(ctx, h).catch((e: unknown) => {
      throw new ActionError('HookFailed', `unable to build kubernetes object for ${event} hook ${h.path}: ${messageOf(e)}`, { cause: e });
    });
    h.last_run = { started_at: goTimeNow(), phase: 'Running' };
    await ctx.record(rel);
    h.last_run.phase = 'Unknown';
    try {
      for (const o of objs) await ctx.kube.apply(o);
    } catch (e) {
      h.last_run = { ...h.last_run, completed_at: goTimeNow(), phase: 'Failed' };
      throw new ActionError('HookFailed', `warning: Hook ${event} ${h.path} failed: ${messageOf(e)}`, { cause: e });
    }
    crashPoint('mid-hook');
    try {
      // Helm waits for Jobs and Pods only; any other hook kind is ready once created
      const waitable = objs.filter((o) => o.kind === 'Job' || o.kind === 'Pod');
      await waitForReady(ctx.kube, waitable.map(refOfObject), { timeoutMs: ctx.timeoutMs, intervalMs: 500 });
    } catch (e) {
      h.last_run = { ...h.last_run, completed_at: goTimeNow(), phase: 'Failed' };
      await ctx.record(rel);
      await deleteByPolicy(ctx, h, 'hook-failed').catch(() => {});
      throw new ActionError('HookFailed', `${event} hook ${h.path} failed: ${messageOf(e)}`, { cause: e });
    }
    h.last_run = { ...h.last_run, completed_at: goTimeNow(), phase: 'Succeeded' };
    await ctx.record(rel);
  }
  for (const h of [...ordered].reverse()) await deleteByPolicy(ctx, h, 'hook-succeeded');
}
