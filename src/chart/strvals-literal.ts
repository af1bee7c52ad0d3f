/**
 * `--set-literal` parsing (pkg/strvals literal_parser.go): the key is parsed like `--set` (without
 * `,` separators or escapes), and everything after `=` is the string value, verbatim.
 */

import {
  assertList,
  assertMap,
  atoi,
  EOF,
  GoPanic,
  MAX_NESTED_NAME_LEVEL,
  quoteRunes,
  RuneScanner,
  runesUntil,
  setIndex,
  StrvalsError,
} from './strvals.ts';
import { goQuote, type Value, type Values } from './values.ts';

type Err = StrvalsError | typeof EOF | null;

class LiteralParser {
  private readonly sc: RuneScanner;
  private readonly data: Values;

  constructor(s: string, data: Values) {
    this.sc = new RuneScanner(s);
    this.data = data;
  }

  parse(): void {
    for (;;) {
      const err = this.key(this.data, 0);
      if (err === null) continue;
      if (err === EOF) return;
      throw err;
    }
  }

  private key(data: Values, level: number): Err {
    try {
      return this.keyInner(data, level);
    } catch (e) {
      if (e instanceof GoPanic) return new StrvalsError(`unable to parse key: ${e.message}`);
      throw e;
    }
  }

  private val(): string {
    return runesUntil(this.sc, '', false).v;
  }

  private keyIndex(): number {
    const { v, err } = runesUntil(this.sc, ']', false);
    if (err === EOF) throw new StrvalsError('error parsing index: EOF');
    try {
      return atoi(v);
    } catch (e) {
      throw new StrvalsError(`error parsing index: ${(e as Error).message}`);
    }
  }

  private keyInner(data: Values, level: number): Err {
    const { v: key, last, err } = runesUntil(this.sc, '=[.', false);
    if (err !== null) {
      if (key.length === 0) return err;
      return new StrvalsError(`key ${goQuote(key)} has no value`);
    }
    switch (last) {
      case '=': {
        const value = this.val();
        if (key.length > 0) data.set(key, value);
        return null;
      }
      case '.': {
        level++;
        if (level > MAX_NESTED_NAME_LEVEL) {
          return new StrvalsError(
            `value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`,
          );
        }
        let inner: Values = new Map();
        if (data.has(key)) inner = assertMap(data.get(key));
        const e = this.key(inner, level);
        if (e === null && inner.size === 0) return new StrvalsError(`key map ${goQuote(key)} has no value`);
        if (inner.size !== 0 && key.length > 0) data.set(key, inner);
        return e;
      }
      case '[': {
        let i: number;
        try {
          i = this.keyIndex();
        } catch (e) {
          return e as StrvalsError;
        }
        let list: Value[] = [];
        if (data.has(key)) list = assertList(data.get(key));
        const res = this.listItem(list, i, level);
        if (key.length > 0) data.set(key, res.list);
        return res.err;
      }
    }
    return null;
  }

  private listItem(list: Value[], i: number, level: number): { list: Value[]; err: Err } {
    if (i < 0) return { list, err: new StrvalsError(`negative ${i} index not allowed`) };
    const { v: key, last, err } = runesUntil(this.sc, '[.=', false);
    if (key.length > 0) return { list, err: new StrvalsError(`unexpected data at end of array index: ${quoteRunes(key)}`) };
    if (err !== null) return { list, err };
    switch (last) {
      case '=':
        return setIndex(list, i, this.val());
      case '.': {
        let inner: Values = new Map();
        if (list.length > i) {
          const cur = list[i];
          if (cur instanceof Map) inner = cur;
          else list[i] = inner;
        }
        const e = this.key(inner, level);
        if (e !== null) return { list, err: e };
        return setIndex(list, i, inner);
      }
      case '[': {
        let nextI: number;
        try {
          nextI = this.keyIndex();
        } catch (e) {
          return { list, err: e as StrvalsError };
        }
        let crt: Value[] = [];
        if (list.length > i && list[i] !== null) crt = assertList(list[i]);
        const r2 = this.listItem(crt, nextI, level);
        if (r2.err !== null) return { list, err: r2.err };
        return setIndex(list, i, r2.list);
      }
    }
    return { list: [], err: new StrvalsError(`parse error: unexpected token ${last}`) };
  }
}

/** strvals.ParseLiteralInto: `--set-literal` into `dest`. */
export function parseLiteralInto(s: string, dest: Values): void {
  new LiteralParser(s, dest).parse();
}

/** strvals.ParseLiteral: a new map from a `--set-literal` line. */
export function parseLiteral(s: string): Values {
  const m: Values = new Map();
  parseLiteralInto(s, m);
  return m;
}
