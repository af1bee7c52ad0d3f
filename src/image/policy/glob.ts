/**
 * Tag globs (`myapp-v*`, `1.?.0`, `[abc]-*`) matched against the whole tag. Flux v1 used ryanuber/go-glob,
 * which knows only `*`; this adds `?` (one character), bracket classes `[abc]`, `[a-z]`, `[!a-z]`/`[^a-z]`, and
 * `\` to escape the next character. Tags hold no `/`, so there is no path-separator rule. Written by hand: the
 * glob libraries at hand (minimatch, Node's `path.matchesGlob`) add braces, extglobs and path rules that would
 * change what a pattern means.
 */
import { PolicyError } from './errors.ts';

const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

function literal(c: string): string {
  return c.replace(SYNTAX, '\\$&');
}

function classChar(c: string): string {
  return /[\\\]^[-]/.test(c) ? `\\${c}` : c;
}

class GlobReader {
  readonly #cps: string[];
  readonly #pattern: string;
  readonly #field: string;
  #i = 0;

  constructor(pattern: string, field: string) {
    this.#pattern = pattern;
    this.#cps = [...pattern];
    this.#field = field;
  }

  /** The whole pattern as RegExp source. */
  read(): string {
    let src = '';
    while (this.#i < this.#cps.length) {
      const c = this.#cps[this.#i++] as string;
      if (c === '*') src += '.*';
      else if (c === '?') src += '.';
      else if (c === '[') src += this.#class();
      else src += literal(c === '\\' ? this.#escaped() : c);
    }
    return src;
  }

  /** After a `\`: the next character, or the `\` itself at the end. */
  #escaped(): string {
    return this.#i < this.#cps.length ? (this.#cps[this.#i++] as string) : '\\';
  }

  /** One class member (a `\` escapes the next character). */
  #member(): string | undefined {
    const c = this.#cps[this.#i++];
    return c === '\\' ? this.#escaped() : c;
  }

  /** A bracket class; `this.#i` is just after `[`. */
  #class(): string {
    let negate = false;
    if (this.#cps[this.#i] === '!' || this.#cps[this.#i] === '^') {
      negate = true;
      this.#i++;
    }
    let body = '';
    for (let first = true; this.#i < this.#cps.length; first = false) {
      if (this.#cps[this.#i] === ']' && !first) {
        this.#i++;
        return `[${negate ? '^' : ''}${body}]`;
      }
      const lo = this.#member() as string;
      if (this.#cps[this.#i] === '-' && this.#i + 1 < this.#cps.length && this.#cps[this.#i + 1] !== ']') {
        this.#i++;
        const hi = this.#member() as string;
        if ((lo.codePointAt(0) ?? 0) > (hi.codePointAt(0) ?? 0)) {
          throw new PolicyError(this.#field, `invalid range ${lo}-${hi} in glob ${JSON.stringify(this.#pattern)}`);
        }
        body += `${classChar(lo)}-${classChar(hi)}`;
      } else {
        body += classChar(lo);
      }
    }
    throw new PolicyError(this.#field, `unclosed [ in glob ${JSON.stringify(this.#pattern)}`);
  }
}

/** Compiles a glob to a predicate on whole tags; throws PolicyError for an unclosed or reversed class. */
export function compileGlob(pattern: string, field = 'policy.glob'): (tag: string) => boolean {
  const re = new RegExp(`^${new GlobReader(pattern, field).read()}$`, 'su');
  return (tag) => re.test(tag);
}
