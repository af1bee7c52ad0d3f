/**
 * Compiles a TagPolicy once (patterns, ranges) into a ranking over tags: `filterTags` first (the tag, or its
 * extracted value, is what the policy sees), then the policy's own filter and order.
 */
import { PolicyError } from './errors.ts';
import {
  alphabeticalRanking, globRanking, numericalRanking, regexRanking, semverRanking, type Ranking,
} from './rankings.ts';
import { compileExtractor, type TagExtractor } from './tag-regex.ts';
import { policyKinds, type PolicyKind, type TagPolicy, type TagPolicyChoice } from './types.ts';

/** A tag the policy considers, with the value it is ordered by. */
export interface RankedTag {
  readonly tag: string;
  readonly value: unknown;
}

export interface CompiledPolicy {
  readonly kind: PolicyKind;
  /** the tag's rank, or undefined when the policy does not consider the tag */
  rank(tag: string): RankedTag | undefined;
  /** positive when `a` is preferred over `b`, 0 when the policy cannot tell them apart */
  compare(a: RankedTag, b: RankedTag): number;
}

function kindOf(choice: TagPolicyChoice): PolicyKind {
  const set = policyKinds.filter((k) => choice[k] !== undefined);
  if (set.length !== 1 || set[0] === undefined) {
    throw new PolicyError('policy', `exactly one of ${policyKinds.join(', ')} must be set, found ${set.length === 0 ? 'none' : set.join(', ')}`);
  }
  return set[0];
}

function rankingOf(kind: PolicyKind, c: TagPolicyChoice): Ranking<unknown> {
  switch (kind) {
    case 'semver': return semverRanking(c.semver?.range ?? '') as Ranking<unknown>;
    case 'alphabetical': return alphabeticalRanking(c.alphabetical?.order) as Ranking<unknown>;
    case 'numerical': return numericalRanking(c.numerical?.order) as Ranking<unknown>;
    case 'glob': return globRanking(c.glob ?? '') as Ranking<unknown>;
    case 'regex': return regexRanking(c.regex?.pattern ?? '', c.regex?.extract) as Ranking<unknown>;
  }
}

/** Compiles a policy; throws PolicyError naming the field when a pattern, range or order is invalid. */
export function compilePolicy(policy: TagPolicy): CompiledPolicy {
  const kind = kindOf(policy.policy);
  const ranking = rankingOf(kind, policy.policy);
  const filter: TagExtractor | undefined = policy.filterTags !== undefined
    ? compileExtractor(policy.filterTags.pattern, policy.filterTags.extract, 'filterTags')
    : undefined;
  const skipLatest = policy.skipLatest === true;
  return {
    kind,
    rank(tag) {
      if (skipLatest && tag.toLowerCase() === 'latest') return undefined;
      const key = filter !== undefined ? filter(tag) : tag;
      if (key === undefined) return undefined;
      const value = ranking.value(key);
      return value === undefined ? undefined : { tag, value };
    },
    compare: (a, b) => Math.sign(ranking.compare(a.value, b.value)),
  };
}
