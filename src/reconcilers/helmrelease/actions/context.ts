/**
 * What the release actions work with: the HelmRelease (parsed spec, and the object whose status they
 * record into), where the release lives, the chart and values to release, the clients, and the recorders.
 * Actions change status only through the condition helpers and the counters in status/failures.ts.
 */
import type { HelmRelease, HelmReleaseStatus } from '../../../api/index.ts';
import type { Values } from '../../../chart/index.ts';
import type { KubeObject } from '../../../kube/index.ts';
import type { Logger } from '../../../observability/logger.ts';
import type { EventRecorder, EventType } from '../../shared/events.ts';
import type { ResolvedChart } from '../chart/resolver.ts';
import type { DriftReport } from '../drift/detect.ts';
import type { OwnerLookup } from '../owner-lookup.ts';
import type { Redactor } from '../redact.ts';
import type { ReleaseClients } from '../release-clients.ts';
import type { ReleaseTarget } from '../release-name.ts';
import { configDigestAnnotation, revisionAnnotation } from '../event-annotations.ts';

/** The HelmRelease object as the controller holds it: its status is what actions record into. */
export type HelmReleaseObject = KubeObject & { status?: HelmReleaseStatus };

export interface ReleaseContext {
  hr: HelmRelease;
  obj: HelmReleaseObject & { status: HelmReleaseStatus };
  target: ReleaseTarget;
  chart: ResolvedChart;
  values: Values;
  configDigest: string;
  /** the post-render label value ('' when there are no post-renderers) */
  postRenderDigest: string;
  clients: ReleaseClients;
  /** looks up the HelmRelease recorded as the release's owner when it is another one */
  owners: OwnerLookup;
  events: EventRecorder;
  redactor: Redactor;
  log: Logger;
  signal: AbortSignal;
  /** writes status now (progress), when it changed */
  flush(): Promise<void>;
  /** the drift found by the last observation, if drift detection ran */
  drift?: DriftReport;
  /** set when this reconcile corrected drift */
  driftCorrected?: boolean;
}

/** An event about the HelmRelease, with its chart revision and config digest; the message is redacted. */
export function record(ctx: ReleaseContext, type: EventType, reason: string, message: string): void {
  ctx.events.event(ctx.obj, type, reason, ctx.redactor.redact(message), {
    [revisionAnnotation]: ctx.chart.version, [configDigestAnnotation]: ctx.configDigest,
  });
}

/** `ns/name.vN` of a release revision. */
export const releaseRef = (ctx: Pick<ReleaseContext, 'target'>, version?: number): string =>
  `${ctx.target.namespace}/${ctx.target.name}${version === undefined ? '' : `.v${version}`}`;

export const chartRef = (ctx: Pick<ReleaseContext, 'chart'>): string => `${ctx.chart.name}@${ctx.chart.version}`;

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
