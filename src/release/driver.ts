/** The storage driver interface (Helm's driver.Driver) and the record key. */
import type { Release } from './model.ts';

export interface Driver {
  readonly name: string;
  /** the release stored under key; throws ReleaseNotFound */
  get(key: string): Promise<Release>;
  /** every release (labels included) that passes the filter */
  list(filter: (r: Release) => boolean): Promise<Release[]>;
  /** releases whose labels match all of `labels`; throws ReleaseNotFound when none */
  query(labels: Readonly<Record<string, string>>): Promise<Release[]>;
  /** throws ReleaseExists */
  create(key: string, r: Release): Promise<void>;
  update(key: string, r: Release): Promise<void>;
  /** removes and returns the release; throws ReleaseNotFound */
  delete(key: string): Promise<Release>;
}

/** `sh.helm.release.v1.<name>.v<revision>` */
export function releaseKey(name: string, version: number): string {
  return `sh.helm.release.v1.${name}.v${version}`;
}

/** Labels Helm reserves on a release record; custom labels may not use them. */
export const systemLabels = ['name', 'owner', 'status', 'version', 'createdAt', 'modifiedAt'] as const;

/** The labels a record carries: custom labels first, then the system ones (which win). */
export function recordLabels(r: Release, extra: Record<string, string>): Record<string, string> {
  return {
    ...r.labels,
    name: r.name,
    owner: 'helm',
    status: r.info?.status ?? 'unknown',
    version: String(r.version),
    ...extra,
  };
}
