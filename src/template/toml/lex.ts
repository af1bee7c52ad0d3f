/** Port of BurntSushi/toml v1.4.0's lexer (lex.go): a state machine emitting items lazily. */
import { EOF, I, isControl, type Item, type ItemType, type Position } from './lex-chars.ts';
import { lexTop } from './lex-states.ts';

export { goQuote, I, isDigit, isHex, type Item, type ItemType, type Position } from './lex-chars.ts';

export type StateFn = ((lx: Lexer) => StateFn) | null;

export class Lexer {
  readonly input: string;
  start = 0;
  pos = 0;
  line = 1;
  state: StateFn = lexTop;
  items: Item[] = [];
  esc = false;
  prevWidths = [0, 0, 0, 0];
  nprev = 0;
  atEOF = false;
  stack: StateFn[] = [];

  constructor(input: string) {
    this.input = input;
  }

  nextItem(): Item {
    for (;;) {
      const it = this.items.shift();
      if (it) return it;
      if (this.state === null) throw new Error('toml lexer: no state');
      this.state = this.state(this);
    }
  }

  push(s: StateFn): void {
    this.stack.push(s);
  }

  pop(): StateFn {
    if (this.stack.length === 0) return this.errorf('BUG in lexer: no states to pop');
    return this.stack.pop()!;
  }

  current(): string {
    return this.input.slice(this.start, this.pos);
  }

  getPos(): Position {
    const p = { line: this.line, start: this.start, len: this.pos - this.start };
    if (p.len <= 0) p.len = 1;
    return p;
  }

  emit(typ: ItemType): void {
    this.items.push({ typ, pos: this.getPos(), val: this.current() });
    this.start = this.pos;
  }

  emitTrim(typ: ItemType): void {
    this.items.push({ typ, pos: this.getPos(), val: this.current().trim() });
    this.start = this.pos;
  }

  next(): number {
    if (this.atEOF) throw new Error('BUG in lexer: next called after EOF');
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    if (this.input.charCodeAt(this.pos) === 0x0a) this.line++;
    this.prevWidths[3] = this.prevWidths[2]!;
    this.prevWidths[2] = this.prevWidths[1]!;
    this.prevWidths[1] = this.prevWidths[0]!;
    if (this.nprev < 4) this.nprev++;
    let r = this.input.codePointAt(this.pos)!;
    let w = r > 0xffff ? 2 : 1;
    if (r >= 0xd800 && r <= 0xdfff) {
      r = 0xfffd;
      w = 1;
    }
    if (isControl(r) || (r === 0x0d && (this.input.length - 1 === this.pos || this.input.charCodeAt(this.pos + 1) !== 0x0a))) {
      this.errorPos(this.pos - 1, 1, `TOML files cannot contain control characters: '0x${r.toString(16).padStart(2, '0')}'`);
      return 0xfffd;
    }
    this.prevWidths[0] = w;
    this.pos += w;
    return r;
  }

  ignore(): void {
    this.start = this.pos;
  }

  backup(): void {
    if (this.atEOF) {
      this.atEOF = false;
      return;
    }
    if (this.nprev < 1) throw new Error('BUG in lexer: backed up too far');
    const w = this.prevWidths[0]!;
    this.prevWidths[0] = this.prevWidths[1]!;
    this.prevWidths[1] = this.prevWidths[2]!;
    this.prevWidths[2] = this.prevWidths[3]!;
    this.nprev--;
    this.pos -= w;
    if (this.pos < this.input.length && this.input.charCodeAt(this.pos) === 0x0a) this.line--;
  }

  accept(valid: number): boolean {
    if (this.next() === valid) return true;
    this.backup();
    return false;
  }

  peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  skip(pred: (r: number) => boolean): void {
    for (;;) {
      const r = this.next();
      if (pred(r)) continue;
      this.backup();
      this.ignore();
      return;
    }
  }

  error(err: string): StateFn {
    if (this.atEOF) return this.errorPrevLine(err);
    this.items.push({ typ: I.Error, pos: this.getPos(), val: '', err });
    return null;
  }

  errorPrevLine(err: string): StateFn {
    const pos = this.getPos();
    pos.line--;
    pos.len = 1;
    pos.start = this.pos - 1;
    this.items.push({ typ: I.Error, pos, val: '', err });
    return null;
  }

  errorPos(start: number, length: number, err: string): StateFn {
    const pos = this.getPos();
    pos.start = start;
    pos.len = length;
    this.items.push({ typ: I.Error, pos, val: '', err });
    return null;
  }

  errorf(msg: string): StateFn {
    return this.error(msg);
  }
}
