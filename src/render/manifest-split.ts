/** releaseutil.SplitManifests: a stream of YAML documents → the documents, in order. */
import { goTrimSpace } from './go-strings.ts';

// Go: regexp.MustCompile("(?:^|\\s*\n)---\\s*"), where \s is [\t\n\f\r ].
const SEP = /(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/gu;

/** Go's Regexp.Split(s, -1). */
function goRegexSplit(s: string, re: RegExp): string[] {
  if (s === '') return [''];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const mEnd = m.index + m[0].length;
    end = m.index;
    if (mEnd !== 0) out.push(s.slice(beg, end));
    beg = mEnd;
    if (m[0].length === 0) re.lastIndex++;
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
  const docs = goRegexSplit(goTrimSpace(bigFile), SEP);
  const res: string[] = [];
  for (const d of docs) {
    if (d === '') continue;
    res.push(goTrimSpace(d));
  }
  return res;
}
