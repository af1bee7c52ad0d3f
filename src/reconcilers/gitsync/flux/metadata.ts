/**
 * The metadata of a translated object: name, namespace, labels and annotations carried over, Flux's
 * on-demand reconcile annotation renamed to Capstan's, and the `capstan.dev/translated-from` marker added.
 */
import { reconcileRequestedAtAnnotation } from '../../../api/index.ts';
import { isObject, translatedFromAnnotation, type Json } from './types.ts';

/** Flux v2's "reconcile now" annotation. */
export const fluxRequestedAtAnnotation = 'reconcile.fluxcd.io/requestedAt';

/** `apiVersion, Kind=kind`, as the API server names a kind in messages. */
export function kindLabel(apiVersion: unknown, kind: unknown): string {
  return `${String(apiVersion)}, Kind=${String(kind)}`;
}

/**
 * The metadata of the Capstan object: only what a manifest may set (name, namespace, labels, annotations),
 * with `extraAnnotations` merged over the document's.
 */
export function translateMetadata(doc: Json, extraAnnotations: Record<string, string> = {}): Json {
  const meta = isObject(doc['metadata']) ? doc['metadata'] : {};
  const out: Json = { name: meta['name'] };
  if (typeof meta['namespace'] === 'string') out['namespace'] = meta['namespace'];
  if (isObject(meta['labels'])) out['labels'] = { ...meta['labels'] };
  const annotations: Record<string, string> = isObject(meta['annotations']) ? { ...(meta['annotations'] as Record<string, string>) } : {};
  const requested = annotations[fluxRequestedAtAnnotation];
  if (requested !== undefined) {
    delete annotations[fluxRequestedAtAnnotation];
    annotations[reconcileRequestedAtAnnotation] = requested;
  }
  Object.assign(annotations, extraAnnotations, { [translatedFromAnnotation]: kindLabel(doc['apiVersion'], doc['kind']) });
  out['annotations'] = annotations;
  return out;
}
