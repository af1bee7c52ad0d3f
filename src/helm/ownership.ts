/**
 * Helm's ownership check (pkg/action/validate.go): an object that already exists may be taken into a
 * release only if it carries that release's ownership metadata, unless take-ownership is asked for.
 */
import type { KubeClient, KubeObject } from '../kube/index.ts';
import { ActionError } from './errors.ts';
import { managedByLabel, refOfObject, releaseNameAnnotation, releaseNamespaceAnnotation } from './manifest-objects.ts';

function problems(live: KubeObject, release: string, namespace: string): string[] {
  const out: string[] = [];
  const check = (kind: 'label' | 'annotation', key: string, want: string, got: string | undefined): void => {
    if (got === undefined) out.push(`${kind} validation error: missing key "${key}": must be set to "${want}"`);
    else if (got !== want) out.push(`${kind} validation error: key "${key}" must equal "${want}": current value is "${got}"`);
  };
  check('label', managedByLabel, 'Helm', live.metadata.labels?.[managedByLabel]);
  check('annotation', releaseNameAnnotation, release, live.metadata.annotations?.[releaseNameAnnotation]);
  check('annotation', releaseNamespaceAnnotation, namespace, live.metadata.annotations?.[releaseNamespaceAnnotation]);
  return out;
}

/** Throws OwnershipConflict for the first existing object that belongs to someone else. */
export async function checkOwnership(kube: KubeClient, objs: readonly KubeObject[], release: string, namespace: string, verb: 'install' | 'update'): Promise<void> {
  for (const o of objs) {
    const live = await kube.get(refOfObject(o));
    if (!live) continue;
    const p = problems(live, release, namespace);
    if (p.length === 0) continue;
    const where = o.metadata.namespace ? ` in namespace "${o.metadata.namespace}"` : '';
    throw new ActionError('OwnershipConflict',
      `rendered manifests contain a resource that already exists. Unable to continue with ${verb}: ${o.kind} "${o.metadata.name}"${where} exists and cannot be imported into the current release: invalid ownership metadata; ${p.join('; ')}`);
  }
}
