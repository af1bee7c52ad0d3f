/**
 * Failures of the artifact store and of archive handling, as data: a stable `code` a controller can put in a
 * condition reason, the artifact or archive concerned, and the cause.
 */

export type ArtifactErrorCode =
  /** the artifact or an unpacked file is over its size limit */
  | 'TooLarge'
  /** no artifact with that digest in the store */
  | 'NotFound'
  /** a digest string is not `sha256:<64 hex>` */
  | 'InvalidDigest'
  /** the bytes on disk no longer hash to their digest */
  | 'DigestMismatch'
  /** an archive entry would escape the target directory or is of a forbidden type */
  | 'UnsafeArchive'
  /** the archive cannot be read (bad gzip, bad tar header, truncated) */
  | 'InvalidArchive'
  /** a file-system operation failed */
  | 'StorageFailed';

export class ArtifactError extends Error {
  readonly code: ArtifactErrorCode;
  /** the digest, archive path or entry name the error is about */
  readonly subject: string;

  constructor(code: ArtifactErrorCode, subject: string, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ArtifactError';
    this.code = code;
    this.subject = subject;
  }
}

export function isArtifactError(e: unknown, code?: ArtifactErrorCode): e is ArtifactError {
  return e instanceof ArtifactError && (code === undefined || e.code === code);
}
