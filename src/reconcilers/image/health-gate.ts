/**
 * The health gate of an ImageUpdateAutomation: after a push, watch the HelmReleases the commit changed; when
 * one of them fails with it (Stalled for the generation holding the new values: the upgrade failed and
 * remediation is exhausted), record the tags it brought as bad on their ImagePolicies, then revert the
 * commit in Git with a message saying why. The bad tags are recorded first, so no later run can write them
 * again, even one that reads a policy before its new annotation reached the cache (`BadTagMemory`).
 *
 * When the revert does not apply (a later commit changed the same lines) the bad tags still hold the
 * policies back, and the next run writes the previous tags as an ordinary update.
 */
import type { CacheReader } from '../../controller/index.ts';
import type { KubeClient, KubeObject } from '../../kube/index.ts';
import type { Logger } from '../../observability/logger.ts';
import { helmReleaseGvk } from '../shared/kinds.ts';
import { withExcludedTag } from './excluded-tags.ts';
import { excludedTagsAnnotation, imagePolicyGvk } from './kinds.ts';
import { patchObject } from './metadata-patch.ts';
import { releaseOutcome, type ReleaseRollout, type Rollout } from './rollout.ts';

/** Bad tags this process recorded, by policy `ns:name` (the cache may not show the annotation yet). */
export class BadTagMemory {
  readonly #tags = new Map<string, Set<string>>();

  add(policy: string, tag: string): void {
    const s = this.#tags.get(policy) ?? new Set<string>();
    s.add(tag);
    this.#tags.set(policy, s);
  }

  has(policy: string, tag: string): boolean {
    return this.#tags.get(policy)?.has(tag) ?? false;
  }
}

export interface ReleaseFailure {
  readonly release: ReleaseRollout;
  readonly message: string;
}

export type GateVerdict =
  | { kind: 'pending'; waiting: string[] }
  | { kind: 'healthy' }
  | { kind: 'failed'; failures: ReleaseFailure[] };

/** Judges a rollout from the cached HelmReleases. */
export function judgeRollout(rollout: Rollout, cache: CacheReader): GateVerdict {
  const failures: ReleaseFailure[] = [];
  const waiting: string[] = [];
  for (const r of rollout.releases) {
    const hr = cache.has(helmReleaseGvk) ? cache.get<KubeObject>(helmReleaseGvk, r.helmRelease) : undefined;
    const o = releaseOutcome(hr as Parameters<typeof releaseOutcome>[0], r.values);
    if (o.kind === 'failed') failures.push({ release: r, message: o.message });
    else if (o.kind === 'pending') waiting.push(r.helmRelease);
  }
  if (failures.length > 0) return { kind: 'failed', failures };
  return waiting.length > 0 ? { kind: 'pending', waiting } : { kind: 'healthy' };
}

/** Why the rollout is undone, for the revert commit and the conditions. */
export function failureReason(failures: readonly ReleaseFailure[]): string {
  return failures.map((f) => {
    const tags = Object.values(f.release.tags);
    return `HelmRelease ${f.release.helmRelease} failed to roll out ${tags.length > 0 ? tags.join(', ') : f.release.values.join(', ')}: ${f.message.trim().replace(/\.$/, '')}`;
  }).join('; ');
}

/** Adds each failed release's tags to its ImagePolicy's bad-tag annotation (and to `memory`). */
export async function recordBadTags(failures: readonly ReleaseFailure[], o: { kube: KubeClient; cache: CacheReader; memory: BadTagMemory; log: Logger }): Promise<string[]> {
  const recorded: string[] = [];
  for (const f of failures) {
    for (const [policy, tag] of Object.entries(f.release.tags)) {
      o.memory.add(policy, tag);
      const [namespace = '', name = ''] = policy.split(':');
      const cached = o.cache.get<KubeObject>(imagePolicyGvk, `${namespace}/${name}`);
      if (cached === undefined) continue;
      const value = withExcludedTag(cached.metadata.annotations?.[excludedTagsAnnotation], tag);
      if (value === cached.metadata.annotations?.[excludedTagsAnnotation]) continue;
      await patchObject(o.kube, { apiVersion: imagePolicyGvk.apiVersion, kind: imagePolicyGvk.kind, name, namespace }, { annotations: { [excludedTagsAnnotation]: value } });
      o.log.info({ policy, tag }, 'tag recorded as bad');
      recorded.push(`${policy}=${tag}`);
    }
  }
  return recorded;
}
