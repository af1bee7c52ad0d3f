/**
 * The status vocabulary: condition types and reasons (constants), the helpers that are the only way status
 * conditions change, and `summarize`, which sets Ready last.
 *
 * `import * as conditions from './conditions.ts'` gives Flux's spelling too: `conditions.set`, `conditions.get`,
 * `conditions.delete`.
 */
export { ConditionType, Reason, negativePolarityConditions } from './condition-types.ts';
export {
  InvalidConditionError, conditionTime, deleteCondition, getCondition, hasCondition, isFalse, isTrue, isUnknown,
  markFalse, markReady, markReconciling, markStalled, markTrue, markUnknown, setCondition, type ConditionsHolder,
} from './condition-set.ts';
export { deleteCondition as delete, getCondition as get, setCondition as set } from './condition-set.ts';
export { summarize, summaryPriority, type SummarizeOptions } from './condition-summarize.ts';
export type { Condition, ConditionStatus } from './common.ts';
