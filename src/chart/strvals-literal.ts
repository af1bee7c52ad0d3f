/**
 * `--set-literal` parsing (pkg/strvals literal_parser.go): the key is parsed like `--set` (without
 * `,` separators or escapes), and everything after `=` is the string value, verbatim.
 */

import { KeyParser, runesUntil, setIndex } from './strvals.ts';
import type { Value, Values } from './values.ts';

/** literal_parser.go: keys as parser.go reads them (no `,`, no escapes); the rest of the line is the value. */
class LiteralParser extends KeyParser {
  constructor(s: string, data: Values) {
    super(s, data, '=[.', false);
  }

  private val(): string {
    return runesUntil(this.sc, '', false).v;
  }

  protected keyValue(data: Values, k: string): null {
    const value = this.val();
    if (k.length > 0) data.set(k, value);
    return null;
  }

  protected listValue(list: Value[], i: number): ReturnType<typeof setIndex> {
    return setIndex(list, i, this.val());
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
