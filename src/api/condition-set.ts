/**
 * Reading and writing `status.conditions` (the role of fluxcd/pkg `runtime/conditions`). Reconcilers change
 * conditions only through these functions, then call `summarize` to set Ready.
 *
 * - Every write stamps the object's `metadata.generation` as the condition's `observedGeneration`.
 * - `lastTransitionTime` changes only when the status changes (metav1 `SetStatusCondition` semantics); a new
 *   reason or message alone keeps it.
 * - Conditions are kept sorted (Ready, Reconciling, Stalled, then by type) so an unchanged outcome writes an
 *   identical list.
 */
import { conditionMessageMaxLength, conditionReasonPattern, type Condition, type ConditionStatus } from './common.ts';
import { ConditionType } from './condition-types.ts';

/** Anything with `metadata.generation` and `status.conditions`: every Capstan kind. */
export interface ConditionsHolder {
  metadata?: { generation?: number | undefined } | undefined;
  status?: { conditions?: Condition[] | undefined } | undefined;
}

/** A condition could not be written as given (a programming error: reasons are constants). */
export class InvalidConditionError extends Error {
  readonly code = 'InvalidCondition';
  readonly condition: { type: string; reason: string };
  constructor(type: string, reason: string, problem: string) {
    super(`condition ${type}: reason ${JSON.stringify(reason)} ${problem}`);
    this.name = 'InvalidConditionError';
    this.condition = { type, reason };
  }
}

/** RFC 3339 with second precision, as metav1.Time serialises. */
export function conditionTime(now: Date): string {
  return `${now.toISOString().slice(0, 19)}Z`;
}

/**
 * Sets condition `type`; returns the condition as stored. Messages longer than metav1 allows are truncated.
 * Throws InvalidConditionError for a reason metav1.Condition would reject.
 */
export function setCondition(obj: ConditionsHolder, type: string, status: ConditionStatus, reason: string, message: string, now = new Date()): Condition {
  if (reason === '' || reason.length > 1024) throw new InvalidConditionError(type, reason, 'must be 1 to 1024 characters');
  if (!conditionReasonPattern.test(reason)) throw new InvalidConditionError(type, reason, 'must be CamelCase letters, digits, _ , or :');
  const conditions = ((obj.status ??= {}).conditions ??= []);
  const existing = conditions.find((c) => c.type === type);
  const generation = obj.metadata?.generation;
  const next: Condition = {
    type,
    status,
    ...(generation === undefined ? {} : { observedGeneration: generation }),
    lastTransitionTime: existing !== undefined && existing.status === status ? existing.lastTransitionTime : conditionTime(now),
    reason,
    message: message.length > conditionMessageMaxLength ? `${message.slice(0, conditionMessageMaxLength - 3)}...` : message,
  };
  const rest = conditions.filter((c) => c.type !== type);
  conditions.splice(0, conditions.length, ...[...rest, next].sort(byOrder));
  return next;
}

/** The condition of `type`, or undefined. */
export function getCondition(obj: ConditionsHolder, type: string): Condition | undefined {
  return obj.status?.conditions?.find((c) => c.type === type);
}

export function hasCondition(obj: ConditionsHolder, type: string): boolean {
  return getCondition(obj, type) !== undefined;
}

/** Removes condition `type`; true if it was there. */
export function deleteCondition(obj: ConditionsHolder, type: string): boolean {
  const conditions = obj.status?.conditions;
  const i = conditions?.findIndex((c) => c.type === type) ?? -1;
  if (conditions === undefined || i < 0) return false;
  conditions.splice(i, 1);
  return true;
}

export const isTrue = (obj: ConditionsHolder, type: string): boolean => getCondition(obj, type)?.status === 'True';
export const isFalse = (obj: ConditionsHolder, type: string): boolean => getCondition(obj, type)?.status === 'False';
/** True when the condition is Unknown or absent. */
export const isUnknown = (obj: ConditionsHolder, type: string): boolean => (getCondition(obj, type)?.status ?? 'Unknown') === 'Unknown';

export function markTrue(obj: ConditionsHolder, type: string, reason: string, message: string): Condition {
  return setCondition(obj, type, 'True', reason, message);
}

export function markFalse(obj: ConditionsHolder, type: string, reason: string, message: string): Condition {
  return setCondition(obj, type, 'False', reason, message);
}

export function markUnknown(obj: ConditionsHolder, type: string, reason: string, message: string): Condition {
  return setCondition(obj, type, 'Unknown', reason, message);
}

/** Ready=True. For kinds that compute Ready from other conditions, call `summarize` instead. */
export function markReady(obj: ConditionsHolder, reason: string, message: string): Condition {
  return setCondition(obj, ConditionType.Ready, 'True', reason, message);
}

/** Reconciling=True (work in progress) and no Stalled: the two exclude each other. */
export function markReconciling(obj: ConditionsHolder, reason: string, message: string): Condition {
  deleteCondition(obj, ConditionType.Stalled);
  return setCondition(obj, ConditionType.Reconciling, 'True', reason, message);
}

/** Stalled=True (no progress until the object changes) and no Reconciling. */
export function markStalled(obj: ConditionsHolder, reason: string, message: string): Condition {
  deleteCondition(obj, ConditionType.Reconciling);
  return setCondition(obj, ConditionType.Stalled, 'True', reason, message);
}

const first = [ConditionType.Ready, ConditionType.Reconciling, ConditionType.Stalled] as string[];

function byOrder(a: Condition, b: Condition): number {
  const ia = first.indexOf(a.type);
  const ib = first.indexOf(b.type);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? first.length : ia) - (ib < 0 ? first.length : ib);
  return a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
}
