/**
 * Condition reasons this controller uses that `src/api`'s Reason does not define yet (to move there), and
 * the annotations it puts on events.
 */

/** Stalled: the remediation's retries are exhausted; nothing happens until the spec, values or chart change. */
export const retriesExceededReason = 'RetriesExceeded';

/** Ready=False: the release's identity is not allowed to do something (RBAC). */
export const accessDeniedReason = 'AccessDenied';

/** Ready=False: a valuesFrom ConfigMap/Secret or key is missing or unreadable. */
export const valuesErrorReason = 'ValuesError';

/** Ready=False: postRenderers cannot be applied. */
export const postRenderFailedReason = 'PostRenderFailed';

export const revisionAnnotation = 'helm.capstan.dev/revision';
export const configDigestAnnotation = 'helm.capstan.dev/config-digest';
