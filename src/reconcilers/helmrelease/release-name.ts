/**
 * Where a HelmRelease's Helm release lives: its name (`spec.releaseName`, else `[targetNamespace-]name`,
 * shortened with a hash past Helm's 53 characters, as Flux does), the namespace it installs into and the
 * namespace of its storage Secrets; and the labels that mark storage records as this HelmRelease's.
 */
import { createHash } from 'node:crypto';
import type { HelmRelease } from '../../api/index.ts';

export const maxReleaseNameLength = 53;

/** Labels on every release record Capstan writes for a HelmRelease (owner of the release). */
export const ownerNameLabel = 'helm.capstan.dev/name';
export const ownerNamespaceLabel = 'helm.capstan.dev/namespace';

export interface ReleaseTarget {
  /** the Helm release name */
  name: string;
  /** where the chart's objects go */
  namespace: string;
  /** where the release records (and the operation Lease) are */
  storageNamespace: string;
}

/** Flux's ShortenName: names longer than 53 characters become their first 40 characters, '-', 12 hex of sha256. */
export function shortenName(name: string): string {
  if (name.length <= maxReleaseNameLength) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 12);
  return `${name.slice(0, 40).replace(/-+$/, '')}-${hash}`;
}

export function releaseTarget(hr: Pick<HelmRelease, 'metadata' | 'spec'>): ReleaseTarget {
  const own = hr.metadata.namespace ?? 'default';
  const target = hr.spec.targetNamespace;
  const name = hr.spec.releaseName ?? shortenName(target ? `${target}-${hr.metadata.name}` : hr.metadata.name);
  return { name, namespace: target ?? own, storageNamespace: hr.spec.storageNamespace ?? own };
}

/** Label values hold at most 63 characters. */
export const maxLabelValueLength = 63;

/**
 * A HelmRelease name as a label value: itself when it fits (names up to 63 characters, the usual case),
 * else its first 50 characters, '-', 12 hex of sha256 (object names may have 253 characters).
 */
export function ownerLabelValue(name: string): string {
  if (name.length <= maxLabelValueLength) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 12);
  return `${name.slice(0, 50)}-${hash}`;
}

export function ownerLabels(hr: Pick<HelmRelease, 'metadata'>): Record<string, string> {
  return { [ownerNameLabel]: ownerLabelValue(hr.metadata.name), [ownerNamespaceLabel]: hr.metadata.namespace ?? 'default' };
}
