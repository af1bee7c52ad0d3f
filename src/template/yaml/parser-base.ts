/** go-yaml v2's parser state (parserc.go): token access, errors, directives and empty scalars. */
import { YamlSyntaxError, type Mark } from './reader.ts';
import { Scanner } from './scanner.ts';
import { E, S, T, type Token, type YamlEvent } from './tokens.ts';

export const P = {
  STREAM_START: 0,
  IMPLICIT_DOCUMENT_START: 1,
  DOCUMENT_START: 2,
  DOCUMENT_CONTENT: 3,
  DOCUMENT_END: 4,
  BLOCK_NODE: 5,
  BLOCK_NODE_OR_INDENTLESS_SEQUENCE: 6,
  FLOW_NODE: 7,
  BLOCK_SEQUENCE_FIRST_ENTRY: 8,
  BLOCK_SEQUENCE_ENTRY: 9,
  INDENTLESS_SEQUENCE_ENTRY: 10,
  BLOCK_MAPPING_FIRST_KEY: 11,
  BLOCK_MAPPING_KEY: 12,
  BLOCK_MAPPING_VALUE: 13,
  FLOW_SEQUENCE_FIRST_ENTRY: 14,
  FLOW_SEQUENCE_ENTRY: 15,
  FLOW_SEQUENCE_ENTRY_MAPPING_KEY: 16,
  FLOW_SEQUENCE_ENTRY_MAPPING_VALUE: 17,
  FLOW_SEQUENCE_ENTRY_MAPPING_END: 18,
  FLOW_MAPPING_FIRST_KEY: 19,
  FLOW_MAPPING_KEY: 20,
  FLOW_MAPPING_VALUE: 21,
  FLOW_MAPPING_EMPTY_VALUE: 22,
  END: 23,
} as const;
export type State = (typeof P)[keyof typeof P];

interface TagDirective {
  handle: number[];
  prefix: number[];
}

const DEFAULT_TAG_DIRECTIVES: TagDirective[] = [
  { handle: [0x21], prefix: [0x21] },
  { handle: [0x21, 0x21], prefix: [...'tag:yaml.org,2002:'].map((c) => c.charCodeAt(0)) },
];

export function eq(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export class ParserBase extends Scanner {
  state: State = P.STREAM_START;
  states: State[] = [];
  marks: Mark[] = [];
  tagDirectives: TagDirective[] = [];

  protected peekToken(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.tokensHead]!;
  }

  protected skipToken(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.streamEndProduced = this.tokens[this.tokensHead]!.typ === T.STREAM_END;
    this.tokensHead++;
    // keep the queue small
    if (this.tokensHead > 64 && this.tokensHead === this.tokens.length) {
      this.tokens = [];
      this.tokensHead = 0;
    }
  }

  protected parserError(problem: string, problemMark: Mark): never {
    throw new YamlSyntaxError('parser', problem, problemMark, { index: 0, line: 0, column: 0 });
  }

  protected parserErrorContext(_context: string, contextMark: Mark, problem: string, problemMark: Mark): never {
    throw new YamlSyntaxError('parser', problem, problemMark, contextMark);
  }

  protected popState(): void {
    this.state = this.states.pop()!;
  }

  protected emptyScalar(mark: Mark): YamlEvent {
    return { typ: E.SCALAR, startMark: mark, endMark: mark, value: [], implicit: true, style: S.PLAIN };
  }

  protected processDirectives(): void {
    let token = this.peekToken();
    let haveVersion = false;
    while (token.typ === T.VERSION_DIRECTIVE || token.typ === T.TAG_DIRECTIVE) {
      if (token.typ === T.VERSION_DIRECTIVE) {
        if (haveVersion) this.parserError('found duplicate %YAML directive', token.startMark);
        if (token.major !== 1 || token.minor !== 1) this.parserError('found incompatible YAML document', token.startMark);
        haveVersion = true;
      } else {
        this.appendTagDirective({ handle: token.value ?? [], prefix: token.prefix ?? [] }, false, token.startMark);
      }
      this.skipToken();
      token = this.peekToken();
    }
    for (const d of DEFAULT_TAG_DIRECTIVES) this.appendTagDirective(d, true, token.startMark);
  }

  protected appendTagDirective(value: TagDirective, allowDuplicates: boolean, mark: Mark): void {
    for (const d of this.tagDirectives) {
      if (eq(value.handle, d.handle)) {
        if (allowDuplicates) return;
        this.parserError('found duplicate %TAG directive', mark);
      }
    }
    this.tagDirectives.push({ handle: [...value.handle], prefix: [...value.prefix] });
  }
}
