/**
 * The escaping builtins html, js and urlquery (Go's HTMLEscapeString, JSEscapeString and
 * url.QueryEscape), applied to the textual form of their arguments as Go's evalArgs produces it.
 */
import { isPrint, runeAt, sprint, utf8Encode } from './fmt/index.ts';
import { GoStruct } from './value.ts';
import type { GoValue } from './value.ts';
import { addrStruct, derefStruct } from './convert.ts';

/** Go's evalArgs: fmt.Sprint of the arguments, with nil/no value printed as `<no value>`. */
export function evalArgs(args: readonly GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  const a: GoValue[] = new Array<GoValue>(args.length);
  for (let i = 0; i < args.length; i++) a[i] = printableValue(args[i]);
  return sprint(a);
}

function isStringer(v: GoStruct): boolean {
  for (const name of ['String', 'Error']) {
    if (Object.hasOwn(v.methods, name)) {
      const m = v.methods[name]!;
      if (m.params.length === 0 && m.variadic === undefined && m.result === 'string') return true;
    }
  }
  return false;
}

/**
 * Go's printableValue: invalid values print as `<no value>`; a pointer is indirected (so a struct
 * prints as `{…}`, not `&{…}`), unless the value is a Stringer or error: then fmt gets a pointer to
 * it (Go takes the address of the addressable value), so that String/Error is called even when
 * declared on a pointer receiver (e.g. `.Capabilities.KubeVersion`, a struct field reached through
 * a pointer, or `semver "1.2"`).
 */
export function printableValue(v: GoValue): GoValue {
  if (v === undefined || v === null) return '<no value>';
  if (v instanceof GoStruct) {
    if (isStringer(v)) return v.pointer ? v : addrStruct(v);
    if (v.pointer) return derefStruct(v);
  }
  return v;
}

/** template.HTMLEscapeString */
export function htmlEscapeString(s: string): string {
  if (!/['"&<>\0]/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    switch (ch) {
      case '\0': out += '\uFFFD'; break;
      case '"': out += '&#34;'; break;
      case "'": out += '&#39;'; break;
      case '&': out += '&amp;'; break;
      case '<': out += '&lt;'; break;
      case '>': out += '&gt;'; break;
      default: out += ch;
    }
  }
  return out;
}

const HEX = '0123456789ABCDEF';

function jsIsSpecialUnit(c: number): boolean {
  switch (c) {
    case 0x5c: case 0x27: case 0x22: case 0x3c: case 0x3e: case 0x26: case 0x3d:
      return true;
  }
  return c < 0x20 || c >= 0x80;
}

/** template.JSEscapeString */
export function jsEscapeString(s: string): string {
  let i = 0;
  while (i < s.length && !jsIsSpecialUnit(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (!jsIsSpecialUnit(c)) {
      out += s[i];
      i++;
      continue;
    }
    if (c < 0x80) {
      switch (c) {
        case 0x5c: out += '\\\\'; break;
        case 0x27: out += "\\'"; break;
        case 0x22: out += '\\"'; break;
        case 0x3c: out += '\\u003C'; break;
        case 0x3e: out += '\\u003E'; break;
        case 0x26: out += '\\u0026'; break;
        case 0x3d: out += '\\u003D'; break;
        default: out += '\\u00' + HEX[c >> 4]! + HEX[c & 0x0f]!;
      }
      i++;
      continue;
    }
    const g = runeAt(s, i);
    if (g.bad >= 0 || isPrint(g.r)) {
      // Invalid UTF-8 decodes to U+FFFD, which is printable: the bytes are copied as they are.
      out += s.slice(i, i + g.units);
    } else {
      out += '\\u' + g.r.toString(16).toUpperCase().padStart(4, '0');
    }
    i += g.units;
  }
  return out;
}

/** url.QueryEscape */
export function urlQueryEscape(s: string): string {
  let out = '';
  for (const b of utf8Encode(s)) {
    if ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x2d || b === 0x5f || b === 0x2e || b === 0x7e) {
      out += String.fromCharCode(b);
    } else if (b === 0x20) {
      out += '+';
    } else {
      out += '%' + HEX[b >> 4]! + HEX[b & 0x0f]!;
    }
  }
  return out;
}
