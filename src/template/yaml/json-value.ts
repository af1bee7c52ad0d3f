/**
 * The first half of sigs.k8s.io/yaml's Marshal: encoding/json.Marshal of a template value, decoded
 * back by go-yaml v2 (JSONToYAML). Numbers become int / uint64 / float64 exactly as go-yaml resolves
 * the JSON number text; objects become maps with string keys.
 */
import { formatFloat } from '../fmt/ftoa.ts';
import { GoNumber, GoStruct, isNilMap, isNilSlice, type GoValue } from '../value.ts';
import { decodeYaml } from './decode.ts';
import { YamlSyntaxError } from './reader.ts';
import { resolve } from './resolve.ts';
import { YInt, YMap, type YV } from './values.ts';

/** json.Marshal's error (e.g. `json: unsupported value: NaN`). */
export class JsonMarshalError extends Error {}

/** encoding/json's float formatting (floatEncoder). */
export function jsonFloatText(f: number, bits: 32 | 64): string {
  if (!Number.isFinite(f)) throw new JsonMarshalError(`json: unsupported value: ${formatFloat(f, 'g', -1, bits)}`);
  const abs = Math.abs(f);
  let fmt = 'f';
  if (abs !== 0) {
    const a = bits === 32 ? Math.fround(abs) : abs;
    if (a < 1e-6 || a >= 1e21) fmt = 'e';
  }
  let s = formatFloat(f, fmt, -1, bits);
  if (fmt === 'e') {
    const n = s.length;
    if (n >= 4 && s[n - 4] === 'e' && s[n - 3] === '-' && s[n - 2] === '0') s = s.slice(0, n - 2) + s[n - 1];
  }
  return s;
}

function base64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

/** Length in characters of encoding/json's (HTML-escaping) encoding of `s`, quotes included. */
function jsonQuotedLength(s: string): number {
  let n = 2;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x0c || c === 0x0a || c === 0x0d || c === 0x09) n += 2;
    else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff)) n += 6;
    else n += 1;
  }
  return n;
}

function jsonQuote(s: string): string {
  return JSON.stringify(s.toWellFormed()).replace(/[\u2028\u2029<>&]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

// characters encoding/json leaves raw but go-yaml's reader rejects
const YAML_CONTROL = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/**
 * A JSON string as go-yaml reads it back: raw C1 controls/DEL fail the reader, and NEL (U+0085) is a
 * line break inside the double-quoted scalar, folded like one.
 */
function stringThroughYaml(s: string): string {
  if (YAML_CONTROL.test(s)) throw new JsonMarshalError('yaml: control characters are not allowed');
  if (!s.includes('\u0085')) return s;
  try {
    return decodeYaml(jsonQuote(s)) as string;
  } catch (e) {
    if (e instanceof YamlSyntaxError) throw new JsonMarshalError(e.message);
    throw e;
  }
}

function numberFromText(text: string): YV {
  const [, v] = resolve('', text);
  return v;
}

/** GoValue → the value go-yaml decodes from its JSON encoding. Throws JsonMarshalError. */
export function jsonRoundTrip(v: GoValue): YV {
  if (v === undefined || v === null) return null;
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'string':
      return stringThroughYaml(v);
    case 'bigint':
      return new YInt(v);
    case 'number':
      return numberFromText(jsonFloatText(v, 64));
  }
  if (v instanceof GoNumber) {
    if (typeof v.value === 'bigint') return new YInt(v.value, v.value > 0x7fffffffffffffffn);
    return numberFromText(jsonFloatText(v.value, 32));
  }
  if (v instanceof Uint8Array) return base64(v);
  if (isNilSlice(v) || isNilMap(v)) return null; // encoding/json writes null
  if (Array.isArray(v)) return v.map(jsonRoundTrip);
  if (v instanceof Map) {
    const m = new YMap();
    for (const [k, val] of v) {
      // a JSON key longer than 1024 characters cannot be a YAML simple key
      if (k.length > 170 && jsonQuotedLength(k) > 1024) throw new JsonMarshalError("yaml: did not find expected ',' or '}'");
      m.set(stringThroughYaml(k), jsonRoundTrip(val));
    }
    return m;
  }
  if (v instanceof GoStruct) return jsonRoundTrip(v.json());
  return null;
}
