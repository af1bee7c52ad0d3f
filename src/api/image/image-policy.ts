/**
 * `image.capstan.dev/v1` ImagePolicy: picks one tag of an ImageRepository (Flux's ImagePolicy, plus the
 * `glob` and `regex` choices of Flux v1's tag filters).
 */
import { z } from 'zod';
import { Name, NamespaceName, exactlyOne } from '../common.ts';
import { ageColumn, commonStatusFields, defineKind, readyColumns } from '../kind.ts';
import { parseWith, type ParseResult } from '../parse.ts';

const Order = z.enum(['asc', 'desc']).default('asc').describe('asc picks the highest, desc the lowest.');

export const policyChoices = ['semver', 'alphabetical', 'numerical', 'glob', 'regex'] as const;

export const ImagePolicyChoice = exactlyOne(z.object({
  semver: z.object({ range: z.string().min(1).describe('Semver range, e.g. ">=1.0.0" or "^1.2".') }).optional()
    .describe('The highest tag that is a version in the range.'),
  alphabetical: z.object({ order: Order }).optional().describe('The first tag in alphabetical order.'),
  numerical: z.object({ order: Order }).optional().describe('The first tag in numerical order.'),
  glob: z.string().min(1).optional().describe('A tag matching this glob, e.g. "myapp-v*" (Flux v1 glob:).'),
  regex: z.object({
    pattern: z.string().min(1).describe('Regular expression (RE2) the tag must match.'),
    extract: z.string().optional().describe('Replacement (e.g. "$ts") whose value orders the matching tags.'),
  }).optional().describe('A tag matching a regular expression (Flux v1 regex:).'),
}), policyChoices).describe('How to choose the tag; exactly one of semver, alphabetical, numerical, glob, regex.');
export type ImagePolicyChoice = z.infer<typeof ImagePolicyChoice>;

export const TagFilter = z.object({
  pattern: z.string().min(1).describe('Regular expression (RE2) a tag must match to be considered.'),
  extract: z.string().optional().describe('Replacement (e.g. "$version") applied before the policy compares tags.'),
});

export const ImageRef = z.object({
  name: z.string().describe('Image name without tag.'),
  tag: z.string().describe('The tag.'),
  digest: z.string().optional().describe('The tag\'s digest, when known.'),
});
export type ImageRef = z.infer<typeof ImageRef>;

export const ImagePolicySpec = z.object({
  imageRepositoryRef: z.object({
    name: Name.describe('Name of the ImageRepository.'),
    namespace: NamespaceName.optional().describe('Namespace of the ImageRepository; defaults to the policy\'s.'),
  }).describe('The ImageRepository whose tags are chosen from.'),
  policy: ImagePolicyChoice,
  filterTags: TagFilter.optional().describe('Consider only the tags matching a pattern.'),
});
export type ImagePolicySpec = z.infer<typeof ImagePolicySpec>;

export const ImagePolicyStatus = z.object({
  ...commonStatusFields,
  latestRef: ImageRef.optional().describe('The image chosen.'),
  observedPreviousRef: ImageRef.optional().describe('The image chosen before latestRef.'),
});
export type ImagePolicyStatus = z.infer<typeof ImagePolicyStatus>;

export const imagePolicyKind = defineKind({
  group: 'image.capstan.dev',
  version: 'v1',
  kind: 'ImagePolicy',
  plural: 'imagepolicies',
  singular: 'imagepolicy',
  shortNames: ['imgpol'],
  description: 'ImagePolicy chooses one tag of an ImageRepository by semver, order, glob or regular expression.',
  spec: ImagePolicySpec,
  status: ImagePolicyStatus,
  printerColumns: [
    ...readyColumns,
    { name: 'Image', type: 'string', jsonPath: '.status.latestRef.name' },
    { name: 'Tag', type: 'string', jsonPath: '.status.latestRef.tag' },
    ageColumn,
  ],
});

export const ImagePolicy = imagePolicyKind.schema;
export type ImagePolicy = z.infer<typeof ImagePolicy>;

export function parseImagePolicy(obj: unknown): ParseResult<ImagePolicy> {
  return parseWith(ImagePolicy, obj);
}
