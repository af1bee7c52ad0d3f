/** Typed failures of a Git write-back, with a stable `code`, the repository directory and git's output (scrubbed). */

export type WriteBackErrorCode =
  /** `update.path` leaves the repository, or does not exist */
  | 'InvalidPath'
  /** the push was still rejected as non-fast-forward after the allowed attempts */
  | 'PushConflict'
  /** the push failed for another reason (auth, hook, network) */
  | 'PushFailed'
  /** the commit to revert does not revert cleanly on the branch, or is not on it */
  | 'RevertConflict'
  /** another git command failed */
  | 'GitFailed';

export class WriteBackError extends Error {
  readonly code: WriteBackErrorCode;
  readonly repoDir: string;
  /** git's output, with secrets removed by the caller's `redact` */
  readonly output: string;

  constructor(code: WriteBackErrorCode, repoDir: string, message: string, options: { output?: string; cause?: unknown } = {}) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'WriteBackError';
    this.code = code;
    this.repoDir = repoDir;
    this.output = options.output ?? '';
  }
}

export function isWriteBackError(e: unknown): e is WriteBackError {
  return e instanceof WriteBackError;
}
