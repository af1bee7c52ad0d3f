/**
 * Git source failures as data. `code` is stable and fit for a condition reason; `url` is always redacted;
 * `message` and `cause` have been scrubbed of every credential the fetch used, so the whole error may be
 * logged, evented or written to a status.
 */

export type GitErrorCode =
  /** the server refused the credentials, or none were given where needed */
  | 'AuthFailed'
  /** the ssh server's host key is not in known_hosts (or does not match it) */
  | 'HostKeyMismatch'
  /** the branch, tag, name or commit does not exist; no tag satisfies the semver range */
  | 'RefNotFound'
  /** the server answered that there is no such repository */
  | 'RepositoryNotFound'
  /** the host could not be reached (DNS, connection refused, TLS failure, …) */
  | 'Unreachable'
  /** the artifact would be larger than the size limit */
  | 'TooLarge'
  /** the URL is not one Capstan fetches from */
  | 'InvalidUrl'
  /** the ref is malformed (bad name, bad semver range, bad commit) */
  | 'InvalidRef'
  /** the Secret's data is incomplete or contradictory (e.g. ssh without known_hosts) */
  | 'InvalidSecret'
  /** the fetch ran past its time limit */
  | 'Timeout'
  /** the caller aborted the fetch */
  | 'Cancelled'
  /** storing the artifact failed */
  | 'StorageFailed'
  /** any other git failure */
  | 'GitFailed';

/** Codes that will not heal by retrying without a change to the object or its Secret. */
const TERMINAL: ReadonlySet<GitErrorCode> = new Set(['InvalidUrl', 'InvalidRef', 'InvalidSecret']);

export class GitSourceError extends Error {
  readonly code: GitErrorCode;
  /** the repository URL, credentials redacted */
  readonly url: string;

  constructor(code: GitErrorCode, url: string, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'GitSourceError';
    this.code = code;
    this.url = url;
  }

  /** true when retrying the same spec cannot succeed (the controller marks the object Stalled) */
  get terminal(): boolean {
    return TERMINAL.has(this.code);
  }

  toJSON(): { name: string; code: GitErrorCode; url: string; message: string } {
    return { name: this.name, code: this.code, url: this.url, message: this.message };
  }
}

export function isGitSourceError(e: unknown, code?: GitErrorCode): e is GitSourceError {
  return e instanceof GitSourceError && (code === undefined || e.code === code);
}
