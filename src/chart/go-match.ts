/**
 * Go's path/filepath.Match on Unix: `*`, `?`, `[...]` classes (with `^` negation and ranges) and
 * `\` escapes; `*` and `?` never match `/`. Throws {@link BadPatternError} for malformed patterns.
 */

export class BadPatternError extends Error {
  constructor() {
    super('syntax error in pattern');
    this.name = 'BadPatternError';
  }
}

type Runes = string[];

function scanChunk(pattern: Runes): { star: boolean; chunk: Runes; rest: Runes } {
  let star = false;
  let p = pattern;
  while (p.length > 0 && p[0] === '*') {
    p = p.slice(1);
    star = true;
  }
  let inrange = false;
  let i = 0;
  scan: for (; i < p.length; i++) {
    switch (p[i]) {
      case '\\':
        if (i + 1 < p.length) i++;
        break;
      case '[':
        inrange = true;
        break;
      case ']':
        inrange = false;
        break;
      case '*':
        if (!inrange) break scan;
        break;
    }
  }
  return { star, chunk: p.slice(0, i), rest: p.slice(i) };
}

function getEsc(chunk: Runes): { r: string; rest: Runes } {
  if (chunk.length === 0 || chunk[0] === '-' || chunk[0] === ']') throw new BadPatternError();
  let c = chunk;
  if (c[0] === '\\') {
    c = c.slice(1);
    if (c.length === 0) throw new BadPatternError();
  }
  const r = c[0]!;
  const rest = c.slice(1);
  if (rest.length === 0) throw new BadPatternError();
  return { r, rest };
}

function cp(r: string): number {
  return r.codePointAt(0)!;
}

/** Returns the rest of `s` after matching `chunk`, or null. Throws on a bad pattern. */
function matchChunk(chunkIn: Runes, sIn: Runes): Runes | null {
  let chunk = chunkIn;
  let s = sIn;
  let failed = false;
  while (chunk.length > 0) {
    if (!failed && s.length === 0) failed = true;
    switch (chunk[0]) {
      case '[': {
        let r = -1;
        if (!failed) {
          r = cp(s[0]!);
          s = s.slice(1);
        }
        chunk = chunk.slice(1);
        let negated = false;
        if (chunk.length > 0 && chunk[0] === '^') {
          negated = true;
          chunk = chunk.slice(1);
        }
        let match = false;
        let nrange = 0;
        for (;;) {
          if (chunk.length > 0 && chunk[0] === ']' && nrange > 0) {
            chunk = chunk.slice(1);
            break;
          }
          const lo = getEsc(chunk);
          chunk = lo.rest;
          let hi = lo.r;
          if (chunk[0] === '-') {
            const h = getEsc(chunk.slice(1));
            hi = h.r;
            chunk = h.rest;
          }
          if (cp(lo.r) <= r && r <= cp(hi)) match = true;
          nrange++;
        }
        if (match === negated) failed = true;
        break;
      }
      case '?':
        if (!failed) {
          if (s[0] === '/') failed = true;
          s = s.slice(1);
        }
        chunk = chunk.slice(1);
        break;
      default:
        if (chunk[0] === '\\') {
          chunk = chunk.slice(1);
          if (chunk.length === 0) throw new BadPatternError();
        }
        if (!failed) {
          if (chunk[0] !== s[0]) failed = true;
          s = s.slice(1);
        }
        chunk = chunk.slice(1);
    }
  }
  return failed ? null : s;
}

const SPECIAL = /[*?[\\]/u;

/** filepath.Match(pattern, name). */
export function goMatch(patternStr: string, nameStr: string): boolean {
  // Fast paths (no possible syntax error): a literal pattern, and `*` followed by a literal, which
  // matches when the name ends with the literal and the rest holds no `/`.
  if (!SPECIAL.test(patternStr)) return patternStr === nameStr;
  if (patternStr.charCodeAt(0) === 0x2a && !SPECIAL.test(patternStr.slice(1))) {
    const lit = patternStr.slice(1);
    return nameStr.endsWith(lit) && !nameStr.slice(0, nameStr.length - lit.length).includes('/');
  }
  let pattern: Runes = [...patternStr];
  let name: Runes = [...nameStr];
  outer: while (pattern.length > 0) {
    const sc = scanChunk(pattern);
    pattern = sc.rest;
    if (sc.star && sc.chunk.length === 0) return !name.includes('/');
    let t: Runes | null = null;
    let err: unknown = null;
    try {
      t = matchChunk(sc.chunk, name);
    } catch (e) {
      err = e;
    }
    if (t !== null && (t.length === 0 || pattern.length > 0)) {
      name = t;
      continue;
    }
    if (err) throw err;
    if (sc.star) {
      for (let i = 0; i < name.length && name[i] !== '/'; i++) {
        const t2 = matchChunk(sc.chunk, name.slice(i + 1));
        if (t2 !== null) {
          if (pattern.length === 0 && t2.length > 0) continue;
          name = t2;
          continue outer;
        }
      }
    }
    while (pattern.length > 0) {
      const sc2 = scanChunk(pattern);
      pattern = sc2.rest;
      matchChunk(sc2.chunk, []);
    }
    return false;
  }
  return name.length === 0;
}
