/**
 * Turning whatever a fetch threw into a `GitSourceError` whose message and cause are scrubbed of the
 * fetch's credentials.
 */
import { ArtifactError } from '../artifacts/errors.ts';
import { classifyGitFailure, summarizeGitOutput } from './classify.ts';
import { GitSourceError, type GitErrorCode } from './errors.ts';
import type { Scrubber } from './redact.ts';
import { GitRunFailure } from './runner.ts';

const WHAT: Record<GitErrorCode, (url: string) => string> = {
  AuthFailed: (u) => `authentication to ${u} failed`,
  HostKeyMismatch: (u) => `the ssh host key of ${u} is not in known_hosts or does not match it`,
  RepositoryNotFound: (u) => `repository ${u} not found`,
  RefNotFound: (u) => `reference not found in ${u}`,
  Unreachable: (u) => `cannot reach ${u}`,
  TooLarge: (u) => `artifact of ${u} is too large`,
  InvalidUrl: (u) => `invalid repository URL ${u}`,
  InvalidRef: (u) => `invalid ref for ${u}`,
  InvalidSecret: (u) => `invalid credentials for ${u}`,
  Timeout: (u) => `fetching ${u} timed out`,
  Cancelled: (u) => `fetching ${u} was cancelled`,
  StorageFailed: (u) => `storing the artifact of ${u} failed`,
  GitFailed: (u) => `git failed for ${u}`,
};

export interface FailureContext {
  url: string;
  scrubber: Scrubber;
  /** the caller's own signal: aborted means Cancelled, any other abort is a Timeout */
  callerSignal?: AbortSignal | undefined;
  timeoutMs: number;
  /** whether the fetch sent credentials (words the HTTP 401 case) */
  hadCredentials?: boolean;
}

export function toGitSourceError(e: unknown, ctx: FailureContext): GitSourceError {
  if (e instanceof GitSourceError) {
    const message = ctx.scrubber.scrub(e.message);
    return message === e.message ? e : new GitSourceError(e.code, e.url, message);
  }
  if (e instanceof ArtifactError) {
    const code: GitErrorCode = e.code === 'TooLarge' ? 'TooLarge' : 'StorageFailed';
    return new GitSourceError(code, ctx.url, `${WHAT[code](ctx.url)}: ${e.message}`, e);
  }
  if (e instanceof GitRunFailure) {
    if (e.kind !== 'exit' || ctx.callerSignal?.aborted === true) {
      const code: GitErrorCode = ctx.callerSignal?.aborted === true ? 'Cancelled' : 'Timeout';
      const detail = code === 'Timeout' ? ` (time limit ${Math.round(ctx.timeoutMs / 1000)} s)` : '';
      return new GitSourceError(code, ctx.url, `${WHAT[code](ctx.url)}${detail}`);
    }
    const code = classifyGitFailure(e.output);
    const detail = code === 'AuthFailed' && /could not read (Username|Password)|terminal prompts disabled/.test(e.output)
      ? (ctx.hadCredentials === true ? 'the server refused the credentials (HTTP 401)' : 'the server asks for credentials and none were given')
      : ctx.scrubber.scrub(summarizeGitOutput(e.output));
    return new GitSourceError(code, ctx.url, `${WHAT[code](ctx.url)}: ${detail}`, new Error(ctx.scrubber.scrub(e.output).slice(0, 4000)));
  }
  const msg = ctx.scrubber.scrub(e instanceof Error ? e.message : String(e));
  return new GitSourceError('GitFailed', ctx.url, `${WHAT.GitFailed(ctx.url)}: ${msg}`);
}
