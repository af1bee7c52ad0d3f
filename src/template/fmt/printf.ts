/**
 * Go's fmt Sprint / Sprintln / Sprintf over template values: format parsing (flags, width,
 * precision, `*`, argument indexes) and the error forms `%!v(MISSING)`, `%!(EXTRA …)`,
 * `%!(NOVERB)`, `%!(BADWIDTH)`, `%!(BADPREC)`, `%!d(BADINDEX)`.
 */
import { GoNumber, typeName } from '../value.ts';
import type { GoValue } from '../value.ts';
import { Printer, sizedInt } from './print.ts';
import { runeAt } from '@capstan/strconv';

interface PrintfState {
  /** an explicit argument index was used */
  reordered: boolean;
  /** the current argument index is valid */
  goodArgNum: boolean;
}

const NIL_ANGLE = '<nil>';

function doPrintf(p: Printer, format: string, a: readonly GoValue[]): void {
  const st: PrintfState = { reordered: false, goodArgNum: true };
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let i = 0;
  formatLoop: while (i < end) {
    st.goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== '%') i++;
    if (i > lasti) p.buf += format.slice(lasti, i);
    if (i >= end) break;
    i++; // skip %

    p.clearflags();
    simpleFormat: for (; i < end; i++) {
      const c = format[i]!;
      switch (c) {
        case '#': p.sharp = true; break;
        case '0': p.zero = true; break;
        case '+': p.plus = true; break;
        case '-': p.minus = true; break;
        case ' ': p.space = true; break;
        default:
          // Fast path for common case of ascii lower case simple verbs without precision or width or argument indices.
          if (c >= 'a' && c <= 'z' && argNum < a.length) {
            if (c === 'v' || c === 'w') {
              p.sharpV = p.sharp;
              p.sharp = false;
              p.plusV = p.plus;
              p.plus = false;
            }
            p.printArg(a[argNum]!, c);
            argNum++;
            i++;
            continue formatLoop;
          }
          break simpleFormat;
      }
    }

    // Do we have an explicit argument index?
    [argNum, i, afterIndex] = argNumber(st, argNum, format, i, a.length);

    // Do we have width?
    if (i < end && format[i] === '*') {
      i++;
      [p.wid, p.widPresent, argNum] = intFromArg(a, argNum);
      if (!p.widPresent) p.buf += '%!(BADWIDTH)';
      if (p.wid < 0) {
        p.wid = -p.wid;
        p.minus = true;
        p.zero = false;
      }
      afterIndex = false;
    } else {
      [p.wid, p.widPresent, i] = parsenum(format, i, end);
      if (afterIndex && p.widPresent) st.goodArgNum = false; // "%[3]2d"
    }

    // Do we have precision?
    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) st.goodArgNum = false; // "%[3].2d"
      [argNum, i, afterIndex] = argNumber(st, argNum, format, i, a.length);
      if (i < end && format[i] === '*') {
        i++;
        [p.prec, p.precPresent, argNum] = intFromArg(a, argNum);
        if (p.prec < 0) {
          p.prec = 0;
          p.precPresent = false;
        }
        if (!p.precPresent) p.buf += '%!(BADPREC)';
        afterIndex = false;
      } else {
        [p.prec, p.precPresent, i] = parsenum(format, i, end);
        if (!p.precPresent) {
          p.prec = 0;
          p.precPresent = true;
        }
      }
    }

    if (!afterIndex) [argNum, i, afterIndex] = argNumber(st, argNum, format, i, a.length);

    if (i >= end) {
      p.buf += '%!(NOVERB)';
      break;
    }

    const g = runeAt(format, i);
    const verb = g.bad >= 0 ? '\ufffd' : String.fromCodePoint(g.r);
    i += g.units;

    if (verb === '%') {
      p.buf += '%';
    } else if (!st.goodArgNum) {
      p.buf += '%!' + verb + '(BADINDEX)';
    } else if (argNum >= a.length) {
      p.buf += '%!' + verb + '(MISSING)';
    } else {
      if (verb === 'v' || verb === 'w') {
        p.sharpV = p.sharp;
        p.sharp = false;
        p.plusV = p.plus;
        p.plus = false;
      }
      p.printArg(a[argNum]!, verb);
      argNum++;
    }
  }

  if (!st.reordered && argNum < a.length) {
    p.clearflags();
    p.buf += '%!(EXTRA ';
    a.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.buf += ', ';
      if (arg === null) {
        p.buf += NIL_ANGLE;
      } else {
        p.buf += (arg === undefined ? 'reflect.Value' : typeName(arg)) + '=';
        p.printArg(arg, 'v');
      }
    });
    p.buf += ')';
  }
}

function argNumber(st: PrintfState, argNum: number, format: string, i: number, numArgs: number): [number, number, boolean] {
  if (format.length <= i || format[i] !== '[') return [argNum, i, false];
  st.reordered = true;
  const [index, wid, ok] = parseArgNumber(format.slice(i));
  if (ok && index >= 0 && index < numArgs) return [index, i + wid, true];
  st.goodArgNum = false;
  return [argNum, i + wid, ok];
}

function doPrint(p: Printer, a: readonly GoValue[]): void {
  let prevString = false;
  a.forEach((arg, argNum) => {
    const isString = typeof arg === 'string';
    // Add a space between two non-string arguments.
    if (argNum > 0 && !isString && !prevString) p.buf += ' ';
    p.printArg(arg, 'v');
    prevString = isString;
  });
}

function doPrintln(p: Printer, a: readonly GoValue[]): void {
  a.forEach((arg, argNum) => {
    if (argNum > 0) p.buf += ' ';
    p.printArg(arg, 'v');
  });
  p.buf += '\n';
}

function tooLarge(x: number): boolean {
  return x > 1e6 || x < -1e6;
}

/** parsenum converts ASCII to integer; [num, isnum, newi]. */
function parsenum(s: string, start: number, end: number): [number, boolean, number] {
  if (start >= end) return [0, false, end];
  let num = 0;
  let isnum = false;
  let newi = start;
  for (; newi < end && s[newi]! >= '0' && s[newi]! <= '9'; newi++) {
    if (tooLarge(num)) return [0, false, end]; // Overflow; crazy long number most likely.
    num = num * 10 + (s.charCodeAt(newi) - 0x30);
    isnum = true;
  }
  return [num, isnum, newi];
}

/** parseArgNumber returns the (zero-based) value of the bracketed number, minus 1. */
function parseArgNumber(format: string): [number, number, boolean] {
  if (format.length < 3) return [0, 1, false];
  for (let i = 1; i < format.length; i++) {
    if (format[i] === ']') {
      const [width, ok, newi] = parsenum(format, 1, i);
      if (!ok || newi !== i) return [0, i + 1, false];
      return [width - 1, i + 1, true];
    }
  }
  return [0, 1, false];
}

/** intFromArg gets the argNum'th element of a as an int: [num, isInt, newArgNum]. */
function intFromArg(a: readonly GoValue[], argNum: number): [number, boolean, number] {
  let num = 0;
  let isInt = false;
  let newArgNum = argNum;
  if (argNum < a.length) {
    const v = a[argNum];
    let n: bigint | undefined;
    if (typeof v === 'bigint') n = v;
    else if (v instanceof GoNumber && v.kind !== 'float32') {
      n = sizedInt(v);
    }
    if (n !== undefined && n >= -(1n << 63n) && n < 1n << 63n) {
      num = Number(n);
      isInt = true;
    }
    newArgNum = argNum + 1;
    if (tooLarge(num)) {
      num = 0;
      isInt = false;
    }
  }
  return [num, isInt, newArgNum];
}

/** fmt.Sprint: spaces between operands when neither is a string. */
export function sprint(args: readonly GoValue[]): string {
  const p = new Printer();
  doPrint(p, args);
  return p.buf;
}

/** fmt.Sprintln: spaces between all operands, and a trailing newline. */
export function sprintln(args: readonly GoValue[]): string {
  const p = new Printer();
  doPrintln(p, args);
  return p.buf;
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: readonly GoValue[]): string {
  const p = new Printer();
  doPrintf(p, format, args);
  return p.buf;
}
