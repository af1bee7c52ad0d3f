/**
 * One error type for what stops an image reconcile: a condition reason (the `code`), the object it is about and
 * a message fit for a condition (no credentials: registry and Git errors are scrubbed before they get here).
 */

export class ImageReconcileError extends Error {
  /** the condition reason, e.g. `ScanFailed`, `DependencyNotReady`, `GitOperationFailed` */
  readonly code: string;
  /** `Kind namespace/name` of the object the error is about */
  readonly subject: string;
  /** true when only a change of the object can fix it (the reconciler stalls instead of retrying) */
  readonly terminal: boolean;

  constructor(code: string, subject: string, message: string, options: { cause?: unknown; terminal?: boolean } = {}) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'ImageReconcileError';
    this.code = code;
    this.subject = subject;
    this.terminal = options.terminal ?? false;
  }
}

export function isImageReconcileError(e: unknown): e is ImageReconcileError {
  return e instanceof ImageReconcileError;
}

/** The message of anything thrown. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
