/**
 * Choosing the latest tag under a policy, with the tags health-gated rollback recorded as bad held back.
 *
 * The rule for `exclude`: of the excluded tags, only those the policy itself would consider count (a bad
 * `1.5.0` says nothing about a policy `<1.5`). If any count, the highest of them by the policy's order is the
 * bar, and only tags ranked strictly above the bar may win: a bad tag is not chosen again, nor is anything the
 * policy ranks at or below it (an older tag, or one it cannot tell apart, such as `1.5.0+rebuild` for semver),
 * until a newer tag appears. With nothing above the bar the result is undefined: the caller keeps what runs.
 *
 * Ties (tags the policy ranks equal: `1.0.0` and `v1.0.0`, `1.0` and `1` numerically, two tags `filterTags`
 * extracts to the same value) go to the greater tag in code-unit order, so the result never depends on the order
 * the registry listed the tags in.
 */
import { compilePolicy, type CompiledPolicy, type RankedTag } from './compile.ts';
import { parseFluxV1Policy } from './flux-v1.ts';
import type { TagPolicy } from './types.ts';

export interface SelectOptions {
  /** tags recorded as bad; see the module comment for the exact rule */
  readonly exclude?: ReadonlySet<string> | undefined;
}

export interface SelectedTag {
  readonly tag: string;
}

function isCompiled(p: TagPolicy | CompiledPolicy): p is CompiledPolicy {
  return typeof (p as CompiledPolicy).rank === 'function';
}

/** Whether `a` wins over `b`. */
function beats(p: CompiledPolicy, a: RankedTag, b: RankedTag): boolean {
  const d = p.compare(a, b);
  return d > 0 || (d === 0 && a.tag > b.tag);
}

/** The highest excluded tag the policy considers, if any. */
function exclusionBar(p: CompiledPolicy, exclude: ReadonlySet<string> | undefined): RankedTag | undefined {
  let bar: RankedTag | undefined;
  for (const x of exclude ?? []) {
    const r = p.rank(x);
    if (r !== undefined && (bar === undefined || beats(p, r, bar))) bar = r;
  }
  return bar;
}

/**
 * The tag the policy picks from `tags`, or undefined when none qualifies. `policy` may be a TagPolicy, a
 * compiled one, or a Flux v1 annotation string (`semver:^1`, `glob:app-*`, `regex:…`). Throws PolicyError
 * when the policy does not compile; never for the tags.
 */
export function selectLatest(tags: Iterable<string>, policy: TagPolicy | CompiledPolicy | string, opts: SelectOptions = {}): SelectedTag | undefined {
  const p = typeof policy === 'string' ? compilePolicy(parseFluxV1Policy(policy)) : isCompiled(policy) ? policy : compilePolicy(policy);
  const bar = exclusionBar(p, opts.exclude);
  let best: RankedTag | undefined;
  for (const tag of tags) {
    const r = p.rank(tag);
    if (r === undefined) continue;
    if (bar !== undefined && p.compare(r, bar) <= 0) continue;
    if (best === undefined || beats(p, r, best)) best = r;
  }
  return best === undefined ? undefined : { tag: best.tag };
}
