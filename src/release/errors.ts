/** Typed release-storage errors, with Helm's messages where Helm has them. */
export type ReleaseErrorCode = 'ReleaseNotFound' | 'ReleaseExists' | 'ReleaseTooLarge' | 'InvalidRelease' | 'StorageFailed';

export class ReleaseError extends Error {
  readonly code: ReleaseErrorCode;
  constructor(code: ReleaseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReleaseError';
    this.code = code;
  }
}

/** driver.ErrReleaseNotFound */
export const releaseNotFound = (): ReleaseError => new ReleaseError('ReleaseNotFound', 'release: not found');
/** driver.ErrReleaseExists */
export const releaseExists = (): ReleaseError => new ReleaseError('ReleaseExists', 'release: already exists');

export function isNotFound(e: unknown): boolean {
  return e instanceof ReleaseError && e.code === 'ReleaseNotFound';
}
