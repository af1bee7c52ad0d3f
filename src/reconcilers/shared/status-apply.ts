/**
 * Writing a reconciler's status with server-side apply on the status subresource (field manager `capstan`),
 * for the kinds whose controller owns their whole status (sources, GitSync): the whole status is sent, so
 * conditions or fields this controller set before and no longer sends are removed by the server, whatever the
 * (possibly stale) cached copy showed. Nothing is sent when the status equals the one read, so a no-op
 * reconcile writes nothing. (object-writes.ts's patchStatus sends only what changed, as a merge patch.)
 */
import { fieldManager, rawRequest, toKubeError, type KubeClient, type KubeObject } from '../../kube/index.ts';
import { jsonEqual } from './merge-patch.ts';

/** Applies `status` unless it equals `before`; returns the stored object, or undefined when nothing was sent. */
export async function applyStatus(kube: KubeClient, obj: KubeObject, before: unknown, status: unknown): Promise<KubeObject | undefined> {
  if (jsonEqual(before ?? {}, status ?? {})) return undefined;
  const path = `${await kube.resourcePath(obj.apiVersion, obj.kind, obj.metadata.name, obj.metadata.namespace)}/status`;
  const body = { apiVersion: obj.apiVersion, kind: obj.kind, metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace }, status };
  try {
    return await rawRequest<KubeObject>(kube.kc, 'PATCH', `${path}?fieldManager=${fieldManager}&force=true`, JSON.stringify(body), 'application/apply-patch+yaml');
  } catch (e) {
    throw toKubeError(e, `apply status of ${obj.kind} ${obj.metadata.namespace ?? ''}/${obj.metadata.name}`);
  }
}
