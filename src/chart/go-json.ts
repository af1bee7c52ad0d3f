/**
 * encoding/json's Decoder as far as chart code needs it: reads one value from the start of a string
 * (reporting how much it consumed, like Decoder.InputOffset), with Go's syntax-error words, optionally
 * keeping numbers as literal text (UseNumber, @capstan/gojson's JsonNumber). Marshal is @capstan/gojson's.
 */

import { JsonNumber } from '@capstan/gojson';
import type { Value, Values } from './values.ts';

export type JsonValue = null | boolean | string | number | JsonNumber | JsonValue[] | Map<string, JsonValue>;

export class JsonSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

function quoteChar(c: string): string {
  // encoding/json quoteChar
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const s = JSON.stringify(c);
  return `'${s.slice(1, -1)}'`;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';

class Reader {
  pos = 0;
  readonly s: string;
  readonly useNumber: boolean;
  constructor(s: string, useNumber: boolean) {
    this.s = s;
    this.useNumber = useNumber;
  }
  err(context: string): never {
    if (this.pos >= this.s.length) throw new JsonSyntaxError('unexpected EOF');
    throw new JsonSyntaxError(`invalid character ${quoteChar(this.s[this.pos]!)} ${context}`);
  }
  skip(): void {
    while (isSpace(this.s[this.pos])) this.pos++;
  }
  value(): JsonValue {
    this.skip();
    const c = this.s[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [lit, val] of [['true', true], ['false', false], ['null', null]] as const) {
      if (c === lit[0]) {
        for (let i = 0; i < lit.length; i++) {
          if (this.s[this.pos] !== lit[i]) this.err(`in literal ${lit} (expecting ${quoteChar(lit[i]!)})`);
          this.pos++;
        }
        return val;
      }
    }
    return this.err('looking for beginning of value');
  }
  object(): JsonValue {
    this.pos++;
    const m = new Map<string, JsonValue>();
    this.skip();
    if (this.s[this.pos] === '}') {
      this.pos++;
      return m;
    }
    for (;;) {
      this.skip();
      if (this.s[this.pos] !== '"') this.err('looking for beginning of object key string');
      const k = this.string();
      this.skip();
      if (this.s[this.pos] !== ':') this.err('after object key');
      this.pos++;
      m.set(k, this.value());
      this.skip();
      const c = this.s[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === '}') {
        this.pos++;
        return m;
      }
      this.err('after object key:value pair');
    }
  }
  array(): JsonValue {
    this.pos++;
    const a: JsonValue[] = [];
    this.skip();
    if (this.s[this.pos] === ']') {
      this.pos++;
      return a;
    }
    for (;;) {
      a.push(this.value());
      this.skip();
      const c = this.s[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === ']') {
        this.pos++;
        return a;
      }
      this.err('after array element');
    }
  }
  string(): string {
    this.pos++;
    let out = '';
    for (;;) {
      const c = this.s[this.pos];
      if (c === undefined) throw new JsonSyntaxError('unexpected EOF');
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c < ' ') this.err('in string literal');
      if (c === '\\') {
        this.pos++;
        const e = this.s[this.pos];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          this.pos++;
        } else if (e === 'u') {
          const hex = this.s.slice(this.pos + 1, this.pos + 5);
          for (let i = 0; i < 4; i++) {
            if (!/[0-9a-fA-F]/.test(hex[i] ?? '')) {
              this.pos += 1 + i;
              this.err('in \\u hexadecimal character escape');
            }
          }
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 5;
        } else {
          this.err('in string escape code');
        }
        continue;
      }
      out += c;
      this.pos++;
    }
  }
  number(): JsonValue {
    const start = this.pos;
    const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
    if (this.s[this.pos] === '-') {
      this.pos++;
      if (!digit(this.s[this.pos])) this.err('in numeric literal');
    }
    if (this.s[this.pos] === '0') this.pos++;
    else while (digit(this.s[this.pos])) this.pos++;
    if (this.s[this.pos] === '.') {
      this.pos++;
      if (!digit(this.s[this.pos])) this.err('after decimal point in numeric literal');
      while (digit(this.s[this.pos])) this.pos++;
    }
    if (this.s[this.pos] === 'e' || this.s[this.pos] === 'E') {
      this.pos++;
      if (this.s[this.pos] === '+' || this.s[this.pos] === '-') this.pos++;
      if (!digit(this.s[this.pos])) this.err('in exponent of numeric literal');
      while (digit(this.s[this.pos])) this.pos++;
    }
    const text = this.s.slice(start, this.pos);
    if (this.useNumber) return new JsonNumber(text);
    const n = Number(text);
    if (!Number.isFinite(n)) throw new JsonSyntaxError(`json: cannot unmarshal number ${text} into Go value of type float64`);
    return n;
  }
}

/**
 * json.NewDecoder(strings.NewReader(s)).Decode(&v): the first value in `s` and the offset just
 * after it. Throws JsonSyntaxError (`invalid character 'x' looking for beginning of value`).
 */
export function decodeJsonPrefix(s: string, opts: { useNumber?: boolean } = {}): { value: JsonValue; end: number } {
  const fast = decodeNative(s, opts.useNumber ?? false);
  if (fast !== undefined) return fast;
  return decodeJsonPrefixReader(s, opts);
}

/** thrown inside the reviver when the native result could differ from the Go decoder's */
const NOT_NATIVE = Symbol('not native');
const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * The same result through the engine's JSON.parse, about three times faster on a large values schema than
 * the reader below (and far more so before the reader's code is optimised, as in a single CLI run). Used
 * when the whole text is one JSON value; undefined sends the caller to the reader, which gives Go's exact
 * errors: for text after the value, for invalid JSON, for an out-of-range number without UseNumber, and for
 * objects with array-index keys (a JS object lists those first, so key order would differ).
 */
function decodeNative(s: string, useNumber: boolean): { value: JsonValue; end: number } | undefined {
  let value: JsonValue;
  try {
    value = JSON.parse(s, function (this: unknown, _key: string, v: unknown, ctx?: { source?: string }): unknown {
      if (typeof v === 'number') {
        if (useNumber) return new JsonNumber(ctx?.source ?? String(v));
        if (!Number.isFinite(v)) throw NOT_NATIVE;
        return v;
      }
      if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Map || v instanceof JsonNumber) return v;
      const m = new Map<string, JsonValue>();
      for (const k of Object.keys(v)) {
        if (ARRAY_INDEX.test(k)) throw NOT_NATIVE;
        m.set(k, (v as Record<string, JsonValue>)[k]!);
      }
      return m;
    }) as JsonValue;
  } catch {
    return undefined;
  }
  // JSON.parse accepted it, so whatever follows the value is JSON whitespace, which trimEnd removes
  return { value, end: s.trimEnd().length };
}

/** decodeJsonPrefix by the Go-faithful reader alone (tests compare the two). */
export function decodeJsonPrefixReader(s: string, opts: { useNumber?: boolean } = {}): { value: JsonValue; end: number } {
  const r = new Reader(s, opts.useNumber ?? false);
  r.skip();
  if (r.pos >= s.length) throw new JsonSyntaxError('EOF');
  const value = r.value();
  return { value, end: r.pos };
}

/** JSON values decoded without UseNumber are plain Values. */
export function jsonToValue(v: JsonValue): Value {
  if (v instanceof JsonNumber) return Number(v.text);
  if (Array.isArray(v)) return v.map(jsonToValue);
  if (v instanceof Map) {
    const m: Values = new Map();
    for (const [k, x] of v) m.set(k, jsonToValue(x));
    return m;
  }
  return v;
}
