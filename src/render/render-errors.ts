/** Helm's engine-level error wording and template order (pkg/engine engine.go). */
import { goCompare } from './go-strings.ts';

/** An error from rendering, worded as Helm prints it after `Error: `. */
export class RenderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RenderError';
  }
}

const startedRendering = new WeakSet<object>();

/**
 * Marks `e` as raised once rendering had started (helm's action.Install has created the release: the
 * kubeVersion check, template parse/exec errors, YAML errors in manifests), as opposed to earlier
 * failures (dependencies, values, schema). `helm template` adds a hint to the former.
 */
export function markRenderingError(e: unknown): void {
  if (typeof e === 'object' && e !== null) startedRendering.add(e);
}

/** Whether {@link markRenderingError} marked `e`. */
export function isRenderingError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && startedRendering.has(e);
}

/** `HELM_ERR_START…HELM_ERR_END`: the message of `required`/`fail`, found inside an exec error. */
export const WARN_REGEX = /HELM_ERR_START([\s\S]*)HELM_ERR_END/u;

export function warnWrap(warn: string): string {
  return `HELM_ERR_START${warn}HELM_ERR_END`;
}

/** engine.cleanupParseError: `parse error at (FILE:LINE): LAST PART OF THE MESSAGE`. */
export function cleanupParseError(filename: string, message: string): string {
  const tokens = message.split(': ');
  if (tokens.length === 1) return `parse error in (${filename}): ${message}`;
  return `parse error at (${tokens[1]!}): ${tokens[tokens.length - 1]!}`;
}

/**
 * engine.cleanupExecError (for Go ExecErrors): a `required`/`fail` message becomes
 * `execution error at (FILE:LINE:COL): MSG`; anything else is left as it is.
 */
export function cleanupExecError(filename: string, message: string): string {
  const first = message.indexOf(': ');
  const second = first < 0 ? -1 : message.indexOf(': ', first + 2);
  if (second < 0) return `execution error in (${filename}): ${message}`;
  const location = message.slice(first + 2, second);
  const parts = WARN_REGEX.exec(message.slice(second + 2));
  if (parts) return `execution error at (${location}): ${parts[1]!}`;
  return message;
}

/** Parse/execution order: Go's byPathLen reversed — more `/` first; equal depth in reverse byte order. */
export function sortTemplates(names: Iterable<string>): string[] {
  const depth = (s: string): number => s.split('/').length - 1;
  return [...names].sort((a, b) => {
    const da = depth(a);
    const db = depth(b);
    if (da !== db) return db - da;
    return goCompare(b, a);
  });
}
