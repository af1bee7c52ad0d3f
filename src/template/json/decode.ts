/** Go's json.Unmarshal into interface{} (or into a map[string]interface{} / []interface{}). */
import { GoFuncError } from '../value.ts';
import type { GoMap, GoValue } from '../value.ts';
import { decodeRune, RUNE_ERROR, utf8Decode, utf8Encode } from '@capstan/strconv';
import { checkValid } from './scanner.ts';
import { withAppendedCap } from '../funcs/lists-cap.ts';

/**
 * What the JSON is decoded into: `interface` (json.Unmarshal into `interface{}`), `map`
 * (a fresh `map[string]interface{}`, as Helm's fromJson) or `slice` (a fresh `[]interface{}`,
 * as fromJsonArray).
 */
export type JSONTarget = 'interface' | 'map' | 'slice';

export interface UnmarshalResult {
  /**
   * The target after decoding: for a syntax error or a top-level type mismatch, the untouched
   * target (null, an empty Map, an empty array); `null` JSON sets a map or slice target to nil.
   */
  value: GoValue;
  /** Go's error, if Unmarshal returned one (decoding may still have filled `value`). */
  error?: GoFuncError;
}

const TARGET_TYPE: Record<JSONTarget, string> = {
  interface: 'interface {}',
  map: 'map[string]interface {}',
  slice: '[]interface {}',
};

type Frame = { a: GoValue[] } | { m: GoMap; key: string };

class Decoder {
  private readonly data: Uint8Array;
  private i = 0;
  savedError: string | null = null;
  constructor(data: Uint8Array) {
    this.data = data;
  }

  private saveError(msg: string): void {
    if (this.savedError === null) this.savedError = msg;
  }

  private skipSpace(): void {
    const d = this.data;
    while (this.i < d.length) {
      const c = d[this.i]!;
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.i++;
      else break;
    }
  }

  /** Kind of the next value: `object`, `array`, `string`, `number`, `bool`, `null`. */
  peekKind(): 'object' | 'array' | 'string' | 'number' | 'bool' | 'null' {
    this.skipSpace();
    const c = this.data[this.i];
    if (c === 0x7b) return 'object';
    if (c === 0x5b) return 'array';
    if (c === 0x22) return 'string';
    if (c === 0x74 || c === 0x66) return 'bool';
    if (c === 0x6e) return 'null';
    return 'number';
  }

  /** Decodes the next value (iteratively: nesting may be as deep as the scanner allows). */
  value(): GoValue {
    const d = this.data;
    const stack: Frame[] = [];
    for (;;) {
      this.skipSpace();
      let v: GoValue;
      const c = d[this.i]!;
      if (c === 0x7b) {
        this.i++;
        this.skipSpace();
        if (d[this.i] === 0x7d) {
          this.i++;
          v = new Map();
        } else {
          stack.push({ m: new Map(), key: this.objectKey() });
          continue;
        }
      } else if (c === 0x5b) {
        this.i++;
        this.skipSpace();
        if (d[this.i] === 0x5d) {
          this.i++;
          v = [];
        } else {
          stack.push({ a: [] });
          continue;
        }
      } else {
        v = this.literal();
      }
      // Attach the completed value to its parents, closing finished containers.
      for (;;) {
        const top = stack[stack.length - 1];
        if (top === undefined) return v;
        this.skipSpace();
        const sep = d[this.i++];
        if ('a' in top) {
          top.a.push(v);
          if (sep === 0x5d) {
            stack.pop();
            v = withAppendedCap(top.a); // append growth, as Go's decoder builds it
            continue;
          }
        } else {
          top.m.set(top.key, v);
          if (sep === 0x7d) {
            stack.pop();
            v = top.m;
            continue;
          }
          this.skipSpace();
          top.key = this.objectKey();
        }
        break;
      }
    }
  }

  /** Reads `"key" :` and returns the key. */
  private objectKey(): string {
    this.skipSpace();
    const key = this.string();
    this.skipSpace();
    this.i++; // :
    return key;
  }

  private literal(): GoValue {
    switch (this.data[this.i]) {
      case 0x22: return this.string();
      case 0x74: this.i += 4; return true;
      case 0x66: this.i += 5; return false;
      case 0x6e: this.i += 4; return null;
    }
    return this.number();
  }

  object(): GoMap {
    return this.value() as GoMap;
  }

  array(): GoValue[] {
    return this.value() as GoValue[];
  }

  number(): GoValue {
    const d = this.data;
    const start = this.i;
    while (this.i < d.length) {
      const c = d[this.i]!;
      if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45) this.i++;
      else break;
    }
    const s = String.fromCharCode(...d.subarray(start, this.i));
    const f = Number(s);
    if (!Number.isFinite(f)) {
      this.saveError(`json: cannot unmarshal number ${s} into Go value of type float64`);
      return null;
    }
    return f;
  }

  private getu4(at: number): number {
    const d = this.data;
    if (at + 6 > d.length || d[at] !== 0x5c || d[at + 1] !== 0x75) return -1;
    let r = 0;
    for (let k = at + 2; k < at + 6; k++) {
      const c = d[k]!;
      let v: number;
      if (c >= 0x30 && c <= 0x39) v = c - 0x30;
      else if (c >= 0x61 && c <= 0x66) v = c - 0x61 + 10;
      else if (c >= 0x41 && c <= 0x46) v = c - 0x41 + 10;
      else return -1;
      r = r * 16 + v;
    }
    return r;
  }

  /** A string literal (at `"`), unquoted as Go does: invalid UTF-8 and bad surrogates become U+FFFD. */
  string(): string {
    const d = this.data;
    this.i++; // opening quote
    const out: number[] = [];
    let r = this.i;
    for (;;) {
      const c = d[r]!;
      if (c === 0x22) break;
      if (c === 0x5c) {
        const e = d[r + 1]!;
        switch (e) {
          case 0x62: out.push(0x08); r += 2; continue;
          case 0x66: out.push(0x0c); r += 2; continue;
          case 0x6e: out.push(0x0a); r += 2; continue;
          case 0x72: out.push(0x0d); r += 2; continue;
          case 0x74: out.push(0x09); r += 2; continue;
          case 0x75: {
            let rr = this.getu4(r);
            r += 6;
            if (rr >= 0xd800 && rr < 0xe000) {
              const rr1 = this.getu4(r);
              if (rr < 0xdc00 && rr1 >= 0xdc00 && rr1 < 0xe000) {
                rr = ((rr - 0xd800) << 10) + (rr1 - 0xdc00) + 0x10000;
                r += 6;
              } else {
                rr = RUNE_ERROR;
              }
            }
            out.push(...utf8Encode(String.fromCodePoint(rr)));
            continue;
          }
          default: // " \ /
            out.push(e);
            r += 2;
            continue;
        }
      }
      if (c < 0x80) {
        out.push(c);
        r++;
        continue;
      }
      const [rr, size] = decodeRune(d, r);
      if (rr === RUNE_ERROR && size === 1) out.push(0xef, 0xbf, 0xbd);
      else for (let k = 0; k < size; k++) out.push(d[r + k]!);
      r += size;
    }
    this.i = r + 1;
    return utf8Decode(Uint8Array.from(out));
  }
}

/**
 * json.Unmarshal of `text` into the given target, returning the resulting value and Go's error
 * (syntax errors: `invalid character 'x' looking for beginning of value`, `unexpected end of JSON
 * input`, …; type errors: `json: cannot unmarshal array into Go value of type map[string]interface {}`).
 */
export function decodeJSON(text: string, target: JSONTarget = 'interface'): UnmarshalResult {
  const data = utf8Encode(text);
  const initial = (): GoValue => (target === 'map' ? new Map() : target === 'slice' ? [] : null);
  const syntaxErr = checkValid(data);
  if (syntaxErr !== null) return { value: initial(), error: new GoFuncError(syntaxErr) };
  const d = new Decoder(data);
  let value: GoValue;
  if (target === 'interface') {
    value = d.value();
  } else {
    const kind = d.peekKind();
    const want = target === 'map' ? 'object' : 'array';
    if (kind === 'null') {
      value = null;
    } else if (kind === want) {
      value = target === 'map' ? d.object() : d.array();
    } else {
      value = initial();
      return { value, error: new GoFuncError(`json: cannot unmarshal ${kind} into Go value of type ${TARGET_TYPE[target]}`) };
    }
  }
  if (d.savedError !== null) return { value, error: new GoFuncError(d.savedError) };
  return { value };
}

/** json.Unmarshal into `interface{}` (or the given target); throws {@link GoFuncError} with Go's message. */
export function unmarshalJSON(text: string, target: JSONTarget = 'interface'): GoValue {
  const r = decodeJSON(text, target);
  if (r.error) throw r.error;
  return r.value;
}
