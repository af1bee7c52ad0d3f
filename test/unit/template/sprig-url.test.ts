/**
 * Sprig's urlParse / urlJoin (src/template/funcs/url.ts) on Go's net/url semantics. Expectations come
 * from sprig v3.3.0 under Go (`urlParse … | toJson`, `urlJoin …`) and Helm 3.17.2's conformance cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { urlFuncs } from '../../../src/template/funcs/url.ts';
import type { GoMap, GoValue } from '../../../src/template/value.ts';

const ctx = { templateName: 't', charge: (): void => {} };

function call(name: string, ...args: GoValue[]): GoValue {
  const f = urlFuncs[name];
  assert.ok(f, name);
  return f.fn(args, ctx);
}

/** encoding/json of the string map sprig returns (sorted keys, HTML-safe escapes). */
function toJson(m: GoValue): string {
  assert.ok(m instanceof Map);
  const obj = Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify(obj).replace(/&/g, '\\u0026').replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
}

function fromJs(v: unknown): GoValue {
  if (v === null) return null;
  if (Array.isArray(v)) return v.map(fromJs);
  if (typeof v === 'object') return new Map(Object.entries(v as object).map(([k, x]) => [k, fromJs(x)]));
  return v as GoValue;
}

/** [input, `urlParse input | toJson` or "ERR <panic text>"] from Go. */
const PARSE: readonly [string, string][] = [
  ["https://user:pass@example.com:8080/p/a?q=1&r=2#frag", "{\"fragment\":\"frag\",\"host\":\"example.com:8080\",\"hostname\":\"example.com\",\"opaque\":\"\",\"path\":\"/p/a\",\"query\":\"q=1\\u0026r=2\",\"scheme\":\"https\",\"userinfo\":\"user:pass\"}"],
  ["http://example.com/x", "{\"fragment\":\"\",\"host\":\"example.com\",\"hostname\":\"example.com\",\"opaque\":\"\",\"path\":\"/x\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["/relative/path?x=y", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"\",\"path\":\"/relative/path\",\"query\":\"x=y\",\"scheme\":\"\",\"userinfo\":\"\"}"],
  ["http://[::1]:80/", "{\"fragment\":\"\",\"host\":\"[::1]:80\",\"hostname\":\"::1\",\"opaque\":\"\",\"path\":\"/\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["http://h/a%20b", "{\"fragment\":\"\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/a b\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["::", "ERR unable to parse url: parse \"::\": missing protocol scheme"],
  ["", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"\",\"path\":\"\",\"query\":\"\",\"scheme\":\"\",\"userinfo\":\"\"}"],
  ["*", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"\",\"path\":\"*\",\"query\":\"\",\"scheme\":\"\",\"userinfo\":\"\"}"],
  ["mailto:joe@example.com", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"joe@example.com\",\"path\":\"\",\"query\":\"\",\"scheme\":\"mailto\",\"userinfo\":\"\"}"],
  ["http://h/a%zz", "ERR unable to parse url: parse \"http://h/a%zz\": invalid URL escape \"%zz\""],
  ["http://h:abc/", "ERR unable to parse url: parse \"http://h:abc/\": invalid port \":abc\" after host"],
  ["http://[::1", "ERR unable to parse url: parse \"http://[::1\": missing ']' in host"],
  ["http://[fe80::1%25en0]:8080/", "{\"fragment\":\"\",\"host\":\"[fe80::1%en0]:8080\",\"hostname\":\"fe80::1%en0\",\"opaque\":\"\",\"path\":\"/\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["http://us er@h/", "ERR unable to parse url: parse \"http://us er@h/\": net/url: invalid userinfo"],
  ["http://u%41:p%42@h/", "{\"fragment\":\"\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"uA:pB\"}"],
  ["http://u@h/", "{\"fragment\":\"\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"u\"}"],
  ["http://h/?", "{\"fragment\":\"\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["http://h/?a?b", "{\"fragment\":\"\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/\",\"query\":\"a?b\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["HTTP://H/X", "{\"fragment\":\"\",\"host\":\"H\",\"hostname\":\"H\",\"opaque\":\"\",\"path\":\"/X\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["//host/path", "{\"fragment\":\"\",\"host\":\"host\",\"hostname\":\"host\",\"opaque\":\"\",\"path\":\"/path\",\"query\":\"\",\"scheme\":\"\",\"userinfo\":\"\"}"],
  ["///path", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"\",\"path\":\"///path\",\"query\":\"\",\"scheme\":\"\",\"userinfo\":\"\"}"],
  ["a:b", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"b\",\"path\":\"\",\"query\":\"\",\"scheme\":\"a\",\"userinfo\":\"\"}"],
  ["a/b:c", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"\",\"path\":\"a/b:c\",\"query\":\"\",\"scheme\":\"\",\"userinfo\":\"\"}"],
  ["./a:b", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"\",\"path\":\"./a:b\",\"query\":\"\",\"scheme\":\"\",\"userinfo\":\"\"}"],
  ["http://h/a b#f g", "{\"fragment\":\"f g\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/a b\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["http://h/%2F#%2F", "{\"fragment\":\"/\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"//\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["http://h/a%2fb", "{\"fragment\":\"\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/a/b\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["file:///etc/hosts", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"\",\"path\":\"/etc/hosts\",\"query\":\"\",\"scheme\":\"file\",\"userinfo\":\"\"}"],
  ["http://h#", "{\"fragment\":\"\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["http://h/p#a%zz", "ERR unable to parse url: parse \"http://h/p#a%zz\": invalid URL escape \"%zz\""],
  ["http://h/p#a%20b!", "{\"fragment\":\"a b!\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/p\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["http://é.com/ü", "{\"fragment\":\"\",\"host\":\"é.com\",\"hostname\":\"é.com\",\"opaque\":\"\",\"path\":\"/ü\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["http://h/ü?q=ü#ü", "{\"fragment\":\"ü\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/ü\",\"query\":\"q=ü\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["http://a\tb/", "ERR unable to parse url: parse \"http://a\\tb/\": net/url: invalid control character in URL"],
  ["http://h/path;params?q", "{\"fragment\":\"\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/path;params\",\"query\":\"q\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["http://[::1]x/", "ERR unable to parse url: parse \"http://[::1]x/\": invalid port \"x\" after host"],
  ["http://h%41/", "ERR unable to parse url: parse \"http://h%41/\": invalid URL escape \"%41\""],
  ["http://h%2541/", "{\"fragment\":\"\",\"host\":\"h%41\",\"hostname\":\"h%41\",\"opaque\":\"\",\"path\":\"/\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["http://%00/", "ERR unable to parse url: parse \"http://%00/\": invalid URL escape \"%00\""],
  ["http://h:/", "{\"fragment\":\"\",\"host\":\"h:\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["https://e.com/x?y=1", "{\"fragment\":\"\",\"host\":\"e.com\",\"hostname\":\"e.com\",\"opaque\":\"\",\"path\":\"/x\",\"query\":\"y=1\",\"scheme\":\"https\",\"userinfo\":\"\"}"],
  ["http://@h/", "{\"fragment\":\"\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["http://:@h/", "{\"fragment\":\"\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\":\"}"],
  ["http://u:@h/", "{\"fragment\":\"\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"u:\"}"],
  ["http://u:p:q@h/", "{\"fragment\":\"\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"u:p%3Aq\"}"],
  ["http://a@b@c/", "{\"fragment\":\"\",\"host\":\"c\",\"hostname\":\"c\",\"opaque\":\"\",\"path\":\"/\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"a%40b\"}"],
  ["http://h/./../x", "{\"fragment\":\"\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/./../x\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["1http://h", "ERR unable to parse url: parse \"1http://h\": first path segment in URL cannot contain colon"],
  ["-x:y", "ERR unable to parse url: parse \"-x:y\": first path segment in URL cannot contain colon"],
  ["x+y.z-w:foo", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"foo\",\"path\":\"\",\"query\":\"\",\"scheme\":\"x+y.z-w\",\"userinfo\":\"\"}"],
  ["http://h/~user", "{\"fragment\":\"\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/~user\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
  ["http://h/a+b", "{\"fragment\":\"\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/a+b\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
];

/** [dict, `urlJoin dict` or "ERR <panic text>"] from Go (JSON numbers are float64 there, as in values). */
const JOIN: readonly [Record<string, unknown>, string][] = [
  [{"scheme": "https", "host": "example.com", "path": "/p", "query": "a=1"}, "https://example.com/p?a=1"],
  [{"path": "rel/path"}, "rel/path"],
  [{}, ""],
  [{"scheme": "http", "host": "h", "userinfo": "user:pass"}, "http://user:pass@h"],
  [{"scheme": "http", "host": "h", "userinfo": "us er"}, "ERR unable to parse userinfo in dict: parse \"proto://us er@host\": net/url: invalid userinfo"],
  [{"scheme": "http", "host": "h", "userinfo": "u@x:p/q"}, "ERR unable to parse userinfo in dict: parse \"proto://u@x:p/q@host\": invalid port \":p\" after host"],
  [{"host": "h", "path": "p"}, "//h/p"],
  [{"path": "a:b"}, "./a:b"],
  [{"scheme": "mailto", "opaque": "joe@x.com"}, "mailto:joe@x.com"],
  [{"scheme": "http", "host": "h", "fragment": "a b#c"}, "http://h#a%20b%23c"],
  [{"scheme": "http", "path": "/x"}, "http:///x"],
  [{"scheme": "http", "host": "h", "path": "/a b?c"}, "http://h/a%20b%3Fc"],
  [{"scheme": "http", "host": "é.com", "path": "/ü"}, "http://%C3%A9.com/%C3%BC"],
  [{"scheme": "http", "host": "h", "query": "a b"}, "http://h?a b"],
  [{"scheme": 1}, "ERR unable to parse scheme key, must be of type string, but float64 found"],
  [{"host": true}, "ERR unable to parse host key, must be of type string, but bool found"],
  [{"path": [1]}, "ERR unable to parse path key, must be of type string, but slice found"],
  [{"path": {"a": 1}}, "ERR unable to parse path key, must be of type string, but map found"],
  [{"path": null}, "ERR runtime error: invalid memory address or nil pointer dereference"],
  [{"path": 2.5}, "ERR unable to parse path key, must be of type string, but float64 found"],
  [{"scheme": "http", "host": "h", "userinfo": "%zz"}, "ERR unable to parse userinfo in dict: parse \"proto://%zz@host\": invalid URL escape \"%zz\""],
  [{"scheme": "http", "host": "[::1]:80", "path": "/"}, "http://[::1]:80/"],
  [{"scheme": "http", "host": "h", "path": "*"}, "http://h/*"],
];

function run(f: () => string): string {
  try {
    return f();
  } catch (e) {
    return `ERR ${(e as Error).message}`;
  }
}

test('urlParse matches sprig under Go', () => {
  for (const [input, want] of PARSE) {
    assert.equal(run(() => toJson(call('urlParse', input))), want, JSON.stringify(input));
  }
});

test('urlJoin matches sprig under Go', () => {
  for (const [dict, want] of JOIN) {
    assert.equal(run(() => call('urlJoin', fromJs(dict)) as string), want, JSON.stringify(dict));
  }
});

const cases = new Map<string, { snippet: string; expect?: string; expectError?: string }>(
  readFileSync(new URL('../../../../shared/conformance/cases.jsonl', import.meta.url), 'utf8')
    .trim().split('\n').map((l) => JSON.parse(l) as { id: string; snippet: string }).map((c) => [c.id, c]),
);

const dict = (...kv: string[]): GoMap => {
  const m: GoMap = new Map();
  for (let i = 0; i < kv.length; i += 2) m.set(kv[i] as string, kv[i + 1] as string);
  return m;
};

test('url functions reproduce Helm 3.17.2 conformance results', () => {
  const rows: [string, string, () => string][] = [
    ['sprig.url.001', '{{ urlParse "https://user:pass@example.com:8080/p/a?q=1&r=2#frag" | toJson }}',
      () => toJson(call('urlParse', 'https://user:pass@example.com:8080/p/a?q=1&r=2#frag'))],
    ['sprig.url.002', '{{ (urlParse "http://example.com/x").host }}', () => String((call('urlParse', 'http://example.com/x') as GoMap).get('host'))],
    ['sprig.url.005', '{{ urlParse "/relative/path?x=y" | toJson }}', () => toJson(call('urlParse', '/relative/path?x=y'))],
    ['sprig.url.007', '{{ urlJoin (dict "scheme" "https" "host" "example.com" "path" "/p" "query" "a=1") }}',
      () => call('urlJoin', dict('scheme', 'https', 'host', 'example.com', 'path', '/p', 'query', 'a=1')) as string],
    ['sprig.url.009', '{{ urlJoin (dict "path" "rel/path") }}', () => call('urlJoin', dict('path', 'rel/path')) as string],
    ['sprig.url.011', '{{ urlParse "http://[::1]:80/" | toJson }}', () => toJson(call('urlParse', 'http://[::1]:80/'))],
    ['sprig.url.012', '{{ urlParse "http://h/a%20b" | toJson }}', () => toJson(call('urlParse', 'http://h/a%20b'))],
    ['sprig.url.014', '{{ urlJoin (urlParse "https://e.com/x?y=1") }}', () => call('urlJoin', call('urlParse', 'https://e.com/x?y=1')) as string],
  ];
  for (const [id, snippet, f] of rows) {
    const c = cases.get(id);
    assert.ok(c, id);
    assert.equal(c.snippet, snippet, id);
    assert.equal(f(), c.expect, id);
  }
  assert.throws(() => call('urlParse', '::'), { message: 'unable to parse url: parse "::": missing protocol scheme' });
  assert.match(cases.get('sprig.url.013')?.expectError ?? '', /error calling urlParse: unable to parse url: parse "::": missing protocol scheme$/);
});

test('urlJoin of a nil map is an empty URL', () => {
  assert.equal(call('urlJoin', null), '');
});
