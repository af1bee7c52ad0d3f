/**
 * The part of Go's net/url (1.23) that sprig's urlParse/urlJoin use: Parse, URL.String, Hostname,
 * Userinfo.String, with Go's escaping rules and error texts. Go works on bytes; so does this, on
 * "byte strings" (one char per UTF-8 byte), converting at the edges.
 */
import { quote } from '@capstan/strconv';

/** A parsed URL (fields as Go's url.URL). */
export interface GoURL {
  scheme: string;
  opaque: string;
  user: Userinfo | null;
  host: string;
  path: string;
  rawPath: string;
  omitHost: boolean;
  forceQuery: boolean;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
}

export interface Userinfo {
  username: string;
  password: string;
  passwordSet: boolean;
}

type Mode = 'path' | 'pathSegment' | 'host' | 'zone' | 'userPassword' | 'queryComponent' | 'fragment';

/** A net/url error (message is Go's text). */
export class URLError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'URLError';
  }
}

/** UTF-8 bytes of `s`, one char per byte. */
export function toBytes(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) out += String.fromCharCode(b);
  return out;
}

/** The string whose UTF-8 bytes are `b` (one char per byte). */
export function fromBytes(b: string): string {
  const arr = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) arr[i] = b.charCodeAt(i);
  return new TextDecoder().decode(arr);
}

const UPPERHEX = '0123456789ABCDEF';
const isAlnum = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
const ishex = (c: string | undefined): boolean =>
  c !== undefined && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
const unhex = (c: string): number => parseInt(c, 16);

function shouldEscape(c: string, mode: Mode): boolean {
  if (isAlnum(c)) return false;
  if ((mode === 'host' || mode === 'zone') && "!$&'()*+,;=:[]<>\"".includes(c)) return false;
  if ('-_.~'.includes(c)) return false;
  if ('$&+,/:;=?@'.includes(c)) {
    switch (mode) {
      case 'path': return c === '?';
      case 'pathSegment': return c === '/' || c === ';' || c === ',' || c === '?';
      case 'userPassword': return c === '@' || c === '/' || c === '?' || c === ':';
      case 'queryComponent': return true;
      case 'fragment': return false;
      default: break;
    }
  }
  if (mode === 'fragment' && '!()*'.includes(c)) return false;
  return true;
}

/** Go's unescape on a byte string; throws URLError. */
function unescape(s: string, mode: Mode): string {
  let n = 0;
  let hasPlus = false;
  for (let i = 0; i < s.length;) {
    const c = s[i] as string;
    if (c === '%') {
      n++;
      if (i + 2 >= s.length || !ishex(s[i + 1]) || !ishex(s[i + 2])) {
        throw new URLError(`invalid URL escape ${quote(fromBytes(s.slice(i, i + 3)))}`);
      }
      if (mode === 'host' && unhex(s[i + 1] as string) < 8 && s.slice(i, i + 3) !== '%25') {
        throw new URLError(`invalid URL escape ${quote(fromBytes(s.slice(i, i + 3)))}`);
      }
      if (mode === 'zone') {
        const v = String.fromCharCode(unhex(s.slice(i + 1, i + 3)));
        if (s.slice(i, i + 3) !== '%25' && v !== ' ' && shouldEscape(v, 'host')) {
          throw new URLError(`invalid URL escape ${quote(fromBytes(s.slice(i, i + 3)))}`);
        }
      }
      i += 3;
    } else if (c === '+') {
      hasPlus = mode === 'queryComponent';
      i++;
    } else {
      if ((mode === 'host' || mode === 'zone') && c.charCodeAt(0) < 0x80 && shouldEscape(c, mode)) {
        throw new URLError(`invalid character ${quote(c)} in host name`);
      }
      i++;
    }
  }
  if (n === 0 && !hasPlus) return s;
  let t = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '%') {
      t += String.fromCharCode(unhex(s.slice(i + 1, i + 3)));
      i += 2;
    } else if (c === '+') {
      t += mode === 'queryComponent' ? ' ' : '+';
    } else {
      t += c;
    }
  }
  return t;
}

/** Go's escape on a byte string. */
function escape(s: string, mode: Mode): string {
  let t = '';
  for (const c of s) {
    if (c === ' ' && mode === 'queryComponent') t += '+';
    else if (shouldEscape(c, mode)) {
      const b = c.charCodeAt(0);
      t += `%${UPPERHEX[b >> 4]}${UPPERHEX[b & 15]}`;
    } else t += c;
  }
  return t;
}

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if ((c >= '0' && c <= '9') || c === '+' || c === '-' || c === '.') {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new URLError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

function cut(s: string, sep: string): [string, string, boolean] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, '', false] : [s.slice(0, i), s.slice(i + sep.length), true];
}

function validOptionalPort(port: string): boolean {
  if (port === '') return true;
  if (port[0] !== ':') return false;
  return /^[0-9]*$/.test(port.slice(1));
}

function validUserinfo(s: string): boolean {
  return /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s);
}

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new URLError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new URLError(`invalid port ${quote(fromBytes(colonPort))} after host`);
    const zone = host.slice(0, i).indexOf('%25');
    if (zone >= 0) {
      return unescape(host.slice(0, zone), 'host') + unescape(host.slice(zone, i), 'zone') + unescape(host.slice(i), 'host');
    }
  } else {
    const i = host.lastIndexOf(':');
    if (i !== -1) {
      const colonPort = host.slice(i);
      if (!validOptionalPort(colonPort)) throw new URLError(`invalid port ${quote(fromBytes(colonPort))} after host`);
    }
  }
  return unescape(host, 'host');
}

function parseAuthority(authority: string): [Userinfo | null, string] {
  const i = authority.lastIndexOf('@');
  const host = parseHost(i < 0 ? authority : authority.slice(i + 1));
  if (i < 0) return [null, host];
  const userinfo = authority.slice(0, i);
  if (!validUserinfo(userinfo)) throw new URLError('net/url: invalid userinfo');
  if (!userinfo.includes(':')) {
    return [{ username: unescape(userinfo, 'userPassword'), password: '', passwordSet: false }, host];
  }
  const [u, p] = cut(userinfo, ':');
  return [{ username: unescape(u, 'userPassword'), password: unescape(p, 'userPassword'), passwordSet: true }, host];
}

function emptyURL(): GoURL {
  return {
    scheme: '', opaque: '', user: null, host: '', path: '', rawPath: '', omitHost: false, forceQuery: false,
    rawQuery: '', fragment: '', rawFragment: '',
  };
}

function parseNoFragment(raw: string): GoURL {
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new URLError('net/url: invalid control character in URL');
  const url = emptyURL();
  if (raw === '*') {
    url.path = '*';
    return url;
  }
  let [scheme, rest] = getScheme(raw);
  url.scheme = scheme.toLowerCase();
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    url.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    [rest, url.rawQuery] = cut(rest, '?');
  }
  if (!rest.startsWith('/')) {
    if (url.scheme !== '') {
      url.opaque = rest;
      return url;
    }
    if (cut(rest, '/')[0].includes(':')) throw new URLError('first path segment in URL cannot contain colon');
  }
  if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const i = authority.indexOf('/');
    if (i >= 0) {
      rest = authority.slice(i);
      authority = authority.slice(0, i);
    }
    [url.user, url.host] = parseAuthority(authority);
  } else if (url.scheme !== '' && rest.startsWith('/')) {
    url.omitHost = true;
  }
  url.path = unescape(rest, 'path');
  url.rawPath = escape(url.path, 'path') === rest ? '' : rest;
  return url;
}

/** Go's url.Parse; throws URLError with Go's text (`parse "::": missing protocol scheme`). Byte-string in/out. */
export function parseURLBytes(raw: string): GoURL {
  const [u, frag] = cut(raw, '#');
  let url: GoURL;
  try {
    url = parseNoFragment(u);
  } catch (e) {
    throw new URLError(`parse ${quote(fromBytes(u))}: ${(e as Error).message}`);
  }
  if (frag === '') return url;
  try {
    url.fragment = unescape(frag, 'fragment');
  } catch (e) {
    throw new URLError(`parse ${quote(fromBytes(raw))}: ${(e as Error).message}`);
  }
  url.rawFragment = escape(url.fragment, 'fragment') === frag ? '' : frag;
  return url;
}

function validEncoded(s: string, mode: Mode): boolean {
  for (const c of s) {
    if ("!$&'()*+,;=:@[]%".includes(c)) continue;
    if (shouldEscape(c, mode)) return false;
  }
  return true;
}

function escapedPath(u: GoURL): string {
  if (u.rawPath !== '' && validEncoded(u.rawPath, 'path')) {
    try {
      if (unescape(u.rawPath, 'path') === u.path) return u.rawPath;
    } catch {
      // fall through
    }
  }
  if (u.path === '*') return '*';
  return escape(u.path, 'path');
}

function escapedFragment(u: GoURL): string {
  if (u.rawFragment !== '' && validEncoded(u.rawFragment, 'fragment')) {
    try {
      if (unescape(u.rawFragment, 'fragment') === u.fragment) return u.rawFragment;
    } catch {
      // fall through
    }
  }
  return escape(u.fragment, 'fragment');
}

/** Userinfo.String() on byte strings. */
export function userinfoString(ui: Userinfo): string {
  let s = escape(ui.username, 'userPassword');
  if (ui.passwordSet) s += ':' + escape(ui.password, 'userPassword');
  return s;
}

/** URL.String() on byte strings. */
export function urlStringBytes(u: GoURL): string {
  let buf = '';
  if (u.scheme !== '') buf += u.scheme + ':';
  if (u.opaque !== '') {
    buf += u.opaque;
  } else {
    if (u.scheme !== '' || u.host !== '' || u.user !== null) {
      if (!(u.omitHost && u.host === '' && u.user === null)) {
        if (u.host !== '' || u.path !== '' || u.user !== null) buf += '//';
        if (u.user !== null) buf += userinfoString(u.user) + '@';
        if (u.host !== '') buf += escape(u.host, 'host');
      }
    }
    const path = escapedPath(u);
    if (path !== '' && path[0] !== '/' && u.host !== '') buf += '/';
    if (buf.length === 0 && cut(path, '/')[0].includes(':')) buf += './';
    buf += path;
  }
  if (u.forceQuery || u.rawQuery !== '') buf += '?' + u.rawQuery;
  if (u.fragment !== '') buf += '#' + escapedFragment(u);
  return buf;
}

/** URL.Hostname() on byte strings. */
export function hostnameBytes(hostPort: string): string {
  let host = hostPort;
  const colon = host.lastIndexOf(':');
  if (colon !== -1 && validOptionalPort(host.slice(colon))) host = host.slice(0, colon);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return host;
}
