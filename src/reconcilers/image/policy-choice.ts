/**
 * Choosing a tag with bad tags held back, for ImagePolicies and annotation-automated HelmReleases.
 *
 * `selectLatest` with `exclude` picks only tags ranked strictly above the highest bad tag (the bar). When none
 * is, the automation must not stay on the bad tag: it falls back to the best tag ranked strictly below the bar
 * (the one that ran before the bad one, unless it was deleted), so after a failed rollout the policy points at
 * the good tag again, and moves on by itself once a tag newer than the bad one is pushed.
 */
import { compilePolicy, selectLatest, type CompiledPolicy, type RankedTag, type TagPolicy } from '../../image/index.ts';

export interface PolicyChoice {
  /** the chosen tag; undefined when no tag qualifies */
  readonly tag: string | undefined;
  /** the bad tag that held back a newer choice, when the fallback was used */
  readonly heldBackBy?: string | undefined;
}

function beats(p: CompiledPolicy, a: RankedTag, b: RankedTag): boolean {
  const d = p.compare(a, b);
  return d > 0 || (d === 0 && a.tag > b.tag);
}

/** The highest excluded tag the policy considers. */
function barOf(p: CompiledPolicy, excluded: ReadonlySet<string>): RankedTag | undefined {
  let bar: RankedTag | undefined;
  for (const x of excluded) {
    const r = p.rank(x);
    if (r !== undefined && (bar === undefined || beats(p, r, bar))) bar = r;
  }
  return bar;
}

/** Chooses from `tags`; throws PolicyError when the policy does not compile. */
export function choosePolicyTag(tags: Iterable<string>, policy: TagPolicy | CompiledPolicy, excluded: ReadonlySet<string> = new Set()): PolicyChoice {
  const p = 'rank' in policy ? policy : compilePolicy(policy);
  const list = [...tags];
  const chosen = selectLatest(list, p, { exclude: excluded });
  if (chosen !== undefined) return { tag: chosen.tag };
  const bar = barOf(p, excluded);
  if (bar === undefined) return { tag: undefined };
  const below = list.filter((t) => {
    if (excluded.has(t)) return false;
    const r = p.rank(t);
    return r !== undefined && p.compare(r, bar) < 0;
  });
  const fallback = selectLatest(below, p);
  return { tag: fallback?.tag, heldBackBy: bar.tag };
}
