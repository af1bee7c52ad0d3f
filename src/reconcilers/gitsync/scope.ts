/**
 * Namespaces and identities of the objects to apply. Whether a kind is namespaced comes from the
 * CustomResourceDefinitions in the same sync, else from the API server's discovery; a kind neither knows
 * fails the build at the document's file and line. Namespaced objects get `spec.targetNamespace`, else the
 * namespace of the kustomization.yaml that listed them, else their own, else `default` (as kubectl does);
 * cluster-scoped objects lose any namespace. Two documents for one object fail the build naming both.
 */
import { objMetadataId, Reason } from '../../api/index.ts';
import { groupOf, type KubeObject } from '../../kube/index.ts';
import type { DesiredObject } from './build.ts';
import { GitSyncError, formatLocation, type Problem } from './errors.ts';

/** Whether a kind is namespaced; undefined when the cluster does not serve it. Throws on other failures. */
export type ScopeLookup = (apiVersion: string, kind: string) => Promise<boolean | undefined>;

export const crdApiGroup = 'apiextensions.k8s.io';

export const isCrd = (o: KubeObject): boolean => o.kind === 'CustomResourceDefinition' && groupOf(o.apiVersion) === crdApiGroup;

interface CrdSpec { group?: string; scope?: string; names?: { kind?: string }; versions?: { name?: string }[] }

/** `group/version/Kind` → namespaced, for the kinds the CRDs among `objects` define. */
export function kindsDefinedBy(objects: readonly KubeObject[]): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const o of objects) {
    if (!isCrd(o)) continue;
    const spec = (o.spec ?? {}) as CrdSpec;
    for (const v of spec.versions ?? []) {
      if (spec.group && v.name && spec.names?.kind) out.set(`${spec.group}/${v.name}/${spec.names.kind}`, spec.scope !== 'Cluster');
    }
  }
  return out;
}

/** The inventory id of an object whose namespace is settled. */
export function idOf(o: KubeObject): string {
  return objMetadataId({ namespace: o.metadata.namespace ?? '', name: o.metadata.name, group: groupOf(o.apiVersion), kind: o.kind });
}

/** Settles every object's namespace (in place); throws a BuildFailed GitSyncError for unknown kinds and duplicates. */
export async function resolveScopes(objects: readonly DesiredObject[], lookup: ScopeLookup, targetNamespace: string | undefined): Promise<void> {
  const defined = kindsDefinedBy(objects.map((d) => d.object));
  const known = new Map<string, boolean | undefined>();
  const problems: Problem[] = [];
  for (const d of objects) {
    const o = d.object;
    const key = `${o.apiVersion}/${o.kind}`;
    if (!known.has(key)) known.set(key, defined.get(key) ?? await lookup(o.apiVersion, o.kind));
    const namespaced = known.get(key);
    if (namespaced === undefined) {
      problems.push({ at: d.at, object: `${o.kind} ${o.metadata.name}`, message: `no kind "${o.kind}" is served for version "${o.apiVersion}" (and no CustomResourceDefinition in the path defines it)` });
      continue;
    }
    if (namespaced) o.metadata.namespace = targetNamespace ?? d.kustomizeNamespace ?? o.metadata.namespace ?? 'default';
    else delete o.metadata.namespace;
  }
  if (problems.length === 0) problems.push(...duplicates(objects));
  if (problems.length > 0) throw new GitSyncError(Reason.BuildFailed, problems);
}

function duplicates(objects: readonly DesiredObject[]): Problem[] {
  const seen = new Map<string, DesiredObject>();
  const problems: Problem[] = [];
  for (const d of objects) {
    const id = idOf(d.object);
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, d);
      continue;
    }
    const ns = d.object.metadata.namespace ? `${d.object.metadata.namespace}/` : '';
    problems.push({ at: d.at, object: `${d.object.kind} ${ns}${d.object.metadata.name}`, message: `defined twice: also at ${formatLocation(first.at)}` });
  }
  return problems;
}
