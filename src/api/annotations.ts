/**
 * Annotations and finalizers Capstan reads or writes on its objects.
 */

/** Any new value asks for a reconcile now; the value handled last is kept in `status.lastHandledReconcileAt`. */
export const reconcileRequestedAtAnnotation = 'capstan.dev/reconcile-requested-at';

/** On a HelmRelease, `"true"` turns on Flux v1 style image-tag automation without a Git write. */
export const automatedAnnotation = 'capstan.dev/automated';

/** Prefix of the per-container tag filters: `capstan.dev/tag.<container>: glob:myapp-v*` (also `semver:`, `regex:`). */
export const tagAnnotationPrefix = 'capstan.dev/tag.';

/** The tag-filter annotation for one container (`tagAnnotation('app')` → `capstan.dev/tag.app`). */
export function tagAnnotation(container: string): string {
  return `${tagAnnotationPrefix}${container}`;
}

/** The container a tag-filter annotation names, or undefined when `key` is not one. */
export function containerOfTagAnnotation(key: string): string | undefined {
  return key.startsWith(tagAnnotationPrefix) && key.length > tagAnnotationPrefix.length ? key.slice(tagAnnotationPrefix.length) : undefined;
}

/** The finalizer Capstan puts on objects whose deletion needs work first (uninstall, prune). */
export const finalizer = 'finalizers.capstan.dev';
