/**
 * Release storage over a driver, with Helm's rules (pkg/storage/storage.go): history, last, deployed,
 * and maxHistory pruning that never deletes the last deployed revision.
 */
import { isNotFound, ReleaseError } from './errors.ts';
import { releaseKey, systemLabels, type Driver } from './driver.ts';
import type { Release } from './model.ts';

export class Storage {
  readonly driver: Driver;
  /** 0 = unlimited (Helm's default for the library; the CLI uses 10, Flux 5) */
  maxHistory: number;

  constructor(driver: Driver, maxHistory = 0) {
    this.driver = driver;
    this.maxHistory = maxHistory;
  }

  get(name: string, version: number): Promise<Release> {
    return this.driver.get(releaseKey(name, version));
  }

  /** Creates a new revision, first pruning history down to maxHistory-1 when maxHistory is set. */
  async create(r: Release): Promise<void> {
    if (this.maxHistory > 0) await this.removeLeastRecent(r.name, this.maxHistory - 1);
    await this.driver.create(releaseKey(r.name, r.version), withCustomLabelsOnly(r));
  }

  /** Writes a changed revision; system labels read back from a list are dropped, custom labels kept. */
  update(r: Release): Promise<void> {
    return this.driver.update(releaseKey(r.name, r.version), withCustomLabelsOnly(r));
  }

  delete(name: string, version: number): Promise<Release> {
    return this.driver.delete(releaseKey(name, version));
  }

  /** Every revision of a release, oldest first; empty when there is none. */
  async history(name: string): Promise<Release[]> {
    try {
      return sortByRevision(await this.driver.query({ name, owner: 'helm' }));
    } catch (e) {
      if (isNotFound(e)) return [];
      throw e;
    }
  }

  /** The highest revision; throws ReleaseNotFound. */
  async last(name: string): Promise<Release> {
    const h = await this.history(name);
    const last = h.at(-1);
    if (!last) throw new ReleaseError('ReleaseNotFound', `release: not found`);
    return last;
  }

  /** The deployed revision (the highest one if several claim it); throws ReleaseNotFound. */
  async deployed(name: string): Promise<Release> {
    const ls = sortByRevision(await this.driver.query({ name, owner: 'helm', status: 'deployed' }));
    const d = ls.at(-1);
    if (!d) throw new ReleaseError('ReleaseNotFound', `"${name}" has no deployed releases`);
    return d;
  }

  /** Deletes the oldest revisions until at most `max` remain, keeping the last deployed one. */
  async removeLeastRecent(name: string, max: number): Promise<void> {
    if (max < 0) return;
    const h = await this.history(name);
    if (h.length <= max) return;
    let lastDeployed: Release | undefined;
    try {
      lastDeployed = await this.deployed(name);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    const toDelete: Release[] = [];
    for (const r of h) {
      if (h.length - toDelete.length === max) break;
      if (lastDeployed === undefined || r.version !== lastDeployed.version) toDelete.push(r);
    }
    const errors: unknown[] = [];
    for (const r of toDelete) {
      try {
        await this.delete(r.name, r.version);
      } catch (e) {
        errors.push(e);
      }
    }
    if (errors.length > 0) throw new ReleaseError('StorageFailed', `error pruning history of ${name}: ${errors.map(String).join('; ')}`);
  }
}

export function sortByRevision(rs: Release[]): Release[] {
  return [...rs].sort((a, b) => a.version - b.version);
}

function withCustomLabelsOnly(r: Release): Release {
  if (!r.labels) return r;
  const labels = { ...r.labels };
  for (const l of systemLabels) delete labels[l];
  const out = { ...r };
  if (Object.keys(labels).length > 0) out.labels = labels;
  else delete out.labels;
  return out;
}
