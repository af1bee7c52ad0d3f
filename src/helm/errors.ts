/** Typed errors of release actions: a code for conditions, Helm's wording in the message, the cause kept. */
export type ActionErrorCode =
  | 'Locked' | 'ReleaseNotFound' | 'NoDeployedRelease' | 'InvalidRevision' | 'RenderFailed' | 'OwnershipConflict'
  | 'ApplyFailed' | 'HookFailed' | 'WaitFailed' | 'CrdFailed' | 'UninstallFailed' | 'TestFailed' | 'StorageFailed'
  | 'InvalidLabels';

export class ActionError extends Error {
  readonly code: ActionErrorCode;
  constructor(code: ActionErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ActionError';
    this.code = code;
  }
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
