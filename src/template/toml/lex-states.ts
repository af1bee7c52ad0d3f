/** BurntSushi/toml lexer states for the document structure: tables, keys, values, arrays, inline tables. */
import {
  EOF,
  I,
  goQuoteRune,
  isBareKeyChar,
  isDigit,
  isLetter,
  isNL,
  isWhitespace,
} from './lex-chars.ts';
import type { Lexer, StateFn } from './lex.ts';
import {
  lexBool,
  lexCommentStart,
  lexDecimalNumberStart,
  lexMultilineRawString,
  lexMultilineString,
  lexNumberOrDateStart,
  lexRawString,
  lexString,
} from './lex-scalars.ts';

export function lexSkip(lx: Lexer, next: StateFn): StateFn {
  lx.ignore();
  return next;
}

export function lexTop(lx: Lexer): StateFn {
  const r = lx.next();
  if (isWhitespace(r) || isNL(r)) return lexSkip(lx, lexTop);
  switch (r) {
    case 0x23:
      lx.push(lexTop);
      return lexCommentStart;
    case 0x5b:
      return lexTableStart;
    case EOF:
      if (lx.pos > lx.start) return lx.errorf('unexpected EOF');
      lx.emit(I.EOF);
      return null;
  }
  lx.backup();
  lx.push(lexTopEnd);
  return lexKeyStart;
}

function lexTopEnd(lx: Lexer): StateFn {
  const r = lx.next();
  if (r === 0x23) {
    lx.push(lexTop);
    return lexCommentStart;
  }
  if (isWhitespace(r)) return lexTopEnd;
  if (isNL(r)) {
    lx.ignore();
    return lexTop;
  }
  if (r === EOF) {
    lx.emit(I.EOF);
    return null;
  }
  return lx.errorf(`expected a top-level item to end with a newline, comment, or EOF, but got ${goQuoteRune(r)} instead`);
}

function lexTableStart(lx: Lexer): StateFn {
  if (lx.peek() === 0x5b) {
    lx.next();
    lx.emit(I.ArrayTableStart);
    lx.push(lexArrayTableEnd);
  } else {
    lx.emit(I.TableStart);
    lx.push(lexTableEnd);
  }
  return lexTableNameStart;
}

function lexTableEnd(lx: Lexer): StateFn {
  lx.emit(I.TableEnd);
  return lexTopEnd;
}

function lexArrayTableEnd(lx: Lexer): StateFn {
  const r = lx.next();
  if (r !== 0x5d) return lx.errorf(`expected end of table array name delimiter ']', but got ${goQuoteRune(r)} instead`);
  lx.emit(I.ArrayTableEnd);
  return lexTopEnd;
}

function lexTableNameStart(lx: Lexer): StateFn {
  lx.skip(isWhitespace);
  const r = lx.peek();
  if (r === 0x5d || r === EOF) return lx.errorf('unexpected end of table name (table names cannot be empty)');
  if (r === 0x2e) return lx.errorf('unexpected table separator (table names cannot be empty)');
  if (r === 0x22 || r === 0x27) {
    lx.ignore();
    lx.push(lexTableNameEnd);
    return lexQuotedName;
  }
  lx.push(lexTableNameEnd);
  return lexBareName;
}

function lexTableNameEnd(lx: Lexer): StateFn {
  lx.skip(isWhitespace);
  const r = lx.next();
  if (isWhitespace(r)) return lexTableNameEnd;
  if (r === 0x2e) {
    lx.ignore();
    return lexTableNameStart;
  }
  if (r === 0x5d) return lx.pop();
  return lx.errorf(`expected '.' or ']' to end table name, but got ${goQuoteRune(r)} instead`);
}

function lexBareName(lx: Lexer): StateFn {
  const r = lx.next();
  if (isBareKeyChar(r)) return lexBareName;
  lx.backup();
  lx.emit(I.Text);
  return lx.pop();
}

function lexQuotedName(lx: Lexer): StateFn {
  const r = lx.next();
  if (isWhitespace(r)) return lexSkip(lx, lexValue);
  if (r === 0x22) {
    lx.ignore();
    return lexString;
  }
  if (r === 0x27) {
    lx.ignore();
    return lexRawString;
  }
  if (r === EOF) return lx.errorf('unexpected EOF; expected value');
  return lx.errorf(`expected value but found ${goQuoteRune(r)} instead`);
}

function lexKeyStart(lx: Lexer): StateFn {
  lx.skip(isWhitespace);
  const r = lx.peek();
  if (r === 0x3d || r === EOF) return lx.errorf("unexpected '=': key name appears blank");
  if (r === 0x2e) return lx.errorf("unexpected '.': keys cannot start with a '.'");
  if (r === 0x22 || r === 0x27) lx.ignore();
  lx.emit(I.KeyStart);
  return lexKeyNameStart;
}

function lexKeyNameStart(lx: Lexer): StateFn {
  lx.skip(isWhitespace);
  const r = lx.peek();
  if (r === 0x3d || r === EOF) return lx.errorf("unexpected '='");
  if (r === 0x2e) return lx.errorf("unexpected '.'");
  if (r === 0x22 || r === 0x27) {
    lx.ignore();
    lx.push(lexKeyEnd);
    return lexQuotedName;
  }
  lx.push(lexKeyEnd);
  return lexBareName;
}

function lexKeyEnd(lx: Lexer): StateFn {
  lx.skip(isWhitespace);
  const r = lx.next();
  if (isWhitespace(r)) return lexSkip(lx, lexKeyEnd);
  if (r === EOF) return lx.errorf("unexpected EOF; expected key separator '='");
  if (r === 0x2e) {
    lx.ignore();
    return lexKeyNameStart;
  }
  if (r === 0x3d) {
    lx.emit(I.KeyEnd);
    return lexSkip(lx, lexValue);
  }
  return lx.errorf(`expected '.' or '=', but got ${goQuoteRune(r)} instead`);
}

function lexValue(lx: Lexer): StateFn {
  const r = lx.next();
  if (isWhitespace(r)) return lexSkip(lx, lexValue);
  if (isDigit(r)) {
    lx.backup();
    return lexNumberOrDateStart;
  }
  switch (r) {
    case 0x5b:
      lx.ignore();
      lx.emit(I.Array);
      return lexArrayValue;
    case 0x7b:
      lx.ignore();
      lx.emit(I.InlineTableStart);
      return lexInlineTableValue;
    case 0x22:
      if (lx.accept(0x22)) {
        if (lx.accept(0x22)) {
          lx.ignore();
          return lexMultilineString;
        }
        lx.backup();
      }
      lx.ignore();
      return lexString;
    case 0x27:
      if (lx.accept(0x27)) {
        if (lx.accept(0x27)) {
          lx.ignore();
          return lexMultilineRawString;
        }
        lx.backup();
      }
      lx.ignore();
      return lexRawString;
    case 0x2e:
      return lx.errorf("floats must start with a digit, not '.'");
    case 0x69:
    case 0x6e:
      if ((lx.accept(0x6e) && lx.accept(0x66)) || (lx.accept(0x61) && lx.accept(0x6e))) {
        lx.emit(I.Float);
        return lx.pop();
      }
      break;
    case 0x2d:
    case 0x2b:
      return lexDecimalNumberStart;
  }
  if (isLetter(r)) {
    lx.backup();
    return lexBool;
  }
  if (r === EOF) return lx.errorf('unexpected EOF; expected value');
  return lx.errorf(`expected value but found ${goQuoteRune(r)} instead`);
}

function lexArrayValue(lx: Lexer): StateFn {
  const r = lx.next();
  if (isWhitespace(r) || isNL(r)) return lexSkip(lx, lexArrayValue);
  if (r === 0x23) {
    lx.push(lexArrayValue);
    return lexCommentStart;
  }
  if (r === 0x2c) return lx.errorf('unexpected comma');
  if (r === 0x5d) return lexArrayEnd;
  lx.backup();
  lx.push(lexArrayValueEnd);
  return lexValue;
}

function runeOrEOF(r: number): string {
  return r === EOF ? 'end of file' : `'${String.fromCodePoint(r)}'`;
}

function lexArrayValueEnd(lx: Lexer): StateFn {
  const r = lx.next();
  if (isWhitespace(r) || isNL(r)) return lexSkip(lx, lexArrayValueEnd);
  if (r === 0x23) {
    lx.push(lexArrayValueEnd);
    return lexCommentStart;
  }
  if (r === 0x2c) {
    lx.ignore();
    return lexArrayValue;
  }
  if (r === 0x5d) return lexArrayEnd;
  return lx.errorf(`expected a comma (',') or array terminator (']'), but got ${runeOrEOF(r)}`);
}

function lexArrayEnd(lx: Lexer): StateFn {
  lx.ignore();
  lx.emit(I.ArrayEnd);
  return lx.pop();
}

const INLINE_NL = 'newlines not allowed within inline tables';

function lexInlineTableValue(lx: Lexer): StateFn {
  const r = lx.next();
  if (isWhitespace(r)) return lexSkip(lx, lexInlineTableValue);
  if (isNL(r)) return lx.errorPrevLine(INLINE_NL);
  if (r === 0x23) {
    lx.push(lexInlineTableValue);
    return lexCommentStart;
  }
  if (r === 0x2c) return lx.errorf('unexpected comma');
  if (r === 0x7d) return lexInlineTableEnd;
  lx.backup();
  lx.push(lexInlineTableValueEnd);
  return lexKeyStart;
}

function lexInlineTableValueEnd(lx: Lexer): StateFn {
  const r = lx.next();
  if (isWhitespace(r)) return lexSkip(lx, lexInlineTableValueEnd);
  if (isNL(r)) return lx.errorPrevLine(INLINE_NL);
  if (r === 0x23) {
    lx.push(lexInlineTableValueEnd);
    return lexCommentStart;
  }
  if (r === 0x2c) {
    lx.ignore();
    lx.skip(isWhitespace);
    if (lx.peek() === 0x7d) return lx.errorf('trailing comma not allowed in inline tables');
    return lexInlineTableValue;
  }
  if (r === 0x7d) return lexInlineTableEnd;
  return lx.errorf(`expected a comma or an inline table terminator '}', but got ${runeOrEOF(r)} instead`);
}

function lexInlineTableEnd(lx: Lexer): StateFn {
  lx.ignore();
  lx.emit(I.InlineTableEnd);
  return lx.pop();
}
