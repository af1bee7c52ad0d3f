/**
 * Deciding what an apply would change (Flux ssa's approach): the server-side dry-run result of an object is
 * compared with the live object, minus the fields that change on every write (managedFields, resourceVersion,
 * generation). Equal → the object is unchanged and not written; a difference is a change from Git or drift
 * in the cluster (someone edited a field Capstan manages), and the object is applied.
 */
import { describeRef, refOf, type KubeObject } from '../../kube/index.ts';
import { jsonEqual } from '../shared/merge-patch.ts';

export type ChangeAction = 'created' | 'configured' | 'unchanged' | 'deleted';

export interface ChangeSetEntry {
  /** inventory id */
  id: string;
  /** `Kind namespace/name` */
  subject: string;
  action: ChangeAction;
}

function comparable(o: KubeObject): unknown {
  const { managedFields: _mf, resourceVersion: _rv, generation: _g, ...metadata } = o.metadata;
  return { ...o, metadata };
}

/** What applying would do, from the live object (undefined: absent) and the dry-run result. */
export function changeOf(live: KubeObject | undefined, dryRun: KubeObject): ChangeAction {
  if (live === undefined) return 'created';
  return jsonEqual(comparable(live), comparable(dryRun)) ? 'unchanged' : 'configured';
}

export const subjectOf = (o: KubeObject): string => describeRef(refOf(o));

/** `created: ConfigMap apps/a, Deployment apps/b; configured: …` (unchanged objects left out). */
export function summarizeChanges(changes: readonly ChangeSetEntry[]): string {
  const parts: string[] = [];
  for (const action of ['created', 'configured', 'deleted'] as const) {
    const subjects = changes.filter((c) => c.action === action).map((c) => c.subject);
    if (subjects.length > 0) parts.push(`${action}: ${subjects.join(', ')}`);
  }
  return parts.join('; ');
}
