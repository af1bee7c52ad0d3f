/** The shape of any Kubernetes object as Capstan handles it, and references to objects. */
import type { KubernetesObject } from '@kubernetes/client-node';

export interface KubeObject extends KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: NonNullable<KubernetesObject['metadata']> & { name: string };
  spec?: unknown;
  status?: unknown;
  [key: string]: unknown;
}

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export function refOf(o: KubernetesObject): ObjectRef {
  const ref: ObjectRef = { apiVersion: o.apiVersion ?? '', kind: o.kind ?? '', name: o.metadata?.name ?? '' };
  if (o.metadata?.namespace) ref.namespace = o.metadata.namespace;
  return ref;
}

/** `Kind namespace/name` (or `Kind name` for cluster-scoped objects), as messages name objects. */
export function describeRef(r: ObjectRef): string {
  return `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;
}

export function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}
