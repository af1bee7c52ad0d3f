/** Port of go-yaml v2's token scanners (scannerc.go): directives, anchors and tags. */
import {
  asDigit,
  asHex,
  isAlpha,
  isBlank,
  isBlankz,
  isBreak,
  isBreakz,
  isDigit,
  isHex,
  width,
} from './chars.ts';
import { copyMark as cp, type Mark } from './reader.ts';
import type { Scanner } from './scanner.ts';
import { T, type Token, type TokenType } from './tokens.ts';

export function skipBlanksAndComment(p: Scanner): void {
  p.cache(1);
  while (isBlank(p.buffer, p.bufferPos)) {
    p.skip();
    p.cache(1);
  }
  if (p.cur() === 0x23) {
    while (!isBreakz(p.buffer, p.bufferPos)) {
      p.skip();
      p.cache(1);
    }
  }
}

/** Eats the rest of the line (blanks, a comment, the line break), which must end there. */
export function skipToNextLine(p: Scanner, context: string, start: Mark): void {
  skipBlanksAndComment(p);
  if (!isBreakz(p.buffer, p.bufferPos)) p.scannerError(context, start, 'did not find expected comment or line break');
  if (isBreak(p.buffer, p.bufferPos)) {
    p.cache(2);
    p.skipLine();
  }
}

export function scanDirective(p: Scanner): Token {
  const start = cp(p.mark);
  p.skip();
  const name = scanDirectiveName(p, start);
  let token: Token;
  const nameStr = String.fromCharCode(...name);
  if (nameStr === 'YAML') {
    const [major, minor] = scanVersionDirectiveValue(p, start);
    token = { typ: T.VERSION_DIRECTIVE, startMark: start, endMark: cp(p.mark), major, minor };
  } else if (nameStr === 'TAG') {
    const [handle, prefix] = scanTagDirectiveValue(p, start);
    token = { typ: T.TAG_DIRECTIVE, startMark: start, endMark: cp(p.mark), value: handle, prefix };
  } else {
    p.scannerError('while scanning a directive', start, 'found unknown directive name');
  }
  skipToNextLine(p, 'while scanning a directive', start);
  return token;
}

function scanDirectiveName(p: Scanner, start: Mark): number[] {
  p.cache(1);
  const s: number[] = [];
  while (isAlpha(p.buffer, p.bufferPos)) {
    p.read(s);
    p.cache(1);
  }
  if (s.length === 0) p.scannerError('while scanning a directive', start, 'could not find expected directive name');
  if (!isBlankz(p.buffer, p.bufferPos)) {
    p.scannerError('while scanning a directive', start, 'found unexpected non-alphabetical character');
  }
  return s;
}

function scanVersionDirectiveValue(p: Scanner, start: Mark): [number, number] {
  p.cache(1);
  while (isBlank(p.buffer, p.bufferPos)) {
    p.skip();
    p.cache(1);
  }
  const major = scanVersionDirectiveNumber(p, start);
  if (p.cur() !== 0x2e) {
    p.scannerError('while scanning a %YAML directive', start, "did not find expected digit or '.' character");
  }
  p.skip();
  const minor = scanVersionDirectiveNumber(p, start);
  return [major, minor];
}

function scanVersionDirectiveNumber(p: Scanner, start: Mark): number {
  p.cache(1);
  let value = 0;
  let length = 0;
  while (isDigit(p.buffer, p.bufferPos)) {
    length++;
    if (length > 2) p.scannerError('while scanning a %YAML directive', start, 'found extremely long version number');
    value = value * 10 + asDigit(p.buffer, p.bufferPos);
    p.skip();
    p.cache(1);
  }
  if (length === 0) p.scannerError('while scanning a %YAML directive', start, 'did not find expected version number');
  return value;
}

function scanTagDirectiveValue(p: Scanner, start: Mark): [number[], number[]] {
  p.cache(1);
  while (isBlank(p.buffer, p.bufferPos)) {
    p.skip();
    p.cache(1);
  }
  const handle = scanTagHandle(p, true, start);
  p.cache(1);
  if (!isBlank(p.buffer, p.bufferPos)) p.scannerError('while scanning a %TAG directive', start, 'did not find expected whitespace');
  while (isBlank(p.buffer, p.bufferPos)) {
    p.skip();
    p.cache(1);
  }
  const prefix = scanTagUri(p, true, null, start);
  p.cache(1);
  if (!isBlankz(p.buffer, p.bufferPos)) {
    p.scannerError('while scanning a %TAG directive', start, 'did not find expected whitespace or line break');
  }
  return [handle, prefix];
}

export function scanAnchor(p: Scanner, typ: TokenType): Token {
  const s: number[] = [];
  const start = cp(p.mark);
  p.skip();
  p.cache(1);
  while (isAlpha(p.buffer, p.bufferPos)) {
    p.read(s);
    p.cache(1);
  }
  const end = cp(p.mark);
  const c = p.cur();
  if (
    s.length === 0 ||
    !(isBlankz(p.buffer, p.bufferPos) || c === 0x3f || c === 0x3a || c === 0x2c || c === 0x5d || c === 0x7d || c === 0x25 || c === 0x40 || c === 0x60)
  ) {
    const context = typ === T.ANCHOR ? 'while scanning an anchor' : 'while scanning an alias';
    p.scannerError(context, start, 'did not find expected alphabetic or numeric character');
  }
  return { typ, startMark: start, endMark: end, value: s };
}

export function scanTag(p: Scanner): Token {
  let handle: number[];
  let suffix: number[];
  const start = cp(p.mark);
  p.cache(2);
  if (p.cur(1) === 0x3c) {
    handle = [];
    p.skip();
    p.skip();
    suffix = scanTagUri(p, false, null, start);
    if (p.cur() !== 0x3e) p.scannerError('while scanning a tag', start, "did not find the expected '>'");
    p.skip();
  } else {
    handle = scanTagHandle(p, false, start);
    if (handle[0] === 0x21 && handle.length > 1 && handle[handle.length - 1] === 0x21) {
      suffix = scanTagUri(p, false, null, start);
    } else {
      suffix = scanTagUri(p, false, handle, start);
      handle = [0x21];
      if (suffix.length === 0) {
        const t = handle;
        handle = suffix;
        suffix = t;
      }
    }
  }
  p.cache(1);
  if (!isBlankz(p.buffer, p.bufferPos)) {
    p.scannerError('while scanning a tag', start, 'did not find expected whitespace or line break');
  }
  return { typ: T.TAG, startMark: start, endMark: cp(p.mark), value: handle, suffix };
}

function tagError(p: Scanner, directive: boolean, start: Mark, problem: string): never {
  p.scannerError(directive ? 'while parsing a %TAG directive' : 'while parsing a tag', start, problem);
}

function scanTagHandle(p: Scanner, directive: boolean, start: Mark): number[] {
  p.cache(1);
  if (p.cur() !== 0x21) tagError(p, directive, start, "did not find expected '!'");
  const s: number[] = [];
  p.read(s);
  p.cache(1);
  while (isAlpha(p.buffer, p.bufferPos)) {
    p.read(s);
    p.cache(1);
  }
  if (p.cur() === 0x21) {
    p.read(s);
  } else if (directive && !(s.length === 1 && s[0] === 0x21)) {
    tagError(p, directive, start, "did not find expected '!'");
  }
  return s;
}

const URI_CHARS = new Set([...";/?:@&=+$,.!~*'()[]%"].map((c) => c.charCodeAt(0)));

function scanTagUri(p: Scanner, directive: boolean, head: number[] | null, start: Mark): number[] {
  const s: number[] = [];
  let hasTag = head !== null && head.length > 0;
  if (head !== null && head.length > 1) s.push(...head.slice(1));
  p.cache(1);
  while (isAlpha(p.buffer, p.bufferPos) || URI_CHARS.has(p.cur())) {
    if (p.cur() === 0x25) scanUriEscapes(p, directive, start, s);
    else p.read(s);
    p.cache(1);
    hasTag = true;
  }
  if (!hasTag) tagError(p, directive, start, 'did not find expected tag URI');
  return s;
}

function scanUriEscapes(p: Scanner, directive: boolean, start: Mark, s: number[]): void {
  let w = 1024;
  while (w > 0) {
    p.cache(3);
    if (!(p.cur() === 0x25 && isHex(p.buffer, p.bufferPos + 1) && isHex(p.buffer, p.bufferPos + 2))) {
      tagError(p, directive, start, 'did not find URI escaped octet');
    }
    const octet = (asHex(p.buffer, p.bufferPos + 1) << 4) + asHex(p.buffer, p.bufferPos + 2);
    if (w === 1024) {
      w = width(octet);
      if (w === 0) tagError(p, directive, start, 'found an incorrect leading UTF-8 octet');
    } else if ((octet & 0xc0) !== 0x80) {
      tagError(p, directive, start, 'found an incorrect trailing UTF-8 octet');
    }
    s.push(octet);
    p.skip();
    p.skip();
    p.skip();
    w--;
  }
}

