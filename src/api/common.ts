/**
 * Building blocks shared by the kinds: object names and references, ObjectMeta, timestamps, the metav1.Condition
 * shape, artifacts, and `exactlyOne` (a rule both zod and the API server enforce).
 */
import { z } from 'zod';

/** A DNS subdomain name (most object names). */
export const Name = z.string().min(1).max(253);
/** A namespace name (DNS label). */
export const NamespaceName = z.string().min(1).max(63);

/** An RFC 3339 timestamp as the API server writes it (`2026-01-02T15:04:05Z`). */
export const Timestamp = z.string().meta({ format: 'date-time' });

/** A string-to-string map (labels, annotations). */
export const StringMap = z.record(z.string(), z.string());

/** A reference to an object in the same namespace (`corev1.LocalObjectReference`). */
export const LocalObjectReference = z.object({
  name: Name.describe('Name of the referent.'),
});
export type LocalObjectReference = z.infer<typeof LocalObjectReference>;

/** A reference to an object of the same kind, by default in the referrer's namespace. */
export const NamespacedObjectReference = z.object({
  name: Name.describe('Name of the referent.'),
  namespace: NamespaceName.optional().describe('Namespace of the referent; defaults to the namespace of the referrer.'),
});
export type NamespacedObjectReference = z.infer<typeof NamespacedObjectReference>;

/**
 * The metadata Capstan reads; everything else the API server sends (uid, resourceVersion, managedFields, …) is
 * kept as it is.
 */
export const ObjectMeta = z.looseObject({
  name: Name,
  namespace: NamespaceName.optional(),
  generation: z.int().min(0).optional(),
  labels: StringMap.optional(),
  annotations: StringMap.optional(),
});
export type ObjectMeta = z.infer<typeof ObjectMeta>;

export const conditionReasonPattern = /^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$/;
export const conditionTypePattern = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$/;
export const conditionMessageMaxLength = 32768;

/** `metav1.Condition`, with its validation, as kstatus and Flux use it. */
export const Condition = z.object({
  type: z.string().max(316).regex(conditionTypePattern).describe('Type of condition in CamelCase, e.g. Ready.'),
  status: z.enum(['True', 'False', 'Unknown']).describe('Status of the condition: True, False or Unknown.'),
  observedGeneration: z.int().min(0).optional()
    .describe('The .metadata.generation the condition was set for.'),
  lastTransitionTime: Timestamp.describe('When the condition last changed from one status to another.'),
  reason: z.string().min(1).max(1024).regex(conditionReasonPattern)
    .describe('A programmatic identifier (CamelCase) for the reason of the last transition.'),
  message: z.string().max(conditionMessageMaxLength).describe('A human-readable message about the transition.'),
});
export type Condition = z.infer<typeof Condition>;
export type ConditionStatus = Condition['status'];

/** `status.conditions`: a list keyed by type (so server-side apply merges it per condition). */
export const Conditions = z.array(Condition)
  .meta({ 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['type'] })
  .describe('The observations of the object\'s current state (Ready, Reconciling, Stalled, …).');

/** The artifact a source produced (Flux's `meta.Artifact`). */
export const Artifact = z.object({
  path: z.string().describe('Relative path of the artifact in the artifact storage.'),
  url: z.string().describe('HTTP address the artifact can be fetched from.'),
  revision: z.string().describe('Source revision, e.g. "main@sha1:<commit>" or a chart version.'),
  digest: z.string().optional().describe('Digest of the artifact file, "<algorithm>:<hex>".'),
  lastUpdateTime: Timestamp.describe('When the artifact last changed.'),
  size: z.int().min(0).optional().describe('Size of the artifact file in bytes.'),
  metadata: StringMap.optional().describe('Additional metadata about the artifact.'),
});
export type Artifact = z.infer<typeof Artifact>;

/**
 * Makes `schema` (an object whose `keys` are optional) require exactly one of `keys`: a zod check for the
 * operator and the same rule as a CEL validation in the CRD, so the API server rejects the object too.
 */
export function exactlyOne<S extends z.ZodObject>(schema: S, keys: readonly string[]): S {
  const list = listWords(keys);
  const message = `exactly one of ${list} must be set`;
  const rule = `${keys.map((k) => `(has(self.${k}) ? 1 : 0)`).join(' + ')} == 1`;
  return schema
    .superRefine((value: Record<string, unknown>, ctx) => {
      const set = keys.filter((k) => value[k] !== undefined);
      if (set.length !== 1) ctx.addIssue({ code: 'custom', message: set.length === 0 ? message : `${message}, not ${listWords(set, 'and')}` });
    })
    .meta({ 'x-kubernetes-validations': [{ rule, message }] }) as S;
}

function listWords(words: readonly string[], last = 'or'): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1) ?? ''}`;
}
