/** Typed failures of an HTTP(S) chart repository, each with a stable `code`, the URL (redacted) and the cause. */
import { redactUrl } from './redact.ts';

export type HelmRepositoryErrorCode =
  /** the repository URL is not an http(s) URL */
  | 'InvalidURL'
  /** the index could not be fetched (network, TLS, HTTP status) */
  | 'IndexFetchFailed'
  /** the index is not a chart repository index (bad YAML, no apiVersion, wrong shape) */
  | 'IndexInvalid'
  /** the index is larger than the configured limit */
  | 'IndexTooLarge'
  /** no chart of that name, or no version of it matching the constraint */
  | 'ChartNotFound'
  /** the version constraint does not parse */
  | 'InvalidConstraint'
  /** the chart archive could not be fetched */
  | 'ChartDownloadFailed'
  /** the chart archive is larger than the configured limit */
  | 'ChartTooLarge'
  /** the archive's sha256 differs from the index entry's digest */
  | 'DigestMismatch'
  /** the index entry has no URL to download from */
  | 'NoChartURL';

export class HelmRepositoryError extends Error {
  readonly code: HelmRepositoryErrorCode;
  /** the repository or archive URL the error is about, credentials removed */
  readonly url: string;
  /** HTTP status when the server answered with one */
  readonly httpStatus: number | undefined;

  constructor(code: HelmRepositoryErrorCode, url: URL | string, message: string, options?: { cause?: unknown; httpStatus?: number }) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'HelmRepositoryError';
    this.code = code;
    this.url = redactUrl(url);
    this.httpStatus = options?.httpStatus;
  }
}
