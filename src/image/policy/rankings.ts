/**
 * One ranking per policy kind: which values a policy considers and how it orders them. A ranking works on the
 * tag, or on the value `filterTags.extract` made of it.
 */
import { parseConstraint, parseStrictVersion, parseVersion, type Version } from '@capstan/semver';
import { compareDecimal, parseDecimal, type Decimal } from './decimal.ts';
import { PolicyError } from './errors.ts';
import { compileGlob } from './glob.ts';
import { compareNatural } from './natural-order.ts';
import { compileExtractor } from './tag-regex.ts';
import type { SortOrder } from './types.ts';

export interface Ranking<V> {
  /** the value the policy orders `key` by, or undefined when the policy does not consider it */
  value(key: string): V | undefined;
  /** positive when `a` is preferred over `b` (newer, for the policy's order) */
  compare(a: V, b: V): number;
}

/**
 * Flux's `version.ParseVersion`: a strict semantic version, optionally prefixed by one `v` (`v1.2.3`, not
 * `1.2` nor `1.2.3.4`), read with Masterminds' parser so the `v` is kept in the original.
 */
export function parseTagVersion(tag: string): Version | undefined {
  try {
    parseStrictVersion(tag.startsWith('v') ? tag.slice(1) : tag);
    return parseVersion(tag);
  } catch {
    return undefined;
  }
}

export function semverRanking(range: string): Ranking<Version> {
  let constraint;
  try {
    constraint = parseConstraint(range);
  } catch (e) {
    throw new PolicyError('policy.semver.range', `invalid semver range ${JSON.stringify(range)}: ${(e as Error).message}`, { cause: e });
  }
  return {
    value(key) {
      const v = parseTagVersion(key);
      return v !== undefined && constraint.check(v) ? v : undefined;
    },
    compare: (a, b) => a.compare(b),
  };
}

function orderSign(order: SortOrder | undefined, field: string): 1 | -1 {
  if (order === undefined || order === 'asc') return 1;
  if (order === 'desc') return -1;
  throw new PolicyError(field, `order must be asc or desc, not ${JSON.stringify(order)}`);
}

/** Go's `sort.Strings` order (bytes; for the ASCII of tags, the same as UTF-16 code units). */
export function alphabeticalRanking(order: SortOrder | undefined): Ranking<string> {
  const sign = orderSign(order, 'policy.alphabetical.order');
  return { value: (key) => key, compare: (a, b) => sign * (a < b ? -1 : a > b ? 1 : 0) };
}

export function numericalRanking(order: SortOrder | undefined): Ranking<Decimal> {
  const sign = orderSign(order, 'policy.numerical.order');
  return { value: parseDecimal, compare: (a, b) => sign * compareDecimal(a, b) };
}

export function globRanking(pattern: string): Ranking<string> {
  const match = compileGlob(pattern);
  return { value: (key) => (match(key) ? key : undefined), compare: compareNatural };
}

export function regexRanking(pattern: string, extract: string | undefined): Ranking<string> {
  const extractor = compileExtractor(pattern, extract, 'policy.regex');
  return { value: extractor, compare: compareNatural };
}
