/**
 * `summarize`: computes Ready last, from the other conditions (kstatus rules, as helm-controller's `summarize`).
 *
 * In order, the first rule that applies sets Ready:
 * 1. Stalled=True → Ready=False, with Stalled's reason and message.
 * 2. A summary condition is abnormal (False, or True for a negative-polarity type such as Remediated or
 *    Drifted) → Ready=False from the first abnormal one in priority order.
 * 3. Reconciling=True → Ready=Unknown, with Reconciling's reason and message.
 * 4. A summary condition is Unknown → Ready=Unknown from the first such.
 * 5. Otherwise → Ready=True from the first positive-polarity True condition (else the first one).
 * With no Stalled, no Reconciling and no summary condition, Ready is left as the reconciler set it.
 *
 * It does not remove anything: the reconciler deletes Reconciling when its work is done, and conditions that no
 * longer apply (TestSuccess once tests are disabled) before summarizing.
 */
import type { Condition } from './common.ts';
import { ConditionType, negativePolarityConditions } from './condition-types.ts';
import { getCondition, setCondition, type ConditionsHolder } from './condition-set.ts';

export interface SummarizeOptions {
  /**
   * The conditions Ready is computed from, in priority order. Default: every condition on the object except
   * Ready, Reconciling and Stalled, ordered by `summaryPriority` and then by type. Leave one out to ignore it
   * (e.g. TestSuccess when `test.ignoreFailures` is set).
   */
  conditions?: readonly string[];
  /** types whose True status is abnormal (default `negativePolarityConditions`) */
  negativePolarity?: ReadonlySet<string>;
  now?: Date;
}

/** Default priority: failures and remediation first, then the most specific success (a test over a release). */
export const summaryPriority: readonly string[] = [
  ConditionType.Remediated, ConditionType.Drifted, ConditionType.FetchFailed, ConditionType.StorageOperationFailed,
  ConditionType.TestSuccess, ConditionType.Released, ConditionType.ArtifactInStorage, ConditionType.Healthy,
  ConditionType.SourceAvailable,
];

const own = new Set<string>([ConditionType.Ready, ConditionType.Reconciling, ConditionType.Stalled]);

/** Sets Ready from the other conditions and returns it (undefined when there was nothing to summarize). */
export function summarize(obj: ConditionsHolder, opts: SummarizeOptions = {}): Condition | undefined {
  const negative = opts.negativePolarity ?? negativePolarityConditions;
  const now = opts.now ?? new Date();
  const summary = summaryConditions(obj, opts.conditions);
  const abnormal = (c: Condition): boolean => (negative.has(c.type) ? c.status === 'True' : c.status === 'False');
  const set = (status: Condition['status'], from: Condition): Condition =>
    setCondition(obj, ConditionType.Ready, status, from.reason, from.message, now);

  const stalled = getCondition(obj, ConditionType.Stalled);
  if (stalled?.status === 'True') return set('False', stalled);
  const failed = summary.find(abnormal);
  if (failed) return set('False', failed);
  const reconciling = getCondition(obj, ConditionType.Reconciling);
  if (reconciling?.status === 'True') return set('Unknown', reconciling);
  const unknown = summary.find((c) => c.status === 'Unknown');
  if (unknown) return set('Unknown', unknown);
  const good = summary.find((c) => !negative.has(c.type) && c.status === 'True') ?? summary[0];
  return good ? set('True', good) : undefined;
}

function summaryConditions(obj: ConditionsHolder, types: readonly string[] | undefined): Condition[] {
  if (types !== undefined) return types.flatMap((t) => getCondition(obj, t) ?? []);
  const rank = (t: string): number => {
    const i = summaryPriority.indexOf(t);
    return i < 0 ? summaryPriority.length : i;
  };
  return (obj.status?.conditions ?? [])
    .filter((c) => !own.has(c.type))
    .sort((a, b) => rank(a.type) - rank(b.type) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}
