/**
 * Kinds as the controller machinery names them, object keys (`namespace/name`, or `name` for cluster-scoped
 * objects, as client-go's MetaNamespaceKeyFunc) and the REST paths to list and watch a kind.
 */
import type { KubeObject } from '../kube/index.ts';

/** A kind to watch: its apiVersion, kind and the plural resource name the REST path uses. */
export interface Kind {
  readonly apiVersion: string;
  readonly kind: string;
  /** the resource name in URLs, e.g. `configmaps`, `helmreleases` */
  readonly plural: string;
  /** false for cluster-scoped kinds (Namespace, ClusterRole, …); default true */
  readonly namespaced?: boolean;
}

/** `apiVersion/kind`, the identity of a kind in maps and log lines. */
export const kindId = (k: Pick<Kind, 'apiVersion' | 'kind'>): string => `${k.apiVersion}/${k.kind}`;

/** The key of an object on queues and in caches: `namespace/name`, or `name` when cluster-scoped. */
export function objectKey(o: Pick<KubeObject, 'metadata'>): string {
  const ns = o.metadata.namespace;
  return ns ? `${ns}/${o.metadata.name}` : o.metadata.name;
}

/** Splits a key made by `objectKey`; `namespace` is '' for cluster-scoped keys. */
export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/**
 * The collection path of a kind: `/api/v1/configmaps`, `/apis/apps/v1/namespaces/ns/deployments`. A namespace
 * is used only for namespaced kinds; without one the path covers all namespaces.
 */
export function resourcePath(k: Kind, namespace?: string): string {
  const base = k.apiVersion.includes('/') ? `/apis/${k.apiVersion}` : `/api/${k.apiVersion}`;
  const scoped = namespace !== undefined && namespace !== '' && k.namespaced !== false;
  return `${base}${scoped ? `/namespaces/${encodeURIComponent(namespace)}` : ''}/${k.plural}`;
}
