/**
 * The parser's token stream: Go's parse.Tree next/backup/peek with three tokens of lookahead
 * (needed to tell `$x := …` from `$x arg`).
 */
import { ItemType, type Item } from './lex-item.ts';
import type { Lexer } from './lex.ts';

const NO_ITEM: Item = { typ: ItemType.EOF, pos: 0, val: '', line: 0 };

export class Tokens {
  lex: Lexer | null = null;
  private readonly token: Item[] = [NO_ITEM, NO_ITEM, NO_ITEM];
  private peekCount = 0;

  /** The line of token[0], which Go's Tree.errorf reports. */
  line(): number {
    return this.token[0]!.line;
  }

  /** Returns the next token. */
  next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex!.nextItem();
    return this.token[this.peekCount]!;
  }

  /** Backs the input stream up one token. */
  backup(): void {
    this.peekCount++;
  }

  /** Backs the input stream up two tokens; the zeroth token is already there. */
  backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  /** Backs the input stream up three tokens (reverse order: we're pushing back). */
  backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  /** Returns but does not consume the next token. */
  peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1]!;
    this.peekCount = 1;
    this.token[0] = this.lex!.nextItem();
    return this.token[0];
  }

  /** Returns the next non-space token. */
  nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.typ === ItemType.Space);
    return token;
  }

  /** Returns but does not consume the next non-space token. */
  peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }
}
