/**
 * Errors of the controller machinery, and `TerminalError`: the one a reconciler throws to say "retrying will
 * not help until the object changes" (controller-runtime's reconcile.TerminalError).
 */

/**
 * TerminalError wraps a reconcile failure that must not be retried: the key is not requeued (it is reconciled
 * again only when an event for it arrives), the failure is logged and counted. Reconcilers throw it for
 * invalid specs and other errors that only a change of the object can fix.
 */
export class TerminalError extends Error {
  readonly code = 'Terminal';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TerminalError';
  }

  /** Wraps any thrown value, keeping it as the cause and its message as the message. */
  static wrap(cause: unknown): TerminalError {
    if (cause instanceof TerminalError) return cause;
    return new TerminalError(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/** Whether `e`, or any error in its `cause` chain, is a TerminalError (errors.Is semantics). */
export function isTerminal(e: unknown): boolean {
  for (let cur = e, depth = 0; cur !== undefined && cur !== null && depth < 32; depth++) {
    if (cur instanceof TerminalError) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

export type ControllerErrorCode = 'InvalidOptions' | 'KindNotCached' | 'IndexExists' | 'SelectorConflict' | 'AlreadyStarted' | 'ListFailed' | 'WatchFailed' | 'ServerFailed';

/** A failure of the machinery itself (bad options, list/watch errors, servers that cannot bind). */
export class ControllerError extends Error {
  readonly code: ControllerErrorCode;
  /** the kind, path or address concerned, when there is one */
  readonly subject: string | undefined;
  constructor(code: ControllerErrorCode, message: string, options?: { subject?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ControllerError';
    this.code = code;
    this.subject = options?.subject;
  }
}
