/**
 * BurntSushi/toml v1.4.0's Encoder (encode.go) for template values, as Helm's `toToml` uses it:
 * scalars then sub-tables per table (keys sorted), `[a.b]` headers indented two spaces per level,
 * arrays of tables as `[[key]]`, float64 values always with a decimal point.
 */
import { formatFloat, compareStrings } from '@capstan/strconv';
import { GoNumber, GoStruct, isNilMap, isNilSlice, type GoValue } from '../value.ts';

/** An error BurntSushi/toml returns from Encode (Helm's toToml returns its text). */
export class TomlEncodeError extends Error {}

const ERR_ARRAY_NIL_ELEMENT = 'toml: cannot encode array with nil element';
const ERR_NO_KEY = 'toml: top-level values must be Go maps or structs';

type TomlType = 'Bool' | 'Integer' | 'Float' | 'String' | 'Datetime' | 'Array' | 'Hash' | 'ArrayHash' | null;

/** BurntSushi's isNil: a nil interface, map or slice. */
function isNil(v: GoValue): boolean {
  return v === null || v === undefined || isNilSlice(v) || isNilMap(v);
}

function isTime(v: GoValue): boolean {
  return v instanceof GoStruct && v.typeName === 'time.Time';
}

function typeOf(v: GoValue): TomlType {
  if (isNil(v)) return null;
  switch (typeof v) {
    case 'boolean': return 'Bool';
    case 'bigint': return 'Integer';
    case 'number': return 'Float';
    case 'string': return 'String';
  }
  if (v instanceof GoNumber) return typeof v.value === 'bigint' ? 'Integer' : 'Float';
  if (v instanceof Uint8Array) return v.length > 0 ? 'Array' : 'Array';
  if (Array.isArray(v)) return isTableArray(v) ? 'ArrayHash' : 'Array';
  if (v instanceof Map) return 'Hash';
  if (isTime(v)) return 'Datetime';
  return 'Hash';
}

function isTableArray(arr: readonly GoValue[]): boolean {
  if (arr.length === 0) return false;
  let ret = true;
  for (const el of arr) {
    const tt = typeOf(el);
    if (tt === null) throw new TomlEncodeError(ERR_ARRAY_NIL_ELEMENT);
    if (ret && tt !== 'Hash') ret = false;
  }
  return ret;
}

function isTable(t: TomlType): boolean {
  return t === 'Hash' || t === 'ArrayHash';
}

const DBL_QUOTED: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

function escapeString(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/["\\\u0000-\u001f\u007f]/g, (c) => DBL_QUOTED[c] ?? '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function quoted(s: string): string {
  return `"${escapeString(s)}"`;
}

const BARE = /^[A-Za-z0-9_-]+$/;

function keyPiece(k: string): string {
  if (k === '') return '""';
  return BARE.test(k) ? k : quoted(k);
}

function keyString(key: readonly string[]): string {
  return key.map(keyPiece).join('.');
}

function floatText(f: number, bits: 32 | 64): string {
  if (Number.isNaN(f)) return 'nan';
  if (!Number.isFinite(f)) return f < 0 ? '-inf' : 'inf';
  const s = formatFloat(f, 'f', -1, bits);
  return s.includes('.') ? s : s + '.0';
}

/**
 * Exported fields of a struct value in declaration order (BurntSushi uses the Go field names);
 * embedded structs (a field named after its struct type) are flattened, nil fields dropped.
 */
function structEntries(v: GoStruct): [string, GoValue][] {
  const out: [string, GoValue][] = [];
  for (const [name, fv] of v.fields) {
    if (!/^[A-Z]/.test(name)) continue;
    if (fv instanceof GoStruct && !isTime(fv) && fv.typeName.split('.').pop() === name) {
      out.push(...structEntries(fv));
      continue;
    }
    out.push([name, fv]);
  }
  return out;
}

class Encoder {
  private out = '';
  private hasWritten = false;
  private readonly indent = '  ';

  private wf(s: string): void {
    this.out += s;
    this.hasWritten = true;
  }

  private newline(): void {
    if (this.hasWritten) this.wf('\n');
  }

  private indentStr(key: readonly string[]): string {
    return this.indent.repeat(key.length - 1);
  }

  result(): string {
    return this.out;
  }

  encode(key: string[], v: GoValue): void {
    if (v === undefined || v === null) return;
    if (isTime(v)) {
      this.writeKeyValue(key, v, false);
      return;
    }
    if (Array.isArray(v)) {
      if (typeOf(v) === 'ArrayHash') this.eArrayOfTables(key, v);
      else this.writeKeyValue(key, v, false);
      return;
    }
    if (v instanceof Map || v instanceof GoStruct) {
      this.eTable(key, v);
      return;
    }
    this.writeKeyValue(key, v, false);
  }

  private eElement(v: GoValue): void {
    if (isTime(v)) {
      this.wf(String((v as GoStruct).json()));
      return;
    }
    if (v === undefined || v === null) throw new TomlEncodeError('unexpected type: <nil>');
    switch (typeof v) {
      case 'string': return this.wf(quoted(v));
      case 'boolean': return this.wf(v ? 'true' : 'false');
      case 'bigint': return this.wf(v.toString());
      case 'number': return this.wf(floatText(v, 64));
    }
    if (v instanceof GoNumber) return this.wf(typeof v.value === 'bigint' ? v.value.toString() : floatText(v.value, 32));
    if (v instanceof Uint8Array || Array.isArray(v)) {
      const items: GoValue[] = v instanceof Uint8Array ? Array.from(v, (b) => new GoNumber('uint8', BigInt(b))) : v;
      this.wf('[');
      items.forEach((el, i) => {
        this.eElement(el);
        if (i !== items.length - 1) this.wf(', ');
      });
      this.wf(']');
      return;
    }
    if (v instanceof Map) return this.eMap([], v, true);
    this.eStruct([], v, true);
  }

  private eArrayOfTables(key: string[], v: readonly GoValue[]): void {
    if (key.length === 0) throw new TomlEncodeError(ERR_NO_KEY);
    for (const t of v) {
      if (isNil(t)) continue;
      this.newline();
      this.wf(`${this.indentStr(key)}[[${keyString(key)}]]`);
      this.newline();
      this.eMapOrStruct(key, t, false);
    }
  }

  private eTable(key: string[], v: GoValue): void {
    if (key.length === 1) this.newline();
    if (key.length > 0) {
      this.wf(`${this.indentStr(key)}[${keyString(key)}]`);
      this.newline();
    }
    this.eMapOrStruct(key, v, false);
  }

  private eMapOrStruct(key: string[], v: GoValue, inline: boolean): void {
    if (v instanceof Map) this.eMap(key, v, inline);
    else if (v instanceof GoStruct) this.eStruct(key, v, inline);
    else throw new Error('eTable: unhandled reflect.Value Kind');
  }

  private writeEntries(key: string[], direct: [string, GoValue][], sub: [string, GoValue][], inline: boolean, sorted: boolean): void {
    const write = (entries: [string, GoValue][], trailC: boolean): void => {
      if (sorted) entries.sort((a, b) => compareStrings(a[0], b[0]));
      entries.forEach(([k, val], i) => {
        if (isNil(val)) return;
        if (inline) {
          this.writeKeyValue([k], val, true);
          if (trailC || i !== entries.length - 1) this.wf(', ');
        } else {
          this.encode([...key, k], val);
        }
      });
    };
    if (inline) this.wf('{');
    write(direct, sub.length > 0);
    write(sub, false);
    if (inline) this.wf('}');
  }

  private split(entries: [string, GoValue][]): [[string, GoValue][], [string, GoValue][]] {
    const direct: [string, GoValue][] = [];
    const sub: [string, GoValue][] = [];
    for (const e of entries) (isTable(typeOf(e[1])) ? sub : direct).push(e);
    return [direct, sub];
  }

  private eMap(key: string[], v: Map<string, GoValue>, inline: boolean): void {
    const [direct, sub] = this.split([...v.entries()]);
    this.writeEntries(key, direct, sub, inline, true);
  }

  private eStruct(key: string[], v: GoStruct, inline: boolean): void {
    const [direct, sub] = this.split(structEntries(v));
    this.writeEntries(key, direct, sub, inline, false);
  }

  private writeKeyValue(key: string[], v: GoValue, inline: boolean): void {
    if (key.length === 0) {
      this.eElement(v);
      return;
    }
    this.wf(`${this.indentStr(key)}${keyPiece(key[key.length - 1]!)} = `);
    this.eElement(v);
    if (!inline) this.newline();
  }
}

/** toml.NewEncoder(w).Encode(v): the TOML text, or throws TomlEncodeError. */
export function encodeToml(v: GoValue): string {
  // Encode(nil) panics in reflect (text/template reports `error calling toToml: …`)
  if (v === undefined || v === null) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  const enc = new Encoder();
  enc.encode([], v);
  return enc.result();
}
