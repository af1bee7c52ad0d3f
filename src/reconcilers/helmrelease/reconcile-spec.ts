/**
 * The body of a HelmRelease reconcile once the object is known, not deleted and not suspended: validate the
 * spec, wait for dependencies, resolve the chart, compose the values, uninstall the release at the old target
 * when the target changed (target-change.ts), record the attempt, run the release state machine, then record
 * history, inventory and the summary (Ready last). Returns when to come back.
 */
import {
  ConditionType, Reason, deleteCondition, durationMs, formatIssues, markStalled, parseHelmRelease,
  reconcileRequestedAtAnnotation, summarize, markFalse, type HelmRelease, type HelmReleaseStatus,
} from '../../api/index.ts';
import type { ReconcileContext, Result } from '../../controller/index.ts';
import type { KubeClient } from '../../kube/index.ts';
import type { EventRecorder } from '../shared/events.ts';
import { configReader } from '../shared/object-reader.ts';
import { withJitter } from '../shared/requeue.ts';
import { describeAccessDenied } from './access-denied.ts';
import type { HelmReleaseObject, ReleaseContext } from './actions/context.ts';
import { atomicRelease, type AtomicOutcome } from './atomic-release.ts';
import { ChartResolveError, type ChartResolver, type ResolvedChart } from './chart/resolver.ts';
import { configDigest, postRenderDigest } from './config-digest.ts';
import { checkDependencies } from './dependencies.ts';
import { appliedObjects } from './observe.ts';
import { PostRenderError } from './postrender/post-renderer.ts';
import { recordError } from './record-error.ts';
import { Redactor } from './redact.ts';
import type { ReleaseClientFactory, ReleaseClients } from './release-clients.ts';
import { ownerLookup } from './owner-lookup.ts';
import { releaseTarget } from './release-name.ts';
import { releaseTargetChanged } from './target-change.ts';
import { releasePreviousTarget } from './actions/previous-target.ts';
import { historySnapshots } from './status/history.ts';
import { inventoryOf } from './status/inventory.ts';
import { recordAttempt } from './status/failures.ts';
import { composeValues, ValuesError } from './values.ts';

export interface SpecDeps {
  kube: KubeClient;
  resolver: ChartResolver;
  clients: ReleaseClientFactory;
  events: EventRecorder;
  requeueDependencyMs: number;
}

type Obj = HelmReleaseObject & { status: HelmReleaseStatus };

/** The conditions Ready is summarized from, in priority order. */
function summaryConditions(hr: HelmRelease): string[] {
  const out: string[] = [ConditionType.Remediated];
  if (hr.spec.driftDetection.mode === 'enabled') out.push(ConditionType.Drifted);
  if (hr.spec.test.enable && !hr.spec.test.ignoreFailures) out.push(ConditionType.TestSuccess);
  out.push(ConditionType.Released);
  return out;
}

/** Throws after recording; the error goes to the queue's backoff unless `terminal` (then it stalls, no retry). */
async function resolveChart(obj: Obj, hr: HelmRelease, deps: SpecDeps, ctx: ReconcileContext): Promise<ResolvedChart | undefined> {
  try {
    return await deps.resolver.resolve(hr, { cache: ctx.cache, signal: ctx.signal, log: ctx.log });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof ChartResolveError && e.terminal) {
      markStalled(obj, Reason.ArtifactFailed, message);
      summarize(obj);
      return undefined;
    }
    recordError(obj, deps.events, Reason.ArtifactFailed, message);
    throw e;
  }
}

async function releaseClients(obj: Obj, hr: HelmRelease, deps: SpecDeps, target: ReturnType<typeof releaseTarget>): Promise<ReleaseClients | undefined> {
  try {
    return await deps.clients.forRelease(hr, target);
  } catch (e) {
    if (e instanceof PostRenderError) {
      markStalled(obj, Reason.PostRenderFailed, e.message);
      summarize(obj);
      return undefined;
    }
    const sa = hr.spec.serviceAccountName;
    const denied = describeAccessDenied(e, 'the controller');
    recordError(obj, deps.events, denied !== undefined ? Reason.AccessDenied : Reason.ReconciliationFailed,
      `${sa !== undefined ? `cannot act as ServiceAccount ${hr.metadata.namespace ?? ''}/${sa}: ` : ''}${denied ?? (e as Error).message}`);
    throw e;
  }
}

function afterOutcome(obj: Obj, hr: HelmRelease, outcome: AtomicOutcome, failures: number): Result {
  const interval = durationMs(hr.spec.interval);
  if (outcome.kind !== 'requeue') deleteCondition(obj, ConditionType.Reconciling);
  if (outcome.kind === 'blocked') {
    // Ready names the owning HelmRelease, whatever this one's earlier remediation, drift or stall said
    deleteCondition(obj, ConditionType.Stalled);
    summarize(obj, { conditions: [ConditionType.Released] });
  } else {
    summarize(obj, { conditions: summaryConditions(hr) });
  }
  obj.status.observedGeneration = obj.metadata.generation ?? 0;
  if (outcome.kind === 'requeue') return { requeueAfter: Math.min(interval, 1000 * 2 ** Math.min(failures, 10)) };
  return { requeueAfter: withJitter(interval) };
}

export async function reconcileSpec(obj: Obj, deps: SpecDeps, ctx: ReconcileContext, flush: () => Promise<void>): Promise<Result> {
  const parsed = parseHelmRelease(obj);
  if (!parsed.ok) {
    markStalled(obj, Reason.InvalidSpec, `invalid HelmRelease: ${formatIssues(parsed.issues)}`);
    summarize(obj);
    obj.status.observedGeneration = obj.metadata.generation ?? 0;
    return {};
  }
  const hr = parsed.value;
  const requested = obj.metadata.annotations?.[reconcileRequestedAtAnnotation];
  const newRequest = requested !== undefined && requested !== obj.status.lastHandledReconcileAt;
  const waiting = checkDependencies(hr, ctx.cache);
  if (waiting !== undefined) {
    markFalse(obj, ConditionType.Ready, Reason.DependencyNotReady, waiting);
    return { requeueAfter: deps.requeueDependencyMs };
  }
  const chart = await resolveChart(obj, hr, deps, ctx);
  if (chart === undefined) return {};
  const redactor = new Redactor();
  let values;
  try {
    values = await composeValues(hr, configReader(deps.kube, ctx.cache), redactor);
  } catch (e) {
    recordError(obj, deps.events, e instanceof ValuesError ? Reason.ValuesError : Reason.ReconciliationFailed, redactor.redact((e as Error).message));
    throw e;
  }
  const digest = configDigest(values);
  const target = releaseTarget(hr);
  // a changed release target: the release at the old one goes first (Flux's ReleaseTargetChanged)
  const change = releaseTargetChanged(obj.status, target, chart.name);
  if (change !== undefined) {
    const previous = await releaseClients(obj, hr, deps, change.previous);
    if (previous === undefined) return {};
    await releasePreviousTarget({ obj, hr, change, clients: previous, events: deps.events, log: ctx.log });
  }
  recordAttempt(obj.status, { generation: obj.metadata.generation ?? 0, revision: chart.revision, revisionDigest: chart.digest, configDigest: digest, newRequest });
  obj.status.storageNamespace = target.storageNamespace;
  if (chart.sourceObject !== undefined) obj.status.helmChart = chart.sourceObject;
  else delete obj.status.helmChart;
  const clients = await releaseClients(obj, hr, deps, target);
  if (clients === undefined) return {};
  const rc: ReleaseContext = {
    hr, obj, target, chart, values, configDigest: digest, postRenderDigest: postRenderDigest(hr.spec),
    clients, owners: ownerLookup(deps.kube), events: deps.events, redactor, log: ctx.log, signal: ctx.signal, flush,
  };
  let outcome: AtomicOutcome;
  try {
    outcome = await atomicRelease(rc);
  } catch (e) {
    const denied = describeAccessDenied(e, clients.identity);
    recordError(obj, deps.events, denied !== undefined ? Reason.AccessDenied : Reason.ReconciliationFailed, redactor.redact(denied ?? (e as Error).message));
    throw e;
  }
  // a release owned by another HelmRelease is not this one's: its history and inventory stay as they were
  if (outcome.kind === 'blocked') return afterOutcome(obj, hr, outcome, obj.status.failures ?? 0);
  obj.status.history = historySnapshots(outcome.history);
  const deployed = [...outcome.history].reverse().find((r) => r.info?.status === 'deployed');
  if (deployed !== undefined) obj.status.inventory = inventoryOf(await appliedObjects(rc, deployed));
  else delete obj.status.inventory;
  return afterOutcome(obj, hr, outcome, obj.status.failures ?? 0);
}
