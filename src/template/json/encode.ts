/** Go's encoding/json Marshal / MarshalIndent for template values. */
import { GoFuncError, GoNumber, GoStruct, isNilMap, isNilSlice, mapType, sliceType } from '../value.ts';
import type { GoValue } from '../value.ts';
import { formatFloat } from '../fmt/ftoa.ts';
import { compareStrings, runeAt } from '../fmt/utf8.ts';
import { indentJSON } from './indent.ts';

export interface MarshalOptions {
  /** escape <, > and & as \u003c \u003e \u0026 (json.Marshal does; default true) */
  escapeHTML?: boolean;
  /** with prefix and/or indent set, the output is laid out as json.MarshalIndent does */
  prefix?: string;
  indent?: string;
}

const HEX = '0123456789abcdef';

/** Appends the JSON encoding of string s (Go's appendString). */
export function encodeString(s: string, escapeHTML: boolean): string {
  let out = '"';
  let start = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c && !(escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26))) {
        i++;
        continue;
      }
      out += s.slice(start, i);
      switch (c) {
        case 0x5c: case 0x22: out += '\\' + String.fromCharCode(c); break;
        case 0x08: out += '\\b'; break;
        case 0x0c: out += '\\f'; break;
        case 0x0a: out += '\\n'; break;
        case 0x0d: out += '\\r'; break;
        case 0x09: out += '\\t'; break;
        default: out += '\\u00' + HEX[c >> 4]! + HEX[c & 0xf]!;
      }
      i++;
      start = i;
      continue;
    }
    const g = runeAt(s, i);
    if (g.r === 0xfffd && (g.bad >= 0 || (c >= 0xd800 && c <= 0xdfff))) {
      // invalid UTF-8 byte (or a lone surrogate): U+FFFD, written as an escape
      out += s.slice(start, i) + '\\ufffd';
      i += g.units;
      start = i;
      continue;
    }
    if (g.r === 0x2028 || g.r === 0x2029) {
      out += s.slice(start, i) + '\\u202' + HEX[g.r & 0xf]!;
      i += g.units;
      start = i;
      continue;
    }
    i += g.units;
  }
  return out + s.slice(start) + '"';
}

/** encoding/json's float formatting ('f' unless the exponent is < -6 or ≥ 21, then 'e' with e-7 style). */
export function encodeFloat(f: number, bits: 32 | 64): string {
  if (!Number.isFinite(f)) {
    throw new GoFuncError('json: unsupported value: ' + formatFloat(f, 'g', -1, bits));
  }
  const abs = Math.abs(bits === 32 ? Math.fround(f) : f);
  let fmt = 'f';
  if (abs !== 0) {
    if (bits === 64 ? abs < 1e-6 || abs >= 1e21 : abs < Math.fround(1e-6) || abs >= Math.fround(1e21)) fmt = 'e';
  }
  let b = formatFloat(f, fmt, -1, bits);
  if (fmt === 'e') {
    // clean up e-09 to e-9
    const n = b.length;
    if (n >= 4 && b[n - 4] === 'e' && b[n - 3] === '-' && b[n - 2] === '0') b = b.slice(0, n - 2) + b[n - 1];
  }
  return b;
}

class Encoder {
  private readonly escapeHTML: boolean;
  private readonly seen = new Set<object>();
  constructor(escapeHTML: boolean) {
    this.escapeHTML = escapeHTML;
  }

  encode(v: GoValue, structFields = false): string {
    if (v === null || v === undefined) return 'null';
    switch (typeof v) {
      case 'boolean': return v ? 'true' : 'false';
      case 'string': return encodeString(v, this.escapeHTML);
      case 'bigint': return BigInt.asIntN(64, v).toString();
      case 'number': return encodeFloat(v, 64);
    }
    if (v instanceof GoNumber) {
      if (v.kind === 'float32') return encodeFloat(Number(v.value), 32);
      return BigInt(v.value).toString();
    }
    if (v instanceof Uint8Array) return '"' + Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') + '"';
    if (v instanceof GoStruct) return this.encode(v.json(), true);
    if (isNilSlice(v) || isNilMap(v)) return 'null';
    if (this.seen.has(v)) {
      const type = Array.isArray(v) ? sliceType(v) : mapType(v);
      throw new GoFuncError('json: unsupported value: encountered a cycle via ' + type);
    }
    this.seen.add(v);
    let out: string;
    if (Array.isArray(v)) {
      out = '[';
      for (let i = 0; i < v.length; i++) {
        if (i > 0) out += ',';
        out += this.encode(v[i]);
      }
      out += ']';
    } else {
      // A struct's json() object keeps its field order; maps are sorted by key.
      const keys = structFields ? [...v.keys()] : [...v.keys()].sort(compareStrings);
      out = '{';
      for (let i = 0; i < keys.length; i++) {
        if (i > 0) out += ',';
        out += encodeString(keys[i]!, this.escapeHTML) + ':' + this.encode(v.get(keys[i]!));
      }
      out += '}';
    }
    this.seen.delete(v);
    return out;
  }
}

/**
 * json.Marshal (or json.MarshalIndent when prefix/indent are given). Throws {@link GoFuncError}
 * with Go's message (`json: unsupported value: NaN`) on failure.
 *
 * A {@link GoStruct} is encoded through its `json()` value; when that is a Map, its entries are
 * written in insertion (field) order, as encoding/json writes struct fields.
 */
export function marshalJSON(v: GoValue, opts: MarshalOptions = {}): string {
  const out = new Encoder(opts.escapeHTML ?? true).encode(v);
  if (opts.prefix !== undefined || opts.indent !== undefined) {
    return indentJSON(out, opts.prefix ?? '', opts.indent ?? '');
  }
  return out;
}
