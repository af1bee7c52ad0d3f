/** releaseutil.SplitManifests: a stream of YAML documents → the documents, in order. */
import { goTrimSpace } from './go-strings.ts';

/** Go's `\s`: [\t\n\f\r ]. */
function isGoSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;
}

/**
 * The next match at or after `pos` of Go's `regexp.MustCompile("(?:^|\\s*\n)---\\s*")` (leftmost-first),
 * as [start, end], or undefined. Linear: a match of the second alternative is a `\n---` whose `\n` ends
 * a whitespace run; the leftmost start is the beginning of that run (not before `pos`). `^` only
 * matches at the start of the text.
 */
function nextSeparator(s: string, pos: number): [number, number] | undefined {
  let start: number;
  let end: number;
  if (pos === 0 && s.startsWith('---')) {
    start = 0;
    end = 3;
  } else {
    const j = s.indexOf('\n---', pos);
    if (j < 0) return undefined;
    start = j;
    while (start > pos && isGoSpace(s.charCodeAt(start - 1))) start--;
    end = j + 4;
  }
  while (end < s.length && isGoSpace(s.charCodeAt(end))) end++;
  return [start, end];
}

/** Go's Regexp.Split(s, -1) for the separator above (whose matches are never empty). */
function splitOnSeparators(s: string): string[] {
  if (s === '') return [''];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (let m = nextSeparator(s, 0); m !== undefined; m = nextSeparator(s, m[1])) {
    end = m[0];
    if (m[1] !== 0) out.push(s.slice(beg, end));
    beg = m[1];
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

/**
 * Splits a rendered file into its YAML documents exactly as Helm does: the whole text is trimmed,
 * split on `---` separators, empty pieces are dropped and each document is trimmed.
 * Returned in order (Helm's `manifest-N` keys, sorted by N).
 */
export function splitManifests(bigFile: string): string[] {
  const docs = splitOnSeparators(goTrimSpace(bigFile));
  const res: string[] = [];
  for (const d of docs) {
    if (d === '') continue;
    res.push(goTrimSpace(d));
  }
  return res;
}
