/**
 * Merge patches the image controllers make to objects other than their own status: annotations (bad tags,
 * the rollout being watched, a reconcile request) and, for annotation automation, a HelmRelease's
 * `spec.values`. They are sent with the field manager `capstan-image-automation`, so GitSync's server-side
 * apply (field manager `capstan-gitsync`) of the same object from Git leaves these annotations alone. With
 * `resourceVersion` the patch fails with a Conflict when the object changed since it was read.
 */
import { rawRequest, toKubeError, type KubeClient, type KubeObject, type ObjectRef } from '../../kube/index.ts';
import { imageFieldManager } from './kinds.ts';

export interface ObjectPatch {
  /** annotation → value, or null to remove it */
  annotations?: Record<string, string | null>;
  /** a merge patch of `spec` */
  spec?: unknown;
  /** only when the object is still at this version */
  resourceVersion?: string | undefined;
}

/** Sends the patch; returns the object as stored. */
export async function patchObject(kube: KubeClient, ref: ObjectRef, p: ObjectPatch): Promise<KubeObject> {
  const path = await kube.resourcePath(ref.apiVersion, ref.kind, ref.name, ref.namespace);
  const metadata: Record<string, unknown> = {};
  if (p.annotations !== undefined) metadata['annotations'] = p.annotations;
  if (p.resourceVersion !== undefined) metadata['resourceVersion'] = p.resourceVersion;
  const body = { metadata, ...(p.spec !== undefined ? { spec: p.spec } : {}) };
  try {
    return await rawRequest<KubeObject>(kube.kc, 'PATCH', `${path}?fieldManager=${imageFieldManager}`, JSON.stringify(body), 'application/merge-patch+json');
  } catch (e) {
    throw toKubeError(e, `patch ${ref.kind} ${ref.namespace ?? ''}/${ref.name}`);
  }
}

export function refOfObject(o: KubeObject): ObjectRef {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}) };
}
