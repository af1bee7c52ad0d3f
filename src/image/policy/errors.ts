/** The one way a policy fails: it does not compile. Choosing among tags never throws. */

export type PolicyErrorCode = 'InvalidPolicy';

export class PolicyError extends Error {
  readonly code: PolicyErrorCode = 'InvalidPolicy';
  /** the field at fault, e.g. `policy.semver.range` or `filterTags.pattern` */
  readonly field: string;

  constructor(field: string, message: string, options?: { cause?: unknown }) {
    super(`${field}: ${message}`, options);
    this.name = 'PolicyError';
    this.field = field;
  }
}

export function isPolicyError(e: unknown): e is PolicyError {
  return e instanceof PolicyError;
}
