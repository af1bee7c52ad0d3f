/**
 * What a sync's outcome looks like in status conditions and Events. Conditions change only through the
 * api helpers; Events are recorded only when something changed (objects written or deleted, a new failure
 * message, a new list of ignored Flux fields), so a sync that changes nothing writes nothing.
 */
import {
  ConditionType, Reason, deleteCondition, getCondition, markFalse, markReady, markReconciling, markUnknown, setCondition,
  type ConditionsHolder,
} from '../../api/index.ts';
import type { KubeObject } from '../../kube/index.ts';
import type { EventRecorder } from '../shared/events.ts';
import type { IgnoredFields } from './build.ts';
import { summarizeChanges, type ChangeSetEntry } from './changes.ts';
import { formatLocation } from './errors.ts';
import { formatNotes } from './flux/index.ts';
import type { HealthSummary } from './health.ts';
import { revisionAnnotation } from './ownership.ts';

export interface Reporter {
  obj: ConditionsHolder;
  /** the object Events are about */
  involved: KubeObject;
  events: EventRecorder;
  revision: string | undefined;
}

/** Records an Event; the revision is in the message (for `kubectl get events`) and in an annotation. */
function event(r: Reporter, type: 'Normal' | 'Warning', reason: string, message: string): void {
  const annotations = r.revision !== undefined ? { [revisionAnnotation]: r.revision } : {};
  r.events.event(r.involved, type, reason, r.revision !== undefined ? `revision ${r.revision}: ${message}` : message, annotations);
}

const appliedPrefix = (revision: string | undefined): string => (revision !== undefined ? `Applied revision: ${revision}` : 'Applied');

/** A new revision or generation is being applied. */
export function reportProgress(r: Reporter, revision: string): void {
  const message = `Applying revision: ${revision}`;
  markReconciling(r.obj, Reason.Progressing, message);
  markUnknown(r.obj, ConditionType.Ready, Reason.Progressing, message);
}

/** The sync (or a step before it) failed; a Warning Event when the message is new. */
export function reportFailure(r: Reporter, reason: string, message: string): void {
  const was = getCondition(r.obj, ConditionType.Ready);
  deleteCondition(r.obj, ConditionType.Reconciling);
  markFalse(r.obj, ConditionType.Ready, reason, message);
  if (was?.status !== 'False' || was.message !== message) event(r, 'Warning', reason, message);
}

/** Objects were written or deleted. */
export function reportChanges(r: Reporter, changes: readonly ChangeSetEntry[], kept: readonly string[]): void {
  const summary = summarizeChanges(changes);
  if (summary !== '') event(r, 'Normal', Reason.ReconciliationSucceeded, `${summary}${kept.length > 0 ? `; left in place: ${kept.join(', ')}` : ''}`);
}

/** The FluxFieldsIgnored condition (and a Warning Event when its message is new). */
export function reportIgnoredFields(r: Reporter, ignored: readonly IgnoredFields[]): void {
  if (ignored.length === 0) {
    deleteCondition(r.obj, ConditionType.FluxFieldsIgnored);
    return;
  }
  const message = ignored.map((i) => `${formatLocation(i.at)}: ${i.object} (${i.from}): ${formatNotes(i.notes)}`).join('; ');
  const was = getCondition(r.obj, ConditionType.FluxFieldsIgnored);
  setCondition(r.obj, ConditionType.FluxFieldsIgnored, 'True', Reason.UnsupportedFields, message);
  if (was?.message !== message) event(r, 'Warning', Reason.UnsupportedFields, `Flux fields applied without: ${message}`);
}

/** Healthy, then Ready from it; returns whether the health is still in progress. */
export function reportHealth(r: Reporter, h: HealthSummary): void {
  const wasHealthy = getCondition(r.obj, ConditionType.Healthy);
  const message = `${appliedPrefix(r.revision)}; ${h.message}`;
  const reason = h.status === 'True' ? Reason.Succeeded : h.status === 'False' ? Reason.HealthCheckFailed : Reason.Progressing;
  setCondition(r.obj, ConditionType.Healthy, h.status, reason, h.message);
  if (h.status === 'True') {
    deleteCondition(r.obj, ConditionType.Reconciling);
    markReady(r.obj, Reason.ReconciliationSucceeded, message);
  } else if (h.status === 'Unknown') {
    markReconciling(r.obj, Reason.Progressing, message);
    markUnknown(r.obj, ConditionType.Ready, Reason.Progressing, message);
  } else {
    deleteCondition(r.obj, ConditionType.Reconciling);
    markFalse(r.obj, ConditionType.Ready, Reason.HealthCheckFailed, message);
    if (wasHealthy?.status !== 'False' || wasHealthy.message !== h.message) event(r, 'Warning', Reason.HealthCheckFailed, h.message);
  }
}
