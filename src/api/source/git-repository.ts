/**
 * `source.capstan.dev/v1` GitRepository: a Git repository to follow (Flux's GitRepository, same field names).
 */
import { z } from 'zod';
import { Artifact, LocalObjectReference } from '../common.ts';
import { Duration } from '../duration.ts';
import { ageColumn, commonStatusFields, defineKind, readyColumns } from '../kind.ts';
import { parseWith, type ParseResult } from '../parse.ts';

/** `http(s)://`, `ssh://`, `git://`, `file://`, or scp-like `user@host:path`. */
export const gitUrlPattern = /^((https?|ssh|git|file):\/\/.+|[^@\s/:]+@[^\s/:]+:.+)$/;

export const GitUrl = z.string().regex(gitUrlPattern, {
  message: 'must be a Git URL: http(s)://, ssh://, git://, file:// or user@host:path',
});

/**
 * What to check out. When several are set: commit wins, then name, then semver, then tag, then branch (a commit
 * with a branch means "this commit, fetched from this branch"), as in Flux.
 */
export const GitRef = z.object({
  branch: z.string().min(1).optional().describe('Branch to follow.'),
  tag: z.string().min(1).optional().describe('Tag to check out.'),
  semver: z.string().min(1).optional().describe('Semver range; the highest matching tag is checked out.'),
  name: z.string().min(1).optional().describe('A full reference name, e.g. refs/heads/main or refs/pull/1/head.'),
  commit: z.string().regex(/^([0-9a-f]{40}|[0-9a-f]{64})$/, { message: 'must be a full commit SHA (40 or 64 hex digits)' }).optional()
    .describe('Commit SHA to check out; takes precedence over all other fields.'),
}).describe('The Git reference to check out.');
export type GitRef = z.infer<typeof GitRef>;

export const GitRepositorySpec = z.object({
  url: GitUrl.describe('Repository URL: http(s)://, ssh://, git://, file:// or user@host:path.'),
  ref: GitRef.optional(),
  interval: Duration.describe('How often to check the remote for new commits.'),
  timeout: Duration.default('60s').describe('Timeout for Git operations (clone, fetch).'),
  secretRef: LocalObjectReference.optional().describe(
    'Secret with credentials: identity, identity.pub and known_hosts for SSH; username and password, or bearerToken, for HTTP(S); ca.crt.',
  ),
  ignore: z.string().optional().describe('Paths to leave out of the artifact, in .gitignore syntax.'),
  suspend: z.boolean().default(false).describe('Stop reconciling this repository.'),
  recurseSubmodules: z.boolean().default(false).describe('Also clone the submodules.'),
});
export type GitRepositorySpec = z.infer<typeof GitRepositorySpec>;

export const GitRepositoryStatus = z.object({
  ...commonStatusFields,
  artifact: Artifact.optional().describe('The artifact of the last successful fetch.'),
  url: z.string().optional().describe('Address of the artifact of the last successful fetch.'),
});
export type GitRepositoryStatus = z.infer<typeof GitRepositoryStatus>;

export const gitRepositoryKind = defineKind({
  group: 'source.capstan.dev',
  version: 'v1',
  kind: 'GitRepository',
  plural: 'gitrepositories',
  singular: 'gitrepository',
  shortNames: ['gitrepo'],
  description: 'GitRepository follows a Git repository and produces an artifact for each new revision.',
  spec: GitRepositorySpec,
  status: GitRepositoryStatus,
  printerColumns: [
    ...readyColumns,
    { name: 'URL', type: 'string', jsonPath: '.spec.url' },
    { name: 'Revision', type: 'string', jsonPath: '.status.artifact.revision' },
    ageColumn,
  ],
});

export const GitRepository = gitRepositoryKind.schema;
export type GitRepository = z.infer<typeof GitRepository>;

export function parseGitRepository(obj: unknown): ParseResult<GitRepository> {
  return parseWith(GitRepository, obj);
}
