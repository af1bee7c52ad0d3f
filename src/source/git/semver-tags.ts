/**
 * Picking the tag for a `semver` ref: the highest tag whose name parses as a version (Masterminds rules: a
 * `v` prefix and missing minor/patch are allowed) and satisfies the range. Tags that are not versions are
 * skipped, as Flux does.
 */
import { parseConstraint, parseVersion, type Constraint, type Version } from '@capstan/semver';

export interface SemverTagChoice {
  tag: string;
  version: Version;
}

/** Parses a range; returns the error text instead of throwing. */
export function parseRange(range: string): { ok: true; constraint: Constraint } | { ok: false; error: string } {
  try {
    return { ok: true, constraint: parseConstraint(range) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/**
 * The highest matching tag, or undefined. Two tags of equal version (`v1.0.0`, `1.0.0`, or differing only in
 * build metadata) are ordered by name, the greater name winning, so the choice does not depend on the order
 * the server listed them in.
 */
export function highestMatchingTag(tags: Iterable<string>, constraint: Constraint): SemverTagChoice | undefined {
  let best: SemverTagChoice | undefined;
  for (const tag of tags) {
    let version: Version;
    try {
      version = parseVersion(tag);
    } catch {
      continue;
    }
    if (!constraint.check(version)) continue;
    if (best === undefined) {
      best = { tag, version };
      continue;
    }
    const c = version.compare(best.version);
    if (c > 0 || (c === 0 && tag > best.tag)) best = { tag, version };
  }
  return best;
}
