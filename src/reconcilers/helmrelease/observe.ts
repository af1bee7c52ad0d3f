/**
 * Observing the release (the IO side of release-state.ts and ownership.ts): the storage history, who owns
 * the release (looking up a recorded owner other than this HelmRelease), its classification, and — when the
 * release is ours or nobody's and otherwise in sync, and drift detection is on — drift in the cluster.
 */
import { releaseObjects } from '../../helm/prepare.ts';
import type { KubeObject } from '../../kube/index.ts';
import type { Release } from '../../release/index.ts';
import type { ReleaseContext } from './actions/context.ts';
import { detectDrift } from './drift/detect.ts';
import { decideOwnership, foreignOwner, ownerRefOf, ownerString, recordedOwner, type OwnershipVerdict } from './ownership.ts';
import { classifyRelease, type DesiredRelease, type ReleaseState } from './release-state.ts';
import { activeRemediation, ignoreTestFailures } from './remediation.ts';

export function desiredRelease(ctx: ReleaseContext): DesiredRelease {
  const { spec } = ctx.hr;
  const active = activeRemediation(spec, ctx.obj.status.lastAttemptedReleaseAction);
  return {
    chartName: ctx.chart.name, chartVersion: ctx.chart.version, configDigest: ctx.configDigest, postRenderDigest: ctx.postRenderDigest,
    owner: { name: ctx.hr.metadata.name, namespace: ctx.hr.metadata.namespace ?? 'default' },
    test: { enable: spec.test.enable, ignoreFailures: ignoreTestFailures(spec, active) },
    known: new Set((ctx.obj.status.history ?? []).map((s) => `${s.namespace}/${s.name}.v${s.version}`)),
  };
}

/** The objects of a revision as they were applied: namespaces defaulted, ownership metadata, post-rendered. */
export async function appliedObjects(ctx: ReleaseContext, rel: Release): Promise<KubeObject[]> {
  const objs = await releaseObjects(ctx.clients.cfg, rel);
  const render = ctx.clients.postRender;
  return render === undefined ? objs : objs.map(render);
}

export interface Observation {
  state: ReleaseState;
  history: Release[];
  ownership: OwnershipVerdict;
  /** `namespace/name` of the other HelmRelease in a conflict or take-over (its full name when found) */
  otherOwner?: string;
}

export async function observeRelease(ctx: ReleaseContext): Promise<Observation> {
  const history = await ctx.clients.cfg.storage.history(ctx.target.name);
  const self = ownerRefOf(ctx.hr);
  const recorded = recordedOwner(history);
  const other = foreignOwner(self, recorded);
  const found = other === undefined ? undefined : await ctx.owners(other, ctx.target);
  const ownership = decideOwnership({ self, recorded, ...(found !== undefined ? { presence: found.presence } : {}) });
  const named = other === undefined ? {} : { otherOwner: found?.display ?? ownerString(other) };
  const state = classifyRelease(history, desiredRelease(ctx));
  delete ctx.drift;
  const seen = { state, history, ownership, ...named };
  if (ownership.kind === 'conflict' || state.status !== 'InSync' || state.current === undefined) return seen;
  if (ctx.hr.spec.driftDetection.mode === 'disabled' || ctx.driftCorrected === true) return seen;
  const report = await detectDrift(ctx.clients.kube, await appliedObjects(ctx, state.current), ctx.hr.spec.driftDetection);
  ctx.drift = report;
  if (report.errors.length > 0) ctx.log.warn({ errors: report.errors.map((e) => ctx.redactor.redact(e)) }, 'drift detection could not check some objects');
  if (report.drifted.length === 0) return seen;
  return { ...seen, state: { ...state, status: 'Drifted', reason: `${report.drifted.length} object(s) drifted` } };
}
