/**
 * gojsonschema v1.2.0's format checkers (format_checkers.go). Unknown formats pass; every known
 * format fails for non-string input (v1.2.0 also checks formats on numbers, and they fail).
 */

import { RE2JS } from 're2js';

const rxHostname = /^([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9])(\.([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9]))*$/;
const rxUUID = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
const rxJSONPointer = /^(?:\/(?:[^~/]|~0|~1)*)*$/s;
const rxRelJSONPointer = /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/s;
const rxURITemplate = /^([^{]*({[^}]*})?)*$/s;

function isIPv4(s: string): boolean {
  const parts = s.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

/** net.ParseIP accepting IPv6 forms (including an embedded IPv4 tail). */
function isIPv6(s: string): boolean {
  if (!s.includes(':')) return false;
  let str = s;
  const groupsNeeded = 8;
  const lastColon = str.lastIndexOf(':');
  const tail = str.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIPv4(tail)) return false;
    str = str.slice(0, lastColon + 1) + '0:0';
  }
  const dbl = str.indexOf('::');
  if (dbl !== str.lastIndexOf('::') && dbl >= 0) return false;
  const hex = /^[0-9a-fA-F]{1,4}$/;
  if (dbl >= 0) {
    const left = str.slice(0, dbl);
    const right = str.slice(dbl + 2);
    const l = left === '' ? [] : left.split(':');
    const r = right === '' ? [] : right.split(':');
    if (![...l, ...r].every((g) => hex.test(g))) return false;
    return l.length + r.length < groupsNeeded;
  }
  const groups = str.split(':');
  return groups.length === groupsNeeded && groups.every((g) => hex.test(g));
}

function parseGoTime(s: string, withDate: boolean, withTime: boolean, zone: 'required' | 'none' | 'optional'): boolean {
  let rest = s;
  if (withDate) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(rest);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12) return false;
    const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (d < 1 || d > days) return false;
    rest = rest.slice(10);
    if (withTime) {
      if (rest[0] !== 'T') return false;
      rest = rest.slice(1);
    }
  }
  if (withTime) {
    const m = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?/.exec(rest);
    if (!m) return false;
    if (Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3]) > 59) return false;
    if (m[4] && !withDate) return false;
    rest = rest.slice(m[0].length);
  }
  if (zone === 'none') return rest === '';
  if (rest === '') return zone === 'optional';
  if (rest === 'Z') return true;
  const z = /^[+-](\d{2}):(\d{2})$/.exec(rest);
  return !!z && Number(z[1]) <= 23 && Number(z[2]) <= 59;
}

function isDateTime(s: string): boolean {
  return (
    parseGoTime(s, false, true, 'none') ||
    parseGoTime(s, false, true, 'required') ||
    parseGoTime(s, true, false, 'none') ||
    parseGoTime(s, true, true, 'required')
  );
}

function goURLParses(s: string): { ok: boolean; scheme: string; path: string } {
  // net/url.Parse: scheme must be [a-zA-Z][a-zA-Z0-9+.-]* before ':'; control chars are errors.
  if (/[\x00-\x1f\x7f]/.test(s)) return { ok: false, scheme: '', path: '' };
  let rest = s.split('#')[0]!;
  let scheme = '';
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(rest);
  if (m) {
    scheme = m[1]!;
    rest = rest.slice(m[0].length);
  } else if (/^[^/?]*:/.test(rest) && !rest.startsWith('/')) {
    if (rest.startsWith(':')) return { ok: false, scheme: '', path: '' }; // missing protocol scheme
    return { ok: false, scheme: '', path: '' }; // first path segment in URL cannot contain colon
  }
  if (/%(?![0-9a-fA-F]{2})/.test(rest)) return { ok: false, scheme, path: '' };
  let path = rest.split('?')[0]!;
  if (path.startsWith('//')) {
    const slash = path.indexOf('/', 2);
    path = slash >= 0 ? path.slice(slash) : '';
  }
  return { ok: true, scheme, path };
}

function isEmail(s: string): boolean {
  // net/mail.ParseAddress (simplified): optional display name, addr-spec local@domain
  const angle = /<([^<>]+)>\s*$/.exec(s);
  const addr = angle ? angle[1]! : s.trim();
  return /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(addr) &&
    !addr.startsWith('.') && !/\.\.|\.@/.test(addr);
}

const CHECKERS: Record<string, (s: string) => boolean> = {
  date: (s) => parseGoTime(s, true, false, 'none'),
  time: (s) => parseGoTime(s, false, true, 'required') || parseGoTime(s, false, true, 'none'),
  'date-time': isDateTime,
  hostname: (s) => rxHostname.test(s) && s.length < 256,
  email: isEmail,
  'idn-email': isEmail,
  ipv4: (s) => (isIPv4(s) || isIPv6(s)) && s.includes('.'),
  ipv6: (s) => isIPv6(s),
  uri: (s) => {
    const u = goURLParses(s);
    return u.ok && u.scheme !== '' && !s.includes('\\');
  },
  'uri-reference': (s) => goURLParses(s).ok && !s.includes('\\'),
  iri: (s) => {
    const u = goURLParses(s);
    return u.ok && u.scheme !== '' && !s.includes('\\');
  },
  'iri-reference': (s) => goURLParses(s).ok && !s.includes('\\'),
  'uri-template': (s) => {
    const u = goURLParses(s);
    return u.ok && !s.includes('\\') && rxURITemplate.test(u.path);
  },
  uuid: (s) => rxUUID.test(s),
  regex: (s) => {
    if (s === '') return true;
    try {
      RE2JS.compile(s);
      return true;
    } catch {
      return false;
    }
  },
  'json-pointer': (s) => rxJSONPointer.test(s),
  'relative-json-pointer': (s) => rxRelJSONPointer.test(s),
};

/** FormatCheckers.IsFormat(name, input): unknown formats pass; known ones need a string. */
export function isFormat(name: string, input: unknown): boolean {
  const f = CHECKERS[name];
  if (!f) return true;
  if (typeof input !== 'string') return false;
  return f(input);
}
