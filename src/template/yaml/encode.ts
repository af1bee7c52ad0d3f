/** go-yaml v2's Marshal of decoded values (encode.go): YV tree → events → YAML text. */
import { formatFloat } from '../fmt/ftoa.ts';
import { utf8Decode, utf8Encode } from './chars.ts';
import { Emitter } from './emitter.ts';
import { isBase60Float, resolve, STR_TAG } from './resolve.ts';
import { sortedKeyOrder } from './sort-keys.ts';
import { BLOCK_STYLE, E, S, type YamlEvent } from './tokens.ts';
import { YInt, YMap, type YV } from './values.ts';

const ZERO = { index: 0, line: 0, column: 0 };

function ev(typ: YamlEvent['typ'], extra: Partial<YamlEvent> = {}): YamlEvent {
  return { typ, startMark: ZERO, endMark: ZERO, ...extra };
}

export function scalarEvent(value: string, style: number, tag = ''): YamlEvent {
  const implicit = tag === '';
  return ev(E.SCALAR, {
    value: Array.from(utf8Encode(value)),
    tag: implicit ? undefined : Array.from(utf8Encode(tag)),
    implicit,
    quotedImplicit: implicit,
    style,
  });
}

/** go-yaml's float formatting: strconv 'g' shortest, with .inf/-.inf/.nan. */
export function yamlFloat(f: number, bits: 32 | 64 = 64): string {
  const s = formatFloat(f, 'g', -1, bits);
  if (s === '+Inf') return '.inf';
  if (s === '-Inf') return '-.inf';
  if (s === 'NaN') return '.nan';
  return s;
}

/** encoder.stringv for an untagged string (v2 rules; v3 additionally quotes YAML 1.1 booleans). */
export function stringEvent(s: string, v3 = false): YamlEvent {
  const [rtag] = resolve('', s);
  let canUsePlain = rtag === STR_TAG && !isBase60Float(s);
  if (v3 && canUsePlain && OLD_BOOLS.has(s)) canUsePlain = false;
  let style: number;
  if (s.includes('\n')) style = S.LITERAL;
  else if (canUsePlain) style = S.PLAIN;
  else style = S.DOUBLE_QUOTED;
  return scalarEvent(s, style);
}

const OLD_BOOLS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

function marshal(v: YV, out: YamlEvent[]): void {
  if (v === null) {
    out.push(scalarEvent('null', S.PLAIN));
    return;
  }
  switch (typeof v) {
    case 'string':
      out.push(stringEvent(v));
      return;
    case 'boolean':
      out.push(scalarEvent(v ? 'true' : 'false', S.PLAIN));
      return;
    case 'number':
      out.push(scalarEvent(yamlFloat(v), S.PLAIN));
      return;
  }
  if (v instanceof YInt) {
    out.push(scalarEvent(v.v.toString(), S.PLAIN));
    return;
  }
  if (Array.isArray(v)) {
    out.push(ev(E.SEQUENCE_START, { implicit: true, style: BLOCK_STYLE }));
    for (const item of v) marshal(item, out);
    out.push(ev(E.SEQUENCE_END));
    return;
  }
  if (v instanceof YMap) {
    out.push(ev(E.MAPPING_START, { implicit: true, style: BLOCK_STYLE }));
    for (const i of sortedKeyOrder(v.keys)) {
      marshal(v.keys[i]!, out);
      marshal(v.vals[i]!, out);
    }
    out.push(ev(E.MAPPING_END));
  }
}

/** Wraps a node's events in stream/document events and runs the emitter. */
export function emitDocument(body: YamlEvent[], opts: { v3?: boolean; indent?: number } = {}): string {
  const events = [
    ev(E.STREAM_START),
    ev(E.DOCUMENT_START, { implicit: true }),
    ...body,
    ev(E.DOCUMENT_END, { implicit: true }),
    // v2's encoder.finish() clears open_ended before STREAM-END and v3's Encode never emits it, so no
    // "..." is ever written: the stream end is omitted.
  ];
  const emitter = new Emitter(opts);
  return utf8Decode(emitter.emitAll(events));
}

/** yaml.v2 Marshal(v) (with the trailing newline). */
export function marshalYV(v: YV): string {
  const body: YamlEvent[] = [];
  marshal(v, body);
  return emitDocument(body);
}
