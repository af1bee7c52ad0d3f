/**
 * `--set`, `--set-string`, `--set-json` and `--set-file` parsing (pkg/strvals parser.go):
 * `a.b=c,d[0]=e,f={x,y}`, backslash escapes, typed values (int64, bool, null), list padding with
 * nulls, and Helm's error messages. Values merge into an existing map as ParseInto does.
 */

import { decodeJsonPrefix, jsonToValue } from './go-json.ts';
import { quote as goQuote, quoteRune } from '@capstan/strconv';
import type { Value, Values } from './values.ts';

/** Max list index accepted by `a[N]=` (strvals.MaxIndex). */
export const MAX_INDEX = 65536;
/** Max depth of `a.b.c…` (strvals.MaxNestedNameLevel). */
export const MAX_NESTED_NAME_LEVEL = 30;

export class StrvalsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StrvalsError';
  }
}

/** io.EOF, used as a value like Go does. */
export const EOF = Symbol('EOF');
type Err = StrvalsError | typeof EOF | null;

/** Reads a value for `--set-file` etc. from the runes after `=`; may throw. */
export type RunesValueReader = (rs: string) => Value;

export class RuneScanner {
  private readonly runes: string[];
  pos = 0;
  constructor(s: string) {
    this.runes = [...s];
  }
  read(): string | typeof EOF {
    if (this.pos >= this.runes.length) return EOF;
    return this.runes[this.pos++]!;
  }
  unread(): void {
    this.pos--;
  }
  rest(): string {
    return this.runes.slice(this.pos).join('');
  }
  skipRunes(n: number): void {
    this.pos += n;
  }
}

/** The Go type name of a value, for "interface conversion" panics. */
export function goTypeOf(v: Value | undefined): string {
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'bigint') return 'int64';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** A Go panic inside key(); recovered as `unable to parse key: …`. */
export class GoPanic extends Error {}

export function assertList(v: Value | undefined): Value[] {
  if (Array.isArray(v)) return v;
  throw new GoPanic(`interface conversion: interface {} is ${goTypeOf(v)}, not []interface {}`);
}

export function assertMap(v: Value | undefined): Values {
  if (v instanceof Map) return v;
  throw new GoPanic(`interface conversion: interface {} is ${goTypeOf(v)}, not map[string]interface {}`);
}

/** runesUntil: reads up to a stop rune, handling `\` escapes when `escapes` is set. */
export function runesUntil(sc: RuneScanner, stop: string, escapes: boolean): { v: string; last: string; err: Err } {
  let v = '';
  for (;;) {
    const r = sc.read();
    if (r === EOF) return { v, last: '', err: EOF };
    if (stop.includes(r)) return { v, last: r, err: null };
    if (escapes && r === '\\') {
      const next = sc.read();
      if (next === EOF) return { v, last: '', err: EOF };
      v += next;
      continue;
    }
    v += r;
  }
}

function setKey(data: Values, key: string, val: Value): void {
  if (key.length === 0) return;
  data.set(key, val);
}

export function setIndex(list: Value[], index: number, val: Value): { list: Value[]; err: Err } {
  if (index < 0) return { list, err: new StrvalsError(`negative ${index} index not allowed`) };
  if (index > MAX_INDEX) {
    return { list, err: new StrvalsError(`index of ${index} is greater than maximum supported index of ${MAX_INDEX}`) };
  }
  let l = list;
  if (l.length <= index) {
    l = [...l];
    while (l.length <= index) l.push(null);
  }
  l[index] = val;
  return { list: l, err: null };
}

/** strconv.Atoi with Go's error text. */
export function atoi(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new StrvalsError(`strconv.Atoi: parsing ${goQuote(s)}: invalid syntax`);
  const n = BigInt(s);
  if (n > 2n ** 63n - 1n || n < -(2n ** 63n)) throw new StrvalsError(`strconv.Atoi: parsing ${goQuote(s)}: value out of range`);
  return Number(n);
}

/** fmt's %q of a []rune: `['a' 'b']`. */
export function quoteRunes(s: string): string {
  return '[' + [...s].map((r) => quoteRune(r.codePointAt(0)!)).join(' ') + ']';
}

/** typedVal: `true`/`false`/`null` (any case), integers without a leading 0 → int64, else string. */
export function typedVal(val: string, st: boolean): Value {
  if (st) return val;
  const lower = val.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (val === '0') return 0n;
  if (val.length !== 0 && val[0] !== '0' && /^[+-]?[0-9]+$/.test(val)) {
    const n = BigInt(val);
    if (n <= 2n ** 63n - 1n && n >= -(2n ** 63n)) return n;
  }
  return val;
}

type ListResult = { list: Value[]; err: Err };

/**
 * The key grammar parser.go and literal_parser.go share (`a.b`, `a[0][1].c`, nesting and index
 * limits, panics recovered as `unable to parse key: …`); subclasses read what follows `=`.
 */
export abstract class KeyParser {
  protected readonly sc: RuneScanner;
  private readonly data: Values;
  /** the runes that end a key: `=[.` plus `,` for parser.go */
  private readonly keyStops: string;
  /** whether `\` escapes the next rune (parser.go) or is literal (literal_parser.go) */
  protected readonly escapes: boolean;

  constructor(s: string, data: Values, keyStops: string, escapes: boolean) {
    this.sc = new RuneScanner(s);
    this.data = data;
    this.keyStops = keyStops;
    this.escapes = escapes;
  }

  parse(): void {
    for (;;) {
      const err = this.key(this.data, 0);
      if (err === null) continue;
      if (err === EOF) return;
      throw err;
    }
  }

  /** `key=…`: stores the value under `k` in `data`. */
  protected abstract keyValue(data: Values, k: string): Err;
  /** `…[i]=…`: stores the value at index `i` of `list`. */
  protected abstract listValue(list: Value[], i: number): ListResult;

  private key(data: Values, nestedNameLevel: number): Err {
    try {
      return this.keyInner(data, nestedNameLevel);
    } catch (e) {
      if (e instanceof GoPanic) return new StrvalsError(`unable to parse key: ${e.message}`);
      throw e;
    }
  }

  private keyIndex(): number {
    const { v, err } = runesUntil(this.sc, ']', this.escapes);
    if (err === EOF) throw new StrvalsError('error parsing index: EOF');
    try {
      return atoi(v);
    } catch (e) {
      throw new StrvalsError(`error parsing index: ${(e as Error).message}`);
    }
  }

  private keyInner(data: Values, nestedNameLevel: number): Err {
    const { v: k, last, err } = runesUntil(this.sc, this.keyStops, this.escapes);
    if (err !== null) {
      if (k.length === 0) return err;
      return new StrvalsError(`key ${goQuote(k)} has no value`);
    }
    switch (last) {
      case '[': {
        let i: number;
        try {
          i = this.keyIndex();
        } catch (e) {
          return e as StrvalsError;
        }
        let list: Value[] = [];
        if (data.has(k)) list = assertList(data.get(k));
        const res = this.listItem(list, i, nestedNameLevel);
        setKey(data, k, res.list);
        return res.err;
      }
      case '=':
        return this.keyValue(data, k);
      case ',':
        setKey(data, k, '');
        return new StrvalsError(`key ${goQuote(k)} has no value (cannot end with ,)`);
      case '.': {
        nestedNameLevel++;
        if (nestedNameLevel > MAX_NESTED_NAME_LEVEL) {
          return new StrvalsError(
            `value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`,
          );
        }
        let inner: Values = new Map();
        if (data.has(k)) inner = assertMap(data.get(k));
        const e = this.key(inner, nestedNameLevel);
        if (e === null && inner.size === 0) return new StrvalsError(`key map ${goQuote(k)} has no value`);
        if (inner.size !== 0) setKey(data, k, inner);
        return e;
      }
    }
    return null;
  }

  private listItem(list: Value[], i: number, nestedNameLevel: number): ListResult {
    if (i < 0) return { list, err: new StrvalsError(`negative ${i} index not allowed`) };
    const { v: k, last, err } = runesUntil(this.sc, '[.=', this.escapes);
    if (k.length > 0) return { list, err: new StrvalsError(`unexpected data at end of array index: ${quoteRunes(k)}`) };
    if (err !== null) return { list, err };
    switch (last) {
      case '=':
        return this.listValue(list, i);
      case '[': {
        let nextI: number;
        try {
          nextI = this.keyIndex();
        } catch (e) {
          return { list, err: e as StrvalsError };
        }
        let crt: Value[] = [];
        if (list.length > i && list[i] !== null) crt = assertList(list[i]);
        const r2 = this.listItem(crt, nextI, nestedNameLevel);
        if (r2.err !== null) return { list, err: r2.err };
        return setIndex(list, i, r2.list);
      }
      case '.': {
        let inner: Values = new Map();
        if (list.length > i) {
          const cur = list[i];
          if (cur instanceof Map) inner = cur;
          else list[i] = inner;
        }
        const e = this.key(inner, nestedNameLevel);
        if (e !== null) return { list, err: e };
        return setIndex(list, i, inner);
      }
    }
    return { list: [], err: new StrvalsError(`parse error: unexpected token ${last}`) };
  }
}

/** parser.go: `--set`, `--set-string`, `--set-json`, `--set-file` values (lists `{a,b}`, typed scalars, JSON). */
class Parser extends KeyParser {
  private readonly reader: RunesValueReader | null;
  private readonly isJson: boolean;

  constructor(s: string, data: Values, reader: RunesValueReader | null, isJson: boolean) {
    super(s, data, '=[,.', true);
    this.reader = reader;
    this.isJson = isJson;
  }

  private read(rs: string): Value {
    return this.reader!(rs);
  }

  /** Decodes a JSON value at the cursor (for --set-json). */
  private jsonVal(): Value {
    const rest = this.sc.rest();
    let res;
    try {
      res = decodeJsonPrefix(rest);
    } catch (e) {
      throw new StrvalsError((e as Error).message);
    }
    this.sc.skipRunes([...rest.slice(0, res.end)].length);
    return jsonToValue(res.value);
  }

  protected keyValue(data: Values, k: string): Err {
    if (this.isJson) {
      if (this.emptyVal()) {
        setKey(data, k, null);
        return null;
      }
      try {
        setKey(data, k, this.jsonVal());
      } catch (e) {
        return e as StrvalsError;
      }
      this.emptyVal();
      return null;
    }
    const vl = this.valList();
    if (vl.err === null) {
      setKey(data, k, vl.list);
      return null;
    }
    if (vl.err === EOF) {
      setKey(data, k, '');
      return EOF;
    }
    if (vl.err === NOT_LIST) {
      const { v: rs, err: e } = this.val();
      if (e !== null && e !== EOF) return e;
      // Go: `v, e := t.reader(rs)` replaces the val() error (EOF) with the reader's.
      try {
        setKey(data, k, this.read(rs));
      } catch (x) {
        return new StrvalsError((x as Error).message);
      }
      return null;
    }
    return vl.err;
  }

  protected listValue(list: Value[], i: number): ListResult {
    if (this.isJson) {
      if (this.emptyVal()) return setIndex(list, i, null);
      let jv: Value;
      try {
        jv = this.jsonVal();
      } catch (e) {
        return { list, err: e as StrvalsError };
      }
      const r = setIndex(list, i, jv);
      if (r.err !== null) return r;
      this.emptyVal();
      return r;
    }
    const vl = this.valList();
    if (vl.err === null) return setIndex(list, i, vl.list);
    if (vl.err === EOF) return setIndex(list, i, '');
    if (vl.err === NOT_LIST) {
      const { v: rs, err: e } = this.val();
      if (e !== null && e !== EOF) return { list, err: e };
      let v: Value;
      try {
        v = this.read(rs);
      } catch (x) {
        return { list, err: new StrvalsError((x as Error).message) };
      }
      return setIndex(list, i, v);
    }
    return { list, err: vl.err };
  }

  private emptyVal(): boolean {
    for (;;) {
      const r = this.sc.read();
      if (r === EOF) return true;
      if (r === ',') return true;
      if (!/^\s$/u.test(r)) {
        this.sc.unread();
        return false;
      }
    }
  }

  private val(): { v: string; err: Err } {
    const { v, err } = runesUntil(this.sc, ',', true);
    return { v, err };
  }

  private valList(): { list: Value[]; err: Err | typeof NOT_LIST } {
    const r = this.sc.read();
    if (r === EOF) return { list: [], err: EOF };
    if (r !== '{') {
      this.sc.unread();
      return { list: [], err: NOT_LIST };
    }
    const list: Value[] = [];
    for (;;) {
      const { v: rs, last, err } = runesUntil(this.sc, ',}', true);
      if (err !== null) return { list, err: new StrvalsError("list must terminate with '}'") };
      if (last === '}') {
        const n = this.sc.read();
        if (n !== EOF && n !== ',') this.sc.unread();
        try {
          list.push(this.read(rs));
        } catch (x) {
          return { list, err: new StrvalsError((x as Error).message) };
        }
        return { list, err: null };
      }
      try {
        list.push(this.read(rs));
      } catch (x) {
        return { list, err: new StrvalsError((x as Error).message) };
      }
    }
  }
}

const NOT_LIST = new StrvalsError('not a list');

const typed = (st: boolean): RunesValueReader => (rs) => typedVal(rs, st);

/** strvals.ParseInto: `--set` into `dest`. */
export function parseInto(s: string, dest: Values): void {
  new Parser(s, dest, typed(false), false).parse();
}

/** strvals.ParseIntoString: `--set-string` into `dest`. */
export function parseIntoString(s: string, dest: Values): void {
  new Parser(s, dest, typed(true), false).parse();
}

/** strvals.ParseJSON: `--set-json` into `dest`. */
export function parseJson(s: string, dest: Values): void {
  new Parser(s, dest, null, true).parse();
}

/** strvals.ParseIntoFile: `--set-file` into `dest`, values read by `reader` from the given paths. */
export function parseIntoFile(s: string, dest: Values, reader: RunesValueReader): void {
  new Parser(s, dest, reader, false).parse();
}

/** strvals.Parse: a new map from a `--set` line. */
export function parseSet(s: string): Values {
  const m: Values = new Map();
  parseInto(s, m);
  return m;
}

/** strvals.ParseString: a new map from a `--set-string` line. */
export function parseSetString(s: string): Values {
  const m: Values = new Map();
  parseIntoString(s, m);
  return m;
}
