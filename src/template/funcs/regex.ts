/**
 * Sprig v3.3.0's regex.go over Go's regexp package. Matching is re2js (Go's RE2 syntax and
 * leftmost-first semantics); the iteration rules of FindAll, ReplaceAll, Split and the `$name`
 * expansion of ReplaceAllString are Go's, reimplemented here on top of single searches.
 */
import { RE2JS, RE2JSException, type Matcher } from 're2js';
import { canBackquote, quote, runeAt } from '@capstan/strconv';
import { def, GoFuncError, nilSlice, type FuncDef, type GoValue } from '../value.ts';
import { GoPanic } from './strings-go.ts';
import { stringSlice } from './strings-strval.ts';
import { isDigit, isLetter } from '../fmt/unicode.ts';

/** A compiled Go regexp. */
export interface GoRegexp {
  readonly expr: string;
  readonly re: RE2JS;
  /** subexpression names by group index (index 0 is the whole match, unnamed groups are '') */
  readonly names: readonly string[];
}

/** Go's error for a bad pattern, e.g. "error parsing regexp: missing closing ): `(`". */
export class RegexpError extends Error {}

const cache = new Map<string, GoRegexp | RegexpError>();

/** regexp.Compile; throws {@link RegexpError}. */
export function compile(expr: string): GoRegexp {
  let c = cache.get(expr);
  if (!c) {
    try {
      c = build(expr, expr, null);
    } catch (e) {
      if (!(e instanceof RE2JSException)) throw e;
      if (e.message.startsWith('error parsing regexp: duplicate capture group name')) {
        // Go accepts repeated group names (RE2 does not): compile with unique names, map them back.
        const renamed = renameDuplicateGroups(expr);
        try {
          c = build(expr, renamed.pattern, renamed.original);
        } catch (e2) {
          if (!(e2 instanceof RE2JSException)) throw e2;
          let msg = e2.message;
          for (const [fresh, name] of renamed.original) msg = msg.split(fresh).join(name);
          c = regexpError(expr, msg);
        }
      } else {
        c = regexpError(expr, e.message);
      }
    }
    if (cache.size > 500) cache.clear();
    cache.set(expr, c);
  }
  if (c instanceof RegexpError) throw c;
  return c;
}

function build(expr: string, pattern: string, original: Map<string, string> | null): GoRegexp {
  const re = RE2JS.compile(pattern);
  const names: string[] = new Array<string>(re.groupCount() + 1).fill('');
  for (const [name, i] of Object.entries(re.namedGroups())) names[i] = original?.get(name) ?? name;
  return { expr, re, names };
}

/** re2js omits the ": `expr`" tail for a few codes; Go's syntax.Error always has it. */
function regexpError(expr: string, message: string): RegexpError {
  if (/: `[^]*`$/.test(message)) return new RegexpError(message);
  const tail = message.endsWith('trailing backslash at end of expression') ? '' : expr;
  return new RegexpError(`${message}: \`${tail}\``);
}

/** Gives every repeated `(?P<name>` / `(?<name>` a unique name; returns the new names' originals. */
function renameDuplicateGroups(expr: string): { pattern: string; original: Map<string, string> } {
  const seen = new Set<string>();
  const original = new Map<string, string>();
  let out = '';
  let inClass = false;
  for (let i = 0; i < expr.length;) {
    const c = expr[i]!;
    if (c === '\\') {
      if (expr[i + 1] === 'Q') {
        const end = expr.indexOf('\\E', i + 2);
        const stop = end < 0 ? expr.length : end + 2;
        out += expr.slice(i, stop);
        i = stop;
      } else {
        out += expr.slice(i, i + 2);
        i += 2;
      }
      continue;
    }
    if (inClass) {
      if (c === '[' && expr[i + 1] === ':') {
        const end = expr.indexOf(':]', i + 2);
        const stop = end < 0 ? i + 1 : end + 2;
        out += expr.slice(i, stop);
        i = stop;
        continue;
      }
      if (c === ']') inClass = false;
      out += c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      let j = i + 1;
      if (expr[j] === '^') j++;
      if (expr[j] === ']') j++;
      out += expr.slice(i, j);
      i = j;
      continue;
    }
    const m = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(expr.slice(i, i + 300));
    if (m) {
      let name = m[1]!;
      if (seen.has(name)) {
        let k = original.size;
        while (seen.has(`dup${k}_${name}`)) k++;
        const fresh = `dup${k}_${name}`;
        original.set(fresh, name);
        name = fresh;
      }
      seen.add(name);
      out += m[0].slice(0, m[0].length - m[1]!.length - 1) + name + '>';
      i += m[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return { pattern: out, original };
}

/** regexp.MustCompile: the panic text Go produces for a bad pattern. */
export function mustCompile(expr: string): GoRegexp {
  try {
    return compile(expr);
  } catch (e) {
    if (!(e instanceof RegexpError)) throw e;
    const q = canBackquote(expr) ? '`' + expr + '`' : quote(expr);
    throw new GoPanic(`regexp: Compile(${q}): ${e.message}`);
  }
}

/** The `...OrError` flavour used by the must* functions: a compile error is the Go error result. */
function compileOrError(expr: string): GoRegexp {
  try {
    return compile(expr);
  } catch (e) {
    if (e instanceof RegexpError) throw new GoFuncError(e.message);
    throw e;
  }
}

/** Submatch index pairs of the leftmost match at or after `pos` (-1 for unset groups), or null. */
function execAt(re: GoRegexp, m: Matcher, pos: number): number[] | null {
  if (!m.find(pos)) return null;
  const n = re.names.length;
  const out = new Array<number>(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = m.start(i);
    out[2 * i + 1] = m.end(i);
  }
  return out;
}

function runeWidth(s: string, pos: number): number {
  return pos < s.length ? runeAt(s, pos).units : 0;
}

/** regexp's allMatches: up to n matches (n < 0: all); no empty match right after a previous match. */
export function allMatches(re: GoRegexp, s: string, n: number): number[][] {
  if (n < 0) n = s.length + 1;
  const out: number[][] = [];
  const m = re.re.matcher(s);
  for (let pos = 0, prevMatchEnd = -1; out.length < n && pos <= s.length;) {
    const a = execAt(re, m, pos);
    if (!a) break;
    let accept = true;
    if (a[1] === pos) {
      if (a[0] === prevMatchEnd) accept = false;
      pos += runeWidth(s, pos) || 1;
    } else {
      pos = a[1]!;
    }
    prevMatchEnd = a[1]!;
    if (accept) out.push(a);
  }
  return out;
}

/** regexp.(*Regexp).FindAllString; Go returns nil when nothing matches. */
export function findAllString(re: GoRegexp, s: string, n: number): string[] {
  if (n === 0) return nilSlice<string>('[]string');
  const found = allMatches(re, s, n).map((a) => s.slice(a[0], a[1]));
  return found.length === 0 ? nilSlice<string>('[]string') : found;
}

/** regexp.(*Regexp).FindString. */
export function findString(re: GoRegexp, s: string): string {
  const a = execAt(re, re.re.matcher(s), 0);
  return a ? s.slice(a[0], a[1]) : '';
}

/** regexp.(*Regexp).MatchString. */
export function matchString(re: GoRegexp, s: string): boolean {
  return re.re.matcher(s).find(0);
}

/** Go's regexp extract(): parses `name` or `{name}` after a '$'. */
function extract(str: string): { name: string; num: number; rest: string } | null {
  if (str === '') return null;
  let brace = false;
  if (str[0] === '{') {
    brace = true;
    str = str.slice(1);
  }
  let i = 0;
  while (i < str.length) {
    const g = runeAt(str, i);
    if (!isLetter(g.r) && !isDigit(g.r) && g.r !== 0x5f) break;
    i += g.units;
  }
  if (i === 0) return null;
  const name = str.slice(0, i);
  if (brace) {
    if (i >= str.length || str[i] !== '}') return null;
    i++;
  }
  let num = 0;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c < 0x30 || c > 0x39 || num >= 1e8) {
      num = -1;
      break;
    }
    num = num * 10 + c - 0x30;
  }
  if (name[0] === '0' && name.length > 1) num = -1;
  return { name, num, rest: str.slice(i) };
}

/** regexp.(*Regexp).Expand for a string template. */
export function expand(re: GoRegexp, template: string, src: string, match: readonly number[]): string {
  let dst = '';
  for (;;) {
    const k = template.indexOf('$');
    if (k < 0) break;
    dst += template.slice(0, k);
    template = template.slice(k + 1);
    if (template !== '' && template[0] === '$') {
      dst += '$';
      template = template.slice(1);
      continue;
    }
    const x = extract(template);
    if (!x) {
      dst += '$';
      continue;
    }
    template = x.rest;
    if (x.num >= 0) {
      if (2 * x.num + 1 < match.length && match[2 * x.num]! >= 0) {
        dst += src.slice(match[2 * x.num], match[2 * x.num + 1]);
      }
    } else {
      for (let i = 0; i < re.names.length; i++) {
        if (x.name === re.names[i] && 2 * i + 1 < match.length && match[2 * i]! >= 0) {
          dst += src.slice(match[2 * i], match[2 * i + 1]);
          break;
        }
      }
    }
  }
  return dst + template;
}

/** regexp's replaceAll loop; `repl` produces the replacement for one match. */
function replaceAll(re: GoRegexp, src: string, repl: (match: number[]) => string): string {
  let lastMatchEnd = 0;
  let searchPos = 0;
  let buf = '';
  const m = re.re.matcher(src);
  while (searchPos <= src.length) {
    const a = execAt(re, m, searchPos);
    if (!a) break;
    buf += src.slice(lastMatchEnd, a[0]);
    if (a[1]! > lastMatchEnd || a[0] === 0) buf += repl(a);
    lastMatchEnd = a[1]!;
    const width = runeWidth(src, searchPos);
    if (searchPos + width > a[1]!) searchPos += width;
    else if (searchPos + 1 > a[1]!) searchPos++;
    else searchPos = a[1]!;
  }
  return buf + src.slice(lastMatchEnd);
}

/** regexp.(*Regexp).ReplaceAllString ($-expansion of `repl`). */
export function replaceAllString(re: GoRegexp, src: string, repl: string): string {
  return replaceAll(re, src, (a) => expand(re, repl, src, a));
}

/** regexp.(*Regexp).ReplaceAllLiteralString. */
export function replaceAllLiteralString(re: GoRegexp, src: string, repl: string): string {
  return replaceAll(re, src, () => repl);
}

/** regexp.(*Regexp).Split. */
export function split(re: GoRegexp, s: string, n: number): string[] {
  if (n === 0) return nilSlice<string>('[]string');
  if (re.expr.length > 0 && s.length === 0) return [''];
  const matches = allMatches(re, s, n);
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const match of matches) {
    if (n > 0 && out.length === n - 1) break;
    end = match[0]!;
    if (match[1] !== 0) out.push(s.slice(beg, end));
    beg = match[1]!;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

/** regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

const S = 'string';
const I = 'int';

function n(v: GoValue): number {
  const b = v as bigint;
  if (b > BigInt(Number.MAX_SAFE_INTEGER)) return Number.MAX_SAFE_INTEGER;
  if (b < -1n) return -1;
  return Number(b);
}

function str(v: GoValue): string {
  return v as string;
}

export const regexFuncs: Record<string, FuncDef> = {
  regexMatch: def([S, S], 'bool', ([r, s]) => {
    try {
      return matchString(compile(str(r)), str(s));
    } catch (e) {
      if (e instanceof RegexpError) return false;
      throw e;
    }
  }),
  mustRegexMatch: def([S, S], 'bool', ([r, s]) => matchString(compileOrError(str(r)), str(s)), { returnsError: true }),
  regexFindAll: def([S, S, I], '[]string', ([r, s, k]) =>
    stringSlice(findAllString(mustCompile(str(r)), str(s), n(k)))),
  mustRegexFindAll: def([S, S, I], '[]string', ([r, s, k]) =>
    stringSlice(findAllString(compileOrError(str(r)), str(s), n(k))), { returnsError: true }),
  regexFind: def([S, S], S, ([r, s]) => findString(mustCompile(str(r)), str(s))),
  mustRegexFind: def([S, S], S, ([r, s]) => findString(compileOrError(str(r)), str(s)), { returnsError: true }),
  regexReplaceAll: def([S, S, S], S, ([r, s, repl]) => replaceAllString(mustCompile(str(r)), str(s), str(repl))),
  mustRegexReplaceAll: def([S, S, S], S, ([r, s, repl]) =>
    replaceAllString(compileOrError(str(r)), str(s), str(repl)), { returnsError: true }),
  regexReplaceAllLiteral: def([S, S, S], S, ([r, s, repl]) =>
    replaceAllLiteralString(mustCompile(str(r)), str(s), str(repl))),
  mustRegexReplaceAllLiteral: def([S, S, S], S, ([r, s, repl]) =>
    replaceAllLiteralString(compileOrError(str(r)), str(s), str(repl)), { returnsError: true }),
  regexSplit: def([S, S, I], '[]string', ([r, s, k]) => stringSlice(split(mustCompile(str(r)), str(s), n(k)))),
  mustRegexSplit: def([S, S, I], '[]string', ([r, s, k]) =>
    stringSlice(split(compileOrError(str(r)), str(s), n(k))), { returnsError: true }),
  regexQuoteMeta: def([S], S, ([s]) => quoteMeta(str(s))),
};
