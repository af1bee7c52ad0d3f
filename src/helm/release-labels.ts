/**
 * Custom release labels (`--labels`), kept on the storage records as Helm 3.17 keeps them
 * (pkg/action/{install,upgrade,rollback}.go):
 *
 * - install records the given labels;
 * - upgrade merges the newest revision's custom labels with the given ones (`mergeCustomLabels`): a given
 *   label overrides, and a label whose merged value is the string "null" is dropped (`--labels tier=null`);
 * - rollback copies the custom labels of the revision it goes back to;
 * - labels named as Helm's system labels (name, owner, status, version, createdAt, modifiedAt) are refused.
 */
import { systemLabels, type Release } from '../release/index.ts';
import { ActionError } from './errors.ts';

/** The value that deletes a label on upgrade (Helm compares with the string "null"). */
export const deletedLabelValue = 'null';

const reserved: ReadonlySet<string> = new Set(systemLabels);

/** Helm's ContainsSystemLabels check, with its message. */
export function checkCustomLabels(labels: Readonly<Record<string, string>> | undefined): void {
  if (labels === undefined || !Object.keys(labels).some((k) => reserved.has(k))) return;
  throw new ActionError('InvalidLabels', `user supplied labels contains system reserved label name. System labels: [${systemLabels.join(' ')}]`);
}

/** A revision's custom labels: the labels of its record without the system ones (a history read returns both). */
export function customLabels(r: Pick<Release, 'labels'> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(r?.labels ?? {})) if (!reserved.has(k)) out[k] = v;
  return out;
}

/** Helm's mergeCustomLabels(current, desired): desired wins, then every label valued "null" goes. */
export function mergeCustomLabels(current: Readonly<Record<string, string>>, desired: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const merged: Record<string, string> = { ...current, ...desired };
  for (const [k, v] of Object.entries(merged)) if (v === deletedLabelValue) delete merged[k];
  return merged;
}

/** The labels option of a new record: none when empty, so the record carries no `labels` at all. */
export function labelsOption(labels: Record<string, string>): { labels?: Record<string, string> } {
  return Object.keys(labels).length > 0 ? { labels } : {};
}
