/**
 * `HelmRelease.spec` blocks other than the chart and the Helm actions: valuesFrom, driftDetection, postRenderers,
 * commonMetadata (Flux v2's field names).
 */
import { z } from 'zod';
import { Name, StringMap } from '../common.ts';

export const ValuesReference = z.object({
  kind: z.enum(['ConfigMap', 'Secret']).describe('Kind of the object holding the values: ConfigMap or Secret.'),
  name: Name.describe('Name of the ConfigMap or Secret, in the HelmRelease\'s namespace.'),
  valuesKey: z.string().min(1).max(253).default('values.yaml').describe('The data key holding the values.'),
  targetPath: z.string().min(1).optional()
    .describe('Put the value (one value, not a YAML document) at this path, as helm --set does; it overrides everything.'),
  optional: z.boolean().default(false).describe('Do not fail when the object or key is missing.'),
});
export type ValuesReference = z.infer<typeof ValuesReference>;

/** Which objects a patch or ignore rule applies to (kustomize's Selector). */
export const Selector = z.object({
  group: z.string().optional(),
  version: z.string().optional(),
  kind: z.string().optional(),
  name: z.string().optional().describe('Name, or a regular expression for names.'),
  namespace: z.string().optional().describe('Namespace, or a regular expression for namespaces.'),
  labelSelector: z.string().optional().describe('Label selector, e.g. app=web,tier!=db.'),
  annotationSelector: z.string().optional().describe('Annotation selector, in label selector syntax.'),
});
export type Selector = z.infer<typeof Selector>;

export const IgnoreRule = z.object({
  paths: z.array(z.string().min(1)).min(1).describe('JSON Pointers (RFC 6901) of the fields to ignore, e.g. /spec/replicas.'),
  target: Selector.optional().describe('The objects the rule applies to; all when omitted.'),
});

export const DriftDetection = z.object({
  mode: z.enum(['enabled', 'warn', 'disabled']).default('enabled')
    .describe('enabled: detect and correct drift; warn: only report it (Drifted condition, event); disabled: do not look.'),
  ignore: z.array(IgnoreRule).optional().describe('Fields to leave out of drift detection.'),
}).prefault({}).describe('Detecting and correcting changes made to the release\'s objects in the cluster.');
export type DriftDetection = z.infer<typeof DriftDetection>;

export const KustomizePatch = z.object({
  patch: z.string().min(1).describe('A strategic merge patch or a JSON 6902 patch, as YAML or JSON.'),
  target: Selector.optional().describe('The objects to patch; for a strategic merge patch, defaults to the one it names.'),
});

export const KustomizeImage = z.object({
  name: z.string().min(1).describe('Image name to replace (without tag).'),
  newName: z.string().optional().describe('New image name.'),
  newTag: z.string().optional().describe('New tag.'),
  digest: z.string().optional().describe('New digest; takes precedence over newTag.'),
});

export const PostRenderer = z.object({
  kustomize: z.object({
    patches: z.array(KustomizePatch).optional().describe('Patches applied to the rendered objects.'),
    images: z.array(KustomizeImage).optional().describe('Image replacements in the rendered objects.'),
  }).optional().describe('Kustomize-style patches and image replacements.'),
});
export type PostRenderer = z.infer<typeof PostRenderer>;

export const CommonMetadata = z.object({
  labels: StringMap.optional().describe('Labels added to every rendered object.'),
  annotations: StringMap.optional().describe('Annotations added to every rendered object.'),
});
