/**
 * Go's encoding/json scanner state machine, used to validate JSON input before decoding and to
 * produce Go's exact syntax error messages (`invalid character 'x' looking for beginning of value`,
 * `unexpected end of JSON input`, …).
 */
import { quote } from '@capstan/strconv';

const SCAN_CONTINUE = 0;
const SCAN_BEGIN_LITERAL = 1;
const SCAN_BEGIN_OBJECT = 2;
const SCAN_OBJECT_KEY = 3;
const SCAN_OBJECT_VALUE = 4;
const SCAN_END_OBJECT = 5;
const SCAN_BEGIN_ARRAY = 6;
const SCAN_ARRAY_VALUE = 7;
const SCAN_END_ARRAY = 8;
const SCAN_SKIP_SPACE = 9;
const SCAN_END = 10;
const SCAN_ERROR = 11;

const PARSE_OBJECT_KEY = 0;
const PARSE_OBJECT_VALUE = 1;
const PARSE_ARRAY_VALUE = 2;

const MAX_NESTING_DEPTH = 10000;

type Step = (s: Scanner, c: number) => number;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** quoteChar formats c as a quoted character literal. */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return "'\"'";
  // string(byte) in Go converts the byte as a rune (Latin-1)
  const s = quote(String.fromCharCode(c));
  return "'" + s.slice(1, -1) + "'";
}

class Scanner {
  step: Step = stateBeginValue;
  endTop = false;
  parseState: number[] = [];
  err: string | null = null;

  eof(): number {
    if (this.err !== null) return SCAN_ERROR;
    if (this.endTop) return SCAN_END;
    this.step(this, 0x20);
    if (this.endTop) return SCAN_END;
    if (this.err === null) this.err = 'unexpected end of JSON input';
    return SCAN_ERROR;
  }

  pushParseState(c: number, newParseState: number, successState: number): number {
    this.parseState.push(newParseState);
    if (this.parseState.length <= MAX_NESTING_DEPTH) return successState;
    return this.error(c, 'exceeded max depth');
  }

  popParseState(): void {
    this.parseState.pop();
    if (this.parseState.length === 0) {
      this.step = stateEndTop;
      this.endTop = true;
    } else {
      this.step = stateEndValue;
    }
  }

  error(c: number, context: string): number {
    this.step = stateError;
    this.err = 'invalid character ' + quoteChar(c) + ' ' + context;
    return SCAN_ERROR;
  }
}

function stateBeginValueOrEmpty(s: Scanner, c: number): number {
  if (isSpace(c)) return SCAN_SKIP_SPACE;
  if (c === 0x5d) return stateEndValue(s, c);
  return stateBeginValue(s, c);
}

function stateBeginValue(s: Scanner, c: number): number {
  if (isSpace(c)) return SCAN_SKIP_SPACE;
  switch (c) {
    case 0x7b: // {
      s.step = stateBeginStringOrEmpty;
      return s.pushParseState(c, PARSE_OBJECT_KEY, SCAN_BEGIN_OBJECT);
    case 0x5b: // [
      s.step = stateBeginValueOrEmpty;
      return s.pushParseState(c, PARSE_ARRAY_VALUE, SCAN_BEGIN_ARRAY);
    case 0x22:
      s.step = stateInString;
      return SCAN_BEGIN_LITERAL;
    case 0x2d: // -
      s.step = stateNeg;
      return SCAN_BEGIN_LITERAL;
    case 0x30:
      s.step = state0;
      return SCAN_BEGIN_LITERAL;
    case 0x74: // t
      s.step = literal('rue', 'true');
      return SCAN_BEGIN_LITERAL;
    case 0x66: // f
      s.step = literal('alse', 'false');
      return SCAN_BEGIN_LITERAL;
    case 0x6e: // n
      s.step = literal('ull', 'null');
      return SCAN_BEGIN_LITERAL;
  }
  if (c >= 0x31 && c <= 0x39) {
    s.step = state1;
    return SCAN_BEGIN_LITERAL;
  }
  return s.error(c, 'looking for beginning of value');
}

function stateBeginStringOrEmpty(s: Scanner, c: number): number {
  if (isSpace(c)) return SCAN_SKIP_SPACE;
  if (c === 0x7d) {
    s.parseState[s.parseState.length - 1] = PARSE_OBJECT_VALUE;
    return stateEndValue(s, c);
  }
  return stateBeginString(s, c);
}

function stateBeginString(s: Scanner, c: number): number {
  if (isSpace(c)) return SCAN_SKIP_SPACE;
  if (c === 0x22) {
    s.step = stateInString;
    return SCAN_BEGIN_LITERAL;
  }
  return s.error(c, 'looking for beginning of object key string');
}

function stateEndValue(s: Scanner, c: number): number {
  const n = s.parseState.length;
  if (n === 0) {
    s.step = stateEndTop;
    s.endTop = true;
    return stateEndTop(s, c);
  }
  if (isSpace(c)) {
    s.step = stateEndValue;
    return SCAN_SKIP_SPACE;
  }
  switch (s.parseState[n - 1]) {
    case PARSE_OBJECT_KEY:
      if (c === 0x3a) {
        s.parseState[n - 1] = PARSE_OBJECT_VALUE;
        s.step = stateBeginValue;
        return SCAN_OBJECT_KEY;
      }
      return s.error(c, 'after object key');
    case PARSE_OBJECT_VALUE:
      if (c === 0x2c) {
        s.parseState[n - 1] = PARSE_OBJECT_KEY;
        s.step = stateBeginString;
        return SCAN_OBJECT_VALUE;
      }
      if (c === 0x7d) {
        s.popParseState();
        return SCAN_END_OBJECT;
      }
      return s.error(c, 'after object key:value pair');
    case PARSE_ARRAY_VALUE:
      if (c === 0x2c) {
        s.step = stateBeginValue;
        return SCAN_ARRAY_VALUE;
      }
      if (c === 0x5d) {
        s.popParseState();
        return SCAN_END_ARRAY;
      }
      return s.error(c, 'after array element');
  }
  return s.error(c, '');
}

function stateEndTop(s: Scanner, c: number): number {
  if (!isSpace(c)) s.error(c, 'after top-level value');
  return SCAN_END;
}

function stateInString(s: Scanner, c: number): number {
  if (c === 0x22) {
    s.step = stateEndValue;
    return SCAN_CONTINUE;
  }
  if (c === 0x5c) {
    s.step = stateInStringEsc;
    return SCAN_CONTINUE;
  }
  if (c < 0x20) return s.error(c, 'in string literal');
  return SCAN_CONTINUE;
}

function stateInStringEsc(s: Scanner, c: number): number {
  switch (c) {
    case 0x62: case 0x66: case 0x6e: case 0x72: case 0x74: case 0x5c: case 0x2f: case 0x22:
      s.step = stateInString;
      return SCAN_CONTINUE;
    case 0x75:
      s.step = escU(4);
      return SCAN_CONTINUE;
  }
  return s.error(c, 'in string escape code');
}

const ESC_U: Step[] = [];
function escU(remaining: number): Step {
  let st = ESC_U[remaining];
  if (!st) {
    st = (s, c) => {
      if (isHex(c)) {
        s.step = remaining === 1 ? stateInString : escU(remaining - 1);
        return SCAN_CONTINUE;
      }
      return s.error(c, 'in \\u hexadecimal character escape');
    };
    ESC_U[remaining] = st;
  }
  return st;
}

function stateNeg(s: Scanner, c: number): number {
  if (c === 0x30) {
    s.step = state0;
    return SCAN_CONTINUE;
  }
  if (c >= 0x31 && c <= 0x39) {
    s.step = state1;
    return SCAN_CONTINUE;
  }
  return s.error(c, 'in numeric literal');
}

function state1(s: Scanner, c: number): number {
  if (isDigit(c)) {
    s.step = state1;
    return SCAN_CONTINUE;
  }
  return state0(s, c);
}

function state0(s: Scanner, c: number): number {
  if (c === 0x2e) {
    s.step = stateDot;
    return SCAN_CONTINUE;
  }
  if (c === 0x65 || c === 0x45) {
    s.step = stateE;
    return SCAN_CONTINUE;
  }
  return stateEndValue(s, c);
}

function stateDot(s: Scanner, c: number): number {
  if (isDigit(c)) {
    s.step = stateDot0;
    return SCAN_CONTINUE;
  }
  return s.error(c, 'after decimal point in numeric literal');
}

function stateDot0(s: Scanner, c: number): number {
  if (isDigit(c)) return SCAN_CONTINUE;
  if (c === 0x65 || c === 0x45) {
    s.step = stateE;
    return SCAN_CONTINUE;
  }
  return stateEndValue(s, c);
}

function stateE(s: Scanner, c: number): number {
  if (c === 0x2b || c === 0x2d) {
    s.step = stateESign;
    return SCAN_CONTINUE;
  }
  return stateESign(s, c);
}

function stateESign(s: Scanner, c: number): number {
  if (isDigit(c)) {
    s.step = stateE0;
    return SCAN_CONTINUE;
  }
  return s.error(c, 'in exponent of numeric literal');
}

function stateE0(s: Scanner, c: number): number {
  if (isDigit(c)) return SCAN_CONTINUE;
  return stateEndValue(s, c);
}

const LITERALS = new Map<string, Step>();
/** States for the rest of the literal `word` (`true`, `false`, `null`); `rest` is what remains. */
function literal(rest: string, word: string): Step {
  const key = word + ':' + rest;
  let st = LITERALS.get(key);
  if (!st) {
    const want = rest.charCodeAt(0);
    st = (s, c) => {
      if (c === want) {
        s.step = rest.length === 1 ? stateEndValue : literal(rest.slice(1), word);
        return SCAN_CONTINUE;
      }
      return s.error(c, `in literal ${word} (expecting '${rest[0]}')`);
    };
    LITERALS.set(key, st);
  }
  return st;
}

function stateError(): number {
  return SCAN_ERROR;
}

/** checkValid: returns Go's syntax error message for invalid JSON, or null. */
export function checkValid(data: Uint8Array): string | null {
  const scan = new Scanner();
  for (let i = 0; i < data.length; i++) {
    if (scan.step(scan, data[i]!) === SCAN_ERROR) return scan.err;
  }
  if (scan.eof() === SCAN_ERROR) return scan.err;
  return null;
}
