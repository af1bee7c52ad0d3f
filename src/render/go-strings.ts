/** Go `strings` helpers whose Unicode rules differ from JavaScript's built-ins. */

/** unicode.IsSpace (Go): Latin-1 spaces incl. U+0085 and U+00A0, plus the White_Space property. */
export function isGoSpace(c: number): boolean {
  switch (c) {
    case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d: case 0x20: case 0x85: case 0xa0:
    case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000:
      return true;
  }
  return c >= 0x2000 && c <= 0x200a;
}

/** strings.TrimSpace */
export function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isGoSpace(s.charCodeAt(start))) start++;
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

/** path.Base (slash-separated paths). */
export function pathBase(p: string): string {
  if (p === '') return '.';
  let s = p;
  while (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  if (s === '/') return '/';
  const i = s.lastIndexOf('/');
  return i >= 0 ? s.slice(i + 1) : s;
}

/** path.Join for the simple relative paths charts use (cleans `.`/`..` and duplicate slashes). */
export function pathJoin(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/');
  if (joined === '') return '';
  return pathClean(joined);
}

/** path.Clean */
export function pathClean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

/** Go's string comparison (bytewise on UTF-8), as sort.Strings uses: -1, 0 or 1. */
export { compareStrings as goCompare } from '../template/fmt/utf8.ts';
