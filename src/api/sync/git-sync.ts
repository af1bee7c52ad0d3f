/**
 * `sync.capstan.dev/v1` GitSync: applies every manifest under a path of a GitRepository (HelmReleases included)
 * and prunes what left it. The counterpart of Flux's Kustomization, without kustomize.
 */
import { z } from 'zod';
import { Name, NamespaceName, NamespacedObjectReference } from '../common.ts';
import { Duration } from '../duration.ts';
import { Inventory } from '../inventory.ts';
import { ageColumn, commonStatusFields, defineKind, readyColumns } from '../kind.ts';
import { parseWith, type ParseResult } from '../parse.ts';

export const GitSyncSourceReference = z.object({
  kind: z.literal('GitRepository').describe('Kind of the source; GitRepository.'),
  name: Name.describe('Name of the GitRepository.'),
  namespace: NamespaceName.optional().describe('Namespace of the GitRepository; defaults to the GitSync\'s.'),
});

export const GitSyncSpec = z.object({
  sourceRef: GitSyncSourceReference.describe('The GitRepository whose artifact holds the manifests.'),
  path: z.string().default('./').describe('Directory in the repository to apply, recursively; defaults to the root.'),
  prune: z.boolean().default(false).describe('Delete objects applied before that are no longer in the path.'),
  interval: Duration.describe('How often to re-apply (and correct drift) when nothing changed.'),
  retryInterval: Duration.optional().describe('How soon to retry after a failure; defaults to interval.'),
  timeout: Duration.optional().describe('Timeout for applying and health checks; defaults to interval.'),
  suspend: z.boolean().default(false).describe('Stop reconciling.'),
  dependsOn: z.array(NamespacedObjectReference).optional().describe('GitSyncs that must be Ready first.'),
  targetNamespace: NamespaceName.optional()
    .describe('Namespace for every namespaced object applied (overrides the manifests\' own, as in Flux).'),
  serviceAccountName: Name.optional().describe('Service account to impersonate when applying.'),
});
export type GitSyncSpec = z.infer<typeof GitSyncSpec>;

export const GitSyncStatus = z.object({
  ...commonStatusFields,
  inventory: Inventory.optional().describe('The objects applied by the last successful sync.'),
  lastAppliedRevision: z.string().optional().describe('Revision of the source last applied successfully.'),
  lastAttemptedRevision: z.string().optional().describe('Revision of the source last attempted.'),
});
export type GitSyncStatus = z.infer<typeof GitSyncStatus>;

export const gitSyncKind = defineKind({
  group: 'sync.capstan.dev',
  version: 'v1',
  kind: 'GitSync',
  plural: 'gitsyncs',
  singular: 'gitsync',
  shortNames: ['gs'],
  description: 'GitSync applies the manifests under a path of a GitRepository, with pruning.',
  spec: GitSyncSpec,
  status: GitSyncStatus,
  printerColumns: [
    ...readyColumns,
    { name: 'Path', type: 'string', jsonPath: '.spec.path', priority: 1 },
    { name: 'Revision', type: 'string', jsonPath: '.status.lastAppliedRevision' },
    ageColumn,
  ],
});

export const GitSync = gitSyncKind.schema;
export type GitSync = z.infer<typeof GitSync>;

export function parseGitSync(obj: unknown): ParseResult<GitSync> {
  return parseWith(GitSync, obj);
}
