/**
 * Comparing what server-side apply would make of an object with the live object, leaving out what changes
 * without anyone changing the object (resourceVersion, managedFields, generation, status, …) and the
 * fields the HelmRelease says to ignore. The result names changed fields by JSON pointer only: values never
 * appear (they may come from Secrets).
 */
import type { KubeObject } from '../../../kube/index.ts';
import { formatPointer, removeAt } from '../json-pointer.ts';

const noisyMetadata = ['managedFields', 'resourceVersion', 'generation', 'creationTimestamp', 'uid', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds'];
const noisyAnnotations = ['kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision'];

/** A copy of `o` without status and server-maintained metadata, and without the `ignore` pointers. */
export function comparable(o: KubeObject, ignore: readonly string[][] = []): Record<string, unknown> {
  const c = structuredClone(o) as unknown as Record<string, unknown> & { metadata: Record<string, unknown> };
  delete c['status'];
  for (const k of noisyMetadata) delete c.metadata[k];
  const ann = c.metadata['annotations'] as Record<string, string> | undefined;
  if (ann !== undefined) {
    for (const k of noisyAnnotations) delete ann[k];
    if (Object.keys(ann).length === 0) delete c.metadata['annotations'];
  }
  for (const p of ignore) removeAt(c, p);
  return c;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** JSON pointers of the fields that differ between `a` and `b` (at most `limit`). */
export function changedPaths(a: unknown, b: unknown, limit = 20, at: (string | number)[] = [], out: string[] = []): string[] {
  if (out.length >= limit) return out;
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) changedPaths(a[k], b[k], limit, [...at, k], out);
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => changedPaths(x, b[i], limit, [...at, i], out));
    return out;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(formatPointer(at));
  return out;
}
