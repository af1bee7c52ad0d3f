/**
 * Go's fmt/format.go: the low-level formatter (flags, width, precision, padding) that writes
 * integers, floats, strings and byte slices into a buffer exactly as Go does.
 */
import {
  canBackquote, formatFloat, isPrint, MAX_RUNE, quote, quoteRune, quoteRuneToASCII, quoteToASCII, RUNE_ERROR, runeAt,
  runeCount, runeToString, utf8Encode,
} from '@capstan/strconv';

export const LDIGITS = '0123456789abcdefx';
export const UDIGITS = '0123456789ABCDEFX';

const MAX_U64 = (1n << 64n) - 1n;

export class Fmt {
  /** the output (a Go byte buffer, in our string convention) */
  buf = '';

  widPresent = false;
  precPresent = false;
  minus = false;
  plus = false;
  sharp = false;
  space = false;
  zero = false;
  /** %+v: set at top level, plus is then cleared */
  plusV = false;
  /** %#v: set at top level, sharp is then cleared */
  sharpV = false;

  wid = 0;
  prec = 0;

  clearflags(): void {
    this.widPresent = false;
    this.precPresent = false;
    this.minus = false;
    this.plus = false;
    this.sharp = false;
    this.space = false;
    this.zero = false;
    this.plusV = false;
    this.sharpV = false;
    this.wid = 0;
    this.prec = 0;
  }

  saveFlags(): () => void {
    const { widPresent, precPresent, minus, plus, sharp, space, zero, plusV, sharpV, wid, prec } = this;
    return () => {
      Object.assign(this, { widPresent, precPresent, minus, plus, sharp, space, zero, plusV, sharpV, wid, prec });
    };
  }

  /** writePadding generates n bytes of padding. */
  writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.zero && !this.minus ? '0' : ' ').repeat(n);
  }

  /** pad appends s, padded on the left (!minus) or right (minus) to the width in runes. */
  pad(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  fmtBoolean(v: boolean): void {
    this.pad(v ? 'true' : 'false');
  }

  /** fmtUnicode formats a uint64 as "U+0078" or with sharp as "U+0078 'x'". */
  fmtUnicode(u: bigint): void {
    let prec = 4;
    if (this.precPresent && this.prec > 4) prec = this.prec;
    let hex = u.toString(16).toUpperCase();
    if (hex.length < prec) hex = '0'.repeat(prec - hex.length) + hex;
    let s = 'U+' + hex;
    if (this.sharp && u <= BigInt(MAX_RUNE) && isPrint(Number(u))) {
      s += " '" + String.fromCodePoint(Number(u)) + "'";
    }
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  /** fmtInteger formats signed and unsigned integers; u holds the 64-bit pattern. */
  fmtInteger(u: bigint, base: number, isSigned: boolean, verb: string, digits: string): void {
    u = BigInt.asUintN(64, u);
    const negative = isSigned && BigInt.asIntN(64, u) < 0n;
    if (negative) u = (-BigInt.asIntN(64, u)) & MAX_U64;

    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      // Precision of 0 and value of 0 means "print nothing" but padding.
      if (prec === 0 && u === 0n) {
        const oldZero = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = oldZero;
        return;
      }
    } else if (this.zero && !this.minus && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--; // leave room for sign
    }

    let s = u.toString(base);
    if (digits === UDIGITS) s = s.toUpperCase();
    if (prec > s.length) s = '0'.repeat(prec - s.length) + s;

    if (this.sharp) {
      if (base === 2) s = '0b' + s;
      else if (base === 8) {
        if (s[0] !== '0') s = '0' + s;
      } else if (base === 16) s = '0' + digits[16] + s;
    }
    if (verb === 'O') s = '0o' + s;

    if (negative) s = '-' + s;
    else if (this.plus) s = '+' + s;
    else if (this.space) s = ' ' + s;

    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  /** truncateString truncates s to the precision (in runes), if present. */
  truncateString(s: string): string {
    if (this.precPresent) {
      let n = this.prec;
      for (let i = 0; i < s.length;) {
        n--;
        if (n < 0) return s.slice(0, i);
        i += runeAt(s, i).units;
      }
    }
    return s;
  }

  fmtS(s: string): void {
    this.pad(this.truncateString(s));
  }

  /** fmtSbx formats the bytes of a string or byte slice as hexadecimal. */
  fmtSbx(b: Uint8Array, digits: string): void {
    let length = b.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) {
        width += 2;
      }
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    let out = '';
    if (this.sharp) out += '0' + digits[16];
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        out += ' ';
        if (this.sharp) out += '0' + digits[16];
      }
      const c = b[i]!;
      out += digits[c >> 4]! + digits[c & 0xf]!;
    }
    this.buf += out;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  fmtSx(s: string, digits: string): void {
    this.fmtSbx(utf8Encode(s), digits);
  }

  /** fmtQ formats a string as a double-quoted (or with sharp, back-quoted) Go string. */
  fmtQ(s: string): void {
    s = this.truncateString(s);
    if (this.sharp && canBackquote(s)) {
      this.pad('`' + s + '`');
      return;
    }
    this.pad(this.plus ? quoteToASCII(s) : quote(s));
  }

  /** fmtC formats an integer as a Unicode character (U+FFFD if invalid). */
  fmtC(c: bigint): void {
    const r = c > BigInt(MAX_RUNE) ? RUNE_ERROR : Number(c);
    this.pad(runeToString(r));
  }

  /** fmtQc formats an integer as a single-quoted Go character constant. */
  fmtQc(c: bigint): void {
    const r = c > BigInt(MAX_RUNE) ? RUNE_ERROR : Number(c);
    this.pad(this.plus ? quoteRuneToASCII(r) : quoteRune(r));
  }

  /** fmtFloat formats a float; verb is a strconv format (b e E f g G x X). */
  fmtFloat(v: number, size: 32 | 64, verb: string, prec: number): void {
    if (this.precPresent) prec = this.prec;
    let num = formatFloat(v, verb, prec, size);
    if (num[0] !== '-' && num[0] !== '+') num = '+' + num;
    if (this.space && num[0] === '+' && !this.plus) num = ' ' + num.slice(1);
    // Infinities and NaN don't look like numbers, so don't pad them with zeros.
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = this.zero;
      this.zero = false;
      if (num[1] === 'N' && !this.space && !this.plus) num = num.slice(1);
      this.pad(num);
      this.zero = oldZero;
      return;
    }
    // The sharp flag forces printing a decimal point and retains trailing zeros.
    if (this.sharp && verb !== 'b') {
      let digits = 0;
      if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') {
        digits = prec;
        if (digits === -1) digits = 6;
      }
      let tail = '';
      let hasDecimalPoint = false;
      let sawNonzeroDigit = false;
      for (let i = 1; i < num.length; i++) {
        const c = num[i]!;
        if (c === '.') {
          hasDecimalPoint = true;
        } else if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
          tail += num.slice(i);
          num = num.slice(0, i);
        } else {
          if (c !== '0') sawNonzeroDigit = true;
          if (sawNonzeroDigit) digits--;
        }
      }
      if (!hasDecimalPoint) {
        if (num.length === 2 && num[1] === '0') digits--;
        num += '.';
      }
      if (digits > 0) num += '0'.repeat(digits);
      num += tail;
    }
    if (this.plus || num[0] !== '+') {
      // Zero padding goes after the sign.
      if (this.zero && !this.minus && this.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }
}
