/** BurntSushi/toml lexer states for scalars: strings, numbers, datetimes, booleans and comments. */
import {
  EOF,
  I,
  goQuote,
  goQuoteRune,
  isBinary,
  isDigit,
  isHex,
  isLetter,
  isNL,
  isOctal,
} from './lex-chars.ts';
import type { Lexer, StateFn } from './lex.ts';

const STRING_NL = 'strings cannot contain newlines';

export function lexString(lx: Lexer): StateFn {
  const r = lx.next();
  if (r === EOF) return lx.errorf(`unexpected EOF; expected '"'`);
  if (isNL(r)) return lx.errorPrevLine(STRING_NL);
  if (r === 0x5c) {
    lx.push(lexString);
    return lexStringEscape;
  }
  if (r === 0x22) {
    lx.backup();
    if (lx.esc) {
      lx.esc = false;
      lx.emit(I.StringEsc);
    } else {
      lx.emit(I.String);
    }
    lx.next();
    lx.ignore();
    return lx.pop();
  }
  return lexString;
}

export function lexMultilineString(lx: Lexer): StateFn {
  const r = lx.next();
  if (r === EOF) return lx.errorf(`unexpected EOF; expected '"""'`);
  if (r === 0x5c) return lexMultilineStringEscape;
  if (r === 0x22) {
    if (lx.accept(0x22)) {
      if (lx.accept(0x22)) {
        if (lx.peek() === 0x22) {
          const cur = lx.current();
          if (cur.endsWith('"""""') && !cur.endsWith('\\"""""')) return lx.errorf(`unexpected '""""""'`);
          lx.backup();
          lx.backup();
          return lexMultilineString;
        }
        lx.backup();
        lx.backup();
        lx.backup();
        lx.esc = false;
        lx.emit(I.MultilineString);
        lx.next();
        lx.next();
        lx.next();
        lx.ignore();
        return lx.pop();
      }
      lx.backup();
    }
  }
  return lexMultilineString;
}

export function lexRawString(lx: Lexer): StateFn {
  const r = lx.next();
  if (r === EOF) return lx.errorf(`unexpected EOF; expected "'"`);
  if (isNL(r)) return lx.errorPrevLine(STRING_NL);
  if (r === 0x27) {
    lx.backup();
    lx.emit(I.RawString);
    lx.next();
    lx.ignore();
    return lx.pop();
  }
  return lexRawString;
}

export function lexMultilineRawString(lx: Lexer): StateFn {
  const r = lx.next();
  if (r === EOF) return lx.errorf(`unexpected EOF; expected "'''"`);
  if (r === 0x27) {
    if (lx.accept(0x27)) {
      if (lx.accept(0x27)) {
        if (lx.peek() === 0x27) {
          if (lx.current().endsWith("'''''")) return lx.errorf(`unexpected "''''''"`);
          lx.backup();
          lx.backup();
          return lexMultilineRawString;
        }
        lx.backup();
        lx.backup();
        lx.backup();
        lx.emit(I.RawMultilineString);
        lx.next();
        lx.next();
        lx.next();
        lx.ignore();
        return lx.pop();
      }
      lx.backup();
    }
  }
  return lexMultilineRawString;
}

function lexMultilineStringEscape(lx: Lexer): StateFn {
  if (isNL(lx.next())) return lexMultilineString;
  lx.backup();
  lx.push(lexMultilineString);
  return lexStringEscape(lx);
}

function lexStringEscape(lx: Lexer): StateFn {
  lx.esc = true;
  const r = lx.next();
  switch (r) {
    case 0x62: case 0x74: case 0x6e: case 0x66: case 0x72: case 0x22: case 0x20: case 0x09: case 0x5c:
      return lx.pop();
    case 0x75:
      return hexEscape(4, 'four', 'u');
    case 0x55:
      return hexEscape(8, 'eight', 'U');
  }
  return lx.error(`invalid escape in string '\\${r === EOF ? '\x00' : String.fromCodePoint(r)}'`);
}

function hexEscape(n: number, word: string, letter: string): StateFn {
  return (lx: Lexer): StateFn => {
    for (let i = 0; i < n; i++) {
      const r = lx.next();
      if (!isHex(r)) return lx.errorf(`expected ${word} hexadecimal digits after '\\${letter}', but got ${goQuote(lx.current())} instead`);
    }
    return lx.pop();
  };
}

export function lexNumberOrDateStart(lx: Lexer): StateFn {
  const r = lx.next();
  if (r === 0x30) return lexBaseNumberOrDate;
  if (!isDigit(r)) return lx.errorf(`expected a digit but got ${goQuoteRune(r)}`);
  return lexNumberOrDate;
}

function lexNumberOrDate(lx: Lexer): StateFn {
  const r = lx.next();
  if (isDigit(r)) return lexNumberOrDate;
  switch (r) {
    case 0x2d: case 0x3a:
      return lexDatetime;
    case 0x5f:
      return lexDecimalNumber;
    case 0x2e: case 0x65: case 0x45:
      return lexFloat;
  }
  lx.backup();
  lx.emit(I.Integer);
  return lx.pop();
}

function lexDatetime(lx: Lexer): StateFn {
  const r = lx.next();
  if (isDigit(r)) return lexDatetime;
  if ([0x2d, 0x3a, 0x54, 0x74, 0x20, 0x2e, 0x5a, 0x7a, 0x2b].includes(r)) return lexDatetime;
  lx.backup();
  lx.emitTrim(I.Datetime);
  return lx.pop();
}

function lexIntegerOf(pred: (r: number) => boolean): StateFn {
  const fn = (lx: Lexer): StateFn => {
    const r = lx.next();
    if (pred(r) || r === 0x5f) return fn;
    lx.backup();
    lx.emit(I.Integer);
    return lx.pop();
  };
  return fn;
}

const lexHexInteger = lexIntegerOf(isHex);
const lexOctalInteger = lexIntegerOf(isOctal);
const lexBinaryInteger = lexIntegerOf(isBinary);

function lexDecimalNumber(lx: Lexer): StateFn {
  const r = lx.next();
  if (isDigit(r)) return lexDecimalNumber;
  switch (r) {
    case 0x2e: case 0x65: case 0x45:
      return lexFloat;
    case 0x5f:
      return lexDecimalNumber;
  }
  lx.backup();
  lx.emit(I.Integer);
  return lx.pop();
}

export function lexDecimalNumberStart(lx: Lexer): StateFn {
  const r = lx.next();
  switch (r) {
    case 0x69:
      if (!lx.accept(0x6e) || !lx.accept(0x66)) return lx.errorf(`invalid float: '${lx.current()}'`);
      lx.emit(I.Float);
      return lx.pop();
    case 0x6e:
      if (!lx.accept(0x61) || !lx.accept(0x6e)) return lx.errorf(`invalid float: '${lx.current()}'`);
      lx.emit(I.Float);
      return lx.pop();
    case 0x30: {
      const p = lx.peek();
      if (p === 0x62 || p === 0x6f || p === 0x78) {
        return lx.errorf(`cannot use sign with non-decimal numbers: '${lx.current()}${String.fromCodePoint(p)}'`);
      }
      break;
    }
    case 0x2e:
      return lx.errorf("floats must start with a digit, not '.'");
  }
  if (isDigit(r)) return lexDecimalNumber;
  return lx.errorf(`expected a digit but got ${goQuoteRune(r)}`);
}

function lexBaseNumberOrDate(lx: Lexer): StateFn {
  const r = lx.next();
  if (isDigit(r)) return lexNumberOrDate;
  switch (r) {
    case 0x5f:
      return lexDecimalNumber;
    case 0x2e: case 0x65: case 0x45:
      return lexFloat;
    case 0x62: {
      const p = lx.peek();
      if (!isBinary(p)) lx.errorf(`not a binary number: '${lx.current()}${p === EOF ? '\x00' : String.fromCodePoint(p)}'`);
      return lexBinaryInteger;
    }
    case 0x6f: {
      const p = lx.peek();
      if (!isOctal(p)) lx.errorf(`not an octal number: '${lx.current()}${p === EOF ? '\x00' : String.fromCodePoint(p)}'`);
      return lexOctalInteger;
    }
    case 0x78: {
      const p = lx.peek();
      if (!isHex(p)) lx.errorf(`not a hexidecimal number: '${lx.current()}${p === EOF ? '\x00' : String.fromCodePoint(p)}'`);
      return lexHexInteger;
    }
  }
  lx.backup();
  lx.emit(I.Integer);
  return lx.pop();
}

function lexFloat(lx: Lexer): StateFn {
  const r = lx.next();
  if (isDigit(r)) return lexFloat;
  if ([0x5f, 0x2e, 0x2d, 0x2b, 0x65, 0x45].includes(r)) return lexFloat;
  lx.backup();
  lx.emit(I.Float);
  return lx.pop();
}

export function lexBool(lx: Lexer): StateFn {
  let s = '';
  for (;;) {
    const r = lx.next();
    if (!isLetter(r)) {
      lx.backup();
      break;
    }
    s += String.fromCodePoint(r);
  }
  if (s === 'true' || s === 'false') {
    lx.emit(I.Bool);
    return lx.pop();
  }
  return lx.errorf(`expected value but found ${goQuote(s)} instead`);
}

export function lexCommentStart(lx: Lexer): StateFn {
  lx.ignore();
  lx.emit(I.CommentStart);
  return lexComment;
}

function lexComment(lx: Lexer): StateFn {
  const r = lx.next();
  if (isNL(r) || r === EOF) {
    lx.backup();
    lx.emit(I.Text);
    return lx.pop();
  }
  return lexComment;
}
