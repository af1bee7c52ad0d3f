/**
 * Go's `regexp.(*Regexp).Expand` template rules, which Flux's `filterTags.extract` uses. Written by hand: re2js
 * expands replacements the JavaScript way (`$<name>`, `$10` split into `$1` + `0`) or the Java way, and Go
 * differs from both:
 * - `$name` and `${name}`, where a name is a run of letters, digits and `_` (`$1x` means `${1x}`, not `${1}x`);
 * - a name of digits only (no leading zero) is a group number; other names are named groups;
 * - an unknown name, an out-of-range number or a group that did not take part in the match expands to "";
 * - `$$` is a literal `$`; a `$` not followed by a valid name (or an unclosed `${`) stays a literal `$`.
 */

/** The groups of one match: `groups[0]` is the whole match, `null` for groups that did not participate. */
export interface MatchGroups {
  readonly groups: readonly (string | null)[];
  /** group name → index */
  readonly names: Readonly<Record<string, number>>;
}

const NAME_CHAR = /[\p{L}\p{Nd}_]/u;

interface Extracted {
  readonly name: string;
  /** the group number, or -1 for a named group */
  readonly num: number;
  readonly rest: string;
}

/** Go's `extract`: the name after a `$`, or undefined when the template is malformed there. */
function extract(str: string): Extracted | undefined {
  let s = str;
  const brace = s.startsWith('{');
  if (brace) s = s.slice(1);
  let i = 0;
  for (const ch of s) {
    if (!NAME_CHAR.test(ch)) break;
    i += ch.length;
  }
  if (i === 0) return undefined;
  const name = s.slice(0, i);
  if (brace) {
    if (s[i] !== '}') return undefined;
    i++;
  }
  let num = /^[0-9]+$/.test(name) && name.length <= 9 ? Number(name) : -1;
  if (name.length > 1 && name.startsWith('0')) num = -1;
  return { name, num, rest: s.slice(i) };
}

/** Expands `template` for one match, exactly as Go's `Regexp.ExpandString`. */
export function goExpand(template: string, match: MatchGroups): string {
  let out = '';
  let t = template;
  for (;;) {
    const at = t.indexOf('$');
    if (at < 0) break;
    out += t.slice(0, at);
    t = t.slice(at + 1);
    if (t.startsWith('$')) {
      out += '$';
      t = t.slice(1);
      continue;
    }
    const x = extract(t);
    if (x === undefined) {
      out += '$';
      continue;
    }
    t = x.rest;
    const index = x.num >= 0 ? x.num : match.names[x.name];
    if (index !== undefined) out += match.groups[index] ?? '';
  }
  return out + t;
}
