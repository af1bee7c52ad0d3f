/**
 * github.com/Masterminds/goutils v1.1.1, the parts Sprig uses. Several of these work on bytes, not
 * runes (Abbreviate, Wrap, Initials, DeleteWhiteSpace), which splits multi-byte characters exactly
 * as Go does; Initials and DeleteWhiteSpace even turn each byte into the rune of the same value.
 */
import { utf8Decode, utf8Encode } from '@capstan/strconv';
import { isAscii, isLower, isSpace, isTitle, isUpper, toLower, toRunes, fromRunes, toTitle, toUpper } from '../fmt/unicode.ts';

/** s[a:b] on the bytes of a Go string. */
export function byteSlice(s: string, a: number, b?: number): string {
  if (isAscii(s)) return s.slice(a, b);
  return utf8Decode(utf8Encode(s).subarray(a, b));
}

/** len(s) of a Go string. */
export function byteLen(s: string): number {
  return isAscii(s) ? s.length : utf8Encode(s).length;
}

/** goutils.AbbreviateFull; returns null where Go returns an error. */
export function abbreviateFull(str: string, offset: number, maxWidth: number): string | null {
  if (str === '') return '';
  if (maxWidth < 4) return null;
  const len = byteLen(str);
  if (len <= maxWidth) return str;
  if (offset > len) offset = len;
  if (len - offset < maxWidth - 3) offset = len - (maxWidth - 3);
  const marker = '...';
  if (offset <= 4) return byteSlice(str, 0, maxWidth - 3) + marker;
  if (maxWidth < 7) return null;
  if (offset + maxWidth - 3 < len) {
    const rest = abbreviateFull(byteSlice(str, offset), 0, maxWidth - 3) ?? '';
    return marker + rest;
  }
  return marker + byteSlice(str, len - (maxWidth - 3));
}

/** goutils.WrapCustom (byte-based; words are separated by ' ' only). */
export function wrapCustom(str: string, wrapLength: number, newLineStr: string, wrapLongWords: boolean): string {
  if (str === '') return '';
  if (newLineStr === '') newLineStr = '\n';
  if (wrapLength < 1) wrapLength = 1;
  const b = utf8Encode(str);
  const sp = 0x20;
  const len = b.length;
  const slice = (x: number, y: number): string => utf8Decode(b.subarray(x, y));
  let offset = 0;
  let out = '';
  while (len - offset > wrapLength) {
    if (b[offset] === sp) {
      offset++;
      continue;
    }
    const end = wrapLength + offset + 1;
    let spaceToWrapAt = b.subarray(offset, end).lastIndexOf(sp) + offset;
    if (spaceToWrapAt >= offset) {
      out += slice(offset, spaceToWrapAt) + newLineStr;
      offset = spaceToWrapAt + 1;
    } else if (wrapLongWords) {
      out += slice(offset, wrapLength + offset) + newLineStr;
      offset += wrapLength;
    } else {
      const e = wrapLength + offset;
      const index = b.subarray(e).indexOf(sp);
      if (index === -1) {
        out += slice(offset, len);
        offset = len;
      } else {
        spaceToWrapAt = index + e;
        out += slice(offset, spaceToWrapAt) + newLineStr;
        offset = spaceToWrapAt + 1;
      }
    }
  }
  return out + slice(offset, len);
}

/** goutils.Initials with the default (whitespace) delimiters: byte-wise, each byte taken as a rune. */
export function initials(str: string): string {
  if (str === '') return '';
  const b = utf8Encode(str);
  let out = '';
  let lastWasGap = true;
  for (const byte of b) {
    if (isSpace(byte)) lastWasGap = true;
    else if (lastWasGap) {
      out += String.fromCharCode(byte);
      lastWasGap = false;
    }
  }
  return out;
}

/** goutils.DeleteWhiteSpace: byte-wise, each kept byte written as the rune of the same value. */
export function deleteWhiteSpace(str: string): string {
  if (str === '') return str;
  const b = utf8Encode(str);
  let out = '';
  let count = 0;
  for (const byte of b) {
    if (!isSpace(byte)) {
      out += String.fromCharCode(byte);
      count++;
    }
  }
  return count === b.length ? str : out;
}

/** goutils.SwapCase. */
export function swapCase(str: string): string {
  if (str === '') return str;
  const buf = toRunes(str);
  let whitespace = true;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (isUpper(c) || isTitle(c)) {
      buf[i] = toLower(c);
      whitespace = false;
    } else if (isLower(c)) {
      buf[i] = whitespace ? toTitle(c) : toUpper(c);
      whitespace = false;
    } else {
      whitespace = isSpace(c);
    }
  }
  return fromRunes(buf);
}

/** goutils.Uncapitalize with the default (whitespace) delimiters. */
export function uncapitalize(str: string): string {
  if (str === '') return str;
  const buf = toRunes(str);
  let next = true;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (isSpace(c)) next = true;
    else if (next) {
      buf[i] = toLower(c);
      next = false;
    }
  }
  return fromRunes(buf);
}
