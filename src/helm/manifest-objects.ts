/**
 * Rendered manifests → Kubernetes objects: YAML 1.1 as the Kubernetes decoder reads it (no timestamps or
 * binary types: everything stays JSON), the release namespace filled in for namespaced kinds, and Helm's
 * ownership metadata added.
 */
import { parseAllDocuments, type Tags } from 'yaml';
import type { KubeClient, KubeObject } from '../kube/index.ts';
import { splitManifests } from '../render/manifest-split.ts';
import { ActionError, messageOf } from './errors.ts';

export const managedByLabel = 'app.kubernetes.io/managed-by';
export const releaseNameAnnotation = 'meta.helm.sh/release-name';
export const releaseNamespaceAnnotation = 'meta.helm.sh/release-namespace';
export const resourcePolicyAnnotation = 'helm.sh/resource-policy';

const jsonOnly = (tags: Tags): Tags => tags.filter((t) => {
  const tag = typeof t === 'string' ? t : t.tag;
  return !/timestamp|binary|omap|pairs|set$/.test(tag);
});

/** Parses every document of a manifest stream (the release's `manifest`, or one hook) into objects. */
export function parseManifestObjects(manifest: string, source = 'manifest'): KubeObject[] {
  const out: KubeObject[] = [];
  for (const doc of splitManifests(manifest)) {
    const file = /^# Source: (.+)$/m.exec(doc)?.[1];
    const where = file ? `${source}: ${file}` : source;
    const parsed = parseAllDocuments(doc, { schema: 'yaml-1.1', customTags: jsonOnly, merge: true, uniqueKeys: false });
    for (const d of Array.isArray(parsed) ? parsed : [parsed]) {
      if (d.errors.length > 0) throw new ActionError('RenderFailed', `${where}: error parsing YAML: ${d.errors[0]?.message ?? ''}`);
      const v = d.toJSON() as unknown;
      if (v === null || v === undefined) continue;
      if (typeof v !== 'object' || Array.isArray(v)) throw new ActionError('RenderFailed', `${where}: a document is not an object`);
      const o = v as KubeObject;
      if (typeof o.apiVersion !== 'string' || typeof o.kind !== 'string' || typeof o.metadata?.name !== 'string') {
        throw new ActionError('RenderFailed', `${where}: object is missing apiVersion, kind or metadata.name: ${JSON.stringify(v).slice(0, 200)}`);
      }
      out.push(o);
    }
  }
  return out;
}

/** Sets the namespace of namespaced objects that have none, as Helm's kube client does. */
export async function defaultNamespaces(kube: KubeClient, objs: KubeObject[], namespace: string): Promise<void> {
  for (const o of objs) {
    let namespaced: boolean;
    try {
      namespaced = await kube.isNamespaced(o.apiVersion, o.kind);
    } catch (e) {
      throw new ActionError('ApplyFailed', `resource mapping not found for name: "${o.metadata.name}" namespace: "${o.metadata.namespace ?? ''}" from "": no matches for kind "${o.kind}" in version "${o.apiVersion}"\nensure CRDs are installed first (${messageOf(e)})`, { cause: e });
    }
    if (namespaced && !o.metadata.namespace) o.metadata.namespace = namespace;
    if (!namespaced) delete o.metadata.namespace;
  }
}

/** Adds `app.kubernetes.io/managed-by: Helm` and the release annotations (Helm's setMetadataVisitor). */
export function setOwnership(objs: KubeObject[], release: string, namespace: string): void {
  for (const o of objs) {
    o.metadata.labels = { ...o.metadata.labels, [managedByLabel]: 'Helm' };
    o.metadata.annotations = { ...o.metadata.annotations, [releaseNameAnnotation]: release, [releaseNamespaceAnnotation]: namespace };
  }
}

/** `group/Kind namespace/name`: identity of an object across revisions. */
export function objectKey(o: KubeObject): string {
  const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
  return `${group}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

export function refOfObject(o: KubeObject) {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}) };
}
