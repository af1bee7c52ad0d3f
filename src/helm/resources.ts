/**
 * Applying a release's objects: server-side apply in the order given (install order), pruning objects that
 * left the chart (unless `helm.sh/resource-policy: keep`), deleting in Helm's uninstall order.
 */
import { WaitError, waitForReady, type KubeClient, type KubeObject } from '../kube/index.ts';
import { UNINSTALL_ORDER, sortByKind } from '../render/kind-sorter.ts';
import { ActionError, messageOf } from './errors.ts';
import { objectKey, refOfObject, resourcePolicyAnnotation } from './manifest-objects.ts';
import { crashPoint } from './crash-point.ts';

export async function applyAll(kube: KubeClient, objs: readonly KubeObject[], opts: { force?: boolean } = {}): Promise<void> {
  for (const o of objs) {
    try {
      await kube.apply(o, { force: opts.force ?? true });
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

/** Deletes objects in Helm's uninstall order, skipping those whose live copy says resource-policy keep. */
export async function deleteObjects(kube: KubeClient, objs: readonly KubeObject[]): Promise<string[]> {
  const deleted: string[] = [];
  const errors: string[] = [];
  for (const o of sortByKind(objs, (x) => x.kind, UNINSTALL_ORDER)) {
    const ref = refOfObject(o);
    try {
      const live = await kube.get(ref);
      if (!live) continue;
      if (live.metadata.annotations?.[resourcePolicyAnnotation] === 'keep') continue;
      if (await kube.delete(ref)) deleted.push(`${o.kind} ${o.metadata.name}`);
    } catch (e) {
      errors.push(messageOf(e));
    }
  }
  if (errors.length > 0) throw new ActionError('UninstallFailed', `failed to delete release resources: ${errors.join('; ')}`);
  return deleted;
}

/** Waits for all objects to be ready; the error names every object that is not and why. */
export async function waitAll(kube: KubeClient, objs: readonly KubeObject[], timeoutMs: number): Promise<void> {
  crashPoint('mid-wait');
  try {
    await waitForReady(kube, objs.map(refOfObject), { timeoutMs });
  } catch (e) {
    if (e instanceof WaitError) throw new ActionError('WaitFailed', e.message, { cause: e });
    throw e;
  }
}
