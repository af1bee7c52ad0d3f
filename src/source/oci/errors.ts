/** Typed failures of an OCI registry holding Helm charts, each with a stable `code`, the reference and the cause. */
import { redactUrl } from '../helm-repository/redact.ts';

export type OciErrorCode =
  /** the `oci://` URL, chart name, version or digest does not parse */
  | 'InvalidReference'
  /** the registry or its token service refused the credentials (or there were none) */
  | 'Unauthorized'
  /** the registry could not be reached or answered with an unexpected status */
  | 'RegistryError'
  /** no such tag or manifest, no tags at all, or no tag matching the constraint */
  | 'ChartNotFound'
  /** the version constraint does not parse */
  | 'InvalidConstraint'
  /** a manifest or blob does not hash to its digest, or a tag points elsewhere than the pinned digest */
  | 'DigestMismatch'
  /** the manifest is not a Helm chart (media types, missing layers) */
  | 'InvalidManifest'
  /** a blob or manifest is larger than the configured limit */
  | 'TooLarge';

export class OciRegistryError extends Error {
  readonly code: OciErrorCode;
  /** the reference or URL the error is about, credentials removed */
  readonly ref: string;
  readonly httpStatus: number | undefined;

  constructor(code: OciErrorCode, ref: string, message: string, options?: { cause?: unknown; httpStatus?: number }) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'OciRegistryError';
    this.code = code;
    this.ref = redactUrl(ref);
    this.httpStatus = options?.httpStatus;
  }
}
