/**
 * Go's fmt/print.go value printing over template values: every GoValue kind under every verb,
 * with Go's bad-verb forms (`%!d(string=hi)`), %v/%+v/%#v layouts and String/Error methods.
 */
import { GoNumber, GoStruct, isNilMap, isNilSlice, kindOf, sliceType, mapType, typeName, valueMethods } from '../value.ts';
import type { FuncContext, FuncDef, GoValue, GoMap } from '../value.ts';
import { Fmt, LDIGITS, UDIGITS } from './format.ts';
import { compareStrings, utf8Decode } from '@capstan/strconv';

const NIL_ANGLE = '<nil>';
const NIL_PAREN = '(nil)';
const INV_REFLECT = '<invalid reflect.Value>';

/** What badVerb reports: the current top-level argument, or the current nested value. */
type Current = { arg: GoValue } | { value: GoValue } | null;

const METHOD_CTX: FuncContext = { templateName: '', charge: () => {} };

const INT_KINDS: ReadonlySet<string> = new Set(['int8', 'int16', 'int32', 'int64']);

function isUnsignedKind(kind: string): boolean {
  return kind.startsWith('uint');
}

/** Element type of a slice type name like `[]string` (`interface {}` if unknown). */
function elemType(sliceTypeName: string): string {
  return sliceTypeName.startsWith('[]') ? sliceTypeName.slice(2) : 'interface {}';
}

/** Value type of a map type name like `map[string]int`. */
function mapValueType(mapTypeName: string): string {
  if (!mapTypeName.startsWith('map[')) return 'interface {}';
  let depth = 0;
  for (let i = 3; i < mapTypeName.length; i++) {
    const c = mapTypeName[i];
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) return mapTypeName.slice(i + 1);
    }
  }
  return 'interface {}';
}

/**
 * A String / Error / GoString method fmt would call. For a struct this requires a pointer: the
 * GoStruct model does not record receivers, and Helm's stringers (e.g. chartutil.KubeVersion)
 * have pointer receivers, so a struct value (as printf receives `.Capabilities.KubeVersion`) prints
 * as `{v1.32.0 1 32}` exactly as in Go.
 */
function methodOf(v: GoValue, name: string): FuncDef | undefined {
  let m: FuncDef | undefined;
  if (v instanceof GoStruct) {
    // Go calls a method declared on the value type even for a plain struct value; pointer-receiver
    // methods only through a pointer (see funcs/receiver.ts for the value-receiver marker)
    const c = v.methods[name];
    m = v.pointer || (c as { receiver?: string } | undefined)?.receiver === 'value' ? c : undefined;
  }
  else if (v instanceof Map || Array.isArray(v)) m = valueMethods(v)?.[name];
  if (m && m.params.length === 0 && m.variadic === undefined && m.result === 'string') return m;
  return undefined;
}

/** Go's pp: prints values (printArg / printValue) into the Fmt buffer. */
export class Printer extends Fmt {
  private current: Current = null;
  private erroring = false;
  private panicking = false;

  // ---- badVerb and friends ----

  private badVerb(verb: string): void {
    this.erroring = true;
    this.buf += '%!' + verb + '(';
    const cur = this.current;
    if (cur !== null && 'arg' in cur && cur.arg !== null) {
      this.buf += (cur.arg === undefined ? 'reflect.Value' : typeName(cur.arg)) + '=';
      this.printArg(cur.arg, 'v');
    } else if (cur !== null && 'value' in cur && cur.value !== undefined && cur.value !== null) {
      this.buf += typeName(cur.value) + '=';
      this.printValue(cur.value, 'v', 0);
    } else {
      this.buf += NIL_ANGLE;
    }
    this.buf += ')';
    this.erroring = false;
  }

  private fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.fmtBoolean(v);
    else this.badVerb(verb);
  }

  /** fmt0x64 formats a uint64 in hexadecimal, prefixed with 0x or not per leading0x. */
  private fmt0x64(v: bigint, leading0x: boolean): void {
    const sharp = this.sharp;
    this.sharp = leading0x;
    this.fmtInteger(v, 16, false, 'v', LDIGITS);
    this.sharp = sharp;
  }

  private fmtInt(v: bigint, isSigned: boolean, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.sharpV && !isSigned) this.fmt0x64(v, true);
        else this.fmtInteger(v, 10, isSigned, verb, LDIGITS);
        return;
      case 'd': this.fmtInteger(v, 10, isSigned, verb, LDIGITS); return;
      case 'b': this.fmtInteger(v, 2, isSigned, verb, LDIGITS); return;
      case 'o': case 'O': this.fmtInteger(v, 8, isSigned, verb, LDIGITS); return;
      case 'x': this.fmtInteger(v, 16, isSigned, verb, LDIGITS); return;
      case 'X': this.fmtInteger(v, 16, isSigned, verb, UDIGITS); return;
      case 'c': this.fmtC(BigInt.asUintN(64, v)); return;
      case 'q': this.fmtQc(BigInt.asUintN(64, v)); return;
      case 'U': this.fmtUnicode(BigInt.asUintN(64, v)); return;
      default: this.badVerb(verb);
    }
  }

  private fmtFloatVerb(v: number, size: 32 | 64, verb: string): void {
    switch (verb) {
      case 'v': this.fmtFloat(v, size, 'g', -1); return;
      case 'b': case 'g': case 'G': case 'x': case 'X': this.fmtFloat(v, size, verb, -1); return;
      case 'f': case 'e': case 'E': this.fmtFloat(v, size, verb, 6); return;
      case 'F': this.fmtFloat(v, size, 'f', 6); return;
      default: this.badVerb(verb);
    }
  }

  private fmtString(v: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.sharpV) this.fmtQ(v);
        else this.fmtS(v);
        return;
      case 's': this.fmtS(v); return;
      case 'x': this.fmtSx(v, LDIGITS); return;
      case 'X': this.fmtSx(v, UDIGITS); return;
      case 'q': this.fmtQ(v); return;
      default: this.badVerb(verb);
    }
  }

  private fmtBytes(v: Uint8Array, verb: string, typeString: string, depth: number): void {
    switch (verb) {
      case 'v': case 'd':
        if (this.sharpV) {
          this.buf += typeString + '{';
          v.forEach((c, i) => {
            if (i > 0) this.buf += ', ';
            this.fmt0x64(BigInt(c), true);
          });
          this.buf += '}';
        } else {
          this.buf += '[';
          v.forEach((c, i) => {
            if (i > 0) this.buf += ' ';
            this.fmtInteger(BigInt(c), 10, false, verb, LDIGITS);
          });
          this.buf += ']';
        }
        return;
      case 's': this.fmtS(utf8Decode(v)); return;
      case 'x': this.fmtSbx(v, LDIGITS); return;
      case 'X': this.fmtSbx(v, UDIGITS); return;
      case 'q': this.fmtQ(utf8Decode(v)); return;
      default: this.printSlice(Array.from(v, (c) => new GoNumber('uint8', BigInt(c))), '[]uint8', verb, depth);
    }
  }

  /** A pointer printed as an address (we have no addresses: a fixed plausible one). */
  private fmtPointer(v: GoValue, verb: string): void {
    const u = 0xc000010000n;
    switch (verb) {
      case 'v':
        if (this.sharpV) {
          this.buf += '(' + typeName(v) + ')(';
          this.fmt0x64(u, true);
          this.buf += ')';
        } else {
          this.fmt0x64(u, !this.sharp);
        }
        return;
      case 'p': this.fmt0x64(u, !this.sharp); return;
      case 'b': case 'o': case 'd': case 'x': case 'X': this.fmtInt(u, false, verb); return;
      default: this.badVerb(verb);
    }
  }

  // ---- methods (String, Error, GoString) ----

  private handleMethods(arg: GoValue, verb: string): boolean {
    if (this.erroring) return false;
    if (this.sharpV) {
      const m = methodOf(arg, 'GoString');
      if (!m) return false;
      this.callMethod(arg, m, 'GoString', verb, (s) => this.fmtS(s));
      return true;
    }
    if (verb !== 'v' && verb !== 's' && verb !== 'x' && verb !== 'X' && verb !== 'q') return false;
    for (const name of ['Error', 'String']) {
      const m = methodOf(arg, name);
      if (m) {
        this.callMethod(arg, m, name, verb, (s) => this.fmtString(s, verb));
        return true;
      }
    }
    return false;
  }

  private callMethod(arg: GoValue, m: FuncDef, name: string, verb: string, print: (s: string) => void): void {
    let result: GoValue;
    try {
      result = m.fn([], METHOD_CTX);
    } catch (e) {
      if (this.panicking) throw e;
      const restore = this.saveFlags();
      this.clearflags();
      this.buf += '%!' + verb + '(PANIC=' + name + ' method: ';
      this.panicking = true;
      this.printArg(e instanceof Error ? e.message : String(e), 'v');
      this.panicking = false;
      this.buf += ')';
      restore();
      return;
    }
    void arg;
    print(typeof result === 'string' ? result : String(result));
  }

  // ---- printArg / printValue ----

  printArg(arg: GoValue, verb: string): void {
    this.current = { arg };
    if (arg === null) {
      if (verb === 'T' || verb === 'v') this.pad(NIL_ANGLE);
      else this.badVerb(verb);
      return;
    }
    if (arg === undefined) {
      // an invalid reflect.Value
      if (verb === 'T') this.fmtS('reflect.Value');
      else this.buf += INV_REFLECT;
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeName(arg));
      return;
    }
    if (verb === 'p') {
      if (kindOf(arg) === 'map' || kindOf(arg) === 'slice' || kindOf(arg) === 'ptr') this.fmtPointer(arg, 'p');
      else this.badVerb(verb);
      return;
    }
    switch (typeof arg) {
      case 'boolean': this.fmtBool(arg, verb); return;
      case 'number': this.fmtFloatVerb(arg, 64, verb); return;
      case 'bigint': this.fmtInt(arg, true, verb); return;
      case 'string': this.fmtString(arg, verb); return;
    }
    if (arg instanceof GoNumber) {
      this.printNumber(arg, verb);
      return;
    }
    if (arg instanceof Uint8Array) {
      this.fmtBytes(arg, verb, '[]byte', 0);
      return;
    }
    if (!this.handleMethods(arg, verb)) this.printValue(arg, verb, 0);
  }

  private printNumber(n: GoNumber, verb: string): void {
    if (n.kind === 'float32') this.fmtFloatVerb(Math.fround(Number(n.value)), 32, verb);
    else this.fmtInt(sizedInt(n), INT_KINDS.has(n.kind), verb);
  }

  /** printValue prints a value nested `depth` levels inside the argument. */
  printValue(value: GoValue, verb: string, depth: number): void {
    if (depth > 0 && value !== null && value !== undefined) {
      this.current = { arg: value };
      if (this.handleMethods(value, verb)) return;
    }
    this.current = { value };

    if (value === undefined || value === null) {
      // A nil interface (or invalid value) nested in a container or struct.
      if (depth === 0 && value === undefined) {
        this.buf += INV_REFLECT;
      } else if (this.sharpV) {
        this.buf += 'interface {}' + NIL_PAREN;
      } else if (verb === 'v' || depth > 0) {
        this.buf += NIL_ANGLE;
      } else {
        this.badVerb(verb);
      }
      return;
    }
    switch (typeof value) {
      case 'boolean': this.fmtBool(value, verb); return;
      case 'number': this.fmtFloatVerb(value, 64, verb); return;
      case 'bigint': this.fmtInt(value, true, verb); return;
      case 'string': this.fmtString(value, verb); return;
    }
    if (value instanceof GoNumber) {
      this.printNumber(value, verb);
      return;
    }
    if (value instanceof Uint8Array) {
      if (verb === 's' || verb === 'q' || verb === 'x' || verb === 'X') {
        this.fmtBytes(value, verb, '[]uint8', depth);
        return;
      }
      this.printSlice(Array.from(value, (c) => new GoNumber('uint8', BigInt(c))), '[]uint8', verb, depth);
      return;
    }
    if (Array.isArray(value)) {
      this.printSlice(value, sliceType(value), verb, depth);
      return;
    }
    if (value instanceof Map) {
      this.printMap(value, verb, depth);
      return;
    }
    this.printStruct(value, verb, depth);
  }

  private printSlice(items: readonly GoValue[], type: string, verb: string, depth: number): void {
    if (this.sharpV) {
      this.buf += type;
      if (isNilSlice(items)) {
        this.buf += NIL_PAREN;
        return;
      }
      this.buf += '{';
      items.forEach((e, i) => {
        if (i > 0) this.buf += ', ';
        this.printElem(e, elemType(type), verb, depth + 1);
      });
      this.buf += '}';
    } else {
      this.buf += '[';
      items.forEach((e, i) => {
        if (i > 0) this.buf += ' ';
        this.printElem(e, elemType(type), verb, depth + 1);
      });
      this.buf += ']';
    }
  }

  /** Prints a slice element / map value whose static type is `type`. */
  private printElem(e: GoValue, type: string, verb: string, depth: number): void {
    if ((e === null || e === undefined) && type !== 'interface {}' && this.sharpV) {
      // nil of a concrete nilable type
      this.buf += type + NIL_PAREN;
      return;
    }
    this.printValue(e, verb, depth);
  }

  private printMap(m: GoMap, verb: string, depth: number): void {
    const type = mapType(m);
    if (this.sharpV && isNilMap(m)) {
      this.buf += type + NIL_PAREN;
      return;
    }
    this.buf += this.sharpV ? type + '{' : 'map[';
    const keys = [...m.keys()].sort(compareStrings);
    keys.forEach((k, i) => {
      if (i > 0) this.buf += this.sharpV ? ', ' : ' ';
      this.printValue(k, verb, depth + 1);
      this.buf += ':';
      this.printElem(m.get(k), mapValueType(type), verb, depth + 1);
    });
    this.buf += this.sharpV ? '}' : ']';
  }

  private printStruct(s: GoStruct, verb: string, depth: number): void {
    if (s.pointer) {
      if (depth === 0) {
        this.buf += '&';
        this.printStructBody(s, verb, depth + 1);
        return;
      }
      this.fmtPointer(s, verb);
      return;
    }
    this.printStructBody(s, verb, depth);
  }

  private printStructBody(s: GoStruct, verb: string, depth: number): void {
    if (this.sharpV) this.buf += s.typeName;
    this.buf += '{';
    let i = 0;
    for (const [name, field] of s.fields) {
      if (i++ > 0) this.buf += this.sharpV ? ', ' : ' ';
      if (this.plusV || this.sharpV) this.buf += name + ':';
      this.printValue(field, verb, depth + 1);
    }
    this.buf += '}';
  }
}

const KIND_BITS: Readonly<Record<string, number>> = {
  int8: 8, int16: 16, int32: 32, int64: 64, uint8: 8, uint16: 16, uint32: 32, uint64: 64, uint: 64, uintptr: 64,
};

/** The integer value of a sized GoNumber, wrapped to its kind's width. */
export function sizedInt(n: GoNumber): bigint {
  const bits = KIND_BITS[n.kind] ?? 64;
  const v = BigInt(n.value);
  return isUnsignedKind(n.kind) ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v);
}
