/**
 * The release state machine of one reconcile (Flux's AtomicRelease): observe → decide → act, repeated until
 * nothing is left to do, the release stalls, or an action of a kind already run in this reconcile comes up
 * (then the key is requeued, so one reconcile never loops through upgrade → rollback → upgrade …).
 *
 * A release another HelmRelease owns is not touched at all (ownership.ts): the outcome is `blocked`, with
 * Released=False, reason OwnedByAnotherHelmRelease and a warning event naming the owner.
 *
 * Before each action Reconciling is set and status written, so progress shows while an action waits.
 * Actions record their outcome in conditions and counters; an error thrown from here left storage unchanged
 * (a locked release, an unreadable storage) and is for the work queue's backoff.
 */
import { ConditionType, getCondition, markFalse, markReconciling, markStalled, Reason } from '../../api/index.ts';
import type { Release } from '../../release/index.ts';
import { runCorrectDrift } from './actions/correct-drift.ts';
import { record, releaseRef, type ReleaseContext } from './actions/context.ts';
import { runInstall } from './actions/install.ts';
import { runRollback } from './actions/rollback.ts';
import { runTest } from './actions/test.ts';
import { timeoutOf } from './actions/timeouts.ts';
import { runUninstallRemediation } from './actions/uninstall.ts';
import { runUnlock } from './actions/unlock.ts';
import { runUpgrade } from './actions/upgrade.ts';
import { decide, kindOfAction, type ActionKind, type ActionName } from './decide.ts';
import { recordInSync } from './in-sync.ts';
import { observeRelease, type Observation } from './observe.ts';
import { previousSuccessful, type ReleaseState } from './release-state.ts';
import { failuresOf } from './status/failures.ts';

export type AtomicOutcome =
  | { kind: 'ready'; history: Release[] }
  | { kind: 'stalled'; history: Release[] }
  | { kind: 'requeue'; history: Release[] }
  /** the release belongs to another HelmRelease: nothing was done, and the history is not this one's */
  | { kind: 'blocked'; history: Release[] };

const maxSteps = 10;

async function act(ctx: ReleaseContext, action: ActionName, obs: Observation): Promise<boolean> {
  switch (action) {
    case 'install': return runInstall(ctx);
    case 'upgrade': return runUpgrade(ctx);
    case 'test': return runTest(ctx);
    case 'rollback': return runRollback(ctx, obs.history);
    case 'uninstall': return runUninstallRemediation(ctx);
    case 'unlock': return runUnlock(ctx);
    case 'correct-drift': return ctx.drift === undefined ? true : runCorrectDrift(ctx, ctx.drift, obs.state.current?.version ?? 0);
  }
}

function stall(ctx: ReleaseContext, action: 'install' | 'upgrade', attempts: number): void {
  const last = getCondition(ctx.obj, ConditionType.Released);
  const why = last?.status === 'False' ? `: ${last.message}` : '';
  markStalled(ctx.obj, Reason.RetriesExceeded, `Failed to ${action} after ${attempts} attempt(s)${why}`);
}

/** Act on the ownership verdict: block on a conflict; say so when taking over a release another HelmRelease left. */
function settleOwnership(ctx: ReleaseContext, obs: Observation): boolean {
  const o = obs.ownership;
  const release = `Helm release ${ctx.target.storageNamespace}/${ctx.target.name}`;
  if (o.kind === 'conflict') {
    const message = `${release} is owned by HelmRelease ${obs.otherOwner ?? ''}: not acting on it `
      + '(delete that HelmRelease, or give this one another releaseName or storageNamespace)';
    markFalse(ctx.obj, ConditionType.Released, Reason.OwnedByAnotherHelmRelease, message);
    record(ctx, 'Warning', Reason.OwnedByAnotherHelmRelease, message);
    ctx.log.warn({ release: releaseRef(ctx), owner: obs.otherOwner }, 'release owned by another HelmRelease: not acting on it');
    return false;
  }
  if (o.kind === 'take-over') {
    const why = o.why === 'gone' ? 'which no longer exists' : 'which now targets another release';
    record(ctx, 'Normal', Reason.ReleaseTakenOver, `${release} was owned by HelmRelease ${obs.otherOwner ?? ''}, ${why}: taking it over`);
  }
  return true;
}

function canRollback(state: ReleaseState, history: readonly Release[]): boolean {
  return state.current !== undefined && previousSuccessful(history, state.current.version) !== undefined;
}

export async function atomicRelease(ctx: ReleaseContext): Promise<AtomicOutcome> {
  const done = new Set<ActionKind>();
  let history: Release[] = [];
  for (let step = 0; step < maxSteps; step++) {
    const obs = await observeRelease(ctx);
    if (!settleOwnership(ctx, obs)) return { kind: 'blocked', history: obs.history };
    history = obs.history;
    const next = decide({
      status: obs.state.status, spec: ctx.hr.spec, failures: failuresOf(ctx.obj.status),
      lastAction: ctx.obj.status.lastAttemptedReleaseAction, canRollback: canRollback(obs.state, obs.history),
    });
    ctx.log.debug({ state: obs.state.status, reason: obs.state.reason, next }, 'release observed');
    if (next.type === 'none') {
      recordInSync(ctx, obs.state.current);
      return { kind: 'ready', history };
    }
    if (next.type === 'stall') {
      stall(ctx, next.action, next.attempts);
      return { kind: 'stalled', history };
    }
    const kind = kindOfAction[next.action];
    if (done.has(kind)) return { kind: 'requeue', history };
    done.add(kind);
    markReconciling(ctx.obj, Reason.Progressing, `Running '${next.action}' action with timeout of ${timeoutOf(ctx.hr.spec, next.action)}`);
    await ctx.flush();
    ctx.log.info({ action: next.action, state: obs.state.status, reason: obs.state.reason }, 'running release action');
    await act(ctx, next.action, obs);
  }
  return { kind: 'requeue', history };
}
