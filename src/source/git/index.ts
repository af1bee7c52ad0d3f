/**
 * The Git side of Capstan's sources: fetch a GitRepository's ref (branch, tag, semver, name, commit) with
 * simple-git into a per-object working cache (shallow, reused), pack the selected files as a tar.gz
 * artifact in the shared `ArtifactStore`, and report a Flux v2 revision.
 *
 * ```ts
 * const git = new GitSource({ cacheDir, store, log });
 * try {
 *   const a = await git.fetch({ cacheKey: 'capstan-system/infra', url, ref: { branch: 'main' }, secret: secret.data });
 *   // a.revision === 'main@sha1:…', a.digest === 'sha256:…', a.upToDate when nothing changed
 * } catch (e) {
 *   if (isGitSourceError(e)) markFalse(obj, 'Ready', e.code, e.message);   // AuthFailed, RefNotFound, …
 * }
 * ```
 *
 * Credentials never leave the fetch: not in argv, not in logs, events, status or error messages.
 */
export { GitSource } from './git-source.ts';
export type { GitArtifact, GitFetchRequest, GitSourceOptions } from './git-source.ts';
export { GitSourceError, isGitSourceError } from './errors.ts';
export type { GitErrorCode } from './errors.ts';
export { formatRevision, isValidRefName, parseLsRemote, planRef, resolveTarget } from './refs.ts';
export type { GitRef, RefPlan, RefTarget, RemoteRefs } from './refs.ts';
export { highestMatchingTag } from './semver-tags.ts';
export { parseGitUrl, redactUrlText, repositoryIdentity, sameRepository } from './url.ts';
export type { GitScheme, GitUrl } from './url.ts';
export { credentialsFor } from './secret.ts';
export type { GitCredentials, SecretData, SshCredentials } from './secret.ts';
export { openAuthSession, scrubberFor } from './auth.ts';
export type { AuthSessionOptions, GitAuthSession } from './auth.ts';
export { Scrubber } from './redact.ts';
export { EXCLUDE_DEFAULT, EXCLUDE_VCS, SOURCE_IGNORE_FILE, SourceIgnore } from './ignore.ts';
export { classifyGitFailure } from './classify.ts';
export { GitPoller, jitteredInterval } from './poller.ts';
export type { GitPollerOptions, PollState } from './poller.ts';
