/**
 * The compact form of one chart version of a repository index: only what resolving and downloading need.
 * Everything else in an index entry (descriptions, maintainers, dependencies, annotations, …) is dropped as soon
 * as the entry is read, which is what keeps memory flat on huge indexes.
 */
import { parseVersion } from '@capstan/semver';

/** One version of a chart as the index lists it. */
export interface ChartVersionEntry {
  /** the chart name (the index's `entries` key) */
  readonly name: string;
  /** the version string exactly as the index writes it */
  readonly version: string;
  readonly appVersion?: string;
  /** archive URLs, absolute or relative to the repository URL; the first one is used */
  readonly urls: readonly string[];
  /** hex sha256 of the archive (`digest:` in the index) */
  readonly digest?: string;
  /** RFC 3339 creation time as written in the index */
  readonly created?: string;
  /** the chart's own apiVersion (`v1`, `v2`) */
  readonly apiVersion?: string;
  readonly deprecated?: boolean;
}

/** Why an index entry was left out (Helm's loadIndex skips the same entries with a warning). */
export type SkipReason = string;

/**
 * Turns one parsed index entry into a ChartVersionEntry, or a reason to skip it: Helm's `Metadata.Validate`
 * rules that matter for an index (name, semver version, chart type) decide.
 */
export function toChartVersionEntry(chart: string, raw: unknown): ChartVersionEntry | SkipReason {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return 'empty entry';
  const o = raw as Record<string, unknown>;
  const name = scalar(o['name']);
  if (name === undefined || name === '') return 'validation: chart.metadata.name is required';
  const version = scalar(o['version']);
  if (version === undefined || version === '') return 'validation: chart.metadata.version is required';
  try {
    parseVersion(version);
  } catch {
    return `validation: chart.metadata.version "${version}" is invalid`;
  }
  const type = scalar(o['type']);
  if (type !== undefined && type !== '' && type !== 'application' && type !== 'library') {
    return 'validation: chart.metadata.type must be application or library';
  }
  const urls = Array.isArray(o['urls']) ? o['urls'].map(scalar).filter((u): u is string => u !== undefined) : [];
  const entry: { -readonly [K in keyof ChartVersionEntry]: ChartVersionEntry[K] } = { name: chart, version, urls };
  const appVersion = scalar(o['appVersion']);
  if (appVersion !== undefined) entry.appVersion = appVersion;
  const digest = scalar(o['digest']);
  if (digest !== undefined && digest !== '') entry.digest = digest;
  const created = scalar(o['created']);
  if (created !== undefined) entry.created = created;
  entry.apiVersion = scalar(o['apiVersion']) || 'v1';
  if (o['deprecated'] === true || o['deprecated'] === 'true') entry.deprecated = true;
  return entry;
}

/**
 * Scalars as Go's string fields take them. Blocks are parsed with YAML's failsafe schema, so `appVersion: 1.10`
 * keeps its text as sigs.k8s.io/yaml does; numbers only come from JSON indexes.
 */
function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return undefined;
}
