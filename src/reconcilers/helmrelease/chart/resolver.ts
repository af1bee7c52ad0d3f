/**
 * Where a HelmRelease's chart comes from, behind one interface: `ChartResolver.resolve` finds the chart the
 * HelmRelease asks for now (a GitRepository path, a HelmRepository chart at a semver range, or Flux v1's
 * inline `chart.git` / `chart.repository`) and returns its identity plus a loader for fresh copies.
 */
import type { HelmRelease } from '../../../api/index.ts';
import type { Chart } from '../../../chart/index.ts';
import type { CacheReader } from '../../../controller/index.ts';
import type { Logger } from '../../../observability/logger.ts';

export interface ResolvedChart {
  name: string;
  /** the chart version as it will be recorded (with `+<commit>` under reconcileStrategy Revision) */
  version: string;
  /** `status.lastAttemptedRevision` */
  revision: string;
  /** digest of the artifact the chart came from (`status.lastAttemptedRevisionDigest`) */
  digest?: string;
  /** where from, for messages: `GitRepository ns/name`, `HelmRepository ns/name`, or a URL (credentials removed) */
  source: string;
  /** `namespace/name` of the source object (`status.helmChart`), when there is one */
  sourceObject?: string;
  /** a freshly loaded chart on every call: rendering changes the chart it is given */
  load(): Chart;
}

export interface ChartResolveContext {
  cache: CacheReader;
  signal: AbortSignal;
  log: Logger;
}

export interface ChartResolver {
  resolve(hr: HelmRelease, ctx: ChartResolveContext): Promise<ResolvedChart>;
}

export type ChartResolveErrorCode =
  | 'SourceNotFound' | 'SourceNotReady' | 'CrossNamespaceRef' | 'InvalidPath' | 'FetchFailed' | 'ChartNotFound' | 'LoadFailed';

/** Why the chart could not be had; `terminal` ones need a change to the HelmRelease (or source) to heal. */
export class ChartResolveError extends Error {
  readonly code: ChartResolveErrorCode;
  readonly terminal: boolean;
  constructor(code: ChartResolveErrorCode, message: string, options: { terminal?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ChartResolveError';
    this.code = code;
    this.terminal = options.terminal ?? false;
  }
}
