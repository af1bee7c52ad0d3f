/**
 * The release model, field for field as Helm 3 serialises it (pkg/release). Property order in these
 * interfaces is the JSON order; the codec writes objects in exactly this order.
 */

/** Helm's release status strings (pkg/release/status.go). */
export const releaseStatuses = [
  'unknown', 'deployed', 'uninstalled', 'superseded', 'failed',
  'uninstalling', 'pending-install', 'pending-upgrade', 'pending-rollback',
] as const;
export type ReleaseStatus = (typeof releaseStatuses)[number];

export function isPending(s: ReleaseStatus): boolean {
  return s === 'pending-install' || s === 'pending-upgrade' || s === 'pending-rollback';
}

/** A JSON object: plain when decoded from storage, a Map when built from chart values. */
export type JsonMap = Record<string, unknown> | ReadonlyMap<string, unknown>;

/** A point in time with nanosecond precision kept from decoded JSON; `undefined` is Go's zero time. */
export interface GoTime {
  /** milliseconds since the epoch */
  ms: number;
  /** nanoseconds within the millisecond (0–999999), kept so decode → encode is lossless */
  subMsNanos: number;
  /** offset from UTC in minutes as written (Helm writes local time) */
  offsetMinutes: number;
}

export interface Info {
  first_deployed?: GoTime | undefined;
  last_deployed?: GoTime | undefined;
  deleted?: GoTime | undefined;
  description?: string;
  status?: ReleaseStatus;
  notes?: string;
}

export interface Maintainer { name?: string; email?: string; url?: string }

export interface Dependency {
  name: string;
  version?: string;
  repository: string;
  condition?: string;
  tags?: string[];
  enabled?: boolean;
  'import-values'?: unknown[];
  alias?: string;
}

/** chart.Metadata with its json tags. */
export interface ChartMetadata {
  name?: string;
  home?: string;
  sources?: string[];
  version?: string;
  description?: string;
  keywords?: string[];
  maintainers?: Maintainer[];
  icon?: string;
  apiVersion?: string;
  condition?: string;
  tags?: string;
  appVersion?: string;
  deprecated?: boolean;
  annotations?: Record<string, string>;
  kubeVersion?: string;
  dependencies?: Dependency[];
  type?: string;
}

export interface ChartLock { generated: GoTime | undefined; digest: string; dependencies: Dependency[] }

/** A file of a chart: `data` is the raw bytes (base64 in JSON). */
export interface ChartFile { name: string; data: Uint8Array }

/** chart.Chart as persisted: subcharts are not serialised (an unexported field in Go). */
export interface StoredChart {
  metadata: ChartMetadata | null;
  lock: ChartLock | null;
  templates: ChartFile[] | null;
  /** a plain object when decoded, or a Map (keys are sorted when encoded) */
  values: JsonMap | null;
  schema: Uint8Array | null;
  files: ChartFile[] | null;
}

export type HookEvent =
  | 'pre-install' | 'post-install' | 'pre-delete' | 'post-delete' | 'pre-upgrade' | 'post-upgrade'
  | 'pre-rollback' | 'post-rollback' | 'test';
export type HookPhase = 'Unknown' | 'Running' | 'Succeeded' | 'Failed' | '';
export type HookDeletePolicy = 'before-hook-creation' | 'hook-succeeded' | 'hook-failed';

export interface HookExecution { started_at?: GoTime; completed_at?: GoTime; phase: HookPhase }

export interface Hook {
  name: string;
  kind: string;
  path: string;
  manifest: string;
  events: HookEvent[];
  last_run: HookExecution;
  weight?: number;
  delete_policies: HookDeletePolicy[];
  output_log_policies?: string[];
}

export interface Release {
  name: string;
  info?: Info;
  chart?: StoredChart;
  /** the user-supplied values only */
  config?: JsonMap;
  manifest?: string;
  hooks?: Hook[];
  version: number;
  namespace: string;
  /** custom labels: kept on the Secret only (json:"-" in Helm) */
  labels?: Record<string, string>;
  /** annotations of the record (Capstan's operation holder/deadline); not part of Helm's JSON */
  annotations?: Record<string, string>;
}
