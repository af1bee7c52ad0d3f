/**
 * RE2 patterns with Go semantics (re2js), as Flux compiles `filterTags.pattern` with Go's `regexp`: the
 * pattern matches anywhere in the tag (unanchored, like `FindStringSubmatchIndex`), and `extract` is expanded
 * with Go's `Expand` rules.
 */
import { RE2JS } from 're2js';
import { PolicyError } from './errors.ts';
import { goExpand } from './go-expand.ts';

/** A compiled pattern + extract: maps a tag to its extracted value, or undefined when it does not match. */
export type TagExtractor = (tag: string) => string | undefined;

/** Compiles `pattern` (RE2) for `field`; throws PolicyError with re2's message when it does not parse. */
export function compileRe2(pattern: string, field: string): RE2JS {
  try {
    return RE2JS.compile(pattern);
  } catch (e) {
    throw new PolicyError(field, `invalid regular expression ${JSON.stringify(pattern)}: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * The extractor for a pattern and an optional `extract` template. Without a template (or with an empty one, as
 * Flux treats `""`), a matching tag maps to itself.
 */
export function compileExtractor(pattern: string, extract: string | undefined, field: string): TagExtractor {
  const re = compileRe2(pattern, `${field}.pattern`);
  const names = re.namedGroups();
  const count = re.groupCount();
  return (tag) => {
    const m = re.matcher(tag);
    if (!m.find()) return undefined;
    if (extract === undefined || extract === '') return tag;
    const groups: (string | null)[] = [];
    for (let i = 0; i <= count; i++) groups.push(m.group(i));
    return goExpand(extract, { groups, names });
  };
}
