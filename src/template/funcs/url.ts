/** Sprig v3.3.0's url.go: urlParse (URL → dict) and urlJoin (dict → URL), on Go's net/url semantics. */
import { def, GoStruct, kindOf, type FuncDef, type GoMap, type GoValue } from '../value.ts';
import {
  fromBytes, hostnameBytes, parseURLBytes, toBytes, urlStringBytes, userinfoString, type GoURL,
} from './url-parse.ts';

const DICT = 'map[string]interface {}';

function urlParse(v: string): GoMap {
  let u: GoURL;
  try {
    u = parseURLBytes(toBytes(v));
  } catch (e) {
    throw new Error(`unable to parse url: ${(e as Error).message}`);
  }
  const entries: [string, string][] = [
    ['fragment', u.fragment],
    ['host', u.host],
    ['hostname', hostnameBytes(u.host)],
    ['opaque', u.opaque],
    ['path', u.path],
    ['query', u.rawQuery],
    ['scheme', u.scheme],
    ['userinfo', u.user ? userinfoString(u.user) : ''],
  ];
  return new Map<string, GoValue>(entries.map(([k, s]) => [k, fromBytes(s)]));
}

/** reflect.Kind names as Go prints them in sprig's panic. */
function kindName(v: GoValue): string {
  const k = kindOf(v);
  if (v instanceof GoStruct && v.pointer) return 'ptr';
  return k;
}

function dictGetOrEmpty(d: GoMap, key: string): string {
  if (!d.has(key)) return '';
  const value = d.get(key);
  if (value === null || value === undefined) {
    throw new Error('runtime error: invalid memory address or nil pointer dereference');
  }
  if (typeof value !== 'string') {
    throw new Error(`unable to parse ${key} key, must be of type string, but ${kindName(value)} found`);
  }
  return value;
}

function urlJoin(d: GoMap): string {
  const u: GoURL = {
    scheme: toBytes(dictGetOrEmpty(d, 'scheme')),
    host: toBytes(dictGetOrEmpty(d, 'host')),
    path: toBytes(dictGetOrEmpty(d, 'path')),
    rawQuery: toBytes(dictGetOrEmpty(d, 'query')),
    opaque: toBytes(dictGetOrEmpty(d, 'opaque')),
    fragment: toBytes(dictGetOrEmpty(d, 'fragment')),
    user: null,
    rawPath: '',
    omitHost: false,
    forceQuery: false,
    rawFragment: '',
  };
  const userinfo = dictGetOrEmpty(d, 'userinfo');
  if (userinfo !== '') {
    try {
      u.user = parseURLBytes(toBytes(`proto://${userinfo}@host`)).user;
    } catch (e) {
      throw new Error(`unable to parse userinfo in dict: ${(e as Error).message}`);
    }
  }
  return fromBytes(urlStringBytes(u));
}

export const urlFuncs: Record<string, FuncDef> = {
  urlParse: def(['string'], DICT, ([v]) => urlParse(v as string)),
  urlJoin: def([DICT], 'string', ([d]) => urlJoin(d instanceof Map ? d : new Map())),
};
