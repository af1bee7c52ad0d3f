/** json.Marshal and json.MarshalIndent of JavaScript values standing for Go values. */
import { compareStrings, quote } from '@capstan/strconv';
import { MarshalError, unsupportedValue } from './errors.ts';
import { indentJSON } from './indent.ts';
import { encodeFloat, encodeString } from './scalars.ts';

/** A Go struct: its fields are written in this order (encoding/json keeps declaration order). */
export class Struct {
  readonly fields: readonly (readonly [string, unknown])[];
  constructor(fields: readonly (readonly [string, unknown])[]) {
    this.fields = fields;
  }
}

/** json.Number: a number kept as its literal text, written as it is. */
export class JsonNumber {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

function numberText(n: JsonNumber): string {
  const s = n.text === '' ? '0' : n.text;
  if (!NUMBER.test(s)) throw new MarshalError('InvalidNumber', `json: invalid number literal ${quote(s)}`);
  return s;
}

/**
 * The encoder, for values as they stand for Go's: `null`/`undefined` nil, booleans, strings, `number`
 * float64, `bigint` int64, `Uint8Array` []byte (base64), {@link JsonNumber}, {@link Struct}, arrays,
 * and `Map`s or plain objects with string keys (Go maps: keys sorted by their UTF-8 bytes).
 * A subclass handles more kinds through {@link Encoder.encodeOther} (the template engine's Go values).
 * Throws {@link MarshalError} worded as Go's errors.
 */
export class Encoder {
  readonly escapeHTML: boolean;
  private readonly seen = new Set<object>();
  constructor(escapeHTML = true) {
    this.escapeHTML = escapeHTML;
  }

  /** `fieldOrder`: a Map's entries are a struct's fields, written in insertion order. */
  encode(v: unknown, fieldOrder = false): string {
    if (v === null || v === undefined) return 'null';
    switch (typeof v) {
      case 'boolean': return v ? 'true' : 'false';
      case 'string': return encodeString(v, this.escapeHTML);
      case 'bigint': return BigInt.asIntN(64, v).toString();
      case 'number': return encodeFloat(v, 64);
      case 'object': break;
      default: throw new MarshalError('UnsupportedType', `json: unsupported type: ${typeof v}`);
    }
    if (v instanceof Uint8Array) return '"' + Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') + '"';
    if (v instanceof JsonNumber) return numberText(v);
    const other = this.encodeOther(v);
    if (other !== undefined) return other;
    if (this.seen.has(v)) throw unsupportedValue('encountered a cycle via ' + this.goType(v));
    this.seen.add(v);
    let out: string;
    if (Array.isArray(v)) {
      out = '[';
      for (let i = 0; i < v.length; i++) {
        if (i > 0) out += ',';
        out += this.encode(v[i]);
      }
      out += ']';
    } else if (v instanceof Struct) {
      out = '{';
      for (let i = 0; i < v.fields.length; i++) {
        const [k, x] = v.fields[i]!;
        if (i > 0) out += ',';
        out += encodeString(k, this.escapeHTML) + ':' + this.encode(x);
      }
      out += '}';
    } else {
      const m = v instanceof Map ? (v as Map<string, unknown>) : undefined;
      const keys = m ? [...m.keys()] : Object.keys(v);
      if (!fieldOrder) keys.sort(compareStrings);
      out = '{';
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        if (i > 0) out += ',';
        out += encodeString(k, this.escapeHTML) + ':' + this.encode(m ? m.get(k) : (v as Record<string, unknown>)[k]);
      }
      out += '}';
    }
    this.seen.delete(v);
    return out;
  }

  /** JSON of a kind of object this encoder does not know, or undefined to encode it as a list or map. */
  protected encodeOther(_v: object): string | undefined {
    return undefined;
  }

  /** The Go type named in the cycle error. */
  protected goType(v: object): string {
    return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
  }
}

export interface MarshalOptions {
  /** escape <, > and & as \u003c \u003e \u0026 (json.Marshal does; default true) */
  escapeHTML?: boolean;
  /** with prefix and/or indent set, the output is laid out as json.MarshalIndent does */
  prefix?: string;
  indent?: string;
}

/** Lays out an encoder's output as json.MarshalIndent does when prefix or indent is set. */
export function layout(json: string, opts: MarshalOptions): string {
  if (opts.prefix === undefined && opts.indent === undefined) return json;
  return indentJSON(json, opts.prefix ?? '', opts.indent ?? '');
}

/** json.Marshal (json.MarshalIndent with prefix/indent). Throws {@link MarshalError}. */
export function marshal(v: unknown, opts: MarshalOptions = {}): string {
  return layout(new Encoder(opts.escapeHTML ?? true).encode(v), opts);
}
