/**
 * Versions from registry tags, with Helm's rules (v3.17 pkg/registry: Client.Tags and
 * GetTagMatchingVersionOrConstraint): tags are read back as versions (`_` → `+`), only strict semver tags count,
 * newest first; a constraint equal to a listed version wins, otherwise the first version the Masterminds
 * constraint accepts (`""`/`*` = latest stable; pre-releases only when the constraint names one).
 */
import { parseConstraint, parseStrictVersion, parseVersion, type Version } from '@capstan/semver';
import { tagToVersion } from './reference.ts';

/** Helm's Client.Tags: chart versions from raw tags, newest first (equal versions keep the registry's order). */
export function versionsFromTags(tags: readonly string[]): string[] {
  const parsed: { v: Version; i: number }[] = [];
  tags.forEach((t, i) => {
    try {
      parsed.push({ v: parseStrictVersion(tagToVersion(t)), i });
    } catch {
      // not a chart version: Helm ignores such tags
    }
  });
  parsed.sort((a, b) => b.v.compare(a.v) || a.i - b.i);
  return parsed.map((p) => p.v.toString());
}

/**
 * GetTagMatchingVersionOrConstraint over `versions` (newest first). Returns the chosen version, or Helm's
 * message when none matches (`Could not locate a version matching provided version string x`). Throws the
 * semver error for a constraint that does not parse.
 */
export function matchVersion(versions: readonly string[], constraint: string): string | { notFound: string } {
  if (constraint !== '') {
    const exact = versions.find((v) => v === constraint);
    if (exact !== undefined) return exact;
  }
  const c = parseConstraint(constraint === '' ? '*' : constraint);
  for (const v of versions) {
    let parsed: Version;
    try {
      parsed = parseVersion(v);
    } catch {
      continue;
    }
    if (c.check(parsed)) return v;
  }
  return { notFound: `Could not locate a version matching provided version string ${constraint}` };
}

/** Whether Helm takes the string as one exact version (semver.NewVersion parses it) rather than a range. */
export function isExactVersion(s: string): boolean {
  try {
    parseVersion(s);
    return true;
  } catch {
    return false;
  }
}
