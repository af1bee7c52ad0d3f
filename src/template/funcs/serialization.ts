/**
 * Helm's serialization functions (pkg/engine/funcs.go, v3.17.2) and Sprig's JSON functions
 * (defaults.go, v3.3.0) that Helm keeps: toYaml, toYamlPretty, fromYaml, fromYamlArray, toToml,
 * fromToml, toJson, fromJson, fromJsonArray (Helm's), toPrettyJson, toRawJson, mustToJson,
 * mustToPrettyJson, mustToRawJson, mustFromJson (Sprig's).
 */
import { decodeJSON, marshalJSON } from '../json/index.ts';
import { encodeToml, parseToml, TomlEncodeError, TomlParseError } from '../toml/index.ts';
import { def, GoFuncError, type FuncDef, type GoMap, type GoValue } from '../value.ts';
import { parseYamlArray, parseYamlMap, toYaml, toYamlPretty, YamlError } from '../yaml/index.ts';

const MAP = 'map[string]interface {}';
const SLICE = '[]interface {}';
const ANY = 'interface {}';

/** json.Marshal with the given options; null when Go returns an error. */
function tryMarshal(v: GoValue, opts: Parameters<typeof marshalJSON>[1] = {}): string | null {
  try {
    return marshalJSON(v, opts);
  } catch (e) {
    if (e instanceof GoFuncError) return null;
    throw e;
  }
}

/** json.Marshal, json.MarshalIndent(v, "", "  ") or an Encoder without HTML escaping; throws GoFuncError. */
function mustMarshal(v: GoValue, opts: Parameters<typeof marshalJSON>[1] = {}): string {
  return marshalJSON(v, opts);
}

const PRETTY = { prefix: '', indent: '  ' };
const RAW = { escapeHTML: false };

export const serializationFuncs: Record<string, FuncDef> = {
  // ---- Helm (pkg/engine/funcs.go) ----
  toYaml: def([ANY], 'string', ([v]) => toYaml(v)),
  toYamlPretty: def([ANY], 'string', ([v]) => toYamlPretty(v)),
  fromYaml: def(['string'], MAP, ([s]) => {
    try {
      return parseYamlMap(s as string);
    } catch (e) {
      if (e instanceof YamlError) return new Map<string, GoValue>([['Error', e.message]]);
      throw e;
    }
  }),
  fromYamlArray: def(['string'], SLICE, ([s]) => {
    try {
      return parseYamlArray(s as string);
    } catch (e) {
      if (e instanceof YamlError) return [e.message];
      throw e;
    }
  }),
  toToml: def([ANY], 'string', ([v]) => {
    try {
      return encodeToml(v);
    } catch (e) {
      if (e instanceof TomlEncodeError) return e.message;
      throw e;
    }
  }),
  fromToml: def(['string'], MAP, ([s]) => {
    try {
      return parseToml(s as string);
    } catch (e) {
      if (e instanceof TomlParseError) return new Map<string, GoValue>([['Error', e.message]]);
      throw e;
    }
  }),
  toJson: def([ANY], 'string', ([v]) => tryMarshal(v) ?? ''),
  // JSON `null` decodes to a nil map / slice (the executor makes the null result a typed nil one),
  // which typeOf names as the declared type and toJson prints as null.
  fromJson: def(['string'], MAP, ([s]) => {
    const r = decodeJSON(s as string, 'map');
    if (r.error) {
      const m: GoMap = r.value instanceof Map ? r.value : new Map();
      m.set('Error', r.error.message);
      return m;
    }
    return r.value;
  }),
  fromJsonArray: def(['string'], SLICE, ([s]) => {
    const r = decodeJSON(s as string, 'slice');
    if (r.error) return [r.error.message];
    return r.value;
  }),

  // ---- Sprig (defaults.go) ----
  toPrettyJson: def([ANY], 'string', ([v]) => tryMarshal(v, PRETTY) ?? ''),
  toRawJson: def([ANY], 'string', ([v]) => {
    try {
      return mustMarshal(v, RAW);
    } catch (e) {
      // Sprig panics with the error
      if (e instanceof GoFuncError) throw new Error(e.message);
      throw e;
    }
  }),
  mustToJson: def([ANY], 'string', ([v]) => mustMarshal(v), { returnsError: true }),
  mustToPrettyJson: def([ANY], 'string', ([v]) => mustMarshal(v, PRETTY), { returnsError: true }),
  mustToRawJson: def([ANY], 'string', ([v]) => mustMarshal(v, RAW), { returnsError: true }),
  mustFromJson: def(['string'], ANY, ([s]) => {
    const r = decodeJSON(s as string, 'interface');
    if (r.error) throw r.error;
    return r.value;
  }, { returnsError: true }),
};
