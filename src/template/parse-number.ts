/**
 * Numeric constants: Go's parse.Tree.newNumber, which stores a literal under every Go type that can
 * represent it (int64, uint64, float64, complex128), as Go's ideal constants behave.
 */
import { NumberNode, type TreeRef } from './ast.ts';
import { ItemType } from './lex.ts';
import { tryParseFloat } from './fmt/atof.ts';
import { tryParseInt, tryParseUint } from './fmt/atoi.ts';
import { quote as goQuote, unquoteChar, utf8Encode } from '@capstan/strconv';

const TWO63 = 9223372036854775808; // 2^63 as a float64
const TWO64 = 18446744073709551616; // 2^64 as a float64

/** Go's float64(int64(f)) == f on amd64. */
function floatIsInt64(f: number): boolean {
  return Number.isInteger(f) && f >= -TWO63 && f < TWO63;
}

/** Go's float64(uint64(f)) == f on amd64. */
function floatIsUint64(f: number): boolean {
  return Number.isInteger(f) && f >= 0 && f < TWO64;
}

/** strconv.ParseFloat(s, 64); null on a syntax or range error. */
function parseFloat64(s: string): number | null {
  const r = tryParseFloat(s, 64);
  return r.err === undefined ? r.value : null;
}

function simplifyComplex(n: NumberNode): void {
  n.isFloat = n.complexImag === 0;
  if (n.isFloat) {
    n.float64 = n.complexReal;
    n.isInt = floatIsInt64(n.float64);
    if (n.isInt) n.int64 = BigInt(n.float64);
    n.isUint = floatIsUint64(n.float64);
    if (n.isUint) n.uint64 = BigInt(n.float64);
  }
}

/** fmt.Sscan into a complex128 for the `re±imi` form the lexer produces. */
function parseComplex(text: string): [number, number] {
  let split = -1;
  for (let i = text.length - 2; i > 0; i--) {
    const c = text[i];
    if ((c === '+' || c === '-') && !/[eEpP]/.test(text[i - 1]!)) {
      split = i;
      break;
    }
  }
  if (split < 0 || !text.endsWith('i')) throw new Error('expected integer');
  const re = parseFloat64(text.slice(0, split));
  const im = parseFloat64(text.slice(split, -1));
  if (re === null || im === null) throw new Error('expected integer');
  return [re, im];
}

/** `0`, or a decimal without leading zeros of at most 15 digits, optionally negative (never octal, never past 2^53) */
const SMALL_DECIMAL = /^-?(?:0|[1-9][0-9]{0,14})$/;

/**
 * Parses a number, character or complex literal. Throws an Error whose message is Go's
 * (`integer overflow: "…"`, `illegal number syntax: "…"`, `malformed character constant: …`).
 */
export function newNumber(tr: TreeRef, pos: number, text: string, typ: ItemType): NumberNode {
  const n = new NumberNode(tr, pos, text);
  if (typ === ItemType.Number && SMALL_DECIMAL.test(text)) {
    // what the general path below yields for a plain decimal below 2^53 (most literals: `trunc 63`,
    // `indent 4`), without its three parses through BigInt
    const v = Number(text) + 0; // `-0` is the integer 0
    n.isInt = true;
    n.int64 = BigInt(v);
    n.isFloat = true;
    n.float64 = v;
    if (v >= 0) {
      n.isUint = true;
      n.uint64 = n.int64;
    }
    return n;
  }
  if (typ === ItemType.CharConstant) {
    const b = utf8Encode(text);
    const u = unquoteChar(b, 1, b[0]!);
    if (u === null) throw new Error('invalid syntax');
    const [value, , tail] = u;
    if (tail !== b.length - 1 || b[tail] !== 0x27) throw new Error(`malformed character constant: ${text}`);
    n.int64 = BigInt(value);
    n.isInt = true;
    n.uint64 = BigInt(value);
    n.isUint = true;
    n.float64 = value;
    n.isFloat = true;
    return n;
  }
  if (typ === ItemType.Complex) {
    [n.complexReal, n.complexImag] = parseComplex(text);
    n.isComplex = true;
    simplifyComplex(n);
    return n;
  }
  // Imaginary constants can only be complex unless they are zero.
  if (text.length > 0 && text.endsWith('i')) {
    const f = parseFloat64(text.slice(0, -1));
    if (f !== null) {
      n.isComplex = true;
      n.complexReal = 0;
      n.complexImag = f;
      simplifyComplex(n);
      return n;
    }
  }
  const ur = tryParseUint(text, 0, 64);
  const u = ur.err === undefined ? ur.n : null;
  if (u !== null) {
    n.isUint = true;
    n.uint64 = u;
  }
  const ir = tryParseInt(text, 0, 64);
  const i = ir.err === undefined ? ir.n : null;
  if (i !== null) {
    n.isInt = true;
    n.int64 = i;
    if (i === 0n) {
      n.isUint = true; // in case of -0.
      n.uint64 = u ?? 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = parseFloat64(text);
    if (f !== null) {
      if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${goQuote(text)}`);
      n.isFloat = true;
      n.float64 = f;
      if (!n.isInt && floatIsInt64(f)) {
        n.isInt = true;
        n.int64 = BigInt(f);
      }
      if (!n.isUint && floatIsUint64(f)) {
        n.isUint = true;
        n.uint64 = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new Error(`illegal number syntax: ${goQuote(text)}`);
  return n;
}
