/**
 * Port of BurntSushi/toml v1.4.0's parser (parse.go) and its decoding into map[string]interface{}:
 * integers → int64, floats → float64, datetimes → time.Time, arrays → []interface{}, arrays of
 * tables → []map[string]interface{}; errors as ParseError.Error() prints them.
 */
import { parseFloat as goParseFloat } from '../fmt/atof.ts';
import { parseInt as goParseInt } from '../fmt/atoi.ts';
import { NumError } from '../fmt/numerror.ts';
import { fixedZone, local, parseInLocation, RFC3339_NANO, type Location } from '@capstan/gotime';
import { timeValue } from '../funcs/date-value.ts';
import { int64, withSliceType, type GoMap, type GoValue } from '../value.ts';
import { goQuote, I, isDigit, isHex, Lexer, type Item, type ItemType, type Position } from './lex.ts';

/** BurntSushi's ParseError; `message` is its Error() text. */
export class TomlParseError extends Error {}

type TomlType = 'Bool' | 'Integer' | 'Float' | 'String' | 'Datetime' | 'Array' | 'Hash' | 'ArrayHash';

type TValue = GoValue | TTable | TTable[];
/** a TOML table while parsing (Go map[string]any) */
class TTable extends Map<string, TValue> {}
/** an array of tables (Go []map[string]any) */
class TArrayOfTables extends Array<TTable> {}

const BARE = /^[A-Za-z0-9_-]+$/;
const DBL: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

function keyToString(k: readonly string[]): string {
  return k
    .map((kk) => {
      if (kk === '') return '""';
      if (BARE.test(kk)) return kk;
      // eslint-disable-next-line no-control-regex
      return '"' + kk.replace(/["\\\u0000-\u001f\u007f]/g, (c) => DBL[c] ?? '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + '"';
    })
    .join('.');
}

const LOCAL_DATETIME = fixedZone('datetime-local', 0);
const LOCAL_DATE = fixedZone('date-local', 0);
const LOCAL_TIME = fixedZone('time-local', 0);

class Parser {
  private readonly lx: Lexer;
  private context: string[] = [];
  private currentKey = '';
  private pos: Position = { line: 0, start: 0, len: 0 };
  readonly mapping = new TTable();
  private readonly keyInfo = new Map<string, TomlType>();
  private readonly implicits = new Set<string>();

  constructor(data: string) {
    this.lx = new Lexer(data);
  }

  run(): void {
    for (;;) {
      const it = this.next();
      if (it.typ === I.EOF) break;
      this.topLevel(it);
    }
  }

  private current(): string {
    if (this.currentKey.length === 0) return keyToString(this.context);
    if (this.context.length === 0) return this.currentKey;
    return `${keyToString(this.context)}.${this.currentKey}`;
  }

  private fail(pos: Position, msg: string): never {
    const last = this.current();
    if (last === '') throw new TomlParseError(`toml: line ${pos.line}: ${msg}`);
    throw new TomlParseError(`toml: line ${pos.line} (last key ${goQuote(last)}): ${msg}`);
  }

  private panicf(msg: string): never {
    this.fail(this.pos, msg);
  }

  private next(): Item {
    const it = this.lx.nextItem();
    if (it.typ === I.Error) this.fail(it.pos, it.err ?? it.val);
    return it;
  }

  private nextPos(): Item {
    const it = this.next();
    this.pos = it.pos;
    return it;
  }

  private expect(typ: ItemType): Item {
    const it = this.next();
    if (it.typ !== typ) throw new Error(`BUG: Expected '${typ}' but got '${it.typ}'.`);
    return it;
  }

  private readKey(first: Item, end: ItemType): string[] {
    const key: string[] = [];
    let name = first;
    for (; name.typ !== end && name.typ !== I.EOF; name = this.next()) key.push(this.keyString(name));
    if (name.typ !== end) throw new Error('BUG: unexpected end of key');
    return key;
  }

  private topLevel(item: Item): void {
    switch (item.typ) {
      case I.CommentStart:
        this.expect(I.Text);
        return;
      case I.TableStart: {
        const key = this.readKey(this.nextPos(), I.TableEnd);
        this.addContext(key, false);
        this.setType('', 'Hash');
        return;
      }
      case I.ArrayTableStart: {
        const key = this.readKey(this.nextPos(), I.ArrayTableEnd);
        this.addContext(key, true);
        this.setType('', 'ArrayHash');
        return;
      }
      case I.KeyStart: {
        const outer = this.context;
        const key = this.readKey(this.nextPos(), I.KeyEnd);
        this.currentKey = key[key.length - 1]!;
        const ctx = key.slice(0, -1);
        for (let i = 0; i < ctx.length; i++) this.addImplicitContext([...this.context, ctx[i]!]);
        const vItem = this.next();
        const [val, typ] = this.value(vItem, false);
        this.setValue(this.currentKey, val);
        this.setType(this.currentKey, typ);
        this.context = outer;
        this.currentKey = '';
        return;
      }
    }
    throw new Error(`BUG: Unexpected type at top level: ${item.typ}`);
  }

  private keyString(it: Item): string {
    if (it.typ === I.Text) return it.val;
    return this.value(it, false)[0] as string;
  }

  private value(it: Item, parentIsArray: boolean): [TValue, TomlType] {
    switch (it.typ) {
      case I.String:
      case I.RawString:
        return [it.val, 'String'];
      case I.StringEsc:
        return [this.replaceEscapes(it, it.val), 'String'];
      case I.MultilineString:
        return [this.replaceEscapes(it, stripEscapedNewlines(stripFirstNewline(it.val))), 'String'];
      case I.RawMultilineString:
        return [stripFirstNewline(it.val), 'String'];
      case I.Integer:
        return [this.valueInteger(it), 'Integer'];
      case I.Float:
        return [this.valueFloat(it), 'Float'];
      case I.Bool:
        return [it.val === 'true', 'Bool'];
      case I.Datetime:
        return [this.valueDatetime(it), 'Datetime'];
      case I.Array:
        return [this.valueArray(), 'Array'];
      case I.InlineTableStart:
        return [this.valueInlineTable(parentIsArray), 'Hash'];
    }
    throw new Error(`BUG: Unexpected value type: ${it.typ}`);
  }

  private valueInteger(it: Item): GoValue {
    if (!numUnderscoresOK(it.val)) this.fail(it.pos, `Invalid integer ${goQuote(it.val)}: underscores must be surrounded by digits`);
    if (numHasLeadingZero(it.val)) this.fail(it.pos, `Invalid integer ${goQuote(it.val)}: cannot have leading zeroes`);
    try {
      return int64(goParseInt(it.val, 0, 64));
    } catch (e) {
      if (e instanceof NumError && e.err === 'value out of range') this.fail(it.pos, `${it.val} is out of range for int64`);
      throw new Error(`BUG: Expected integer value, but got '${it.val}'.`);
    }
  }

  private valueFloat(it: Item): number {
    const parts = it.val.split(/[.eE]/).filter((p) => p !== '');
    for (const part of parts) {
      if (!numUnderscoresOK(part)) this.fail(it.pos, `Invalid float ${goQuote(it.val)}: underscores must be surrounded by digits`);
    }
    if (parts.length > 0 && numHasLeadingZero(parts[0]!)) this.fail(it.pos, `Invalid float ${goQuote(it.val)}: cannot have leading zeroes`);
    if (!numPeriodsOK(it.val)) this.fail(it.pos, `Invalid float ${goQuote(it.val)}: '.' must be followed by one or more digits`);
    let val = it.val.replaceAll('_', '');
    let signbit = false;
    if (val === '+nan' || val === '-nan') {
      signbit = val === '-nan';
      val = 'nan';
    }
    let num: number;
    try {
      num = goParseFloat(val, 64);
    } catch (e) {
      if (e instanceof NumError && e.err === 'value out of range') this.fail(it.pos, `${it.val} is out of range for float64`);
      this.fail(it.pos, `Invalid float value: ${goQuote(it.val)}`);
    }
    if (signbit) num = -Math.abs(num);
    return num;
  }

  private valueDatetime(it: Item): GoValue {
    const val = it.val.replace(/[zt ]/g, (c) => (c === 'z' ? 'Z' : 'T'));
    const types: [string, Location][] = [
      [RFC3339_NANO, local()],
      ['2006-01-02T15:04:05.999999999', LOCAL_DATETIME],
      ['2006-01-02', LOCAL_DATE],
      ['15:04:05.999999999', LOCAL_TIME],
    ];
    for (const [fmt, zone] of types) {
      let t;
      try {
        t = parseInLocation(fmt, val, zone);
      } catch {
        continue;
      }
      if (missingLeadingZero(val, fmt)) break;
      return timeValue(t);
    }
    this.fail(it.pos, `invalid datetime: ${goQuote(val)}`);
  }

  private valueArray(): GoValue[] {
    this.setType(this.currentKey, 'Array');
    const array: GoValue[] = [];
    for (let it = this.next(); it.typ !== I.ArrayEnd; it = this.next()) {
      if (it.typ === I.CommentStart) {
        this.expect(I.Text);
        continue;
      }
      array.push(toGo(this.value(it, true)[0]));
    }
    return array;
  }

  private valueInlineTable(parentIsArray: boolean): TTable {
    const topHash = new TTable();
    const outerContext = this.context;
    const outerKey = this.currentKey;
    this.context = [...this.context, this.currentKey];
    const prevContext = this.context;
    this.currentKey = '';
    this.addImplicit(this.context);
    this.addContext(this.context, parentIsArray);
    for (let it = this.next(); it.typ !== I.InlineTableEnd; it = this.next()) {
      if (it.typ === I.CommentStart) {
        this.expect(I.Text);
        continue;
      }
      const key = this.readKey(this.nextPos(), I.KeyEnd);
      this.currentKey = key[key.length - 1]!;
      const ctx = key.slice(0, -1);
      for (let i = 0; i < ctx.length; i++) this.addImplicitContext([...this.context, ctx[i]!]);
      const [val, typ] = this.value(this.next(), false);
      this.setValue(this.currentKey, val);
      this.setType(this.currentKey, typ);
      let hash = topHash;
      for (const c of ctx) {
        let h = hash.get(c);
        if (h === undefined) {
          h = new TTable();
          hash.set(c, h);
        }
        if (!(h instanceof TTable)) this.panicf(`${goQuote(keyToString(this.context))} is not a table`);
        hash = h;
      }
      hash.set(this.currentKey, val);
      this.context = prevContext;
    }
    this.context = outerContext;
    this.currentKey = outerKey;
    return topHash;
  }

  private addContext(key: string[], array: boolean): void {
    let hashContext = this.mapping;
    const keyContext: string[] = [];
    for (const k of key.slice(0, -1)) {
      const had = hashContext.has(k);
      keyContext.push(k);
      if (!had) {
        this.addImplicit(keyContext);
        hashContext.set(k, new TTable());
      }
      const t = hashContext.get(k);
      if (t instanceof TArrayOfTables) hashContext = t[t.length - 1]!;
      else if (t instanceof TTable) hashContext = t;
      else this.panicf(`Key '${keyToString(keyContext)}' was already created as a hash.`);
    }
    this.context = keyContext;
    const last = key[key.length - 1]!;
    if (array) {
      if (!hashContext.has(last)) hashContext.set(last, new TArrayOfTables());
      const h = hashContext.get(last);
      if (h instanceof TArrayOfTables) h.push(new TTable());
      else this.panicf(`Key '${keyToString(key)}' was already created and cannot be used as an array.`);
    } else {
      this.setValue(last, new TTable());
    }
    this.context = [...this.context, last];
  }

  private setValue(key: string, value: TValue): void {
    let hash = this.mapping;
    const keyContext: string[] = [];
    for (const k of this.context) {
      keyContext.push(k);
      const tmp = hash.get(k);
      if (tmp === undefined && !hash.has(k)) throw new Error(`BUG: Context for key '${keyToString(keyContext)}' has not been established.`);
      if (tmp instanceof TArrayOfTables) hash = tmp[tmp.length - 1]!;
      else if (tmp instanceof TTable) hash = tmp;
      else this.panicf(`Key '${keyToString(keyContext)}' has already been defined.`);
    }
    keyContext.push(key);
    if (hash.has(key)) {
      if (this.keyInfo.get(keyToString(keyContext)) === 'Array') {
        this.implicits.delete(keyToString(keyContext));
        hash.set(key, value);
        return;
      }
      if (this.implicits.has(keyToString(keyContext))) {
        this.implicits.delete(keyToString(keyContext));
        return;
      }
      this.panicf(`Key '${keyToString(keyContext)}' has already been defined.`);
    }
    hash.set(key, value);
  }

  private setType(key: string, typ: TomlType): void {
    let kc = [...this.context];
    if (key.length > 0) kc.push(key);
    if (kc.length === 0) kc = [''];
    this.keyInfo.set(keyToString(kc), typ);
  }

  private addImplicit(key: string[]): void {
    this.implicits.add(keyToString(key));
  }

  private addImplicitContext(key: string[]): void {
    this.addImplicit(key);
    this.addContext(key, false);
  }

  private replaceEscapes(it: Item, str: string): string {
    let out = '';
    let skip = 0;
    let i = 0;
    for (const ch of str) {
      const at = i;
      i += ch.length;
      if (skip > 0) {
        skip--;
        continue;
      }
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const e = str[at + 1];
      switch (e) {
        case ' ':
        case '\t':
          this.fail(it.pos, `invalid escape: '\\${e}'`);
        // falls through (unreachable)
        case 'b': out += '\b'; skip = 1; break;
        case 't': out += '\t'; skip = 1; break;
        case 'n': out += '\n'; skip = 1; break;
        case 'f': out += '\f'; skip = 1; break;
        case 'r': out += '\r'; skip = 1; break;
        case '"': out += '"'; skip = 1; break;
        case '\\': out += '\\'; skip = 1; break;
        case 'u':
        case 'U': {
          const n = e === 'u' ? 4 : 8;
          const hex = str.slice(at + 2, at + 2 + n);
          const v = Number.parseInt(hex, 16);
          if ((v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff) this.fail(it.pos, `Escaped character '\\u${hex}' is not valid UTF-8.`);
          out += String.fromCodePoint(v);
          skip = n + 1;
          break;
        }
        default:
          throw new Error(`BUG: Expected valid escape code after \\, but got ${e}.`);
      }
    }
    return out;
  }
}

function stripFirstNewline(s: string): string {
  if (s.startsWith('\n')) return s.slice(1);
  if (s.startsWith('\r\n')) return s.slice(2);
  return s;
}

function stripEscapedNewlines(s: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const ix = s.indexOf('\\', i);
    if (ix < 0) return out + s;
    i = ix;
    if (s.length > i + 1 && s[i + 1] === '\\') {
      i += 2;
      continue;
    }
    let j = i + 1;
    while (j < s.length && ' \t\r\n'.includes(s[j]!)) j++;
    if (j === i + 1) {
      i++;
      continue;
    }
    if (!s.slice(i, j).includes('\n')) {
      i++;
      continue;
    }
    out += s.slice(0, i);
    s = s.slice(j);
    i = 0;
  }
}

function numHasLeadingZero(s: string): boolean {
  if (s.length > 1 && s[0] === '0' && !(s[1] === 'b' || s[1] === 'o' || s[1] === 'x')) return true;
  if (s.length > 2 && (s[0] === '-' || s[0] === '+') && s[1] === '0') return true;
  return false;
}

function numUnderscoresOK(s: string): boolean {
  if (['nan', '+nan', '-nan', 'inf', '-inf', '+inf'].includes(s)) return true;
  let accept = false;
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (r === 0x5f && !accept) return false;
    accept = isHex(r);
  }
  return accept;
}

function numPeriodsOK(s: string): boolean {
  let period = false;
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (period && !isDigit(r)) return false;
    period = r === 0x2e;
  }
  return !period;
}

function missingLeadingZero(d: string, l: string): boolean {
  for (let i = 0; i < l.length; i++) {
    const c = l[i]!;
    if (c === '.' || c === 'Z') return false;
    if ((c < '0' || c > '9') && d[i] !== c) return true;
  }
  return false;
}

/** The parsed tree as template values (maps, []interface{}, []map[string]interface{}). */
function toGo(v: TValue): GoValue {
  if (v instanceof TArrayOfTables) {
    return withSliceType(Array.from(v, (t) => toGo(t)), '[]map[string]interface {}');
  }
  if (v instanceof TTable) {
    const m: GoMap = new Map();
    for (const [k, x] of v) m.set(k, toGo(x));
    return m;
  }
  return v as GoValue;
}

/** toml.Unmarshal(data, &map[string]interface{}): throws TomlParseError. */
export function parseToml(text: string): GoMap {
  let data = text;
  if (data.startsWith('\ufeff')) data = data.slice(1);
  const i = data.slice(0, 6).indexOf('\u0000');
  if (i > -1) throw new TomlParseError('toml: line 1: files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8');
  const p = new Parser(data);
  p.run();
  return toGo(p.mapping) as GoMap;
}
