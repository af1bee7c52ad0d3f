/**
 * Sprig v3.3.0's string functions (functions.go genericMap "Strings" section, strings.go), with the
 * exact Go signatures the executor converts arguments against.
 */
import { sprint } from '../fmt/index.ts';
import { quote as goQuote } from '@capstan/strconv';
import { def, withMapType, type FuncDef, type GoMap, type GoValue } from '../value.ts';
import { GoPanic, goRepeat, goReplaceAll, goSplitN, goTitle, goToLower, goToUpper, goTrim, goTrimSpace } from './strings-go.ts';
import { abbreviateFull, byteLen, byteSlice, deleteWhiteSpace, initials, swapCase, uncapitalize, wrapCustom } from './strings-goutils.ts';
import { isNil, stringSlice, strslice, strval } from './strings-strval.ts';
import { shuffle, toKebabCase, toPascalCase, toSnakeCase } from './strings-xstrings.ts';

export { strval, strslice } from './strings-strval.ts';

const S = 'string';
const I = 'int';
const ANY = 'interface {}';

function str(v: GoValue): string {
  return v as string;
}
function num(v: GoValue): bigint {
  return v as bigint;
}

/** A value that fits a JS index: Go ints beyond ±2^53 behave the same as any out-of-range index here. */
function small(v: bigint): number {
  if (v > 2n ** 53n) return 2 ** 53;
  if (v < -(2n ** 53n)) return -(2 ** 53);
  return Number(v);
}

function sliceError(msg: string): GoPanic {
  return new GoPanic('runtime error: slice bounds out of range ' + msg);
}

/** sprig's substring(start, end, s), byte-based, with Go's slice panics. */
function substring(startB: bigint, endB: bigint, s: string): string {
  const len = BigInt(byteLen(s));
  if (startB < 0n) {
    if (endB < 0n) throw sliceError(`[:${endB}]`);
    if (endB > len) throw sliceError(`[:${endB}] with length ${len}`);
    return byteSlice(s, 0, Number(endB));
  }
  if (endB < 0n || endB > len) {
    if (startB > len) throw sliceError(`[${startB}:${len}]`);
    return byteSlice(s, Number(startB));
  }
  if (startB > endB) throw sliceError(`[${startB}:${endB}]`);
  return byteSlice(s, Number(startB), Number(endB));
}

/** sprig's trunc(c, s), byte-based. */
function trunc(c: bigint, s: string): string {
  const len = BigInt(byteLen(s));
  if (c < 0n && len + c > 0n) return byteSlice(s, Number(len + c));
  if (c >= 0n && len > c) return byteSlice(s, 0, Number(c));
  return s;
}

function indent(spaces: bigint, v: string): string {
  const pad = goRepeat(' ', spaces);
  return pad + v.split('\n').join('\n' + pad);
}

function splitMap(parts: string[]): GoMap {
  const m: GoMap = new Map();
  parts.forEach((p, i) => m.set('_' + i, p));
  return withMapType(m, 'map[string]string');
}

function nonNil(args: GoValue[]): GoValue[] {
  return args.filter((a) => !isNil(a));
}

export const stringFuncs: Record<string, FuncDef> = {
  hello: def([], S, () => 'Hello!'),

  abbrev: def([I, S], S, ([w, s]) => {
    const width = num(w);
    if (width < 4n) return str(s);
    return abbreviateFull(str(s), 0, small(width)) ?? '';
  }),
  abbrevboth: def([I, I, S], S, ([l, r, s]) => {
    const left = num(l);
    const right = num(r);
    if (right < 4n || (left > 0n && right < 7n)) return str(s);
    return abbreviateFull(str(s), small(left), small(right)) ?? '';
  }),
  trunc: def([I, S], S, ([c, s]) => trunc(num(c), str(s))),
  trim: def([S], S, ([s]) => goTrimSpace(str(s))),
  upper: def([S], S, ([s]) => goToUpper(str(s))),
  lower: def([S], S, ([s]) => goToLower(str(s))),
  title: def([S], S, ([s]) => goTitle(str(s))),
  untitle: def([S], S, ([s]) => uncapitalize(str(s))),
  substr: def([I, I, S], S, ([a, b, s]) => substring(num(a), num(b), str(s))),
  repeat: def([I, S], S, ([c, s]) => goRepeat(str(s), num(c))),
  trimall: def([S, S], S, ([a, b]) => goTrim(str(b), str(a))),
  trimAll: def([S, S], S, ([a, b]) => goTrim(str(b), str(a))),
  trimSuffix: def([S, S], S, ([a, b]) => {
    const suffix = str(a);
    const s = str(b);
    return suffix !== '' && s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s;
  }),
  trimPrefix: def([S, S], S, ([a, b]) => {
    const prefix = str(a);
    const s = str(b);
    return s.startsWith(prefix) ? s.slice(prefix.length) : s;
  }),
  nospace: def([S], S, ([s]) => deleteWhiteSpace(str(s))),
  initials: def([S], S, ([s]) => initials(str(s))),
  swapcase: def([S], S, ([s]) => swapCase(str(s))),
  shuffle: def([S], S, ([s]) => shuffle(str(s))),
  snakecase: def([S], S, ([s]) => toSnakeCase(str(s))),
  camelcase: def([S], S, ([s]) => toPascalCase(str(s))),
  kebabcase: def([S], S, ([s]) => toKebabCase(str(s))),
  wrap: def([I, S], S, ([l, s]) => wrapCustom(str(s), small(num(l)), '', false)),
  wrapWith: def([I, S, S], S, ([l, sep, s]) => wrapCustom(str(s), small(num(l)), str(sep), true)),
  contains: def([S, S], 'bool', ([sub, s]) => str(s).includes(str(sub))),
  hasPrefix: def([S, S], 'bool', ([p, s]) => str(s).startsWith(str(p))),
  hasSuffix: def([S, S], 'bool', ([p, s]) => str(s).endsWith(str(p))),
  quote: def([], S, (args) => nonNil(args).map((a) => goQuote(strval(a))).join(' '), { variadic: ANY }),
  squote: def([], S, (args) => nonNil(args).map((a) => "'" + sprint([a]) + "'").join(' '), { variadic: ANY }),
  cat: def([], S, (args) => nonNil(args).map((a) => sprint([a])).join(' '), { variadic: ANY }),
  indent: def([I, S], S, ([n, v]) => indent(num(n), str(v))),
  nindent: def([I, S], S, ([n, v]) => '\n' + indent(num(n), str(v))),
  replace: def([S, S, S], S, ([o, n, s]) => goReplaceAll(str(s), str(o), str(n))),
  plural: def([S, S, I], S, ([one, many, n]) => (num(n) === 1n ? one : many) ?? ''),

  split: def([S, S], 'map[string]string', ([sep, s]) => splitMap(goSplitN(str(s), str(sep), -1))),
  splitList: def([S, S], '[]string', ([sep, s]) => stringSlice(goSplitN(str(s), str(sep), -1))),
  splitn: def([S, I, S], 'map[string]string', ([sep, n, s]) => {
    const count = num(n);
    const k = count < 0n ? -1 : small(count);
    return splitMap(goSplitN(str(s), str(sep), k));
  }),
  toStrings: def([ANY], '[]string', ([v]) => strslice(v ?? null)),

  join: def([S, ANY], S, ([sep, v]) => strslice(v ?? null).join(str(sep))),
};
