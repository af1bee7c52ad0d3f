/**
 * YAML as Helm reads it: sigs.k8s.io/yaml (go-yaml v2, YAML 1.1) converted through JSON, so every
 * number becomes a float64 and map keys become strings.
 *
 * The parser is replaceable: pass `parseYaml` (e.g. the template layer's exact go-yaml port) in
 * {@link YamlOptions}. It must return the first document as plain data (Maps or objects, arrays,
 * strings, numbers, booleans, null; `undefined`/null for an empty document) and throw an Error whose
 * message is go-yaml's (`yaml: line 3: mapping values are not allowed in this context`).
 * Without it, the `yaml` npm package is used with the YAML 1.1 schema.
 */

import { createRequire } from 'node:module';
import type { ScalarTag, Tags } from 'yaml';
import { formatFloat } from '@capstan/strconv';
import type { Value, Values } from './values.ts';
import { parseYamlCached } from './yaml-parse-cache.ts';

export type YamlParser = (text: string) => unknown;

export interface YamlOptions {
  /** A go-yaml compatible parser (see the module comment). */
  readonly parseYaml?: YamlParser;
}

/** An error from reading YAML, worded as sigs.k8s.io/yaml words it. */
export class YamlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlError';
  }
}

const SPECIAL_FLOATS = new Map<string, number>([
  ['.nan', NaN], ['.NaN', NaN], ['.NAN', NaN],
  ['.inf', Infinity], ['.Inf', Infinity], ['.INF', Infinity],
  ['-.inf', -Infinity], ['-.Inf', -Infinity], ['-.INF', -Infinity],
]);
const INT_RE = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const YAML_FLOAT_RE = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** go-yaml v2's resolve() for plain scalars that become numbers (int or float); undefined otherwise. */
export function goYamlNumber(s: string): number | undefined {
  const special = SPECIAL_FLOATS.get(s);
  if (special !== undefined) return special;
  const c = s[0];
  if (c === '.') {
    if (!/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)) return undefined;
    const f = Number(s);
    return Number.isFinite(f) ? f : undefined;
  }
  if (c === undefined || !(c === '+' || c === '-' || (c >= '0' && c <= '9'))) return undefined;
  const plain = s.replace(/_/g, '');
  const m = INT_RE.exec(plain);
  if (m) {
    let body = m[2]!;
    if (/^0[0-7]+$/.test(body)) body = '0o' + body.slice(1);
    const mag = BigInt(body);
    const v = m[1] === '-' ? -mag : mag;
    if (v >= -(2n ** 63n) && v < 2n ** 63n) return Number(v);
    if (m[1] === '' && v < 2n ** 64n) return Number(v);
  }
  if (YAML_FLOAT_RE.test(plain)) {
    const f = Number(plain);
    return Number.isFinite(f) ? f : undefined;
  }
  return undefined;
}

function numberTag(tag: string): ScalarTag {
  const test = Object.assign(/(?:)/, { test: (s: string) => goYamlNumber(s) !== undefined });
  return {
    tag,
    default: true,
    identify: (v: unknown) => typeof v === 'number',
    test,
    resolve: (s: string) => goYamlNumber(s) ?? s,
  };
}

const NUMBER_TAGS = new Set(['tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:timestamp']);

function goYamlTags(tags: Tags): Tags {
  const out: Tags = [];
  let added = false;
  for (const t of tags) {
    if (typeof t !== 'string' && NUMBER_TAGS.has(t.tag)) {
      if (!added) {
        out.push(numberTag('tag:yaml.org,2002:int'), numberTag('tag:yaml.org,2002:float'));
        added = true;
      }
      continue;
    }
    out.push(t);
  }
  return out;
}

let yamlLib: typeof import('yaml') | undefined;

/** The `yaml` package, loaded on first use (only needed when no parser is injected). */
function yamlPackage(): typeof import('yaml') {
  yamlLib ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlLib;
}

function defaultParse(text: string): unknown {
  const docs = yamlPackage().parseAllDocuments(text, {
    schema: 'yaml-1.1',
    merge: true,
    uniqueKeys: false,
    intAsBigInt: false,
    // go-yaml v2's number resolution; timestamps stay strings when decoding into interface{}.
    customTags: goYamlTags,
  });
  const list = Array.isArray(docs) ? docs : [];
  const doc = list[0];
  if (!doc) return null;
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line;
    const msg = (err.message.split('\n')[0] ?? err.message).replace(/ at line \d+, column \d+:?$/, '');
    throw new YamlError(line !== undefined ? `yaml: line ${line}: ${msg}` : `yaml: ${msg}`);
  }
  return doc.toJS({ mapAsMap: true, maxAliasCount: -1 });
}

/** How sigs.k8s.io/yaml turns a YAML map key into a JSON key. */
function keyString(k: unknown): string {
  if (typeof k === 'string') return k;
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  if (typeof k === 'bigint') return k.toString();
  if (typeof k === 'number') {
    if (Number.isInteger(k) && Math.abs(k) < 2 ** 63) return BigInt(k).toString();
    const s = formatFloat(k, 'g', -1, 32);
    return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
  }
  const typ = k === null || k === undefined ? '<nil>' : Array.isArray(k) ? '[]interface {}' : 'map[interface {}]interface {}';
  throw new YamlError(`unsupported map key of type: ${typ}, key: ${String(k)}`);
}

/** Normalises parser output to JSON-like Values (what encoding/json gives after the YAML→JSON step). */
export function toJsonLike(v: unknown): Value {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'boolean':
    case 'string':
      return v;
    case 'number':
      return v;
    case 'bigint':
      return Number(v);
  }
  if (Array.isArray(v)) return v.map(toJsonLike);
  if (v instanceof Map) {
    const out: Values = new Map();
    for (const [k, x] of v) out.set(keyString(k), toJsonLike(x));
    return out;
  }
  if (v instanceof Uint8Array) return Buffer.from(v).toString('latin1');
  if (v instanceof Set) {
    const out: Values = new Map();
    for (const k of v) out.set(keyString(k), null);
    return out;
  }
  if (typeof v === 'object') {
    const out: Values = new Map();
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out.set(k, toJsonLike(x));
    return out;
  }
  throw new YamlError(`unsupported YAML value of type ${typeof v}`);
}

/**
 * Parses one YAML document to a JSON-like value (null for an empty document). Errors are
 * `error converting YAML to JSON: yaml: …` as sigs.k8s.io/yaml reports them.
 */
export function parseYamlValue(text: string, opts: YamlOptions = {}): Value {
  let raw: unknown;
  try {
    raw = parseYamlCached(opts.parseYaml ?? defaultParse, text);
  } catch (e) {
    throw new YamlError(`error converting YAML to JSON: ${(e as Error).message}`);
  }
  try {
    return toJsonLike(raw);
  } catch (e) {
    throw new YamlError(`error converting YAML to JSON: ${(e as Error).message}`);
  }
}

/** encoding/json's word for a JSON value's kind in "cannot unmarshal X into …". */
export function jsonKindWord(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/**
 * `yaml.Unmarshal(data, &map[string]interface{})` as Helm does for values.yaml and -f files:
 * an empty document gives an empty map; a non-map document is an error.
 * `fileName` is only used by callers for wrapping; kept for the API's symmetry.
 */
export function parseValuesYaml(text: string, _fileName = 'values.yaml', opts: YamlOptions = {}): Values {
  const v = parseYamlValue(text, opts);
  if (v === null) return new Map();
  if (!(v instanceof Map)) {
    throw new YamlError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKindWord(v)} into Go value of type map[string]interface {}`,
    );
  }
  return v;
}
