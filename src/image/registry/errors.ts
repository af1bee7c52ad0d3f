/**
 * Typed failures of a registry scan, each with a stable `code`, the image it is about and, for HTTP failures,
 * the URL (user info removed) and status. Messages never hold credentials or tokens: they name the image, the
 * URL and what the registry said.
 */

export type ImageRegistryErrorCode =
  /** the image name does not parse (a tag or digest in it, bad characters) */
  | 'InvalidImage'
  /** an `exclusionList` entry is not a valid RE2 pattern */
  | 'InvalidExclusion'
  /** the credentials Secret data cannot be read (not JSON, bad `auth` encoding) */
  | 'InvalidCredentials'
  /** the registry or its token service refused the credentials, or wanted some and there were none */
  | 'Unauthorized'
  /** the repository (or the tag, for a digest lookup) does not exist */
  | 'NotFound'
  /** no HTTP answer: connection refused, DNS, TLS verification, timeout */
  | 'Unreachable'
  /** an HTTP answer that is none of the above (5xx, 429, …) */
  | 'RegistryError'
  /** a 200 whose body is not what the API promises */
  | 'InvalidResponse';

export class ImageRegistryError extends Error {
  readonly code: ImageRegistryErrorCode;
  /** the image as the user named it (`registry:5000/team/app`) */
  readonly image: string;
  /** the URL the error is about, without user info; undefined when no request was made */
  readonly url: string | undefined;
  readonly httpStatus: number | undefined;

  constructor(code: ImageRegistryErrorCode, image: string, message: string,
    options: { cause?: unknown; url?: string | undefined; httpStatus?: number | undefined } = {}) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'ImageRegistryError';
    this.code = code;
    this.image = image;
    this.url = options.url;
    this.httpStatus = options.httpStatus;
  }
}

export function isImageRegistryError(e: unknown): e is ImageRegistryError {
  return e instanceof ImageRegistryError;
}
