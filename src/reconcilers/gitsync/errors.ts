/**
 * Why a sync failed, as data: a code (the condition reason) and the problems, each naming the file and
 * line of the document in Git and the object, so that a message reads
 * `clusters/dev/app.yaml:12: ConfigMap apps/web: data.key: Invalid value…`.
 */
import { Reason, type InventoryEntry } from '../../api/index.ts';

/** Where a document starts in the artifact: path from the repository root, 1-based line (and column). */
export interface SourceLocation {
  file: string;
  line: number;
  column?: number;
}

export interface Problem {
  at?: SourceLocation;
  /** `Kind namespace/name` */
  object?: string;
  message: string;
}

export type GitSyncErrorCode = typeof Reason.BuildFailed | typeof Reason.ApplyFailed | typeof Reason.PruneFailed
  | typeof Reason.ArtifactFailed | typeof Reason.DependencyNotReady | typeof Reason.ReconciliationFailed;

/** Messages list at most this many problems (the rest are counted). */
const maxShown = 10;

export function formatLocation(at: SourceLocation): string {
  return `${at.file}:${at.line}${at.column !== undefined ? `:${at.column}` : ''}`;
}

export function formatProblem(p: Problem): string {
  const where = [p.at ? formatLocation(p.at) : undefined, p.object].filter((s) => s !== undefined).join(': ');
  return where === '' ? p.message : `${where}: ${p.message}`;
}

export class GitSyncError extends Error {
  readonly code: GitSyncErrorCode;
  readonly problems: readonly Problem[];
  /** inventory ids of objects written before the failure (they belong in the inventory, to be pruned later) */
  applied: readonly string[] = [];
  /** the inventory to record after this failure (what may now exist because of the sync) */
  inventory: readonly InventoryEntry[] | undefined;
  constructor(code: GitSyncErrorCode, problems: readonly Problem[], options?: { cause?: unknown }) {
    const shown = problems.slice(0, maxShown).map(formatProblem);
    if (problems.length > maxShown) shown.push(`and ${problems.length - maxShown} more`);
    super(shown.join('; '), options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GitSyncError';
    this.code = code;
    this.problems = problems;
  }
}

/** A build failure with one problem. */
export function buildError(message: string, at?: SourceLocation, object?: string): GitSyncError {
  return new GitSyncError(Reason.BuildFailed, [{ message, ...(at ? { at } : {}), ...(object ? { object } : {}) }]);
}
