/**
 * github.com/gobwas/glob as Helm's `.Files.Glob` uses it: `glob.Compile(pattern, '/')`.
 *
 * Syntax: `*` any run of non-separator characters, `**` any run of characters, `?` one
 * non-separator character, `[abc]` / `[!abc]` one character in (not in) a list, `[a-z]` / `[!a-z]`
 * one character in (not in) a range, `{a,b*}` alternatives, `\` escapes the next character.
 * A pattern that does not compile yields `undefined` (Helm then falls back to `**`).
 */

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'any' }
  | { kind: 'super' }
  | { kind: 'single' }
  | { kind: 'list'; chars: string; not: boolean }
  | { kind: 'range'; lo: number; hi: number; not: boolean }
  | { kind: 'anyOf'; alternatives: Node[][] };

interface Frame {
  /** the alternatives of the enclosing `{…}` (undefined at top level) */
  alternatives: Node[][] | undefined;
  current: Node[];
}

const TEXT_BREAKERS = ['?', '*', '[', '{'];
const TERMS_BREAKERS = [...TEXT_BREAKERS, '}', ','];

/** Parses a gobwas glob; throws on a syntax error (the message is gobwas's). */
function parse(pattern: string): Node[] {
  const runes = Array.from(pattern);
  let pos = 0;
  const root: Node[] = [];
  const stack: Frame[] = [{ alternatives: undefined, current: root }];
  const top = (): Frame => stack[stack.length - 1]!;

  const readText = (breakers: readonly string[]): string => {
    let data = '';
    let escaped = false;
    while (pos < runes.length) {
      const r = runes[pos]!;
      if (!escaped) {
        if (r === '\\') {
          escaped = true;
          pos++;
          continue;
        }
        if (breakers.includes(r)) break;
      }
      escaped = false;
      data += r;
      pos++;
    }
    return data;
  };

  const readRange = (): Node => {
    let not = false;
    let lo: string | undefined;
    let hi: string | undefined;
    let chars = '';
    let wantHi = false;
    let wantClose = false;
    for (;;) {
      if (pos >= runes.length) throw new Error('unexpected end of input');
      const r = runes[pos++]!;
      if (wantClose) {
        if (r !== ']') throw new Error('expected close range character');
        break;
      }
      if (wantHi) {
        hi = r;
        wantClose = true;
        continue;
      }
      if (!not && r === '!') {
        not = true;
        continue;
      }
      if (runes[pos] === '-') {
        pos++;
        lo = r;
        wantHi = true;
        continue;
      }
      pos--;
      chars = readText([']']);
      wantClose = true;
    }
    const isRange = lo !== undefined && hi !== undefined && lo !== '\0' && hi !== '\0';
    if (isRange) {
      const l = lo!.codePointAt(0)!;
      const h = hi!.codePointAt(0)!;
      if (h < l) throw new Error(`hi character '${hi}' should be greater than lo '${lo}'`);
      if (chars !== '') throw new Error('could not parse range');
      return { kind: 'range', lo: l, hi: h, not };
    }
    if (chars === '') throw new Error('could not parse range');
    return { kind: 'list', chars, not };
  };

  while (pos < runes.length) {
    const r = runes[pos]!;
    const frame = top();
    const inTerms = stack.length > 1;
    if (r === '{') {
      pos++;
      const alternatives: Node[][] = [[]];
      frame.current.push({ kind: 'anyOf', alternatives });
      stack.push({ alternatives, current: alternatives[0]! });
    } else if (r === ',' && inTerms) {
      pos++;
      const alt: Node[] = [];
      frame.alternatives!.push(alt);
      frame.current = alt;
    } else if (r === '}' && inTerms) {
      pos++;
      stack.pop();
    } else if (r === '[') {
      pos++;
      frame.current.push(readRange());
    } else if (r === '?') {
      pos++;
      frame.current.push({ kind: 'single' });
    } else if (r === '*') {
      pos++;
      if (runes[pos] === '*') {
        pos++;
        frame.current.push({ kind: 'super' });
      } else {
        frame.current.push({ kind: 'any' });
      }
    } else {
      const text = readText(inTerms ? TERMS_BREAKERS : TEXT_BREAKERS);
      if (text !== '') frame.current.push({ kind: 'text', text });
    }
  }
  return root;
}

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');
}

function escapeClass(s: string): string {
  return s.replace(/[\\^\]\[-]/gu, '\\$&');
}

function toRegex(nodes: readonly Node[], sep: string): string {
  const notSep = `[^${escapeClass(sep)}]`;
  let out = '';
  for (const n of nodes) {
    switch (n.kind) {
      case 'text': out += escapeRegex(n.text); break;
      case 'any': out += `${notSep}*`; break;
      case 'super': out += '[^]*'; break;
      case 'single': out += notSep; break;
      case 'list': {
        const cls = Array.from(n.chars).map(escapeClass).join('');
        out += n.not ? `[^${cls}]` : `[${cls}]`;
        break;
      }
      case 'range': {
        const cls = `${escapeClass(String.fromCodePoint(n.lo))}-${escapeClass(String.fromCodePoint(n.hi))}`;
        out += n.not ? `[^${cls}]` : `[${cls}]`;
        break;
      }
      case 'anyOf':
        out += `(?:${n.alternatives.map((a) => toRegex(a, sep)).join('|')})`;
        break;
    }
  }
  return out;
}

export interface Glob {
  match(s: string): boolean;
}

/** glob.Compile(pattern, separator); undefined when the pattern is invalid. */
export function compileGlob(pattern: string, separator = '/'): Glob | undefined {
  let nodes: Node[];
  try {
    nodes = parse(pattern);
  } catch {
    return undefined;
  }
  const re = new RegExp(`^(?:${toRegex(nodes, separator)})$`, 'u');
  return { match: (s) => re.test(s) };
}
