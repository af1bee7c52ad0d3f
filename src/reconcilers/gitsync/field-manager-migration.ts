/**
 * Objects a GitSync applied before it had a field manager of its own were applied as `capstan`. Server-side
 * apply removes a field only when the applier's manager owns it alone, so a field taken out of Git would stay
 * on such an object for good. Before applying, the `capstan` Apply entry of an object this GitSync owns (its
 * annotation) is renamed to `capstan-gitsync` once, with a JSON patch of `metadata.managedFields` guarded by
 * the resourceVersion: the same hand-over Flux's kustomize-controller does for the managers it replaces.
 * Entries of subresources (`status`, written by the controllers) are left alone.
 */
import { describeRef, fieldManager, rawRequest, refOf, type KubeClient, type KubeObject } from '../../kube/index.ts';
import type { Logger } from '../../observability/logger.ts';
import { gitSyncFieldManager, ownerId, ownerOf, type Owner } from './ownership.ts';

interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  subresource?: string;
  [k: string]: unknown;
}

const isMainApply = (e: ManagedFieldsEntry, manager: string): boolean =>
  e.manager === manager && e.operation === 'Apply' && (e.subresource ?? '') === '';

/** The managedFields with the old manager's Apply entry renamed, or undefined when there is nothing to hand over. */
export function handedOver(live: KubeObject, owner: Owner): ManagedFieldsEntry[] | undefined {
  if (ownerOf(live) !== ownerId(owner)) return undefined;
  const entries = (live.metadata.managedFields ?? []) as ManagedFieldsEntry[];
  if (entries.some((e) => isMainApply(e, gitSyncFieldManager)) || !entries.some((e) => isMainApply(e, fieldManager))) return undefined;
  return entries.map((e) => (isMainApply(e, fieldManager) ? { ...e, manager: gitSyncFieldManager } : e));
}

/**
 * Hands the fields of `live` over to GitSync's field manager when it is an object of this GitSync still
 * applied as `capstan`; returns the object as stored after, or `live` unchanged. A failure (the object changed
 * meanwhile, no patch permission) is logged and the next sync tries again.
 */
export async function handOverFields(kube: KubeClient, live: KubeObject, owner: Owner, log: Logger): Promise<KubeObject> {
  const entries = handedOver(live, owner);
  if (entries === undefined) return live;
  const ref = refOf(live);
  try {
    const path = await kube.resourcePath(ref.apiVersion, ref.kind, ref.name, ref.namespace);
    const patch = [
      { op: 'test', path: '/metadata/resourceVersion', value: live.metadata.resourceVersion },
      { op: 'replace', path: '/metadata/managedFields', value: entries },
    ];
    const stored = await rawRequest<KubeObject>(kube.kc, 'PATCH', path, JSON.stringify(patch), 'application/json-patch+json');
    log.info({ object: describeRef(ref) }, `field manager ${fieldManager} handed over to ${gitSyncFieldManager}`);
    return stored;
  } catch (e) {
    log.warn({ object: describeRef(ref), err: e instanceof Error ? e.message : String(e) }, 'could not hand the object\'s fields over to the GitSync field manager');
    return live;
  }
}
