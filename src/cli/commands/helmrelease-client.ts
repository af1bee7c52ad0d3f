/** Reading and changing HelmReleases for the CLI (`get hr`, `reconcile hr`, `suspend|resume hr`). */
import type { KubeConfig } from '@kubernetes/client-node';
import { ConditionType, getCondition, type HelmReleaseStatus } from '../../api/index.ts';
import { KubeClient, rawRequest, toKubeError, type KubeObject } from '../../kube/index.ts';
import { UsageError } from '../flags.ts';

export type HelmReleaseObject = KubeObject & { status?: HelmReleaseStatus; spec?: { suspend?: boolean } };

export const hrApiVersion = 'helm.capstan.dev/v1';
export const hrKind = 'HelmRelease';

/** The names `kubectl` accepts for the kind. */
export const hrAliases = new Set(['hr', 'hrs', 'helmrelease', 'helmreleases', 'helmrelease.helm.capstan.dev', 'helmreleases.helm.capstan.dev']);

export function requireKind(kind: string | undefined, verb: string): void {
  if (kind === undefined || !hrAliases.has(kind)) throw new UsageError(`"capstan ${verb}" works on HelmReleases: capstan ${verb} hr NAME`);
}

export async function listHelmReleases(kube: KubeClient, namespace: string | undefined): Promise<HelmReleaseObject[]> {
  return (await kube.list(hrApiVersion, hrKind, namespace)) as HelmReleaseObject[];
}

export async function getHelmRelease(kube: KubeClient, namespace: string, name: string): Promise<HelmReleaseObject> {
  const o = await kube.get({ apiVersion: hrApiVersion, kind: hrKind, name, namespace });
  if (o === undefined) throw new Error(`HelmRelease "${name}" not found in namespace "${namespace}"`);
  return o as HelmReleaseObject;
}

/** A JSON merge patch of a HelmRelease. */
export async function patchHelmRelease(kc: KubeConfig, kube: KubeClient, namespace: string, name: string, patch: unknown): Promise<HelmReleaseObject> {
  const path = await kube.resourcePath(hrApiVersion, hrKind, name, namespace);
  try {
    return await rawRequest<HelmReleaseObject>(kc, 'PATCH', path, JSON.stringify(patch), 'application/merge-patch+json');
  } catch (e) {
    throw toKubeError(e, `patch HelmRelease ${namespace}/${name}`);
  }
}

/** `True`/`False`/`Unknown` and the message of Ready. */
export function readyOf(o: HelmReleaseObject): { status: string; message: string } {
  const c = getCondition(o, ConditionType.Ready);
  return { status: c?.status ?? 'Unknown', message: c?.message ?? '' };
}

/** kubectl's age: 5s, 3m, 2h, 4d. */
export function age(created: Date | string | undefined, now = Date.now()): string {
  if (created === undefined) return '<unknown>';
  const s = Math.max(0, Math.floor((now - new Date(created).getTime()) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}
