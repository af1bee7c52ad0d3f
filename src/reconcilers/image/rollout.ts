/**
 * The rollout the health gate watches after an automation pushed a commit: which HelmReleases the commit
 * changed, with which values and tags, and how to tell from a HelmRelease whether it is done. Stored as JSON in
 * the automation's `image.capstan.dev/rollout` annotation, so a restart does not forget it. Pure.
 *
 * A HelmRelease's outcome, judged from the cache:
 * - `pending`: not there yet, its spec does not hold every new value yet (GitSync has not applied the commit),
 *   or the controller has not finished with that generation;
 * - `healthy`: Ready=True for the generation that holds the new values;
 * - `failed`: Stalled=True for that generation (the upgrade failed and remediation is exhausted), unless the
 *   spec itself is invalid (a bad tag cannot make it so).
 */
import { ConditionType, Reason, getCondition, type ConditionsHolder } from '../../api/index.ts';
import type { PolicyValues, SetterChange } from '../../image/index.ts';
import type { KubeObject } from '../../kube/index.ts';

/** One HelmRelease changed by the commit. */
export interface ReleaseRollout {
  /** `namespace/name` */
  readonly helmRelease: string;
  /** the values written into it (each must appear in its spec) */
  readonly values: readonly string[];
  /** policy `ns:name` → the tag written for it */
  readonly tags: Readonly<Record<string, string>>;
}

export interface Rollout {
  readonly commit: string;
  readonly pushedAt: string;
  readonly releases: readonly ReleaseRollout[];
}

export type ReleaseOutcome = { kind: 'pending' } | { kind: 'healthy' } | { kind: 'failed'; message: string };

/** The rollout in an annotation value, or undefined when absent or unreadable. */
export function parseRollout(value: string | undefined): Rollout | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    const r = JSON.parse(value) as Partial<Rollout>;
    if (typeof r.commit !== 'string' || !Array.isArray(r.releases)) return undefined;
    return { commit: r.commit, pushedAt: typeof r.pushedAt === 'string' ? r.pushedAt : '', releases: r.releases.filter((x) => typeof x?.helmRelease === 'string') };
  } catch {
    return undefined;
  }
}

export function formatRollout(r: Rollout): string {
  return JSON.stringify(r);
}

function tagOf(policies: PolicyValues, key: string): string | undefined {
  return (policies instanceof Map ? policies.get(key) : (policies as Record<string, { tag: string } | undefined>)[key])?.tag;
}

/**
 * The HelmReleases a commit's changes touched. A change whose YAML document names no namespace is matched by
 * name among `knownReleases` (the cached HelmReleases' keys) when exactly one has that name, else left out.
 */
export function rolloutOf(commit: string, pushedAt: Date, changes: readonly SetterChange[], policies: PolicyValues, knownReleases: readonly string[]): Rollout | undefined {
  const byRelease = new Map<string, { values: Set<string>; tags: Record<string, string> }>();
  for (const c of changes) {
    if (c.object?.kind !== 'HelmRelease' || c.field === 'name') continue;
    let key: string | undefined = c.object.namespace !== undefined ? `${c.object.namespace}/${c.object.name}` : undefined;
    if (key === undefined) {
      const same = knownReleases.filter((k) => k.endsWith(`/${c.object?.name ?? ''}`));
      key = same.length === 1 ? same[0] : undefined;
    }
    if (key === undefined) continue;
    const entry = byRelease.get(key) ?? { values: new Set<string>(), tags: {} };
    entry.values.add(c.newValue);
    const tag = tagOf(policies, c.policy);
    if (tag !== undefined) entry.tags[c.policy] = tag;
    byRelease.set(key, entry);
  }
  if (byRelease.size === 0) return undefined;
  const releases = [...byRelease].sort(([a], [b]) => (a < b ? -1 : 1)).map(([helmRelease, e]) => ({ helmRelease, values: [...e.values], tags: e.tags }));
  return { commit, pushedAt: pushedAt.toISOString(), releases };
}

/** Whether every value is in the object's spec (as a JSON string, so `v1` does not match inside `v10`). */
export function specHolds(obj: Pick<KubeObject, 'spec'>, values: readonly string[]): boolean {
  const spec = JSON.stringify(obj.spec ?? {});
  return values.every((v) => spec.includes(JSON.stringify(v)));
}

/** The outcome for one HelmRelease at the generation that holds the rollout's values; see the module comment. */
export function releaseOutcome(hr: (KubeObject & ConditionsHolder) | undefined, values: readonly string[]): ReleaseOutcome {
  if (hr === undefined || !specHolds(hr, values)) return { kind: 'pending' };
  return generationOutcome(hr, hr.metadata.generation);
}

/** Ready/Stalled of `hr` for `generation`. */
export function generationOutcome(hr: ConditionsHolder, generation: number | undefined): ReleaseOutcome {
  const stalled = getCondition(hr, ConditionType.Stalled);
  if (stalled?.status === 'True' && stalled.observedGeneration === generation && stalled.reason !== Reason.InvalidSpec) {
    return { kind: 'failed', message: stalled.message };
  }
  const ready = getCondition(hr, ConditionType.Ready);
  if (ready?.status === 'True' && ready.observedGeneration === generation) return { kind: 'healthy' };
  return { kind: 'pending' };
}
