/**
 * Go's path/filepath.Match on a Unix system (separator `/`), used by `helm template --show-only`.
 * `*` matches any run of non-`/` characters, `?` one non-`/` character, `[a-z]` / `[^a-z]` a class,
 * `\` escapes. A malformed pattern matches nothing (Helm ignores Match's ErrBadPattern).
 */

function escapeRegex(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/u.test(ch) ? `\\${ch}` : ch;
}

function escapeClass(ch: string): string {
  return /[\\\]\[^-]/u.test(ch) ? `\\${ch}` : ch;
}

function toRegex(pattern: string): RegExp | undefined {
  const runes = Array.from(pattern);
  let out = '';
  let i = 0;
  while (i < runes.length) {
    const c = runes[i]!;
    if (c === '*') {
      out += '[^/]*';
      i++;
    } else if (c === '?') {
      out += '[^/]';
      i++;
    } else if (c === '\\') {
      if (i + 1 >= runes.length) return undefined;
      out += escapeRegex(runes[i + 1]!);
      i += 2;
    } else if (c === '[') {
      i++;
      let negated = false;
      if (runes[i] === '^') {
        negated = true;
        i++;
      }
      const ranges: string[] = [];
      let first = true;
      for (;;) {
        if (i >= runes.length) return undefined;
        if (runes[i] === ']' && !first) {
          i++;
          break;
        }
        first = false;
        const readChar = (): string | undefined => {
          let ch = runes[i];
          if (ch === undefined || ch === '-' || ch === ']') return undefined;
          if (ch === '\\') {
            i++;
            ch = runes[i];
            if (ch === undefined) return undefined;
          }
          i++;
          return ch;
        };
        const lo = readChar();
        if (lo === undefined) return undefined;
        let hi = lo;
        if (runes[i] === '-') {
          i++;
          const h = readChar();
          if (h === undefined) return undefined;
          hi = h;
        }
        if (hi.codePointAt(0)! < lo.codePointAt(0)!) return undefined;
        ranges.push(lo === hi ? escapeClass(lo) : `${escapeClass(lo)}-${escapeClass(hi)}`);
      }
      out += negated ? `[^${ranges.join('')}]` : `[${ranges.join('')}]`;
    } else {
      out += escapeRegex(c);
      i++;
    }
  }
  return new RegExp(`^${out}$`, 'u');
}

/** filepath.Match(pattern, name), with a bad pattern reported as no match. */
export function filepathMatch(pattern: string, name: string): boolean {
  const re = toRegex(pattern);
  return re !== undefined && re.test(name);
}
