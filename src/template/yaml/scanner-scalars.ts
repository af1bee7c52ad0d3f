/** Port of go-yaml v2's scalar scanners (scannerc.go): block, quoted and plain scalars. */
import {
  appendRune,
  asDigit,
  asHex,
  isBlank,
  isBlankz,
  isBreak,
  isBreakz,
  isDigit,
  isHex,
  isSpace,
  isTab,
  isZ,
} from './chars.ts';
import { copyMark as cp, type Mark } from './reader.ts';
import type { Scanner } from './scanner.ts';
import { skipToNextLine } from './scanner-scan.ts';
import { S, T, type Token } from './tokens.ts';

export function scanBlockScalar(p: Scanner, literal: boolean): Token {
  const start = cp(p.mark);
  p.skip();
  p.cache(1);
  let chomping = 0;
  let increment = 0;
  if (p.cur() === 0x2b || p.cur() === 0x2d) {
    chomping = p.cur() === 0x2b ? 1 : -1;
    p.skip();
    p.cache(1);
    if (isDigit(p.buffer, p.bufferPos)) {
      if (p.cur() === 0x30) p.scannerError('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
      increment = asDigit(p.buffer, p.bufferPos);
      p.skip();
    }
  } else if (isDigit(p.buffer, p.bufferPos)) {
    if (p.cur() === 0x30) p.scannerError('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
    increment = asDigit(p.buffer, p.bufferPos);
    p.skip();
    p.cache(1);
    if (p.cur() === 0x2b || p.cur() === 0x2d) {
      chomping = p.cur() === 0x2b ? 1 : -1;
      p.skip();
    }
  }
  skipToNextLine(p, 'while scanning a block scalar', start);
  const endRef = { mark: cp(p.mark) };
  let indent = 0;
  if (increment > 0) indent = p.indent >= 0 ? p.indent + increment : increment;
  const s: number[] = [];
  let leadingBreak: number[] = [];
  let trailingBreaks: number[] = [];
  indent = scanBlockScalarBreaks(p, indent, trailingBreaks, start, endRef);
  p.cache(1);
  let leadingBlank = false;
  let trailingBlank = false;
  while (p.mark.column === indent && !isZ(p.buffer, p.bufferPos)) {
    trailingBlank = isBlank(p.buffer, p.bufferPos);
    if (!literal && !leadingBlank && !trailingBlank && leadingBreak.length > 0 && leadingBreak[0] === 0x0a) {
      if (trailingBreaks.length === 0) s.push(0x20);
    } else {
      s.push(...leadingBreak);
    }
    leadingBreak = [];
    s.push(...trailingBreaks);
    trailingBreaks = [];
    leadingBlank = isBlank(p.buffer, p.bufferPos);
    while (!isBreakz(p.buffer, p.bufferPos)) {
      p.read(s);
      p.cache(1);
    }
    p.cache(2);
    p.readLine(leadingBreak);
    indent = scanBlockScalarBreaks(p, indent, trailingBreaks, start, endRef);
  }
  if (chomping !== -1) s.push(...leadingBreak);
  if (chomping === 1) s.push(...trailingBreaks);
  return {
    typ: T.SCALAR,
    startMark: start,
    endMark: endRef.mark,
    value: s,
    style: literal ? S.LITERAL : S.FOLDED,
  };
}

function scanBlockScalarBreaks(p: Scanner, indent: number, breaks: number[], start: Mark, endRef: { mark: Mark }): number {
  endRef.mark = cp(p.mark);
  let maxIndent = 0;
  for (;;) {
    p.cache(1);
    while ((indent === 0 || p.mark.column < indent) && isSpace(p.buffer, p.bufferPos)) {
      p.skip();
      p.cache(1);
    }
    if (p.mark.column > maxIndent) maxIndent = p.mark.column;
    if ((indent === 0 || p.mark.column < indent) && isTab(p.buffer, p.bufferPos)) {
      p.scannerError('while scanning a block scalar', start, 'found a tab character where an indentation space is expected');
    }
    if (!isBreak(p.buffer, p.bufferPos)) break;
    p.cache(2);
    p.readLine(breaks);
    endRef.mark = cp(p.mark);
  }
  if (indent === 0) {
    indent = maxIndent;
    if (indent < p.indent + 1) indent = p.indent + 1;
    if (indent < 1) indent = 1;
  }
  return indent;
}

function isDocIndicator(p: Scanner): boolean {
  const b0 = p.cur();
  return (
    p.mark.column === 0 &&
    ((b0 === 0x2d && p.cur(1) === 0x2d && p.cur(2) === 0x2d) || (b0 === 0x2e && p.cur(1) === 0x2e && p.cur(2) === 0x2e)) &&
    isBlankz(p.buffer, p.bufferPos + 3)
  );
}

const SIMPLE_ESCAPES: Record<number, number[]> = {
  0x30: [0],
  0x61: [0x07],
  0x62: [0x08],
  0x74: [0x09],
  0x09: [0x09],
  0x6e: [0x0a],
  0x76: [0x0b],
  0x66: [0x0c],
  0x72: [0x0d],
  0x65: [0x1b],
  0x20: [0x20],
  0x22: [0x22],
  0x27: [0x27],
  0x5c: [0x5c],
  0x4e: [0xc2, 0x85],
  0x5f: [0xc2, 0xa0],
  0x4c: [0xe2, 0x80, 0xa8],
  0x50: [0xe2, 0x80, 0xa9],
};

export function scanFlowScalar(p: Scanner, single: boolean): Token {
  const start = cp(p.mark);
  p.skip();
  const s: number[] = [];
  let leadingBreak: number[] = [];
  let trailingBreaks: number[] = [];
  let whitespaces: number[] = [];
  for (;;) {
    p.cache(4);
    if (isDocIndicator(p)) p.scannerError('while scanning a quoted scalar', start, 'found unexpected document indicator');
    if (isZ(p.buffer, p.bufferPos)) p.scannerError('while scanning a quoted scalar', start, 'found unexpected end of stream');
    let leadingBlanks = false;
    while (!isBlankz(p.buffer, p.bufferPos)) {
      const c = p.cur();
      if (single && c === 0x27 && p.cur(1) === 0x27) {
        s.push(0x27);
        p.skip();
        p.skip();
      } else if (single && c === 0x27) {
        break;
      } else if (!single && c === 0x22) {
        break;
      } else if (!single && c === 0x5c && isBreak(p.buffer, p.bufferPos + 1)) {
        p.cache(3);
        p.skip();
        p.skipLine();
        leadingBlanks = true;
        break;
      } else if (!single && c === 0x5c) {
        let codeLength = 0;
        const e = p.cur(1);
        const simple = SIMPLE_ESCAPES[e];
        if (simple) s.push(...simple);
        else if (e === 0x78) codeLength = 2;
        else if (e === 0x75) codeLength = 4;
        else if (e === 0x55) codeLength = 8;
        else p.scannerError('while parsing a quoted scalar', start, 'found unknown escape character');
        p.skip();
        p.skip();
        if (codeLength > 0) {
          let value = 0;
          p.cache(codeLength);
          for (let k = 0; k < codeLength; k++) {
            if (!isHex(p.buffer, p.bufferPos + k)) {
              p.scannerError('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
            }
            value = value * 16 + asHex(p.buffer, p.bufferPos + k);
          }
          if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
            p.scannerError('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
          }
          appendRune(s, value);
          for (let k = 0; k < codeLength; k++) p.skip();
        }
      } else {
        p.read(s);
      }
      p.cache(2);
    }
    p.cache(1);
    if (single ? p.cur() === 0x27 : p.cur() === 0x22) break;
    while (isBlank(p.buffer, p.bufferPos) || isBreak(p.buffer, p.bufferPos)) {
      if (isBlank(p.buffer, p.bufferPos)) {
        if (!leadingBlanks) p.read(whitespaces);
        else p.skip();
      } else {
        p.cache(2);
        if (!leadingBlanks) {
          whitespaces = [];
          p.readLine(leadingBreak);
          leadingBlanks = true;
        } else {
          p.readLine(trailingBreaks);
        }
      }
      p.cache(1);
    }
    if (leadingBlanks) {
      if (leadingBreak.length > 0 && leadingBreak[0] === 0x0a) {
        if (trailingBreaks.length === 0) s.push(0x20);
        else s.push(...trailingBreaks);
      } else {
        s.push(...leadingBreak, ...trailingBreaks);
      }
      trailingBreaks = [];
      leadingBreak = [];
    } else {
      s.push(...whitespaces);
      whitespaces = [];
    }
  }
  p.skip();
  return {
    typ: T.SCALAR,
    startMark: start,
    endMark: cp(p.mark),
    value: s,
    style: single ? S.SINGLE_QUOTED : S.DOUBLE_QUOTED,
  };
}

export function scanPlainScalar(p: Scanner): Token {
  const s: number[] = [];
  let leadingBreak: number[] = [];
  let trailingBreaks: number[] = [];
  let whitespaces: number[] = [];
  let leadingBlanks = false;
  const indent = p.indent + 1;
  const start = cp(p.mark);
  let end = cp(p.mark);
  let moved = false;
  for (;;) {
    p.cache(4);
    if (isDocIndicator(p)) break;
    if (p.cur() === 0x23) break;
    while (!isBlankz(p.buffer, p.bufferPos)) {
      const c = p.cur();
      if (
        (c === 0x3a && isBlankz(p.buffer, p.bufferPos + 1)) ||
        (p.flowLevel > 0 && (c === 0x2c || c === 0x3f || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d))
      ) {
        break;
      }
      if (leadingBlanks || whitespaces.length > 0) {
        if (leadingBlanks) {
          if (leadingBreak[0] === 0x0a) {
            if (trailingBreaks.length === 0) s.push(0x20);
            else s.push(...trailingBreaks);
          } else {
            s.push(...leadingBreak, ...trailingBreaks);
          }
          trailingBreaks = [];
          leadingBreak = [];
          leadingBlanks = false;
        } else {
          s.push(...whitespaces);
          whitespaces = [];
        }
      }
      if (c >= 0x21 && c <= 0x7e) {
        // one-byte character: p.read(s) inlined
        s.push(c);
        p.bufferPos++;
        p.mark.index++;
        p.mark.column++;
        p.unread--;
      } else {
        p.read(s);
      }
      moved = true;
      p.cache(2);
    }
    // the mark after the last character read (go-yaml copies it after every character)
    if (moved) {
      end = cp(p.mark);
      moved = false;
    }
    if (!(isBlank(p.buffer, p.bufferPos) || isBreak(p.buffer, p.bufferPos))) break;
    p.cache(1);
    while (isBlank(p.buffer, p.bufferPos) || isBreak(p.buffer, p.bufferPos)) {
      if (isBlank(p.buffer, p.bufferPos)) {
        if (leadingBlanks && p.mark.column < indent && isTab(p.buffer, p.bufferPos)) {
          p.scannerError('while scanning a plain scalar', start, 'found a tab character that violates indentation');
        }
        if (!leadingBlanks) p.read(whitespaces);
        else p.skip();
      } else {
        p.cache(2);
        if (!leadingBlanks) {
          whitespaces = [];
          p.readLine(leadingBreak);
          leadingBlanks = true;
        } else {
          p.readLine(trailingBreaks);
        }
      }
      p.cache(1);
    }
    if (p.flowLevel === 0 && p.mark.column < indent) break;
  }
  if (leadingBlanks) p.simpleKeyAllowed = true;
  return { typ: T.SCALAR, startMark: start, endMark: end, value: s, style: S.PLAIN };
}

