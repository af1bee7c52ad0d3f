/** Port of go-yaml v2's event parser (parserc.go): the state machine producing events. */
import type { Mark } from './reader.ts';
import { eq, P, ParserBase } from './parser-base.ts';
import { BLOCK_STYLE, E, FLOW_STYLE, S, T, type YamlEvent } from './tokens.ts';

export class Parser extends ParserBase {
  /** yaml_parser_parse: the next event, or null after the stream end. */
  parse(): YamlEvent | null {
    if (this.streamEndProduced || this.state === P.END) return null;
    switch (this.state) {
      case P.STREAM_START: return this.parseStreamStart();
      case P.IMPLICIT_DOCUMENT_START: return this.parseDocumentStart(true);
      case P.DOCUMENT_START: return this.parseDocumentStart(false);
      case P.DOCUMENT_CONTENT: return this.parseDocumentContent();
      case P.DOCUMENT_END: return this.parseDocumentEnd();
      case P.BLOCK_NODE: return this.parseNode(true, false);
      case P.BLOCK_NODE_OR_INDENTLESS_SEQUENCE: return this.parseNode(true, true);
      case P.FLOW_NODE: return this.parseNode(false, false);
      case P.BLOCK_SEQUENCE_FIRST_ENTRY: return this.parseBlockSequenceEntry(true);
      case P.BLOCK_SEQUENCE_ENTRY: return this.parseBlockSequenceEntry(false);
      case P.INDENTLESS_SEQUENCE_ENTRY: return this.parseIndentlessSequenceEntry();
      case P.BLOCK_MAPPING_FIRST_KEY: return this.parseBlockMappingKey(true);
      case P.BLOCK_MAPPING_KEY: return this.parseBlockMappingKey(false);
      case P.BLOCK_MAPPING_VALUE: return this.parseBlockMappingValue();
      case P.FLOW_SEQUENCE_FIRST_ENTRY: return this.parseFlowSequenceEntry(true);
      case P.FLOW_SEQUENCE_ENTRY: return this.parseFlowSequenceEntry(false);
      case P.FLOW_SEQUENCE_ENTRY_MAPPING_KEY: return this.parseFlowSequenceEntryMappingKey();
      case P.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE: return this.parseFlowSequenceEntryMappingValue();
      case P.FLOW_SEQUENCE_ENTRY_MAPPING_END: return this.parseFlowSequenceEntryMappingEnd();
      case P.FLOW_MAPPING_FIRST_KEY: return this.parseFlowMappingKey(true);
      case P.FLOW_MAPPING_KEY: return this.parseFlowMappingKey(false);
      case P.FLOW_MAPPING_VALUE: return this.parseFlowMappingValue(false);
      case P.FLOW_MAPPING_EMPTY_VALUE: return this.parseFlowMappingValue(true);
    }
    throw new Error('invalid parser state');
  }

  private parseStreamStart(): YamlEvent {
    const token = this.peekToken();
    if (token.typ !== T.STREAM_START) this.parserError('did not find expected <stream-start>', token.startMark);
    this.state = P.IMPLICIT_DOCUMENT_START;
    this.skipToken();
    return { typ: E.STREAM_START, startMark: token.startMark, endMark: token.endMark };
  }

  private parseDocumentStart(implicit: boolean): YamlEvent {
    let token = this.peekToken();
    if (!implicit) {
      while (token.typ === T.DOCUMENT_END) {
        this.skipToken();
        token = this.peekToken();
      }
    }
    if (
      implicit &&
      token.typ !== T.VERSION_DIRECTIVE &&
      token.typ !== T.TAG_DIRECTIVE &&
      token.typ !== T.DOCUMENT_START &&
      token.typ !== T.STREAM_END
    ) {
      this.processDirectives();
      this.states.push(P.DOCUMENT_END);
      this.state = P.BLOCK_NODE;
      return { typ: E.DOCUMENT_START, startMark: token.startMark, endMark: token.endMark, implicit: true };
    }
    if (token.typ !== T.STREAM_END) {
      const startMark = token.startMark;
      this.processDirectives();
      token = this.peekToken();
      if (token.typ !== T.DOCUMENT_START) this.parserError('did not find expected <document start>', token.startMark);
      this.states.push(P.DOCUMENT_END);
      this.state = P.DOCUMENT_CONTENT;
      const endMark = token.endMark;
      this.skipToken();
      return { typ: E.DOCUMENT_START, startMark, endMark, implicit: false };
    }
    this.state = P.END;
    this.skipToken();
    return { typ: E.STREAM_END, startMark: token.startMark, endMark: token.endMark };
  }

  private parseDocumentContent(): YamlEvent {
    const token = this.peekToken();
    if (
      token.typ === T.VERSION_DIRECTIVE ||
      token.typ === T.TAG_DIRECTIVE ||
      token.typ === T.DOCUMENT_START ||
      token.typ === T.DOCUMENT_END ||
      token.typ === T.STREAM_END
    ) {
      this.popState();
      return this.emptyScalar(token.startMark);
    }
    return this.parseNode(true, false);
  }

  private parseDocumentEnd(): YamlEvent {
    const token = this.peekToken();
    const startMark = token.startMark;
    let endMark = token.startMark;
    let implicit = true;
    if (token.typ === T.DOCUMENT_END) {
      endMark = token.endMark;
      this.skipToken();
      implicit = false;
    }
    this.tagDirectives = [];
    this.state = P.DOCUMENT_START;
    return { typ: E.DOCUMENT_END, startMark, endMark, implicit };
  }

  private parseNode(block: boolean, indentlessSequence: boolean): YamlEvent {
    let token = this.peekToken();
    if (token.typ === T.ALIAS) {
      this.popState();
      this.skipToken();
      return { typ: E.ALIAS, startMark: token.startMark, endMark: token.endMark, anchor: token.value };
    }
    let startMark = token.startMark;
    let endMark = token.startMark;
    let tagToken = false;
    let tagHandle: number[] = [];
    let tagSuffix: number[] = [];
    let anchor: number[] | undefined;
    let tagMark: Mark = startMark;
    if (token.typ === T.ANCHOR) {
      anchor = token.value;
      startMark = token.startMark;
      endMark = token.endMark;
      this.skipToken();
      token = this.peekToken();
      if (token.typ === T.TAG) {
        tagToken = true;
        tagHandle = token.value ?? [];
        tagSuffix = token.suffix ?? [];
        tagMark = token.startMark;
        endMark = token.endMark;
        this.skipToken();
        token = this.peekToken();
      }
    } else if (token.typ === T.TAG) {
      tagToken = true;
      tagHandle = token.value ?? [];
      tagSuffix = token.suffix ?? [];
      startMark = token.startMark;
      tagMark = token.startMark;
      endMark = token.endMark;
      this.skipToken();
      token = this.peekToken();
      if (token.typ === T.ANCHOR) {
        anchor = token.value;
        endMark = token.endMark;
        this.skipToken();
        token = this.peekToken();
      }
    }
    let tag: number[] = [];
    if (tagToken) {
      if (tagHandle.length === 0) {
        tag = tagSuffix;
      } else {
        for (const d of this.tagDirectives) {
          if (eq(d.handle, tagHandle)) {
            tag = [...d.prefix, ...tagSuffix];
            break;
          }
        }
        if (tag.length === 0) this.parserErrorContext('while parsing a node', startMark, 'found undefined tag handle', tagMark);
      }
    }
    const implicit = tag.length === 0;
    const tagOut = tag.length > 0 ? tag : undefined;
    if (indentlessSequence && token.typ === T.BLOCK_ENTRY) {
      endMark = token.endMark;
      this.state = P.INDENTLESS_SEQUENCE_ENTRY;
      return { typ: E.SEQUENCE_START, startMark, endMark, anchor, tag: tagOut, implicit, style: BLOCK_STYLE };
    }
    if (token.typ === T.SCALAR) {
      let plainImplicit = false;
      let quotedImplicit = false;
      endMark = token.endMark;
      if ((tag.length === 0 && token.style === S.PLAIN) || (tag.length === 1 && tag[0] === 0x21)) plainImplicit = true;
      else if (tag.length === 0) quotedImplicit = true;
      this.popState();
      this.skipToken();
      return {
        typ: E.SCALAR,
        startMark,
        endMark,
        anchor,
        tag: tagOut,
        value: token.value ?? [],
        implicit: plainImplicit,
        quotedImplicit,
        style: token.style ?? S.PLAIN,
      };
    }
    if (token.typ === T.FLOW_SEQUENCE_START) {
      this.state = P.FLOW_SEQUENCE_FIRST_ENTRY;
      return { typ: E.SEQUENCE_START, startMark, endMark: token.endMark, anchor, tag: tagOut, implicit, style: FLOW_STYLE };
    }
    if (token.typ === T.FLOW_MAPPING_START) {
      this.state = P.FLOW_MAPPING_FIRST_KEY;
      return { typ: E.MAPPING_START, startMark, endMark: token.endMark, anchor, tag: tagOut, implicit, style: FLOW_STYLE };
    }
    if (block && token.typ === T.BLOCK_SEQUENCE_START) {
      this.state = P.BLOCK_SEQUENCE_FIRST_ENTRY;
      return { typ: E.SEQUENCE_START, startMark, endMark: token.endMark, anchor, tag: tagOut, implicit, style: BLOCK_STYLE };
    }
    if (block && token.typ === T.BLOCK_MAPPING_START) {
      this.state = P.BLOCK_MAPPING_FIRST_KEY;
      return { typ: E.MAPPING_START, startMark, endMark: token.endMark, anchor, tag: tagOut, implicit, style: BLOCK_STYLE };
    }
    if ((anchor !== undefined && anchor.length > 0) || tag.length > 0) {
      this.popState();
      return {
        typ: E.SCALAR,
        startMark,
        endMark,
        anchor,
        tag: tagOut,
        value: [],
        implicit,
        quotedImplicit: false,
        style: S.PLAIN,
      };
    }
    this.parserErrorContext(
      block ? 'while parsing a block node' : 'while parsing a flow node',
      startMark,
      'did not find expected node content',
      token.startMark,
    );
  }

  private parseBlockSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      const t = this.peekToken();
      this.marks.push(t.startMark);
      this.skipToken();
    }
    let token = this.peekToken();
    if (token.typ === T.BLOCK_ENTRY) {
      const mark = token.endMark;
      this.skipToken();
      token = this.peekToken();
      if (token.typ !== T.BLOCK_ENTRY && token.typ !== T.BLOCK_END) {
        this.states.push(P.BLOCK_SEQUENCE_ENTRY);
        return this.parseNode(true, false);
      }
      this.state = P.BLOCK_SEQUENCE_ENTRY;
      return this.emptyScalar(mark);
    }
    if (token.typ === T.BLOCK_END) {
      this.popState();
      this.marks.pop();
      this.skipToken();
      return { typ: E.SEQUENCE_END, startMark: token.startMark, endMark: token.endMark };
    }
    const contextMark = this.marks.pop()!;
    this.parserErrorContext('while parsing a block collection', contextMark, "did not find expected '-' indicator", token.startMark);
  }

  private parseIndentlessSequenceEntry(): YamlEvent {
    let token = this.peekToken();
    if (token.typ === T.BLOCK_ENTRY) {
      const mark = token.endMark;
      this.skipToken();
      token = this.peekToken();
      if (token.typ !== T.BLOCK_ENTRY && token.typ !== T.KEY && token.typ !== T.VALUE && token.typ !== T.BLOCK_END) {
        this.states.push(P.INDENTLESS_SEQUENCE_ENTRY);
        return this.parseNode(true, false);
      }
      this.state = P.INDENTLESS_SEQUENCE_ENTRY;
      return this.emptyScalar(mark);
    }
    this.popState();
    return { typ: E.SEQUENCE_END, startMark: token.startMark, endMark: token.startMark };
  }

  private parseBlockMappingKey(first: boolean): YamlEvent {
    if (first) {
      const t = this.peekToken();
      this.marks.push(t.startMark);
      this.skipToken();
    }
    let token = this.peekToken();
    if (token.typ === T.KEY) {
      const mark = token.endMark;
      this.skipToken();
      token = this.peekToken();
      if (token.typ !== T.KEY && token.typ !== T.VALUE && token.typ !== T.BLOCK_END) {
        this.states.push(P.BLOCK_MAPPING_VALUE);
        return this.parseNode(true, true);
      }
      this.state = P.BLOCK_MAPPING_VALUE;
      return this.emptyScalar(mark);
    }
    if (token.typ === T.BLOCK_END) {
      this.popState();
      this.marks.pop();
      this.skipToken();
      return { typ: E.MAPPING_END, startMark: token.startMark, endMark: token.endMark };
    }
    const contextMark = this.marks.pop()!;
    this.parserErrorContext('while parsing a block mapping', contextMark, 'did not find expected key', token.startMark);
  }

  private parseBlockMappingValue(): YamlEvent {
    let token = this.peekToken();
    if (token.typ === T.VALUE) {
      const mark = token.endMark;
      this.skipToken();
      token = this.peekToken();
      if (token.typ !== T.KEY && token.typ !== T.VALUE && token.typ !== T.BLOCK_END) {
        this.states.push(P.BLOCK_MAPPING_KEY);
        return this.parseNode(true, true);
      }
      this.state = P.BLOCK_MAPPING_KEY;
      return this.emptyScalar(mark);
    }
    this.state = P.BLOCK_MAPPING_KEY;
    return this.emptyScalar(token.startMark);
  }

  private parseFlowSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      const t = this.peekToken();
      this.marks.push(t.startMark);
      this.skipToken();
    }
    let token = this.peekToken();
    if (token.typ !== T.FLOW_SEQUENCE_END) {
      if (!first) {
        if (token.typ === T.FLOW_ENTRY) {
          this.skipToken();
          token = this.peekToken();
        } else {
          const contextMark = this.marks.pop()!;
          this.parserErrorContext('while parsing a flow sequence', contextMark, "did not find expected ',' or ']'", token.startMark);
        }
      }
      if (token.typ === T.KEY) {
        this.state = P.FLOW_SEQUENCE_ENTRY_MAPPING_KEY;
        this.skipToken();
        return { typ: E.MAPPING_START, startMark: token.startMark, endMark: token.endMark, implicit: true, style: FLOW_STYLE };
      } else if (token.typ !== T.FLOW_SEQUENCE_END) {
        this.states.push(P.FLOW_SEQUENCE_ENTRY);
        return this.parseNode(false, false);
      }
    }
    this.popState();
    this.marks.pop();
    this.skipToken();
    return { typ: E.SEQUENCE_END, startMark: token.startMark, endMark: token.endMark };
  }

  private parseFlowSequenceEntryMappingKey(): YamlEvent {
    const token = this.peekToken();
    if (token.typ !== T.VALUE && token.typ !== T.FLOW_ENTRY && token.typ !== T.FLOW_SEQUENCE_END) {
      this.states.push(P.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE);
      return this.parseNode(false, false);
    }
    const mark = token.endMark;
    this.skipToken();
    this.state = P.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE;
    return this.emptyScalar(mark);
  }

  private parseFlowSequenceEntryMappingValue(): YamlEvent {
    let token = this.peekToken();
    if (token.typ === T.VALUE) {
      this.skipToken();
      const t2 = this.peekToken();
      if (t2.typ !== T.FLOW_ENTRY && t2.typ !== T.FLOW_SEQUENCE_END) {
        this.states.push(P.FLOW_SEQUENCE_ENTRY_MAPPING_END);
        return this.parseNode(false, false);
      }
      // go-yaml shadows `token` here; the outer token (the VALUE) provides the mark below
      void t2;
    }
    this.state = P.FLOW_SEQUENCE_ENTRY_MAPPING_END;
    return this.emptyScalar(token.startMark);
  }

  private parseFlowSequenceEntryMappingEnd(): YamlEvent {
    const token = this.peekToken();
    this.state = P.FLOW_SEQUENCE_ENTRY;
    return { typ: E.MAPPING_END, startMark: token.startMark, endMark: token.startMark };
  }

  private parseFlowMappingKey(first: boolean): YamlEvent {
    if (first) {
      const t = this.peekToken();
      this.marks.push(t.startMark);
      this.skipToken();
    }
    let token = this.peekToken();
    if (token.typ !== T.FLOW_MAPPING_END) {
      if (!first) {
        if (token.typ === T.FLOW_ENTRY) {
          this.skipToken();
          token = this.peekToken();
        } else {
          const contextMark = this.marks.pop()!;
          this.parserErrorContext('while parsing a flow mapping', contextMark, "did not find expected ',' or '}'", token.startMark);
        }
      }
      if (token.typ === T.KEY) {
        this.skipToken();
        token = this.peekToken();
        if (token.typ !== T.VALUE && token.typ !== T.FLOW_ENTRY && token.typ !== T.FLOW_MAPPING_END) {
          this.states.push(P.FLOW_MAPPING_VALUE);
          return this.parseNode(false, false);
        }
        this.state = P.FLOW_MAPPING_VALUE;
        return this.emptyScalar(token.startMark);
      } else if (token.typ !== T.FLOW_MAPPING_END) {
        this.states.push(P.FLOW_MAPPING_EMPTY_VALUE);
        return this.parseNode(false, false);
      }
    }
    this.popState();
    this.marks.pop();
    this.skipToken();
    return { typ: E.MAPPING_END, startMark: token.startMark, endMark: token.endMark };
  }

  private parseFlowMappingValue(empty: boolean): YamlEvent {
    let token = this.peekToken();
    if (empty) {
      this.state = P.FLOW_MAPPING_KEY;
      return this.emptyScalar(token.startMark);
    }
    if (token.typ === T.VALUE) {
      this.skipToken();
      token = this.peekToken();
      if (token.typ !== T.FLOW_ENTRY && token.typ !== T.FLOW_MAPPING_END) {
        this.states.push(P.FLOW_MAPPING_KEY);
        return this.parseNode(false, false);
      }
    }
    this.state = P.FLOW_MAPPING_KEY;
    return this.emptyScalar(token.startMark);
  }


}
