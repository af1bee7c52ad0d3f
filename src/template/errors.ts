/**
 * Errors of the template engine.
 *
 * Every error the engine reports is a {@link TemplateError} whose `message` is exactly the text Go's
 * text/template produces (`template: NAME:LINE: …` for parse errors, `template: NAME:LINE:COL:
 * executing "NAME" at <NODE>: …` for execution errors).
 */

/**
 * What produced the error:
 * - `parse`: a parse error (Go's parse.Tree error),
 * - `exec`: an execution error (Go's template.ExecError),
 * - `lookup`: `template: no template "x" associated with template "y"` (a plain Go error),
 * - `budget`: the execution budget (maxSteps) was exhausted (no Go equivalent).
 */
export type TemplateErrorKind = 'parse' | 'exec' | 'lookup' | 'budget';

export class TemplateError extends Error {
  readonly kind: TemplateErrorKind;
  /** Name of the template that was executing (exec errors) or being parsed (parse errors). */
  readonly templateName: string;
  /** The error a function returned, for `error calling X: …` (Go's %w wrapping). */
  override readonly cause: unknown;
  constructor(message: string, kind: TemplateErrorKind = 'exec', templateName = '', cause?: unknown) {
    super(message);
    this.name = 'TemplateError';
    this.kind = kind;
    this.templateName = templateName;
    this.cause = cause;
  }
}

/** The execution budget was exhausted; never wrapped by `error calling …`. */
export class BudgetError extends TemplateError {
  constructor(message: string, templateName: string) {
    super(message, 'budget', templateName);
    this.name = 'BudgetError';
  }
}

/** True for a JavaScript stack overflow (deep template recursion). */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && e.message.includes('call stack');
}
