/**
 * Observing the HelmRelease recorded as a release's owner (ownership.ts decides what follows): does it
 * exist, and does it still resolve to this release? Read live from the API server, not from the informer
 * cache: the owner may be outside what this controller watches (another namespace, another shard), and the
 * answer decides whether a release may be taken over. Only asked when the recorded owner is another
 * HelmRelease, so it costs nothing in the usual case.
 */
import { parseHelmRelease } from '../../api/index.ts';
import type { KubeClient, KubeObject } from '../../kube/index.ts';
import { helmReleaseGvk } from '../shared/kinds.ts';
import type { OwnerPresence, OwnerRef } from './ownership.ts';
import { maxLabelValueLength, ownerLabelValue, releaseTarget, type ReleaseTarget } from './release-name.ts';

export interface OwnerFound {
  presence: OwnerPresence;
  /** `namespace/name` of the owner, its full name when found (the recorded label value may be shortened) */
  display: string;
}

export type OwnerLookup = (owner: OwnerRef, release: Pick<ReleaseTarget, 'name' | 'storageNamespace'>) => Promise<OwnerFound>;

async function find(kube: KubeClient, owner: OwnerRef): Promise<KubeObject | undefined> {
  const { apiVersion, kind } = helmReleaseGvk;
  // a name of 63 characters may be a shortened longer one: only a list of the namespace can tell
  if (owner.name.length < maxLabelValueLength) return kube.get({ apiVersion, kind, name: owner.name, namespace: owner.namespace });
  return (await kube.list(apiVersion, kind, owner.namespace)).find((o) => ownerLabelValue(o.metadata.name) === owner.name);
}

/** A HelmRelease being deleted still owns its release (its finalizer uninstalls it); one with an invalid spec is assumed to. */
export function presenceOf(obj: KubeObject | undefined, release: Pick<ReleaseTarget, 'name' | 'storageNamespace'>): OwnerPresence {
  if (obj === undefined) return 'gone';
  const parsed = parseHelmRelease(obj);
  if (!parsed.ok) return 'claims';
  const t = releaseTarget(parsed.value);
  return t.name === release.name && t.storageNamespace === release.storageNamespace ? 'claims' : 'elsewhere';
}

/** An OwnerLookup reading with the controller's own client. */
export function ownerLookup(kube: KubeClient): OwnerLookup {
  return async (owner, release) => {
    const obj = await find(kube, owner);
    const display = `${owner.namespace}/${obj?.metadata.name ?? owner.name}`;
    return { presence: presenceOf(obj, release), display };
  };
}
