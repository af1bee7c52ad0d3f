/**
 * The comparison builtins eq, ne, lt, le, gt, ge: a port of Go's text/template funcs.go
 * (basicKind rules: integers of any size compare with each other, floats with floats, strings with
 * strings; int vs float is `incompatible types for comparison`).
 *
 * Arguments are reflect.Values: `undefined` is the invalid value, `null` a nil interface.
 */
import { compareStrings, sprintf } from './fmt/index.ts';
import { GoFuncError, GoNumber, GoStruct, kindOf, typeName } from './value.ts';
import type { GoValue } from './value.ts';

const BasicKind = { Invalid: 0, Bool: 1, Complex: 2, Int: 3, Float: 4, String: 5, Uint: 6 } as const;
type BasicKind = (typeof BasicKind)[keyof typeof BasicKind];

export const ERR_BAD_COMPARISON_TYPE = 'invalid type for comparison';
export const ERR_BAD_COMPARISON = 'incompatible types for comparison';
export const ERR_NO_COMPARISON = 'missing argument for comparison';

function basicKind(v: GoValue): BasicKind {
  switch (typeof v) {
    case 'boolean': return BasicKind.Bool;
    case 'bigint': return BasicKind.Int;
    case 'number': return BasicKind.Float;
    case 'string': return BasicKind.String;
  }
  if (v instanceof GoNumber) {
    if (v.kind === 'float32') return BasicKind.Float;
    return v.kind.startsWith('u') ? BasicKind.Uint : BasicKind.Int;
  }
  return BasicKind.Invalid;
}

/** Go's indirectInterface: a nil interface becomes the invalid value. */
function iface(v: GoValue): GoValue {
  return v === null ? undefined : v;
}

function intOf(v: GoValue): bigint {
  return v instanceof GoNumber ? (v.value as bigint) : (v as bigint);
}

function floatOf(v: GoValue): number {
  return v instanceof GoNumber ? (v.value as number) : (v as number);
}

function isComparable(v: GoValue): boolean {
  return !(Array.isArray(v) || v instanceof Map || v instanceof Uint8Array);
}

/** eq: arg1 == arg2 || arg1 == arg3 … */
export function eq(arg1: GoValue, ...arg2: GoValue[]): boolean {
  arg1 = iface(arg1);
  if (arg2.length === 0) throw new GoFuncError(ERR_NO_COMPARISON);
  const k1 = basicKind(arg1);
  for (let arg of arg2) {
    arg = iface(arg);
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      // Special case: Can compare integer values regardless of type's sign.
      if (k1 === BasicKind.Int && k2 === BasicKind.Uint) {
        truth = intOf(arg1) >= 0n && intOf(arg1) === intOf(arg);
      } else if (k1 === BasicKind.Uint && k2 === BasicKind.Int) {
        truth = intOf(arg) >= 0n && intOf(arg1) === intOf(arg);
      } else if (arg1 !== undefined && arg !== undefined) {
        throw new GoFuncError(ERR_BAD_COMPARISON);
      }
    } else {
      switch (k1) {
        case BasicKind.Bool: truth = arg1 === arg; break;
        case BasicKind.Float: truth = floatOf(arg1) === floatOf(arg); break;
        case BasicKind.Int: case BasicKind.Uint: truth = intOf(arg1) === intOf(arg); break;
        case BasicKind.String: truth = arg1 === arg; break;
        default:
          if (!(kindOf(arg1) === kindOf(arg) || arg1 === undefined || arg === undefined)) {
            throw new GoFuncError(sprintf('non-comparable types %s: %v, %s: %v', [arg1, typeName(arg1), typeName(arg), arg]));
          }
          if (arg1 === undefined || arg === undefined) {
            truth = arg1 === arg;
          } else {
            if (!isComparable(arg)) {
              throw new GoFuncError(sprintf('non-comparable type %s: %v', [arg, typeName(arg)]));
            }
            truth = arg1 === arg || (arg1 instanceof GoStruct && arg instanceof GoStruct && structEqual(arg1, arg));
          }
      }
    }
    if (truth) return true;
  }
  return false;
}

function structEqual(a: GoStruct, b: GoStruct): boolean {
  if (a.pointer || b.pointer || a.typeName !== b.typeName || a.fields.size !== b.fields.size) return false;
  for (const [k, v] of a.fields) {
    const w = b.fields.get(k);
    if (v === w) continue;
    if (typeof v === 'number' && typeof w === 'number' && v === w) continue;
    return false;
  }
  return true;
}

/** ne: !(a == b) */
export function ne(arg1: GoValue, arg2: GoValue): boolean {
  return !eq(arg1, arg2);
}

/** lt: a < b */
export function lt(arg1: GoValue, arg2: GoValue): boolean {
  arg1 = iface(arg1);
  const k1 = basicKind(arg1);
  if (k1 === BasicKind.Invalid) throw new GoFuncError(ERR_BAD_COMPARISON_TYPE);
  arg2 = iface(arg2);
  const k2 = basicKind(arg2);
  if (k2 === BasicKind.Invalid) throw new GoFuncError(ERR_BAD_COMPARISON_TYPE);
  if (k1 !== k2) {
    if (k1 === BasicKind.Int && k2 === BasicKind.Uint) return intOf(arg1) < 0n || intOf(arg1) < intOf(arg2);
    if (k1 === BasicKind.Uint && k2 === BasicKind.Int) return intOf(arg2) >= 0n && intOf(arg1) < intOf(arg2);
    throw new GoFuncError(ERR_BAD_COMPARISON);
  }
  switch (k1) {
    case BasicKind.Bool: case BasicKind.Complex:
      throw new GoFuncError(ERR_BAD_COMPARISON_TYPE);
    case BasicKind.Float: return floatOf(arg1) < floatOf(arg2);
    case BasicKind.Int: case BasicKind.Uint: return intOf(arg1) < intOf(arg2);
    default: return compareStrings(arg1 as string, arg2 as string) < 0;
  }
}

/** le: a < b || a == b */
export function le(arg1: GoValue, arg2: GoValue): boolean {
  return lt(arg1, arg2) || eq(arg1, arg2);
}

/** gt: !(a <= b) */
export function gt(arg1: GoValue, arg2: GoValue): boolean {
  return !le(arg1, arg2);
}

/** ge: !(a < b) */
export function ge(arg1: GoValue, arg2: GoValue): boolean {
  return !lt(arg1, arg2);
}
