/**
 * Observing the Helm release against what the HelmRelease asks for (Flux's DetermineReleaseState), as a pure
 * function of the storage history: Absent, Locked, Unmanaged, Failed, OutOfSync, Untested or InSync. Drift is
 * looked for separately (it needs the cluster) and only when the release is otherwise in sync.
 */
import { isPending, type Release } from '../../release/index.ts';
import { configDigest } from './config-digest.ts';
import { ownerLabelValue, ownerNameLabel, ownerNamespaceLabel } from './release-name.ts';

export const postRenderDigestLabel = 'helm.capstan.dev/post-render-digest';

export type ReleaseStatusKind = 'Absent' | 'Locked' | 'Unmanaged' | 'Failed' | 'OutOfSync' | 'Untested' | 'Drifted' | 'InSync';

export interface ReleaseState {
  status: ReleaseStatusKind;
  /** why, for logs and messages */
  reason: string;
  /** the newest revision, when there is one */
  current?: Release;
}

export interface DesiredRelease {
  chartName: string;
  chartVersion: string;
  configDigest: string;
  /** truncated digest of postRenderers + commonMetadata ('' when none), as put on the release's labels */
  postRenderDigest: string;
  owner: { name: string; namespace: string };
  test: { enable: boolean; ignoreFailures: boolean };
  /** `namespace/name.vN` of revisions this HelmRelease recorded in status.history */
  known: ReadonlySet<string>;
}

/** Whether some revision was written for this HelmRelease (owner labels) or is in its status history. */
export function isManaged(history: readonly Release[], d: Pick<DesiredRelease, 'owner' | 'known'>): boolean {
  const name = ownerLabelValue(d.owner.name);
  return history.some((r) => (r.labels?.[ownerNameLabel] === name && r.labels[ownerNamespaceLabel] === d.owner.namespace)
    || d.known.has(`${r.namespace}/${r.name}.v${r.version}`));
}

export type TestOutcome = 'none' | 'not-run' | 'failed' | 'passed';

/** The outcome of the test hooks of a revision. */
export function testOutcome(r: Release): TestOutcome {
  const tests = (r.hooks ?? []).filter((h) => h.events.includes('test'));
  if (tests.length === 0) return 'none';
  if (tests.some((h) => h.last_run.phase === 'Failed')) return 'failed';
  if (tests.every((h) => h.last_run.phase === 'Succeeded')) return 'passed';
  return 'not-run';
}

export function classifyRelease(history: readonly Release[], d: DesiredRelease): ReleaseState {
  const cur = history.at(-1);
  if (cur === undefined) return { status: 'Absent', reason: 'no release in storage' };
  const status = cur.info?.status ?? 'unknown';
  if (status === 'uninstalled') return { status: 'Absent', reason: `release ${cur.name} was uninstalled`, current: cur };
  if (isPending(status)) return { status: 'Locked', reason: `revision ${cur.version} is ${status}`, current: cur };
  if (!isManaged(history, d)) return { status: 'Unmanaged', reason: `release ${cur.name} was not made by this HelmRelease`, current: cur };
  if (status !== 'deployed' && status !== 'superseded') return { status: 'Failed', reason: `revision ${cur.version} is ${status}`, current: cur };
  if (status === 'superseded') return { status: 'OutOfSync', reason: `revision ${cur.version} is superseded and none is deployed`, current: cur };
  const meta = cur.chart?.metadata;
  if (meta?.name !== d.chartName || meta.version !== d.chartVersion) {
    return { status: 'OutOfSync', reason: `chart ${meta?.name ?? '?'}@${meta?.version ?? '?'} differs from ${d.chartName}@${d.chartVersion}`, current: cur };
  }
  if (configDigest(cur.config) !== d.configDigest) return { status: 'OutOfSync', reason: 'values differ', current: cur };
  if ((cur.labels?.[postRenderDigestLabel] ?? '') !== d.postRenderDigest) return { status: 'OutOfSync', reason: 'post-renderers or common metadata differ', current: cur };
  if (d.test.enable) {
    const t = testOutcome(cur);
    if (t === 'not-run') return { status: 'Untested', reason: `revision ${cur.version} has not been tested`, current: cur };
    if (t === 'failed' && !d.test.ignoreFailures) return { status: 'Failed', reason: `revision ${cur.version} has failed tests`, current: cur };
  }
  return { status: 'InSync', reason: `revision ${cur.version} is in sync`, current: cur };
}

/** The newest successful revision older than `version` (a rollback target), if any. */
export function previousSuccessful(history: readonly Release[], version: number): Release | undefined {
  return [...history].reverse().find((r) => r.version < version && (r.info?.status === 'deployed' || r.info?.status === 'superseded'));
}
