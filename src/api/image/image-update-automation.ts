/**
 * `image.capstan.dev/v1` ImageUpdateAutomation: writes the tags ImagePolicies chose into the YAML files of a Git
 * repository (values carrying a `# {"$imagepolicy": "ns:name:tag"}` marker), commits and pushes.
 */
import { z } from 'zod';
import { LocalObjectReference, Name, NamespaceName, Timestamp } from '../common.ts';
import { Duration } from '../duration.ts';
import { ageColumn, commonStatusFields, defineKind, readyColumns } from '../kind.ts';
import { parseWith, type ParseResult } from '../parse.ts';
import { GitRef } from '../source/git-repository.ts';

export const GitCommitSpec = z.object({
  author: z.object({
    name: z.string().min(1).describe('Author name.'),
    email: z.string().min(1).describe('Author email.'),
  }).describe('Author (and committer) of the commits.'),
  messageTemplate: z.string().optional().describe('Go template for the commit message.'),
  signingKey: z.object({
    secretRef: LocalObjectReference.describe('Secret with the OpenPGP private key (git.asc).'),
  }).optional().describe('Key to sign the commits with.'),
});

export const ImageUpdateAutomationSpec = z.object({
  sourceRef: z.object({
    kind: z.literal('GitRepository').describe('Kind of the source; GitRepository.'),
    name: Name.describe('Name of the GitRepository.'),
    namespace: NamespaceName.optional().describe('Namespace of the GitRepository; defaults to the automation\'s.'),
  }).describe('The GitRepository to update (its URL and credentials are used to clone and push).'),
  git: z.object({
    checkout: z.object({ ref: GitRef }).optional()
      .describe('What to check out; defaults to the GitRepository\'s ref.'),
    commit: GitCommitSpec.describe('How to write the commits.'),
    push: z.object({
      branch: z.string().min(1).describe('Branch to push to (created from the checked-out one if missing).'),
      refspec: z.string().optional().describe('Refspec to push with, e.g. refs/heads/main:refs/heads/auto.'),
    }).optional().describe('Where to push; defaults to the checked-out branch.'),
  }).describe('Git checkout, commit and push settings.'),
  update: z.object({
    path: z.string().default('./').describe('Directory whose YAML files are updated, recursively.'),
    strategy: z.enum(['Setters']).default('Setters').describe('Setters: rewrite values carrying $imagepolicy markers.'),
  }).prefault({}).describe('What to update and how.'),
  interval: Duration.describe('How often to run the automation.'),
  suspend: z.boolean().default(false).describe('Stop running the automation.'),
});
export type ImageUpdateAutomationSpec = z.infer<typeof ImageUpdateAutomationSpec>;

export const ImageUpdateAutomationStatus = z.object({
  ...commonStatusFields,
  lastAutomationRunTime: Timestamp.optional().describe('When the automation last ran.'),
  lastPushCommit: z.string().optional().describe('SHA of the last commit pushed.'),
  lastPushTime: Timestamp.optional().describe('When the last commit was pushed.'),
});
export type ImageUpdateAutomationStatus = z.infer<typeof ImageUpdateAutomationStatus>;

export const imageUpdateAutomationKind = defineKind({
  group: 'image.capstan.dev',
  version: 'v1',
  kind: 'ImageUpdateAutomation',
  plural: 'imageupdateautomations',
  singular: 'imageupdateautomation',
  shortNames: ['imgupd'],
  description: 'ImageUpdateAutomation writes the tags chosen by ImagePolicies into a Git repository.',
  spec: ImageUpdateAutomationSpec,
  status: ImageUpdateAutomationStatus,
  printerColumns: [
    ...readyColumns,
    { name: 'Last Run', type: 'date', jsonPath: '.status.lastAutomationRunTime' },
    { name: 'Last Push', type: 'string', jsonPath: '.status.lastPushCommit', priority: 1 },
    ageColumn,
  ],
});

export const ImageUpdateAutomation = imageUpdateAutomationKind.schema;
export type ImageUpdateAutomation = z.infer<typeof ImageUpdateAutomation>;

export function parseImageUpdateAutomation(obj: unknown): ParseResult<ImageUpdateAutomation> {
  return parseWith(ImageUpdateAutomation, obj);
}
