/**
 * Port of go-yaml's emitter state machine (emitterc.go) for the events our encoders produce: block
 * and flow collections and scalars (no anchors, tags beyond `!!binary`, comments or directives).
 * `v3` selects gopkg.in/yaml.v3's deviations (sequence indentation, tab handling, no line folding).
 */
import { width } from './chars.ts';
import { analyzeScalar, type ScalarData } from './emitter-analyze.ts';
import { writeDoubleQuoted, writeFolded, writeLiteral, writePlain, writeSingleQuoted, writeTagContent } from './emitter-write.ts';
import { E, FLOW_STYLE, S, type YamlEvent } from './tokens.ts';

const ST = {
  STREAM_START: 0,
  FIRST_DOCUMENT_START: 1,
  DOCUMENT_START: 2,
  DOCUMENT_CONTENT: 3,
  DOCUMENT_END: 4,
  FLOW_SEQUENCE_FIRST_ITEM: 5,
  FLOW_SEQUENCE_ITEM: 6,
  FLOW_MAPPING_FIRST_KEY: 7,
  FLOW_MAPPING_KEY: 8,
  FLOW_MAPPING_SIMPLE_VALUE: 9,
  FLOW_MAPPING_VALUE: 10,
  BLOCK_SEQUENCE_FIRST_ITEM: 11,
  BLOCK_SEQUENCE_ITEM: 12,
  BLOCK_MAPPING_FIRST_KEY: 13,
  BLOCK_MAPPING_KEY: 14,
  BLOCK_MAPPING_SIMPLE_VALUE: 15,
  BLOCK_MAPPING_VALUE: 16,
  END: 17,
} as const;
type State = (typeof ST)[keyof typeof ST];

export class EmitterError extends Error {}


export interface EmitterOptions {
  v3?: boolean;
  indent?: number;
  /** preferred line width; negative = unlimited (yaml.v3's default) */
  width?: number;
}

export class Emitter {
  readonly v3: boolean;
  out: number[] = [];
  bestIndent: number;
  bestWidth: number;
  unicode = true;
  canonical = false;
  state: State = ST.STREAM_START;
  states: State[] = [];
  events: YamlEvent[] = [];
  head = 0;
  indents: number[] = [];
  indent = -1;
  flowLevel = 0;
  rootContext = false;
  sequenceContext = false;
  mappingContext = false;
  simpleKeyContext = false;
  line = 0;
  column = 0;
  whitespace = true;
  indention = true;
  openEnded = false;
  tagHandle: number[] = [];
  tagSuffix: number[] = [];
  scalar: ScalarData = {
    value: [],
    multiline: false,
    flowPlainAllowed: false,
    blockPlainAllowed: false,
    singleQuotedAllowed: false,
    blockAllowed: false,
    style: S.ANY,
  };

  constructor(opts: EmitterOptions = {}) {
    this.v3 = opts.v3 ?? false;
    this.bestIndent = opts.indent ?? 0;
    this.bestWidth = opts.width ?? (this.v3 ? -1 : 0);
  }

  /** Emits a complete, balanced list of events and returns the UTF-8 output bytes. */
  emitAll(events: YamlEvent[]): number[] {
    this.events = events;
    for (this.head = 0; this.head < events.length; this.head++) {
      const ev = events[this.head]!;
      this.analyzeEvent(ev);
      this.stateMachine(ev);
    }
    return this.out;
  }

  // ---- output primitives ----

  put(c: number): void {
    this.out.push(c);
    this.column++;
  }

  putBreak(): void {
    this.out.push(0x0a);
    this.column = 0;
    this.line++;
    if (this.v3) this.indention = true;
  }

  /** write one UTF-8 character of `s` at `i`; returns the new index */
  write(s: number[], i: number): number {
    const w = width(s[i] ?? 0) || 1;
    for (let k = 0; k < w; k++) this.out.push(s[i + k] ?? 0);
    this.column++;
    return i + w;
  }

  writeAll(s: number[]): void {
    for (let i = 0; i < s.length; ) i = this.write(s, i);
  }

  writeBreak(s: number[], i: number): number {
    if (s[i] === 0x0a) {
      this.putBreak();
      return i + 1;
    }
    const j = this.write(s, i);
    this.column = 0;
    this.line++;
    if (this.v3) this.indention = true;
    return j;
  }

  writeIndent(): void {
    const indent = this.indent < 0 ? 0 : this.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(0x20);
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(0x20);
    for (let i = 0; i < indicator.length; i++) this.put(indicator.charCodeAt(i));
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
    this.openEnded = false;
  }

  private increaseIndent(flow: boolean, indentless: boolean, compactSeq = false): void {
    this.indents.push(this.indent);
    if (this.indent < 0) {
      this.indent = flow ? this.bestIndent : 0;
    } else if (!indentless) {
      if (!this.v3) {
        this.indent += this.bestIndent;
      } else if (this.states[this.states.length - 1] === ST.BLOCK_SEQUENCE_ITEM) {
        this.indent += 2;
      } else {
        this.indent = this.bestIndent * Math.trunc((this.indent + this.bestIndent) / this.bestIndent);
        if (compactSeq) this.indent -= 2;
      }
    }
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  private popState(): void {
    this.state = this.states.pop()!;
  }

  // ---- state machine ----

  private stateMachine(ev: YamlEvent): void {
    switch (this.state) {
      case ST.STREAM_START: return this.emitStreamStart(ev);
      case ST.FIRST_DOCUMENT_START: return this.emitDocumentStart(ev, true);
      case ST.DOCUMENT_START: return this.emitDocumentStart(ev, false);
      case ST.DOCUMENT_CONTENT:
        this.states.push(ST.DOCUMENT_END);
        return this.emitNode(ev, true, false, false, false);
      case ST.DOCUMENT_END: return this.emitDocumentEnd(ev);
      case ST.FLOW_SEQUENCE_FIRST_ITEM: return this.emitFlowSequenceItem(ev, true);
      case ST.FLOW_SEQUENCE_ITEM: return this.emitFlowSequenceItem(ev, false);
      case ST.FLOW_MAPPING_FIRST_KEY: return this.emitFlowMappingKey(ev, true);
      case ST.FLOW_MAPPING_KEY: return this.emitFlowMappingKey(ev, false);
      case ST.FLOW_MAPPING_SIMPLE_VALUE: return this.emitFlowMappingValue(ev, true);
      case ST.FLOW_MAPPING_VALUE: return this.emitFlowMappingValue(ev, false);
      case ST.BLOCK_SEQUENCE_FIRST_ITEM: return this.emitBlockSequenceItem(ev, true);
      case ST.BLOCK_SEQUENCE_ITEM: return this.emitBlockSequenceItem(ev, false);
      case ST.BLOCK_MAPPING_FIRST_KEY: return this.emitBlockMappingKey(ev, true);
      case ST.BLOCK_MAPPING_KEY: return this.emitBlockMappingKey(ev, false);
      case ST.BLOCK_MAPPING_SIMPLE_VALUE: return this.emitBlockMappingValue(ev, true);
      case ST.BLOCK_MAPPING_VALUE: return this.emitBlockMappingValue(ev, false);
      case ST.END: throw new EmitterError('expected nothing after STREAM-END');
    }
  }

  private emitStreamStart(ev: YamlEvent): void {
    if (ev.typ !== E.STREAM_START) throw new EmitterError('expected STREAM-START');
    if (this.bestIndent < 2 || this.bestIndent > 9) this.bestIndent = 2;
    if (this.bestWidth >= 0 && this.bestWidth <= this.bestIndent * 2) this.bestWidth = 80;
    if (this.bestWidth < 0) this.bestWidth = 2 ** 31 - 1;
    this.indent = -1;
    this.line = 0;
    this.column = 0;
    this.whitespace = true;
    this.indention = true;
    this.state = ST.FIRST_DOCUMENT_START;
  }

  private emitDocumentStart(ev: YamlEvent, first: boolean): void {
    if (ev.typ === E.DOCUMENT_START) {
      let implicit = ev.implicit ?? true;
      if (!first || this.canonical) implicit = false;
      if (!implicit) {
        this.writeIndent();
        this.writeIndicator('---', true, false, false);
        if (this.canonical || this.v3) this.writeIndent();
      }
      this.state = ST.DOCUMENT_CONTENT;
      return;
    }
    if (ev.typ === E.STREAM_END) {
      if (this.openEnded) {
        this.writeIndicator('...', true, false, false);
        this.writeIndent();
      }
      this.state = ST.END;
      return;
    }
    throw new EmitterError('expected DOCUMENT-START or STREAM-END');
  }

  private emitDocumentEnd(ev: YamlEvent): void {
    if (ev.typ !== E.DOCUMENT_END) throw new EmitterError('expected DOCUMENT-END');
    this.writeIndent();
    if (ev.implicit === false) {
      this.writeIndicator('...', true, false, false);
      this.writeIndent();
    }
    this.state = ST.DOCUMENT_START;
  }

  private emitFlowSequenceItem(ev: YamlEvent, first: boolean): void {
    if (first) {
      this.writeIndicator('[', true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
    }
    if (ev.typ === E.SEQUENCE_END) {
      this.flowLevel--;
      this.popIndent();
      if (this.v3 && this.column === 0) this.writeIndent();
      this.writeIndicator(']', false, false, false);
      this.popState();
      return;
    }
    if (!first) this.writeIndicator(',', false, false, false);
    if (this.v3 && this.column === 0) this.writeIndent();
    if (this.canonical || this.column > this.bestWidth) this.writeIndent();
    this.states.push(ST.FLOW_SEQUENCE_ITEM);
    this.emitNode(ev, false, true, false, false);
  }

  private emitFlowMappingKey(ev: YamlEvent, first: boolean): void {
    if (first) {
      this.writeIndicator('{', true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
    }
    if (ev.typ === E.MAPPING_END) {
      this.flowLevel--;
      this.popIndent();
      if (this.v3 && this.column === 0) this.writeIndent();
      this.writeIndicator('}', false, false, false);
      this.popState();
      return;
    }
    if (!first) this.writeIndicator(',', false, false, false);
    if (this.v3 && this.column === 0) this.writeIndent();
    if (this.canonical || this.column > this.bestWidth) this.writeIndent();
    if (!this.canonical && this.checkSimpleKey()) {
      this.states.push(ST.FLOW_MAPPING_SIMPLE_VALUE);
      return this.emitNode(ev, false, false, true, true);
    }
    this.writeIndicator('?', true, false, false);
    this.states.push(ST.FLOW_MAPPING_VALUE);
    this.emitNode(ev, false, false, true, false);
  }

  private emitFlowMappingValue(ev: YamlEvent, simple: boolean): void {
    if (simple) {
      this.writeIndicator(':', false, false, false);
    } else {
      if (this.canonical || this.column > this.bestWidth) this.writeIndent();
      this.writeIndicator(':', true, false, false);
    }
    this.states.push(ST.FLOW_MAPPING_KEY);
    this.emitNode(ev, false, false, true, false);
  }

  private emitBlockSequenceItem(ev: YamlEvent, first: boolean): void {
    if (first) {
      if (this.v3) this.increaseIndent(false, false, false);
      else this.increaseIndent(false, this.mappingContext && !this.indention);
    }
    if (ev.typ === E.SEQUENCE_END) {
      this.popIndent();
      this.popState();
      return;
    }
    this.writeIndent();
    this.writeIndicator('-', true, false, true);
    this.states.push(ST.BLOCK_SEQUENCE_ITEM);
    this.emitNode(ev, false, true, false, false);
  }

  private emitBlockMappingKey(ev: YamlEvent, first: boolean): void {
    if (first) this.increaseIndent(false, false);
    if (ev.typ === E.MAPPING_END) {
      this.popIndent();
      this.popState();
      return;
    }
    this.writeIndent();
    if (this.checkSimpleKey()) {
      this.states.push(ST.BLOCK_MAPPING_SIMPLE_VALUE);
      return this.emitNode(ev, false, false, true, true);
    }
    this.writeIndicator('?', true, false, true);
    this.states.push(ST.BLOCK_MAPPING_VALUE);
    this.emitNode(ev, false, false, true, false);
  }

  private emitBlockMappingValue(ev: YamlEvent, simple: boolean): void {
    if (simple) {
      this.writeIndicator(':', false, false, false);
    } else {
      this.writeIndent();
      this.writeIndicator(':', true, false, true);
    }
    this.states.push(ST.BLOCK_MAPPING_KEY);
    this.emitNode(ev, false, false, true, false);
  }

  private emitNode(ev: YamlEvent, root: boolean, sequence: boolean, mapping: boolean, simpleKey: boolean): void {
    this.rootContext = root;
    this.sequenceContext = sequence;
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    switch (ev.typ) {
      case E.SCALAR: return this.emitScalar(ev);
      case E.SEQUENCE_START:
        this.processTag();
        this.state =
          this.flowLevel > 0 || this.canonical || ev.style === FLOW_STYLE || this.checkEmptySequence()
            ? ST.FLOW_SEQUENCE_FIRST_ITEM
            : ST.BLOCK_SEQUENCE_FIRST_ITEM;
        return;
      case E.MAPPING_START:
        this.processTag();
        this.state =
          this.flowLevel > 0 || this.canonical || ev.style === FLOW_STYLE || this.checkEmptyMapping()
            ? ST.FLOW_MAPPING_FIRST_KEY
            : ST.BLOCK_MAPPING_FIRST_KEY;
        return;
    }
    throw new EmitterError(`expected SCALAR, SEQUENCE-START, MAPPING-START, or ALIAS, but got ${ev.typ}`);
  }

  private emitScalar(ev: YamlEvent): void {
    this.selectScalarStyle(ev);
    this.processTag();
    this.increaseIndent(true, false);
    this.processScalar();
    this.popIndent();
    this.popState();
  }

  private checkEmptySequence(): boolean {
    const a = this.events[this.head];
    const b = this.events[this.head + 1];
    return a?.typ === E.SEQUENCE_START && b?.typ === E.SEQUENCE_END;
  }

  private checkEmptyMapping(): boolean {
    const a = this.events[this.head];
    const b = this.events[this.head + 1];
    return a?.typ === E.MAPPING_START && b?.typ === E.MAPPING_END;
  }

  private checkSimpleKey(): boolean {
    const ev = this.events[this.head]!;
    let length = 0;
    switch (ev.typ) {
      case E.SCALAR:
        if (this.scalar.multiline) return false;
        length += this.tagHandle.length + this.tagSuffix.length + this.scalar.value.length;
        break;
      case E.SEQUENCE_START:
        if (!this.checkEmptySequence()) return false;
        length += this.tagHandle.length + this.tagSuffix.length;
        break;
      case E.MAPPING_START:
        if (!this.checkEmptyMapping()) return false;
        length += this.tagHandle.length + this.tagSuffix.length;
        break;
      default:
        return false;
    }
    return length <= 128;
  }

  private selectScalarStyle(ev: YamlEvent): void {
    const noTag = this.tagHandle.length === 0 && this.tagSuffix.length === 0;
    if (noTag && !ev.implicit && !ev.quotedImplicit) {
      throw new EmitterError('neither tag nor implicit flags are specified');
    }
    let style = ev.style ?? S.ANY;
    if (style === S.ANY) style = S.PLAIN;
    if (this.canonical) style = S.DOUBLE_QUOTED;
    if (this.simpleKeyContext && this.scalar.multiline) style = S.DOUBLE_QUOTED;
    const sd = this.scalar;
    if (style === S.PLAIN) {
      if ((this.flowLevel > 0 && !sd.flowPlainAllowed) || (this.flowLevel === 0 && !sd.blockPlainAllowed)) {
        style = S.SINGLE_QUOTED;
      }
      if (sd.value.length === 0 && (this.flowLevel > 0 || this.simpleKeyContext)) style = S.SINGLE_QUOTED;
      if (noTag && !ev.implicit) style = S.SINGLE_QUOTED;
    }
    if (style === S.SINGLE_QUOTED && !sd.singleQuotedAllowed) style = S.DOUBLE_QUOTED;
    if (style === S.LITERAL || style === S.FOLDED) {
      if (!sd.blockAllowed || this.flowLevel > 0 || this.simpleKeyContext) style = S.DOUBLE_QUOTED;
    }
    if (noTag && !ev.quotedImplicit && style !== S.PLAIN) this.tagHandle = [0x21];
    sd.style = style;
  }

  private processTag(): void {
    if (this.tagHandle.length === 0 && this.tagSuffix.length === 0) return;
    if (this.tagHandle.length > 0) {
      if (!this.whitespace) this.put(0x20);
      this.writeAll(this.tagHandle);
      this.whitespace = false;
      this.indention = false;
      if (this.tagSuffix.length > 0) writeTagContent(this, this.tagSuffix);
    } else {
      this.writeIndicator('!<', true, false, false);
      writeTagContent(this, this.tagSuffix);
      this.writeIndicator('>', false, false, false);
    }
  }

  private processScalar(): void {
    const v = this.scalar.value;
    switch (this.scalar.style) {
      case S.PLAIN: return writePlain(this, v, !this.simpleKeyContext);
      case S.SINGLE_QUOTED: return writeSingleQuoted(this, v, !this.simpleKeyContext);
      case S.DOUBLE_QUOTED: return writeDoubleQuoted(this, v, !this.simpleKeyContext);
      case S.LITERAL: return writeLiteral(this, v);
      case S.FOLDED: return writeFolded(this, v);
    }
  }

  private analyzeEvent(ev: YamlEvent): void {
    this.tagHandle = [];
    this.tagSuffix = [];
    this.scalar.value = [];
    if (ev.typ === E.SCALAR) {
      if (ev.tag && ev.tag.length > 0 && (this.canonical || (!ev.implicit && !ev.quotedImplicit))) this.analyzeTag(ev.tag);
      this.analyzeScalar(ev.value ?? []);
    } else if ((ev.typ === E.SEQUENCE_START || ev.typ === E.MAPPING_START) && ev.tag && ev.tag.length > 0 && (this.canonical || !ev.implicit)) {
      this.analyzeTag(ev.tag);
    }
  }

  private analyzeTag(tag: number[]): void {
    const directives: [number[], number[]][] = [
      [[0x21], [0x21]],
      [[0x21, 0x21], [...'tag:yaml.org,2002:'].map((c) => c.charCodeAt(0))],
    ];
    for (const [handle, prefix] of directives) {
      if (prefix.length <= tag.length && prefix.every((b, i) => tag[i] === b)) {
        this.tagHandle = handle;
        this.tagSuffix = tag.slice(prefix.length);
        return;
      }
    }
    this.tagSuffix = tag;
  }
  private analyzeScalar(value: number[]): void {
    analyzeScalar(this.scalar, value, this.v3, this.unicode);
  }
}


