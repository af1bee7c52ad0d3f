/**
 * YAML exactly as Helm 3.17 handles it: sigs.k8s.io/yaml v1.4.0 (JSON round trip through go-yaml v2)
 * for `toYaml`, `fromYaml` and values files, and go-yaml v3's encoder for `toYamlPretty`.
 */
import type { GoMap, GoValue } from '../value.ts';
import { decodeYaml, YamlDecodeError } from './decode.ts';
import { decodeYamlCached } from './decode-cache.ts';
import { marshalYV } from './encode.ts';
import { encodeV3 } from './encode-v3.ts';
import { jsonRoundTrip, JsonMarshalError } from './json-value.ts';
import { YamlSyntaxError } from './reader.ts';
import { ConvertError, jsonKind, yamlToGo } from './to-go.ts';

/** A failure of sigs.k8s.io/yaml; `message` is the Go error text (`error converting YAML to JSON: yaml: …`). */
export class YamlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlError';
  }
}

/** go-yaml v2 Unmarshal + JSON conversion: the document as encoding/json would decode it into interface{}. */
function yamlToJsonValue(text: string, cached = false): GoValue {
  try {
    return yamlToGo(cached ? decodeYamlCached(text) : decodeYaml(text));
  } catch (e) {
    if (e instanceof YamlSyntaxError || e instanceof YamlDecodeError || e instanceof ConvertError) {
      throw new YamlError(`error converting YAML to JSON: ${e.message}`);
    }
    throw e;
  }
}

/** sigs.k8s.io/yaml Unmarshal into `interface{}`: any value (null for an empty document). */
export function parseYaml(text: string): GoValue {
  return yamlToJsonValue(text);
}

function typeMismatch(v: GoValue, target: string): YamlError {
  return new YamlError(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type ${target}`);
}

/**
 * sigs.k8s.io/yaml Unmarshal into `map[string]interface{}` (values files, `fromYaml`). A null or
 * empty document leaves the map empty. Decodes go through the decode cache (./decode-cache.ts).
 */
export function parseYamlMap(text: string): GoMap {
  const v = yamlToJsonValue(text, true);
  if (v === null) return new Map();
  if (!(v instanceof Map)) throw typeMismatch(v, 'map[string]interface {}');
  return v;
}

/** sigs.k8s.io/yaml Unmarshal into `[]interface{}` (`fromYamlArray`). */
export function parseYamlArray(text: string): GoValue[] {
  const v = yamlToJsonValue(text, true);
  if (v === null) return [];
  if (!Array.isArray(v)) throw typeMismatch(v, '[]interface {}');
  return v;
}

/** sigs.k8s.io/yaml Marshal (with go-yaml's trailing newline); throws YamlError. */
export function marshalYaml(v: GoValue): string {
  let yv;
  try {
    yv = jsonRoundTrip(v);
  } catch (e) {
    if (e instanceof JsonMarshalError) throw new YamlError(`error marshaling into JSON: ${e.message}`);
    throw e;
  }
  return marshalYV(yv);
}

/** Helm's `toYaml`: Marshal with the final newline trimmed; "" on error. */
export function toYaml(v: GoValue): string {
  try {
    const out = marshalYaml(v);
    return out.endsWith('\n') ? out.slice(0, -1) : out;
  } catch (e) {
    if (e instanceof YamlError || e instanceof YamlSyntaxError) return '';
    throw e;
  }
}

/** Helm's `toYamlPretty`: go-yaml v3 Encoder with indent 2, final newline trimmed; "" on error. */
export function toYamlPretty(v: GoValue): string {
  try {
    const out = encodeV3(v);
    return out.endsWith('\n') ? out.slice(0, -1) : out;
  } catch (e) {
    if (e instanceof YamlError) return '';
    throw e;
  }
}

export { YamlSyntaxError };
