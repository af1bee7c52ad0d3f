/**
 * go-yaml v2's Unmarshal into interface{} (decode.go): builds the node tree of the first document
 * from parser events, then decodes it with YAML 1.1 resolution, anchors/aliases and `<<` merges.
 */
import { utf8Decode, utf8Encode } from './chars.ts';
import { Parser } from './parser.ts';
import { BINARY_TAG, MERGE_TAG, resolve, ResolveError, TIMESTAMP_TAG } from './resolve.ts';
import { E, EVENT_NAMES, type EventType, type YamlEvent } from './tokens.ts';
import { YMap, type YV } from './values.ts';
import { goSyntax } from './go-syntax.ts';
import { YamlSyntaxError } from './reader.ts';

const DOCUMENT = 1;
const MAPPING = 2;
const SEQUENCE = 4;
const SCALAR = 8;
const ALIAS = 16;

interface Node {
  kind: number;
  line: number;
  column: number;
  tag: string;
  value: string;
  implicit: boolean;
  children: Node[];
  alias?: Node | undefined;
  anchors?: Map<string, Node>;
}

/** A go-yaml failure raised through `failf` (message already prefixed with `yaml: `). */
export class YamlDecodeError extends Error {}

class Composer {
  private readonly p: Parser;
  private event: YamlEvent | null = null;
  private doc: Node | null = null;
  private doneInit = false;

  constructor(input: Uint8Array) {
    this.p = new Parser(input.length === 0 ? Uint8Array.of(0x0a) : input);
  }

  private next(): YamlEvent {
    if (this.event === null) {
      const e = this.p.parse();
      // go-yaml returns a zero event (type none) after the end of the stream
      this.event = e ?? { typ: E.NO, startMark: this.p.mark, endMark: this.p.mark };
    }
    return this.event;
  }

  private expect(t: EventType): void {
    const e = this.next();
    if (e.typ === E.STREAM_END) throw new YamlDecodeError('yaml: attempted to go past the end of stream; corrupted value?');
    if (e.typ !== t) {
      const zero = { index: 0, line: 0, column: 0 };
      throw new YamlSyntaxError('parser', `expected ${EVENT_NAMES[t]} event but got ${EVENT_NAMES[e.typ]}`, zero, zero);
    }
    this.event = null;
  }

  private node(kind: number): Node {
    const e = this.next();
    return { kind, line: e.startMark.line, column: e.startMark.column, tag: '', value: '', implicit: false, children: [] };
  }

  private anchor(n: Node, anchor: number[] | undefined): void {
    if (anchor !== undefined) this.doc!.anchors!.set(utf8Decode(anchor), n);
  }

  parse(): Node | null {
    if (!this.doneInit) {
      this.expect(E.STREAM_START);
      this.doneInit = true;
    }
    const e = this.next();
    switch (e.typ) {
      case E.SCALAR: {
        const n = this.node(SCALAR);
        n.value = utf8Decode(e.value ?? []);
        n.tag = e.tag ? utf8Decode(e.tag) : '';
        n.implicit = e.implicit ?? false;
        this.anchor(n, e.anchor);
        this.expect(E.SCALAR);
        return n;
      }
      case E.ALIAS: {
        const n = this.node(ALIAS);
        n.value = utf8Decode(e.anchor ?? []);
        n.alias = this.doc!.anchors!.get(n.value);
        if (n.alias === undefined) throw new YamlDecodeError(`yaml: unknown anchor '${n.value}' referenced`);
        this.expect(E.ALIAS);
        return n;
      }
      case E.MAPPING_START: {
        const n = this.node(MAPPING);
        this.anchor(n, e.anchor);
        this.expect(E.MAPPING_START);
        while (this.next().typ !== E.MAPPING_END) n.children.push(this.parse()!, this.parse()!);
        this.expect(E.MAPPING_END);
        return n;
      }
      case E.SEQUENCE_START: {
        const n = this.node(SEQUENCE);
        this.anchor(n, e.anchor);
        this.expect(E.SEQUENCE_START);
        while (this.next().typ !== E.SEQUENCE_END) n.children.push(this.parse()!);
        this.expect(E.SEQUENCE_END);
        return n;
      }
      case E.DOCUMENT_START: {
        const n = this.node(DOCUMENT);
        n.anchors = new Map();
        this.doc = n;
        this.expect(E.DOCUMENT_START);
        n.children.push(this.parse()!);
        this.expect(E.DOCUMENT_END);
        return n;
      }
      case E.STREAM_END:
        return null;
    }
    throw new Error(`attempted to parse unknown event: ${EVENT_NAMES[e.typ]}`);
  }
}

const ALIAS_RATIO_RANGE_LOW = 400000;
const ALIAS_RATIO_RANGE_HIGH = 4000000;

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= ALIAS_RATIO_RANGE_LOW) return 0.99;
  if (decodeCount >= ALIAS_RATIO_RANGE_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - ALIAS_RATIO_RANGE_LOW) / (ALIAS_RATIO_RANGE_HIGH - ALIAS_RATIO_RANGE_LOW));
}

function decodeBase64(s: string): Uint8Array | null {
  const clean = s.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  return Uint8Array.from(Buffer.from(clean, 'base64'));
}

class Decoder {
  private readonly aliases = new Set<Node>();
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;

  /** d.unmarshal(n, out) for an interface{} (or map, when `into` is given) target. */
  unmarshal(n: Node, into?: YMap): YV {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      throw new YamlDecodeError('yaml: document contains excessive aliasing');
    }
    switch (n.kind) {
      case DOCUMENT:
        return this.unmarshal(n.children[0]!, into);
      case ALIAS: {
        if (this.aliases.has(n)) throw new YamlDecodeError(`yaml: anchor '${n.value}' value contains itself`);
        this.aliases.add(n);
        this.aliasDepth++;
        const v = this.unmarshal(n.alias!, into);
        this.aliasDepth--;
        this.aliases.delete(n);
        return v;
      }
      case SCALAR:
        return this.scalar(n);
      case MAPPING:
        return this.mapping(n, into ?? new YMap());
      case SEQUENCE:
        return n.children.map((c) => this.unmarshal(c));
    }
    throw new Error('internal error: unknown node kind');
  }

  private scalar(n: Node): YV {
    if (n.tag === '' && !n.implicit) return n.value;
    let tag: string;
    let resolved: YV;
    try {
      [tag, resolved] = resolve(n.tag, n.value);
    } catch (e) {
      if (e instanceof ResolveError) throw new YamlDecodeError(e.message);
      throw e;
    }
    if (tag === BINARY_TAG) {
      const data = decodeBase64(resolved as string);
      if (data === null) throw new YamlDecodeError('yaml: !!binary value contains invalid base64 data');
      resolved = utf8Decode(data);
    }
    if (tag === TIMESTAMP_TAG) return n.value;
    return resolved;
  }

  private mapping(n: Node, out: YMap): YMap {
    for (let i = 0; i < n.children.length; i += 2) {
      const kn = n.children[i]!;
      if (kn.kind === SCALAR && kn.value === '<<' && (kn.implicit || kn.tag === MERGE_TAG)) {
        this.merge(n.children[i + 1]!, out);
        continue;
      }
      const k = this.unmarshal(kn);
      if (Array.isArray(k) || k instanceof YMap) throw new YamlDecodeError(`yaml: invalid map key: ${goSyntax(k)}`);
      const v = this.unmarshal(n.children[i + 1]!);
      out.set(k, v);
    }
    return out;
  }

  private merge(n: Node, out: YMap): void {
    const fail = (): never => {
      throw new YamlDecodeError('yaml: map merge requires map or sequence of maps as the value');
    };
    switch (n.kind) {
      case MAPPING:
        this.unmarshal(n, out);
        return;
      case ALIAS:
        if (n.alias !== undefined && n.alias.kind !== MAPPING) fail();
        this.unmarshal(n, out);
        return;
      case SEQUENCE:
        for (let i = n.children.length - 1; i >= 0; i--) {
          const ni = n.children[i]!;
          if (ni.kind === ALIAS) {
            if (ni.alias !== undefined && ni.alias.kind !== MAPPING) fail();
          } else if (ni.kind !== MAPPING) {
            fail();
          }
          this.unmarshal(ni, out);
        }
        return;
    }
    fail();
  }
}

/**
 * yaml.v2 Unmarshal(in, &interface{}): the first document decoded, `undefined` for an empty stream.
 * Throws YamlSyntaxError / YamlDecodeError with go-yaml's messages.
 */
export function decodeYaml(text: string | Uint8Array): YV | undefined {
  const input = typeof text === 'string' ? utf8Encode(text) : text;
  const composer = new Composer(input);
  const node = composer.parse();
  if (node === null) return undefined;
  return new Decoder().unmarshal(node);
}

