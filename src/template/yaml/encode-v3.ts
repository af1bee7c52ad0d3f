/**
 * go-yaml v3's encoder for template values (Helm's toYamlPretty): Go values are encoded directly
 * (no JSON round trip), so float64 values print with strconv's 'g' format, []byte as a list of
 * numbers, and structs by their lower-cased Go field names.
 */
import { GoNumber, GoStruct, type GoValue } from '../value.ts';
import { emitDocument, scalarEvent, stringEvent, yamlFloat } from './encode.ts';
import { sortedKeyOrder } from './sort-keys.ts';
import { BLOCK_STYLE, E, S, type YamlEvent } from './tokens.ts';

const ZERO = { index: 0, line: 0, column: 0 };

function marshal(v: GoValue, out: YamlEvent[]): void {
  if (v === undefined || v === null) {
    out.push(scalarEvent('null', S.PLAIN));
    return;
  }
  switch (typeof v) {
    case 'string':
      out.push(stringEvent(v, true));
      return;
    case 'boolean':
      out.push(scalarEvent(v ? 'true' : 'false', S.PLAIN));
      return;
    case 'bigint':
      out.push(scalarEvent(v.toString(), S.PLAIN));
      return;
    case 'number':
      out.push(scalarEvent(yamlFloat(v, 64), S.PLAIN));
      return;
  }
  if (v instanceof GoNumber) {
    out.push(scalarEvent(typeof v.value === 'bigint' ? v.value.toString() : yamlFloat(v.value, 32), S.PLAIN));
    return;
  }
  if (v instanceof Uint8Array || Array.isArray(v)) {
    out.push({ typ: E.SEQUENCE_START, startMark: ZERO, endMark: ZERO, implicit: true, style: BLOCK_STYLE });
    if (v instanceof Uint8Array) for (const b of v) out.push(scalarEvent(String(b), S.PLAIN));
    else for (const item of v) marshal(item, out);
    out.push({ typ: E.SEQUENCE_END, startMark: ZERO, endMark: ZERO });
    return;
  }
  if (v instanceof Map) {
    out.push({ typ: E.MAPPING_START, startMark: ZERO, endMark: ZERO, implicit: true, style: BLOCK_STYLE });
    const keys = [...v.keys()];
    for (const i of sortedKeyOrder(keys, true)) {
      const k = keys[i]!;
      out.push(stringEvent(k, true));
      marshal(v.get(k), out);
    }
    out.push({ typ: E.MAPPING_END, startMark: ZERO, endMark: ZERO });
    return;
  }
  if (v instanceof GoStruct && v.typeName === 'time.Time' && !v.pointer) {
    // encoder.timev: RFC3339Nano, plain
    out.push(scalarEvent(String(v.json()), S.PLAIN));
    return;
  }
  if (v instanceof GoStruct) {
    out.push({ typ: E.MAPPING_START, startMark: ZERO, endMark: ZERO, implicit: true, style: BLOCK_STYLE });
    for (const [name, fv] of v.fields) {
      out.push(stringEvent(name.toLowerCase(), true));
      marshal(fv, out);
    }
    out.push({ typ: E.MAPPING_END, startMark: ZERO, endMark: ZERO });
  }
}

/** yaml.v3 Encoder{indent: 2}.Encode(v) output (with the trailing newline). */
export function encodeV3(v: GoValue): string {
  const body: YamlEvent[] = [];
  marshal(v, body);
  return emitDocument(body, { v3: true, indent: 2 });
}
