/**
 * Applying a release's objects: server-side apply in the order given (install order), pruning objects that
 * left the chart (unless `helm.sh/resource-policy: keep`), deleting in Helm's uninstall order (with a
 * propagation policy, as `helm uninstall --cascade`), waiting for readiness (Jobs to completion unless told
 * not to, as `--wait-for-jobs`) or for deleted objects to be gone.
 */
import { KubeError, WaitError, isNotFound, toKubeError, waitForReady, type KubeClient, type KubeObject, type ObjectRef } from '../kube/index.ts';
import { UNINSTALL_ORDER, sortByKind } from '../render/kind-sorter.ts';
import { ActionError, messageOf } from './errors.ts';
import { objectKey, refOfObject, resourcePolicyAnnotation } from './manifest-objects.ts';
import { crashPoint } from './crash-point.ts';

/**
 * Server-side applies every object (always forcing field conflicts: Capstan owns the release's fields). With
 * `replace` (helm's --force), an object the server refuses to update as invalid (e.g. an immutable field
 * changed) is deleted and created again.
 */
export async function applyAll(kube: KubeClient, objs: readonly KubeObject[], opts: { replace?: boolean } = {}): Promise<void> {
  for (const o of objs) {
    try {
      try {
        await kube.apply(o);
      } catch (e) {
        if (!opts.replace || !(e instanceof KubeError) || e.code !== 'Invalid') throw e;
        await kube.delete(refOfObject(o));
        await kube.apply(o);
      }
      crashPoint('mid-apply');
    } catch (e) {
      throw new ActionError('ApplyFailed', messageOf(e), { cause: e });
    }
  }
}

/** Deletes the objects of `previous` that are not in `next`, keeping those marked keep; returns what it deleted. */
export async function pruneRemoved(kube: KubeClient, previous: readonly KubeObject[], next: readonly KubeObject[]): Promise<string[]> {
  const keep = new Set(next.map(objectKey));
  const gone = previous.filter((o) => !keep.has(objectKey(o)));
  return deleteObjects(kube, gone);
}

/** How the garbage collector treats the dependents of a deleted object (Kubernetes' propagationPolicy). */
export type DeletionPropagation = 'background' | 'foreground' | 'orphan';

const policyName = { background: 'Background', foreground: 'Foreground', orphan: 'Orphan' } as const;

/** Deletes one object with the given propagation; true if it existed. */
async function deleteWith(kube: KubeClient, ref: ObjectRef, propagation: DeletionPropagation): Promise<boolean> {
  if (propagation === 'background') return kube.delete(ref);
  // KubeClient.delete always propagates in background; the object API takes the policy as its 6th argument
  const spec = { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) } };
  try {
    await kube.objects.delete(spec, undefined, undefined, undefined, undefined, policyName[propagation]);
    return true;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw toKubeError(e, `delete ${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`);
  }
}

/** Deletes objects in Helm's uninstall order, skipping those whose live copy says resource-policy keep. */
export async function deleteObjects(kube: KubeClient, objs: readonly KubeObject[], propagation: DeletionPropagation = 'background'): Promise<string[]> {
  const deleted: string[] = [];
  const errors: string[] = [];
  for (const o of sortByKind(objs, (x) => x.kind, UNINSTALL_ORDER)) {
    const ref = refOfObject(o);
    try {
      const live = await kube.get(ref);
      if (!live) continue;
      if (live.metadata.annotations?.[resourcePolicyAnnotation] === 'keep') continue;
      if (await deleteWith(kube, ref, propagation)) deleted.push(`${o.kind} ${o.metadata.name}`);
    } catch (e) {
      errors.push(messageOf(e));
    }
  }
  if (errors.length > 0) throw new ActionError('UninstallFailed', `failed to delete release resources: ${errors.join('; ')}`);
  return deleted;
}

const isJob = (o: KubeObject): boolean => o.kind === 'Job' && o.apiVersion.startsWith('batch/');

/**
 * Waits for all objects to be ready; the error names every object that is not and why. A Job is ready once
 * complete; without `waitForJobs` Jobs are not waited for at all (Helm's `--wait` without `--wait-for-jobs`).
 */
export async function waitAll(kube: KubeClient, objs: readonly KubeObject[], timeoutMs: number, opts: { waitForJobs?: boolean } = {}): Promise<void> {
  crashPoint('mid-wait');
  const waited = opts.waitForJobs === false ? objs.filter((o) => !isJob(o)) : objs;
  try {
    await waitForReady(kube, waited.map(refOfObject), { timeoutMs });
  } catch (e) {
    if (e instanceof WaitError) throw new ActionError('WaitFailed', e.message, { cause: e });
    throw e;
  }
}

/** Waits until every object is gone (Helm's uninstall --wait); the error names those still there. */
export async function waitDeleted(kube: KubeClient, objs: readonly KubeObject[], timeoutMs: number, intervalMs = 500): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let left = [...objs];
  for (;;) {
    const still: KubeObject[] = [];
    for (const o of left) if (await kube.get(refOfObject(o))) still.push(o);
    if (still.length === 0) return;
    if (Date.now() >= deadline) {
      const names = still.map((o) => `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`);
      throw new ActionError('WaitFailed', `timed out after ${Math.round(timeoutMs / 1000)}s waiting for the deletion of ${names.join(', ')}`);
    }
    left = still;
    await new Promise((r) => setTimeout(r, Math.min(intervalMs, Math.max(0, deadline - Date.now()))));
  }
}
