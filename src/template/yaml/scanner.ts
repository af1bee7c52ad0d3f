/**
 * Port of go-yaml v2's scanner (scannerc.go): token queue, simple keys, indentation and the
 * dispatch of the next token. The scanning of individual tokens lives in scanner-scan.ts.
 */
import {
  at,
  isBlank,
  isBlankz,
  isBomAt,
  isBreak,
  isBreakz,
  isCrlf,
  isZ,
  width,
} from './chars.ts';
import { copyMark, Reader, YamlSyntaxError, type Mark } from './reader.ts';
import { T, type Token, type TokenType } from './tokens.ts';
import { scanAnchor, scanDirective, scanTag } from './scanner-scan.ts';
import { scanBlockScalar, scanFlowScalar, scanPlainScalar } from './scanner-scalars.ts';

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

const MAX_FLOW_LEVEL = 10000;
const MAX_INDENTS = 10000;

export class Scanner extends Reader {
  tokens: Token[] = [];
  tokensHead = 0;
  tokensParsed = 0;
  tokenAvailable = false;
  streamStartProduced = false;
  streamEndProduced = false;
  indent = -1;
  indents: number[] = [];
  simpleKeyAllowed = false;
  simpleKeys: SimpleKey[] = [];
  simpleKeysByTok = new Map<number, number>();
  flowLevel = 0;

  // ---- low-level input helpers (skip, skip_line, read, read_line) ----

  cur(k = 0): number {
    return at(this.buffer, this.bufferPos + k);
  }

  skip(): void {
    this.mark.index++;
    this.mark.column++;
    this.unread--;
    this.bufferPos += width(this.cur());
  }

  skipLine(): void {
    const b = this.buffer;
    const pos = this.bufferPos;
    if (isCrlf(b, pos)) {
      this.mark.index += 2;
      this.mark.column = 0;
      this.mark.line++;
      this.unread -= 2;
      this.bufferPos += 2;
    } else if (isBreak(b, pos)) {
      this.mark.index++;
      this.mark.column = 0;
      this.mark.line++;
      this.unread--;
      this.bufferPos += width(b[pos] ?? 0);
    }
  }

  read(s: number[]): void {
    const w = width(this.cur());
    if (w === 0) throw new Error('invalid character sequence');
    for (let k = 0; k < w; k++) s.push(this.cur(k));
    this.bufferPos += w;
    this.mark.index++;
    this.mark.column++;
    this.unread--;
  }

  readLine(s: number[]): void {
    const b = this.buffer;
    const pos = this.bufferPos;
    const c = at(b, pos);
    if (c === 0x0d && at(b, pos + 1) === 0x0a) {
      s.push(0x0a);
      this.bufferPos += 2;
      this.mark.index++;
      this.unread--;
    } else if (c === 0x0d || c === 0x0a) {
      s.push(0x0a);
      this.bufferPos += 1;
    } else if (c === 0xc2 && at(b, pos + 1) === 0x85) {
      s.push(0x0a);
      this.bufferPos += 2;
    } else if (c === 0xe2 && at(b, pos + 1) === 0x80 && (at(b, pos + 2) === 0xa8 || at(b, pos + 2) === 0xa9)) {
      s.push(c, at(b, pos + 1), at(b, pos + 2));
      this.bufferPos += 3;
    } else {
      return;
    }
    this.mark.index++;
    this.mark.column = 0;
    this.mark.line++;
    this.unread--;
  }

  scannerError(_context: string, contextMark: Mark, problem: string): never {
    throw new YamlSyntaxError('scanner', problem, copyMark(this.mark), copyMark(contextMark));
  }

  insertToken(pos: number, token: Token): void {
    if (pos < 0) {
      this.tokens.push(token);
      return;
    }
    this.tokens.splice(this.tokensHead + pos, 0, token);
  }

  // ---- token queue ----

  /** yaml_parser_fetch_more_tokens */
  fetchMoreTokens(): void {
    for (;;) {
      if (this.tokensHead !== this.tokens.length) {
        const idx = this.simpleKeysByTok.get(this.tokensParsed);
        if (idx === undefined) break;
        if (!this.simpleKeyIsValid(this.simpleKeys[idx]!)) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    this.cache(1);
    if (!this.streamStartProduced) {
      this.fetchStreamStart();
      return;
    }
    this.scanToNextToken();
    this.unrollIndent(this.mark.column);
    this.cache(4);
    const buf = this.buffer;
    const pos = this.bufferPos;
    if (isZ(buf, pos)) return this.fetchStreamEnd();
    const c = at(buf, pos);
    if (this.mark.column === 0 && c === 0x25 /* % */) return this.fetchDirective();
    if (this.mark.column === 0 && c === 0x2d && at(buf, pos + 1) === 0x2d && at(buf, pos + 2) === 0x2d && isBlankz(buf, pos + 3)) {
      return this.fetchDocumentIndicator(T.DOCUMENT_START);
    }
    if (this.mark.column === 0 && c === 0x2e && at(buf, pos + 1) === 0x2e && at(buf, pos + 2) === 0x2e && isBlankz(buf, pos + 3)) {
      return this.fetchDocumentIndicator(T.DOCUMENT_END);
    }
    if (c === 0x5b) return this.fetchFlowCollectionStart(T.FLOW_SEQUENCE_START);
    if (c === 0x7b) return this.fetchFlowCollectionStart(T.FLOW_MAPPING_START);
    if (c === 0x5d) return this.fetchFlowCollectionEnd(T.FLOW_SEQUENCE_END);
    if (c === 0x7d) return this.fetchFlowCollectionEnd(T.FLOW_MAPPING_END);
    if (c === 0x2c) return this.fetchFlowEntry();
    if (c === 0x2d && isBlankz(buf, pos + 1)) return this.fetchBlockEntry();
    if (c === 0x3f && (this.flowLevel > 0 || isBlankz(buf, pos + 1))) return this.fetchKey();
    if (c === 0x3a && (this.flowLevel > 0 || isBlankz(buf, pos + 1))) return this.fetchValue();
    if (c === 0x2a) return this.fetchAnchor(T.ALIAS);
    if (c === 0x26) return this.fetchAnchor(T.ANCHOR);
    if (c === 0x21) return this.fetchTag();
    if (c === 0x7c && this.flowLevel === 0) return this.fetchBlockScalar(true);
    if (c === 0x3e && this.flowLevel === 0) return this.fetchBlockScalar(false);
    if (c === 0x27) return this.fetchFlowScalar(true);
    if (c === 0x22) return this.fetchFlowScalar(false);
    if (
      !(
        isBlankz(buf, pos) ||
        c === 0x2d || c === 0x3f || c === 0x3a || c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b ||
        c === 0x7d || c === 0x23 || c === 0x26 || c === 0x2a || c === 0x21 || c === 0x7c || c === 0x3e ||
        c === 0x27 || c === 0x22 || c === 0x25 || c === 0x40 || c === 0x60
      ) ||
      (c === 0x2d && !isBlank(buf, pos + 1)) ||
      (this.flowLevel === 0 && (c === 0x3f || c === 0x3a) && !isBlankz(buf, pos + 1))
    ) {
      return this.fetchPlainScalar();
    }
    this.scannerError('while scanning for the next token', this.mark, 'found character that cannot start any token');
  }

  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    if (key.mark.line < this.mark.line || key.mark.index + 1024 < this.mark.index) {
      if (key.required) this.scannerError('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.mark.column;
    if (this.simpleKeyAllowed) {
      const key: SimpleKey = {
        possible: true,
        required,
        tokenNumber: this.tokensParsed + (this.tokens.length - this.tokensHead),
        mark: copyMark(this.mark),
      };
      this.removeSimpleKey();
      this.simpleKeys[this.simpleKeys.length - 1] = key;
      this.simpleKeysByTok.set(key.tokenNumber, this.simpleKeys.length - 1);
    }
  }

  private removeSimpleKey(): void {
    const i = this.simpleKeys.length - 1;
    const key = this.simpleKeys[i]!;
    if (key.possible) {
      if (key.required) this.scannerError('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
    }
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({
      possible: false,
      required: false,
      tokenNumber: this.tokensParsed + (this.tokens.length - this.tokensHead),
      mark: copyMark(this.mark),
    });
    this.flowLevel++;
    if (this.flowLevel > MAX_FLOW_LEVEL) {
      this.scannerError('while increasing flow level', this.simpleKeys[this.simpleKeys.length - 1]!.mark, `exceeded max depth of ${MAX_FLOW_LEVEL}`);
    }
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const last = this.simpleKeys.pop()!;
      this.simpleKeysByTok.delete(last.tokenNumber);
    }
  }

  private rollIndent(column: number, number: number, typ: TokenType, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > MAX_INDENTS) {
        this.scannerError('while increasing indent level', this.simpleKeys[this.simpleKeys.length - 1]!.mark, `exceeded max depth of ${MAX_INDENTS}`);
      }
      const token: Token = { typ, startMark: copyMark(mark), endMark: copyMark(mark) };
      if (number > -1) number -= this.tokensParsed;
      this.insertToken(number, token);
    }
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.insertToken(-1, { typ: T.BLOCK_END, startMark: copyMark(this.mark), endMark: copyMark(this.mark) });
      this.indent = this.indents.pop()!;
    }
  }

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: { index: 0, line: 0, column: 0 } });
    this.simpleKeysByTok = new Map();
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    this.insertToken(-1, { typ: T.STREAM_START, startMark: copyMark(this.mark), endMark: copyMark(this.mark) });
  }

  private fetchStreamEnd(): void {
    if (this.mark.column !== 0) {
      this.mark.column = 0;
      this.mark.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, { typ: T.STREAM_END, startMark: copyMark(this.mark), endMark: copyMark(this.mark) });
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, scanDirective(this));
  }

  private fetchDocumentIndicator(typ: TokenType): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = copyMark(this.mark);
    this.skip();
    this.skip();
    this.skip();
    this.insertToken(-1, { typ, startMark: start, endMark: copyMark(this.mark) });
  }

  private fetchFlowCollectionStart(typ: TokenType): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    const start = copyMark(this.mark);
    this.skip();
    this.insertToken(-1, { typ, startMark: start, endMark: copyMark(this.mark) });
  }

  private fetchFlowCollectionEnd(typ: TokenType): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    const start = copyMark(this.mark);
    this.skip();
    this.insertToken(-1, { typ, startMark: start, endMark: copyMark(this.mark) });
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = copyMark(this.mark);
    this.skip();
    this.insertToken(-1, { typ: T.FLOW_ENTRY, startMark: start, endMark: copyMark(this.mark) });
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.scannerError('', this.mark, 'block sequence entries are not allowed in this context');
      this.rollIndent(this.mark.column, -1, T.BLOCK_SEQUENCE_START, this.mark);
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = copyMark(this.mark);
    this.skip();
    this.insertToken(-1, { typ: T.BLOCK_ENTRY, startMark: start, endMark: copyMark(this.mark) });
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.scannerError('', this.mark, 'mapping keys are not allowed in this context');
      this.rollIndent(this.mark.column, -1, T.BLOCK_MAPPING_START, this.mark);
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    const start = copyMark(this.mark);
    this.skip();
    this.insertToken(-1, { typ: T.KEY, startMark: start, endMark: copyMark(this.mark) });
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (this.simpleKeyIsValid(key)) {
      this.insertToken(key.tokenNumber - this.tokensParsed, { typ: T.KEY, startMark: copyMark(key.mark), endMark: copyMark(key.mark) });
      this.rollIndent(key.mark.column, key.tokenNumber, T.BLOCK_MAPPING_START, key.mark);
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.scannerError('', this.mark, 'mapping values are not allowed in this context');
        this.rollIndent(this.mark.column, -1, T.BLOCK_MAPPING_START, this.mark);
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    const start = copyMark(this.mark);
    this.skip();
    this.insertToken(-1, { typ: T.VALUE, startMark: start, endMark: copyMark(this.mark) });
  }

  private fetchAnchor(typ: TokenType): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, scanAnchor(this, typ));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, scanTag(this));
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insertToken(-1, scanBlockScalar(this, literal));
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, scanFlowScalar(this, single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, scanPlainScalar(this));
  }

  private scanToNextToken(): void {
    for (;;) {
      this.cache(1);
      if (this.mark.column === 0 && isBomAt(this.buffer, this.bufferPos)) this.skip();
      this.cache(1);
      while (this.cur() === 0x20 || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.cur() === 0x09)) {
        this.skip();
        this.cache(1);
      }
      if (this.cur() === 0x23) {
        const b = this.buffer;
        for (;;) {
          const c = b[this.bufferPos]!;
          if (this.unread > 1 && ((c >= 0x20 && c <= 0x7e) || c === 0x09)) {
            // skip() of a one-byte character; the cache(1) after it would have nothing to do
            this.bufferPos++;
            this.mark.index++;
            this.mark.column++;
            this.unread--;
            continue;
          }
          if (isBreakz(b, this.bufferPos)) break;
          this.skip();
          this.cache(1);
        }
      }
      if (isBreak(this.buffer, this.bufferPos)) {
        this.cache(2);
        this.skipLine();
        if (this.flowLevel === 0) this.simpleKeyAllowed = true;
      } else {
        break;
      }
    }
  }
}
