/**
 * Capstan's API: the kinds (zod schemas, inferred types, `parse<Kind>`), the status vocabulary and condition
 * helpers, annotations, and the CRD generator.
 */
export * from './annotations.ts';
export * from './common.ts';
export * from './condition-types.ts';
export {
  InvalidConditionError, conditionTime, deleteCondition, getCondition, hasCondition, isFalse, isTrue, isUnknown,
  markFalse, markReady, markReconciling, markStalled, markTrue, markUnknown, setCondition, type ConditionsHolder,
} from './condition-set.ts';
export * from './condition-summarize.ts';
export * from './duration.ts';
export * from './inventory.ts';
export * from './kind.ts';
export * from './kinds.ts';
export * from './parse.ts';
export * from './helm/helm-release.ts';
export * from './helm/helm-release-actions.ts';
export * from './helm/helm-release-chart.ts';
export * from './helm/helm-release-options.ts';
export * from './helm/helm-release-status.ts';
export * from './source/git-repository.ts';
export * from './source/helm-repository.ts';
export * from './sync/git-sync.ts';
export * from './image/image-repository.ts';
export * from './image/image-policy.ts';
export * from './image/image-update-automation.ts';
export { crdFor, crdFiles, type CrdFile } from './crd-gen/index.ts';
