/**
 * The writes a reconciler makes to its own object: a status patch (only what changed, to the status
 * subresource) and finalizer changes (guarded by the resourceVersion read, so a concurrent edit is not lost).
 */
import { rawRequest, toKubeError, type KubeClient, type KubeObject } from '../../kube/index.ts';
import { mergePatch } from './merge-patch.ts';

const mergePatchType = 'application/merge-patch+json';

async function pathOf(kube: KubeClient, obj: KubeObject): Promise<string> {
  return kube.resourcePath(obj.apiVersion, obj.kind, obj.metadata.name, obj.metadata.namespace);
}

/**
 * Patches `.status` from `before` to `after`; does nothing (and returns undefined) when they are equal, so a
 * reconcile that changed nothing writes nothing. Returns the object as stored.
 */
export async function patchStatus(kube: KubeClient, obj: KubeObject, before: unknown, after: unknown): Promise<KubeObject | undefined> {
  const patch = mergePatch(before ?? {}, after ?? {});
  if (patch === undefined) return undefined;
  const path = `${await pathOf(kube, obj)}/status`;
  try {
    return await rawRequest<KubeObject>(kube.kc, 'PATCH', path, JSON.stringify({ status: patch }), mergePatchType);
  } catch (e) {
    throw toKubeError(e, `patch status of ${obj.kind} ${obj.metadata.namespace ?? ''}/${obj.metadata.name}`);
  }
}

async function setFinalizers(kube: KubeClient, obj: KubeObject, finalizers: string[]): Promise<KubeObject> {
  const body = { metadata: { finalizers, resourceVersion: obj.metadata.resourceVersion } };
  try {
    return await rawRequest<KubeObject>(kube.kc, 'PATCH', await pathOf(kube, obj), JSON.stringify(body), mergePatchType);
  } catch (e) {
    throw toKubeError(e, `update finalizers of ${obj.kind} ${obj.metadata.namespace ?? ''}/${obj.metadata.name}`);
  }
}

/** Adds `finalizer` unless present; returns the stored object, or undefined when nothing was written. */
export async function addFinalizer(kube: KubeClient, obj: KubeObject, finalizer: string): Promise<KubeObject | undefined> {
  const have = obj.metadata.finalizers ?? [];
  if (have.includes(finalizer)) return undefined;
  return setFinalizers(kube, obj, [...have, finalizer]);
}

/** Removes `finalizer` if present; returns the stored object, or undefined when nothing was written. */
export async function removeFinalizer(kube: KubeClient, obj: KubeObject, finalizer: string): Promise<KubeObject | undefined> {
  const have = obj.metadata.finalizers ?? [];
  if (!have.includes(finalizer)) return undefined;
  return setFinalizers(kube, obj, have.filter((f) => f !== finalizer));
}
