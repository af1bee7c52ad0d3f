/** go-yaml's scalar writers (emitterc.go): plain, single-quoted, double-quoted, literal and folded. */
import { isAlpha, isBlankz, isBom, isBreak, isPrintable, isSpace, width } from './chars.ts';
import type { Emitter } from './emitter.ts';

export function writePlain(e: Emitter, value: number[], allowBreaks: boolean): void {
  if ((!e.v3 || value.length > 0) && !e.whitespace) e.put(0x20);
  let spaces = false;
  let breaks = false;
  for (let i = 0; i < value.length; ) {
    if (isSpace(value, i)) {
      if (allowBreaks && !spaces && e.column > e.bestWidth && !isSpace(value, i + 1)) {
        e.writeIndent();
        i += width(value[i]!);
      } else {
        i = e.write(value, i);
      }
      spaces = true;
    } else if (isBreak(value, i)) {
      if (!breaks && value[i] === 0x0a) e.putBreak();
      i = e.writeBreak(value, i);
      e.indention = true;
      breaks = true;
    } else {
      if (breaks) e.writeIndent();
      i = e.write(value, i);
      e.indention = false;
      spaces = false;
      breaks = false;
    }
  }
  if (!e.v3 || value.length > 0) e.whitespace = false;
  e.indention = false;
  if (e.rootContext) e.openEnded = true;
}

export function writeSingleQuoted(e: Emitter, value: number[], allowBreaks: boolean): void {
  e.writeIndicator("'", true, false, false);
  let spaces = false;
  let breaks = false;
  for (let i = 0; i < value.length; ) {
    if (isSpace(value, i)) {
      if (allowBreaks && !spaces && e.column > e.bestWidth && i > 0 && i < value.length - 1 && !isSpace(value, i + 1)) {
        e.writeIndent();
        i += width(value[i]!);
      } else {
        i = e.write(value, i);
      }
      spaces = true;
    } else if (isBreak(value, i)) {
      if (!breaks && value[i] === 0x0a) e.putBreak();
      i = e.writeBreak(value, i);
      e.indention = true;
      breaks = true;
    } else {
      if (breaks) e.writeIndent();
      if (value[i] === 0x27) e.put(0x27);
      i = e.write(value, i);
      e.indention = false;
      spaces = false;
      breaks = false;
    }
  }
  e.writeIndicator("'", false, false, false);
  e.whitespace = false;
  e.indention = false;
}

const HEX = '0123456789ABCDEF';

const SHORT_ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

export function writeDoubleQuoted(e: Emitter, value: number[], allowBreaks: boolean): void {
  let spaces = false;
  e.writeIndicator('"', true, false, false);
  for (let i = 0; i < value.length; ) {
    const c = value[i]!;
    if (!isPrintable(value, i) || isBom(value, i) || isBreak(value, i) || c === 0x22 || c === 0x5c) {
      let w: number;
      let v: number;
      if ((c & 0x80) === 0) {
        w = 1;
        v = c & 0x7f;
      } else if ((c & 0xe0) === 0xc0) {
        w = 2;
        v = c & 0x1f;
      } else if ((c & 0xf0) === 0xe0) {
        w = 3;
        v = c & 0x0f;
      } else {
        w = 4;
        v = c & 0x07;
      }
      for (let k = 1; k < w; k++) v = (v << 6) + ((value[i + k] ?? 0) & 0x3f);
      i += w;
      e.put(0x5c);
      const short = SHORT_ESCAPES[v];
      if (short !== undefined) {
        e.put(short.charCodeAt(0));
      } else {
        let digits: number;
        if (v <= 0xff) {
          e.put(0x78);
          digits = 2;
        } else if (v <= 0xffff) {
          e.put(0x75);
          digits = 4;
        } else {
          e.put(0x55);
          digits = 8;
        }
        for (let k = (digits - 1) * 4; k >= 0; k -= 4) e.put(HEX.charCodeAt(Math.floor(v / 2 ** k) & 0x0f));
      }
      spaces = false;
    } else if (isSpace(value, i)) {
      if (allowBreaks && !spaces && e.column > e.bestWidth && i > 0 && i < value.length - 1) {
        e.writeIndent();
        if (isSpace(value, i + 1)) e.put(0x5c);
        i += width(value[i]!);
      } else {
        i = e.write(value, i);
      }
      spaces = true;
    } else {
      i = e.write(value, i);
      spaces = false;
    }
  }
  e.writeIndicator('"', false, false, false);
  e.whitespace = false;
  e.indention = false;
}

function writeBlockScalarHints(e: Emitter, value: number[]): void {
  if (isSpace(value, 0) || isBreak(value, 0)) {
    e.writeIndicator(String.fromCharCode(0x30 + e.bestIndent), false, false, false);
  }
  e.openEnded = false;
  let chomp = '';
  if (value.length === 0) {
    chomp = '-';
  } else {
    let i = value.length - 1;
    while ((value[i]! & 0xc0) === 0x80) i--;
    if (!isBreak(value, i)) {
      chomp = '-';
    } else if (i === 0) {
      chomp = '+';
      e.openEnded = true;
    } else {
      i--;
      while ((value[i]! & 0xc0) === 0x80) i--;
      if (isBreak(value, i)) {
        chomp = '+';
        e.openEnded = true;
      }
    }
  }
  if (chomp !== '') e.writeIndicator(chomp, false, false, false);
}

export function writeLiteral(e: Emitter, value: number[]): void {
  e.writeIndicator('|', true, false, false);
  writeBlockScalarHints(e, value);
  e.putBreak();
  e.indention = true;
  e.whitespace = true;
  let breaks = true;
  for (let i = 0; i < value.length; ) {
    if (isBreak(value, i)) {
      i = e.writeBreak(value, i);
      e.indention = true;
      breaks = true;
    } else {
      if (breaks) e.writeIndent();
      i = e.write(value, i);
      e.indention = false;
      breaks = false;
    }
  }
}

export function writeFolded(e: Emitter, value: number[]): void {
  e.writeIndicator('>', true, false, false);
  writeBlockScalarHints(e, value);
  e.putBreak();
  e.indention = true;
  e.whitespace = true;
  let breaks = true;
  let leadingSpaces = true;
  for (let i = 0; i < value.length; ) {
    if (isBreak(value, i)) {
      if (!breaks && !leadingSpaces && value[i] === 0x0a) {
        let k = 0;
        while (isBreak(value, k)) k += width(value[k]!);
        if (!isBlankz(value, k)) e.putBreak();
      }
      i = e.writeBreak(value, i);
      e.indention = true;
      breaks = true;
    } else {
      if (breaks) {
        e.writeIndent();
        leadingSpaces = value[i] === 0x20 || value[i] === 0x09;
      }
      if (!breaks && isSpace(value, i) && !isSpace(value, i + 1) && e.column > e.bestWidth) {
        e.writeIndent();
        i += width(value[i]!);
      } else {
        i = e.write(value, i);
      }
      e.indention = false;
      breaks = false;
    }
  }
}

/** yaml_emitter_write_tag_content: URI characters, others %-escaped. */
export function writeTagContent(e: Emitter, value: number[]): void {
  for (let i = 0; i < value.length; ) {
    const c = value[i]!;
    if (";/?:@&=+$,_.~*'()[]".includes(String.fromCharCode(c)) || isAlpha(value, i)) {
      i = e.write(value, i);
    } else {
      const w = width(c);
      for (let k = 0; k < w; k++) {
        const octet = value[i++]!;
        e.put(0x25);
        const hex = '0123456789ABCDEF';
        e.put(hex.charCodeAt(octet >> 4));
        e.put(hex.charCodeAt(octet & 0x0f));
      }
    }
  }
  e.whitespace = false;
  e.indention = false;
}
