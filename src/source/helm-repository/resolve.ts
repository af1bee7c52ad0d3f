/**
 * Choosing a chart version from an index, with Helm's rules (IndexFile.Get and FindChartInRepoURL, v3.17):
 * - versions are tried newest first (semver order; entries that do not parse were already dropped);
 * - a constraint that equals a version string exactly selects that version first;
 * - otherwise the first version the Masterminds constraint accepts wins, so `""`/`*` mean the latest stable
 *   release and pre-releases match only when the constraint names one (`>=1.0.0-0`, `*-0`).
 */
import { parseConstraint, parseVersion, type Version } from '@capstan/semver';
import type { ChartVersionEntry } from './index-entry.ts';
import { HelmRepositoryError } from './errors.ts';
import { redactUrl } from './redact.ts';

/** Sorts versions newest first (Helm's SortEntries); equal versions keep their index order. */
export function sortNewestFirst(entries: readonly ChartVersionEntry[]): ChartVersionEntry[] {
  const keyed = entries.map((e, i) => ({ e, i, v: parseVersion(e.version) as Version }));
  keyed.sort((a, b) => b.v.compare(a.v) || a.i - b.i);
  return keyed.map((k) => k.e);
}

/**
 * IndexFile.Get: the first of `versions` (sorted newest first) matching `constraint`. Returns the reason Helm
 * gives when nothing matches (`no chart version found for x-y`), or throws for a constraint that does not parse.
 */
export function selectVersion(chart: string, versions: readonly ChartVersionEntry[], constraint: string): ChartVersionEntry | string {
  if (versions.length === 0) return 'no chart version found';
  const c = parseConstraint(constraint === '' ? '*' : constraint);
  if (constraint !== '') {
    const exact = versions.find((v) => v.version === constraint);
    if (exact !== undefined) return exact;
  }
  for (const v of versions) {
    if (c.check(parseVersion(v.version))) return v;
  }
  return `no chart version found for ${chart}-${constraint}`;
}

/**
 * Resolves `chart` at `constraint` against the wanted entries of an index, failing with Helm's words:
 * `chart "x" version "y" not found in <repo> repository` (the inner reason, e.g.
 * `no chart version found for x-y`, is the error's cause).
 */
export function resolveChartVersion(
  entries: ReadonlyMap<string, readonly ChartVersionEntry[]>,
  chart: string,
  constraint: string,
  repoUrl: string,
): ChartVersionEntry {
  const what = constraint !== '' ? `chart "${chart}" version "${constraint}"` : `chart "${chart}"`;
  const notFound = (reason: string, code: 'ChartNotFound' | 'InvalidConstraint' = 'ChartNotFound', cause?: unknown): HelmRepositoryError =>
    new HelmRepositoryError(code, repoUrl, `${what} not found in ${redactUrl(repoUrl)} repository`, { cause: cause ?? new Error(reason) });
  const versions = entries.get(chart);
  if (versions === undefined) throw notFound('no chart name found');
  let picked: ChartVersionEntry | string;
  try {
    picked = selectVersion(chart, versions, constraint);
  } catch (e) {
    throw notFound((e as Error).message, 'InvalidConstraint', e);
  }
  if (typeof picked === 'string') throw notFound(picked);
  return picked;
}
