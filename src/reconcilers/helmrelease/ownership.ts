/**
 * Which HelmRelease owns a Helm release, and what that allows (the decide side, pure; owner-lookup.ts observes).
 *
 * Two HelmReleases can resolve to one Helm release (same storage namespace and release name): without a
 * guard both upgrade it, and the values flip back and forth for ever (fluxcd/flux#2101). Flux v1's
 * helm-operator guarded against this with its antecedent annotation (`ManagedByHelmRelease`): a release
 * marked as another HelmRelease's is skipped, an unmarked one (made by `helm install`) is taken over.
 * Capstan records the owner on the release records themselves, as Helm custom release labels
 * (`helm.capstan.dev/name`, `helm.capstan.dev/namespace`, written on every revision it writes), and the owner
 * is read from the newest revision that carries them (a revision written without labels, e.g. by an old
 * `helm upgrade`, does not erase the claim). Then:
 *
 * | recorded owner                                          | verdict                                   |
 * | ------------------------------------------------------- | ----------------------------------------- |
 * | none (no release yet, or made by the `helm` CLI)        | unowned: install / adopt as before        |
 * | this HelmRelease                                        | own                                       |
 * | another HelmRelease that exists and still targets it    | conflict: touch nothing                   |
 * | another HelmRelease that exists and now targets another | take over (it let the release go)         |
 * | another HelmRelease that no longer exists               | take over                                 |
 *
 * Deleting a HelmRelease uninstalls the release only when it is its own or nobody's.
 */
import type { Release } from '../../release/index.ts';
import { ownerLabelValue, ownerNameLabel, ownerNamespaceLabel } from './release-name.ts';

/** A HelmRelease as recorded on a release: its namespace, and its name as label value (see ownerLabelValue). */
export interface OwnerRef {
  namespace: string;
  name: string;
}

/**
 * What became of a recorded owner: it exists and still resolves to this release (`claims`), it exists but
 * now resolves to another release (`elsewhere`), or it is gone.
 */
export type OwnerPresence = 'claims' | 'elsewhere' | 'gone';

export type OwnershipVerdict =
  | { kind: 'own' }
  | { kind: 'unowned' }
  | { kind: 'take-over'; previous: OwnerRef; why: 'gone' | 'elsewhere' }
  | { kind: 'conflict'; owner: OwnerRef };

export interface OwnershipInput {
  self: OwnerRef;
  /** the owner recorded on the release, if any */
  recorded: OwnerRef | undefined;
  /** what became of a recorded owner other than self; not looked up counts as `claims` */
  presence?: OwnerPresence;
}

/** The owner reference of a HelmRelease as its labels record it. */
export function ownerRefOf(hr: { metadata: { name: string; namespace?: string | undefined } }): OwnerRef {
  return { namespace: hr.metadata.namespace ?? 'default', name: ownerLabelValue(hr.metadata.name) };
}

export const sameOwner = (a: OwnerRef, b: OwnerRef): boolean => a.namespace === b.namespace && a.name === b.name;

export const ownerString = (o: OwnerRef): string => `${o.namespace}/${o.name}`;

/** The owner recorded on the newest revision that records one (history oldest first). */
export function recordedOwner(history: readonly Release[]): OwnerRef | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const labels = history[i]?.labels;
    const name = labels?.[ownerNameLabel];
    const namespace = labels?.[ownerNamespaceLabel];
    if (name !== undefined && namespace !== undefined && name !== '' && namespace !== '') return { namespace, name };
  }
  return undefined;
}

export function decideOwnership(i: OwnershipInput): OwnershipVerdict {
  if (i.recorded === undefined) return { kind: 'unowned' };
  if (sameOwner(i.self, i.recorded)) return { kind: 'own' };
  switch (i.presence ?? 'claims') {
    case 'claims': return { kind: 'conflict', owner: i.recorded };
    case 'elsewhere': return { kind: 'take-over', previous: i.recorded, why: 'elsewhere' };
    case 'gone': return { kind: 'take-over', previous: i.recorded, why: 'gone' };
  }
}

/**
 * On deletion: the owner that keeps this HelmRelease from uninstalling the release, if any. Only a release
 * this HelmRelease owns, or one nobody owns (made by the `helm` CLI and not yet upgraded), is uninstalled; a
 * release recorded as another HelmRelease's is left alone, whether that one still exists or not (this
 * HelmRelease never acted on it).
 */
export function foreignOwner(self: OwnerRef, recorded: OwnerRef | undefined): OwnerRef | undefined {
  return recorded !== undefined && !sameOwner(self, recorded) ? recorded : undefined;
}
