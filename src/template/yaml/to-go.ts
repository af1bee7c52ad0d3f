/**
 * The second half of sigs.k8s.io/yaml's Unmarshal: go-yaml's decoded value converted to a
 * JSON-compatible object (convertToJSONableObject), json.Marshal'ed and decoded by encoding/json into
 * the target — so every number becomes float64 and every map key a string.
 */
import { formatFloat } from '../fmt/ftoa.ts';
import type { GoValue } from '../value.ts';
import { goSyntax } from './go-syntax.ts';
import { YInt, type YV } from './values.ts';
import { withAppendedCap } from '../funcs/lists-cap.ts';

/** An error from the conversion, carrying Go's full message text. */
export class ConvertError extends Error {}

/** Go's string ordering (by UTF-8 bytes = by code points). */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) return xs ? 1 : -1;
      return x - y;
    }
  }
  return a.length - b.length;
}

function keyString(k: YV, v: YV): string {
  if (typeof k === 'string') return k;
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  if (typeof k === 'number') {
    const s = formatFloat(k, 'g', -1, 32);
    return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
  }
  if (k instanceof YInt && !k.unsigned) return k.v.toString();
  const typ = k === null ? '%!s(<nil>)' : k instanceof YInt ? 'uint64' : Array.isArray(k) ? '[]interface {}' : 'map[interface {}]interface {}';
  throw new ConvertError(`unsupported map key of type: ${typ}, key: ${goSyntax(k)}, value: ${goSyntax(v)}`);
}

/** convertToJSONableObject followed by json.Marshal's checks; the result is what json.Unmarshal yields. */
function convert(v: YV): GoValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
  if (v instanceof YInt) return Number(v.v);
  if (Array.isArray(v)) return withAppendedCap(v.map(convert)); // json.Unmarshal appends: capacity > length
  const entries: [string, GoValue][] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < v.keys.length; i++) {
    const ks = keyString(v.keys[i]!, v.vals[i]!);
    const cv = convert(v.vals[i]!);
    const at = seen.get(ks);
    if (at !== undefined) entries[at] = [ks, cv];
    else {
      seen.set(ks, entries.length);
      entries.push([ks, cv]);
    }
  }
  entries.sort((a, b) => compareGoStrings(a[0], b[0]));
  return new Map(entries);
}

/** json.Marshal's `unsupported value` check, in its (sorted) traversal order. */
function checkFinite(v: GoValue): void {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new ConvertError(`json: unsupported value: ${formatFloat(v, 'g', -1, 64)}`);
    return;
  }
  if (Array.isArray(v)) v.forEach(checkFinite);
  else if (v instanceof Map) for (const x of v.values()) checkFinite(x);
}

/** YAML value → the value encoding/json decodes into interface{} (throws ConvertError). */
export function yamlToGo(v: YV | undefined): GoValue {
  if (v === undefined) return null;
  const out = convert(v);
  checkFinite(out);
  return out;
}

/** encoding/json's name for the JSON value kind in "cannot unmarshal X into Go value of type T". */
export function jsonKind(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Map) return 'object';
  return 'null';
}
