/** Port of go-yaml v2's implicit tag resolution (resolve.go): YAML 1.1 booleans, ints, floats, nulls. */
import { parseFloat as goParseFloat } from '../fmt/atof.ts';
import { parseInt as goParseInt, parseUint as goParseUint } from '../fmt/atoi.ts';
import { YInt, type YV } from './values.ts';

export const NULL_TAG = 'tag:yaml.org,2002:null';
export const BOOL_TAG = 'tag:yaml.org,2002:bool';
export const STR_TAG = 'tag:yaml.org,2002:str';
export const INT_TAG = 'tag:yaml.org,2002:int';
export const FLOAT_TAG = 'tag:yaml.org,2002:float';
export const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';
export const SEQ_TAG = 'tag:yaml.org,2002:seq';
export const MAP_TAG = 'tag:yaml.org,2002:map';
export const BINARY_TAG = 'tag:yaml.org,2002:binary';
export const MERGE_TAG = 'tag:yaml.org,2002:merge';

const LONG_TAG_PREFIX = 'tag:yaml.org,2002:';

export function shortTag(tag: string): string {
  return tag.startsWith(LONG_TAG_PREFIX) ? '!!' + tag.slice(LONG_TAG_PREFIX.length) : tag;
}

/** A marker for the merge key `<<` (resolve returns the string "<<" with the merge tag). */
const RESOLVE_MAP = new Map<string, [YV, string]>();
for (const [v, tag, list] of [
  [true, BOOL_TAG, ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']],
  [false, BOOL_TAG, ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']],
  [null, NULL_TAG, ['', '~', 'null', 'Null', 'NULL']],
  [Number.NaN, FLOAT_TAG, ['.nan', '.NaN', '.NAN']],
  [Number.POSITIVE_INFINITY, FLOAT_TAG, ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']],
  [Number.NEGATIVE_INFINITY, FLOAT_TAG, ['-.inf', '-.Inf', '-.INF']],
  ['<<', MERGE_TAG, ['<<']],
] as const) {
  for (const s of list) RESOLVE_MAP.set(s, [v, tag]);
}

function hintOf(c: string | undefined): string {
  if (c === undefined) return 'N';
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return '';
}

function resolvableTag(tag: string): boolean {
  return tag === '' || tag === STR_TAG || tag === BOOL_TAG || tag === INT_TAG || tag === FLOAT_TAG || tag === NULL_TAG || tag === TIMESTAMP_TAG;
}

/** what strconv.ParseInt/ParseUint(s, 0, 64) can possibly accept (underscores already removed) */
const INT_SYNTAX = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oObB][0-7]+|[0-9]+)$/;

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

function tryInt(s: string, base: number): bigint | undefined {
  try {
    return goParseInt(s, base, 64);
  } catch {
    return undefined;
  }
}

function tryUint(s: string, base: number): bigint | undefined {
  try {
    return goParseUint(s, base, 64);
  } catch {
    return undefined;
  }
}

function tryFloat(s: string): number | undefined {
  try {
    return goParseFloat(s, 64);
  } catch {
    return undefined;
  }
}

export class ResolveError extends Error {}

/** resolve(tag, in) → [resolved tag, value]; throws ResolveError (`yaml: cannot decode …`) like go-yaml's failf. */
export function resolve(tag: string, input: string): [string, YV] {
  if (!resolvableTag(tag)) return [tag, input];
  const [rtag, out] = resolveInner(tag, input);
  if (tag === '' || tag === rtag || tag === STR_TAG || tag === BINARY_TAG) return [rtag, out];
  if (tag === FLOAT_TAG && rtag === INT_TAG && out instanceof YInt && !out.unsigned) {
    return [FLOAT_TAG, Number(out.v)];
  }
  throw new ResolveError(`yaml: cannot decode ${shortTag(rtag)} \`${input}\` as a ${shortTag(tag)}`);
}

function resolveInner(tag: string, input: string): [string, YV] {
  const hint = input === '' ? 'N' : hintOf(input[0]);
  if (hint !== '' && tag !== STR_TAG && tag !== BINARY_TAG) {
    const item = RESOLVE_MAP.get(input);
    if (item) return [item[1], item[0]];
    switch (hint) {
      case 'M':
        break;
      case '.': {
        const f = tryFloat(input);
        if (f !== undefined) return [FLOAT_TAG, f];
        break;
      }
      case 'D':
      case 'S': {
        if (tag === '' || tag === TIMESTAMP_TAG) {
          if (isTimestamp(input)) return [TIMESTAMP_TAG, input];
        }
        const plain = input.replaceAll('_', '');
        // (syntactic pre-check only spares the cost of strconv's errors)
        if (INT_SYNTAX.test(plain)) {
          const i = tryInt(plain, 0);
          if (i !== undefined) return [INT_TAG, new YInt(i)];
          const u = tryUint(plain, 0);
          if (u !== undefined) return [INT_TAG, new YInt(u, true)];
        }
        if (YAML_STYLE_FLOAT.test(plain)) {
          const f = tryFloat(plain);
          if (f !== undefined) return [FLOAT_TAG, f];
        }
        if (plain.startsWith('0b')) {
          const bi = tryInt(plain.slice(2), 2);
          if (bi !== undefined) return [INT_TAG, new YInt(bi)];
          const bu = tryUint(plain.slice(2), 2);
          if (bu !== undefined) return [INT_TAG, new YInt(bu, true)];
        } else if (plain.startsWith('-0b')) {
          const bi = tryInt('-' + plain.slice(3), 2);
          if (bi !== undefined) return [INT_TAG, new YInt(bi)];
        }
        break;
      }
    }
  }
  return [STR_TAG, input];
}

// ---- timestamps: time.Parse with go-yaml's allowed formats ----

const TS_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})/;

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Go's getnum(s, fixed=false): one or two digits. */
function getnum(s: string, i: number): [number, number] | null {
  const c0 = s.charCodeAt(i);
  if (!(c0 >= 48 && c0 <= 57)) return null;
  const c1 = s.charCodeAt(i + 1);
  if (!(c1 >= 48 && c1 <= 57)) return [c0 - 48, i + 1];
  return [(c0 - 48) * 10 + (c1 - 48), i + 2];
}

function parseDate(s: string): [number, number, number, number] | null {
  // "2006-1-2": 4-digit year, 1-2 digit month and day
  if (!/^\d{4}-/.test(s)) return null;
  const year = Number(s.slice(0, 4));
  const m = getnum(s, 5);
  if (!m || s[m[1]] !== '-') return null;
  const d = getnum(s, m[1] + 1);
  if (!d) return null;
  if (m[0] < 1 || m[0] > 12) return null;
  if (d[0] < 1 || d[0] > daysIn(m[0], year)) return null;
  return [year, m[0], d[0], d[1]];
}

function parseClock(s: string, i: number): number | null {
  const h = getnum(s, i);
  if (!h || h[0] >= 24 || s[h[1]] !== ':') return null;
  const mi = getnum(s, h[1] + 1);
  if (!mi || mi[0] >= 60 || s[mi[1]] !== ':') return null;
  const se = getnum(s, mi[1] + 1);
  if (!se || se[0] >= 60) return null;
  let j = se[1];
  // fractional seconds (".999999999" in the layout): optional
  if ((s[j] === '.' || s[j] === ',') && s.charCodeAt(j + 1) >= 48 && s.charCodeAt(j + 1) <= 57) {
    j++;
    while (s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
  }
  return j;
}

/** parseTimestamp from go-yaml's resolve.go (only whether it parses matters). */
export function isTimestamp(s: string): boolean {
  if (!TS_DATE.test(s)) return false;
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i !== 4 || i === s.length || s[i] !== '-') return false;
  const date = parseDate(s);
  if (!date) return false;
  const rest = date[3];
  if (rest === s.length) return true; // "2006-1-2"
  const sep = s[rest];
  if (sep === 'T' || sep === 't') {
    const j = parseClock(s, rest + 1);
    if (j === null) return false;
    // "Z07:00"
    if (s[j] === 'Z') return j + 1 === s.length;
    if ((s[j] === '+' || s[j] === '-') && s.length - j === 6 && s[j + 3] === ':') {
      const hh = s.slice(j + 1, j + 3);
      const mm = s.slice(j + 4, j + 6);
      if (!/^\d\d$/.test(hh) || !/^\d\d$/.test(mm)) return false;
      return Number(hh) <= 24 && Number(mm) <= 60;
    }
    return false;
  }
  if (sep === ' ') {
    const j = parseClock(s, rest + 1);
    return j !== null && j === s.length;
  }
  return false;
}

/** go-yaml's isBase60Float (strings that must be quoted for YAML 1.1 parsers). */
export function isBase60Float(s: string): boolean {
  if (s === '') return false;
  const c = s[0]!;
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !s.includes(':')) return false;
  return /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);
}
