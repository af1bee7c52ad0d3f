/**
 * Recording a reconcile that could not finish (it is retried with backoff): Ready=False with the reason and
 * message, Reconciling=True ProgressingWithRetry; an event when the message is new.
 */
import { ConditionType, Reason, getCondition, markFalse, markReconciling } from '../../api/index.ts';
import type { EventRecorder } from '../shared/events.ts';
import type { HelmReleaseObject } from './actions/context.ts';

export function recordError(obj: HelmReleaseObject, events: EventRecorder, reason: string, message: string): void {
  const before = getCondition(obj, ConditionType.Ready);
  markReconciling(obj, Reason.ProgressingWithRetry, message);
  markFalse(obj, ConditionType.Ready, reason, message);
  if (before?.message !== message) events.event(obj, 'Warning', reason, message);
}
