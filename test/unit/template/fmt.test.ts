import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sprint, sprintf, sprintln } from '../../../src/template/fmt/index.ts';
import { utf8Decode } from '@capstan/strconv';
import { def, GoNumber, GoStruct, int64, withMapType, withSliceType } from '../../../src/template/value.ts';
import type { GoValue } from '../../../src/template/value.ts';

/** The conformance suite's values.yaml, as Helm sees it (all numbers float64). */
const users: GoValue[] = [
  new Map<string, GoValue>([['name', 'bob'], ['age', 30]]),
  new Map<string, GoValue>([['name', 'alice'], ['age', 25]]),
];
const V = {
  str: 'hello',
  int: 42,
  float: 3.14,
  bool: true,
  nil: null,
  missing: null,
  list: ['a', 'b', 'c'],
  nums: [3, 1, 2],
  mixed: [1, 'two', true, null, 2.5],
  emptyList: [],
  map: new Map<string, GoValue>([['b', 2], ['a', 1], ['c', 3]]),
  big: 1000000,
  bigger: 123456789,
  huge: 1e21,
  users,
} satisfies Record<string, GoValue>;

/** `{{ printf … }}` cases of the conformance suite (expectations from Helm 3.17.2). */
const CONFORMANCE: readonly (readonly [string, string, GoValue[], string])[] = [
  ["tpl.field.013", "%v", [V.missing], "<nil>"],
  ["tpl.printf.002", "%v", [V.int], "42"],
  ["tpl.printf.003", "%v", [42n], "42"],
  ["tpl.printf.004", "%v", [V.float], "3.14"],
  ["tpl.printf.006", "%v", [V.bool], "true"],
  ["tpl.printf.007", "%v", [V.nil], "<nil>"],
  ["tpl.printf.008", "%v", [V.list], "[a b c]"],
  ["tpl.printf.009", "%v", [V.map], "map[a:1 b:2 c:3]"],
  ["tpl.printf.010", "%v", [V.big], "1e+06"],
  ["tpl.printf.011", "%+v", [V.str], "hello"],
  ["tpl.printf.012", "%+v", [V.int], "42"],
  ["tpl.printf.016", "%+v", [V.bool], "true"],
  ["tpl.printf.017", "%+v", [V.nil], "<nil>"],
  ["tpl.printf.018", "%+v", [V.list], "[a b c]"],
  ["tpl.printf.023", "%#v", [42n], "42"],
  ["tpl.printf.024", "%#v", [V.float], "3.14"],
  ["tpl.printf.025", "%#v", [2.5], "2.5"],
  ["tpl.printf.026", "%#v", [V.bool], "true"],
  ["tpl.printf.027", "%#v", [V.nil], "<nil>"],
  ["tpl.printf.028", "%#v", [V.list], "[]interface {}{\"a\", \"b\", \"c\"}"],
  ["tpl.printf.029", "%#v", [V.map], "map[string]interface {}{\"a\":1, \"b\":2, \"c\":3}"],
  ["tpl.printf.030", "%#v", [V.big], "1e+06"],
  ["tpl.printf.031", "%s", [V.str], "hello"],
  ["tpl.printf.032", "%s", [V.int], "%!s(float64=42)"],
  ["tpl.printf.034", "%s", [V.float], "%!s(float64=3.14)"],
  ["tpl.printf.035", "%s", [2.5], "%!s(float64=2.5)"],
  ["tpl.printf.036", "%s", [V.bool], "%!s(bool=true)"],
  ["tpl.printf.037", "%s", [V.nil], "%!s(<nil>)"],
  ["tpl.printf.038", "%s", [V.list], "[a b c]"],
  ["tpl.printf.040", "%s", [V.big], "%!s(float64=1e+06)"],
  ["tpl.printf.042", "%q", [V.int], "%!q(float64=42)"],
  ["tpl.printf.044", "%q", [V.float], "%!q(float64=3.14)"],
  ["tpl.printf.045", "%q", [2.5], "%!q(float64=2.5)"],
  ["tpl.printf.046", "%q", [V.bool], "%!q(bool=true)"],
  ["tpl.printf.047", "%q", [V.nil], "%!q(<nil>)"],
  ["tpl.printf.048", "%q", [V.list], "[\"a\" \"b\" \"c\"]"],
  ["tpl.printf.050", "%q", [V.big], "%!q(float64=1e+06)"],
  ["tpl.printf.051", "%d", [V.str], "%!d(string=hello)"],
  ["tpl.printf.052", "%d", [V.int], "%!d(float64=42)"],
  ["tpl.printf.054", "%d", [V.float], "%!d(float64=3.14)"],
  ["tpl.printf.055", "%d", [2.5], "%!d(float64=2.5)"],
  ["tpl.printf.056", "%d", [V.bool], "%!d(bool=true)"],
  ["tpl.printf.057", "%d", [V.nil], "%!d(<nil>)"],
  ["tpl.printf.062", "%x", [V.int], "0x1.5p+05"],
  ["tpl.printf.063", "%x", [42n], "2a"],
  ["tpl.printf.067", "%x", [V.nil], "%!x(<nil>)"],
  ["tpl.printf.068", "%x", [V.list], "[61 62 63]"],
  ["tpl.printf.070", "%x", [V.big], "0x1.e848p+19"],
  ["tpl.printf.074", "%X", [V.float], "0X1.91EB851EB851FP+01"],
  ["tpl.printf.075", "%X", [2.5], "0X1.4P+01"],
  ["tpl.printf.076", "%X", [V.bool], "%!X(bool=true)"],
  ["tpl.printf.078", "%X", [V.list], "[61 62 63]"],
  ["tpl.printf.079", "%X", [V.map], "map[61:0X1P+00 62:0X1P+01 63:0X1.8P+01]"],
  ["tpl.printf.080", "%X", [V.big], "0X1.E848P+19"],
  ["tpl.printf.081", "%o", [V.str], "%!o(string=hello)"],
  ["tpl.printf.082", "%o", [V.int], "%!o(float64=42)"],
  ["tpl.printf.083", "%o", [42n], "52"],
  ["tpl.printf.085", "%o", [2.5], "%!o(float64=2.5)"],
  ["tpl.printf.087", "%o", [V.nil], "%!o(<nil>)"],
  ["tpl.printf.088", "%o", [V.list], "[%!o(string=a) %!o(string=b) %!o(string=c)]"],
  ["tpl.printf.089", "%o", [V.map], "map[%!o(string=a):%!o(float64=1) %!o(string=b):%!o(float64=2) %!o(string=c):%!o(float64=3)]"],
  ["tpl.printf.090", "%o", [V.big], "%!o(float64=1e+06)"],
  ["tpl.printf.091", "%b", [V.str], "%!b(string=hello)"],
  ["tpl.printf.094", "%b", [V.float], "7070651414971679p-51"],
  ["tpl.printf.096", "%b", [V.bool], "%!b(bool=true)"],
  ["tpl.printf.097", "%b", [V.nil], "%!b(<nil>)"],
  ["tpl.printf.101", "%e", [V.str], "%!e(string=hello)"],
  ["tpl.printf.102", "%e", [V.int], "4.200000e+01"],
  ["tpl.printf.103", "%e", [42n], "%!e(int=42)"],
  ["tpl.printf.104", "%e", [V.float], "3.140000e+00"],
  ["tpl.printf.105", "%e", [2.5], "2.500000e+00"],
  ["tpl.printf.106", "%e", [V.bool], "%!e(bool=true)"],
  ["tpl.printf.107", "%e", [V.nil], "%!e(<nil>)"],
  ["tpl.printf.111", "%f", [V.str], "%!f(string=hello)"],
  ["tpl.printf.112", "%f", [V.int], "42.000000"],
  ["tpl.printf.115", "%f", [2.5], "2.500000"],
  ["tpl.printf.116", "%f", [V.bool], "%!f(bool=true)"],
  ["tpl.printf.119", "%f", [V.map], "map[%!f(string=a):1.000000 %!f(string=b):2.000000 %!f(string=c):3.000000]"],
  ["tpl.printf.121", "%.2f", [V.str], "%!f(string=he)"],
  ["tpl.printf.122", "%.2f", [V.int], "42.00"],
  ["tpl.printf.123", "%.2f", [42n], "%!f(int=42)"],
  ["tpl.printf.125", "%.2f", [2.5], "2.50"],
  ["tpl.printf.127", "%.2f", [V.nil], "%!f(<nil>)"],
  ["tpl.printf.128", "%.2f", [V.list], "[%!f(string=a) %!f(string=b) %!f(string=c)]"],
  ["tpl.printf.129", "%.2f", [V.map], "map[%!f(string=a):1.00 %!f(string=b):2.00 %!f(string=c):3.00]"],
  ["tpl.printf.130", "%.2f", [V.big], "1000000.00"],
  ["tpl.printf.131", "%g", [V.str], "%!g(string=hello)"],
  ["tpl.printf.133", "%g", [42n], "%!g(int=42)"],
  ["tpl.printf.136", "%g", [V.bool], "%!g(bool=true)"],
  ["tpl.printf.137", "%g", [V.nil], "%!g(<nil>)"],
  ["tpl.printf.139", "%g", [V.map], "map[%!g(string=a):1 %!g(string=b):2 %!g(string=c):3]"],
  ["tpl.printf.140", "%g", [V.big], "1e+06"],
  ["tpl.printf.142", "%5d", [V.int], "%!d(float64=   42)"],
  ["tpl.printf.143", "%5d", [42n], "   42"],
  ["tpl.printf.146", "%5d", [V.bool], "%!d(bool= true)"],
  ["tpl.printf.150", "%5d", [V.big], "%!d(float64=1e+06)"],
  ["tpl.printf.151", "%-5s|", [V.str], "hello|"],
  ["tpl.printf.153", "%-5s|", [42n], "%!s(int=42   )|"],
  ["tpl.printf.155", "%-5s|", [2.5], "%!s(float64=2.5  )|"],
  ["tpl.printf.156", "%-5s|", [V.bool], "%!s(bool=true )|"],
  ["tpl.printf.157", "%-5s|", [V.nil], "%!s(<nil>)|"],
  ["tpl.printf.158", "%-5s|", [V.list], "[a     b     c    ]|"],
  ["tpl.printf.161", "%05d", [V.str], "%!d(string=hello)"],
  ["tpl.printf.163", "%05d", [42n], "00042"],
  ["tpl.printf.165", "%05d", [2.5], "%!d(float64=002.5)"],
  ["tpl.printf.166", "%05d", [V.bool], "%!d(bool=0true)"],
  ["tpl.printf.168", "%05d", [V.list], "[%!d(string=0000a) %!d(string=0000b) %!d(string=0000c)]"],
  ["tpl.printf.169", "%05d", [V.map], "map[%!d(string=0000a):%!d(float64=00001) %!d(string=0000b):%!d(float64=00002) %!d(string=0000c):%!d(float64=00003)]"],
  ["tpl.printf.172", "%t", [V.int], "%!t(float64=42)"],
  ["tpl.printf.173", "%t", [42n], "%!t(int=42)"],
  ["tpl.printf.174", "%t", [V.float], "%!t(float64=3.14)"],
  ["tpl.printf.175", "%t", [2.5], "%!t(float64=2.5)"],
  ["tpl.printf.176", "%t", [V.bool], "true"],
  ["tpl.printf.177", "%t", [V.nil], "%!t(<nil>)"],
  ["tpl.printf.179", "%t", [V.map], "map[%!t(string=a):%!t(float64=1) %!t(string=b):%!t(float64=2) %!t(string=c):%!t(float64=3)]"],
  ["tpl.printf.181", "%T", [V.str], "string"],
  ["tpl.printf.183", "%T", [42n], "int"],
  ["tpl.printf.184", "%T", [V.float], "float64"],
  ["tpl.printf.186", "%T", [V.bool], "bool"],
  ["tpl.printf.188", "%T", [V.list], "[]interface {}"],
  ["tpl.printf.191", "%10s|", [V.str], "     hello|"],
  ["tpl.printf.192", "%10s|", [V.int], "%!s(float64=        42)|"],
  ["tpl.printf.193", "%10s|", [42n], "%!s(int=        42)|"],
  ["tpl.printf.195", "%10s|", [2.5], "%!s(float64=       2.5)|"],
  ["tpl.printf.196", "%10s|", [V.bool], "%!s(bool=      true)|"],
  ["tpl.printf.197", "%10s|", [V.nil], "%!s(<nil>)|"],
  ["tpl.printf.198", "%10s|", [V.list], "[         a          b          c]|"],
  ["tpl.printf.199", "%10s|", [V.map], "map[         a:%!s(float64=         1)          b:%!s(float64=         2)          c:%!s(float64=         3)]|"],
  ["tpl.printf.200", "%10s|", [V.big], "%!s(float64=     1e+06)|"],
  ["tpl.printf.201", "%+d", [V.str], "%!d(string=hello)"],
  ["tpl.printf.202", "%+d", [V.int], "%!d(float64=+42)"],
  ["tpl.printf.203", "%+d", [42n], "+42"],
  ["tpl.printf.204", "%+d", [V.float], "%!d(float64=+3.14)"],
  ["tpl.printf.206", "%+d", [V.bool], "%!d(bool=true)"],
  ["tpl.printf.207", "%+d", [V.nil], "%!d(<nil>)"],
  ["tpl.printf.208", "%+d", [V.list], "[%!d(string=a) %!d(string=b) %!d(string=c)]"],
  ["tpl.printf.209", "%+d", [V.map], "map[%!d(string=a):%!d(float64=+1) %!d(string=b):%!d(float64=+2) %!d(string=c):%!d(float64=+3)]"],
  ["tpl.printf.210", "%+d", [V.big], "%!d(float64=+1e+06)"],
  ["tpl.printf.211", "%%", [], "%"],
  ["tpl.printf.214", "%[2]s %[1]s", ["a", "b"], "b a"],
  ["tpl.printf.215", "%*d", [5n, 3n], "    3"],
  ["tpl.printf.216", "%v", [], "%!v(MISSING)"],
  ["tpl.printf.217", "%z", [1n], "%!z(int=1)"],
  ["tpl.printf.218", "%s", [V.mixed], "[%!s(float64=1) two %!s(bool=true) <nil> %!s(float64=2.5)]"],
  ["tpl.printf.220", "%d", [V.nums], "[%!d(float64=3) %!d(float64=1) %!d(float64=2)]"],
  ["tpl.printf.221", "%s", [3n], "%!s(int=3)"],
  ["tpl.printf.223", "%.0f", [2.5], "2"],
  ["tpl.printf.224", "%.0f", [3.5], "4"],
  ["tpl.printf.225", "%.1f", [0.05], "0.1"],
  ["tpl.printf.229", "%X", [V.str], "68656C6C6F"],
  ["tpl.printf.232", "%#q", ["x"], "`x`"],
  ["tpl.printf.233", "%v %v", [V.huge, V.bigger], "1e+21 1.23456789e+08"],
  ["tpl.printf.235", "%s", [V.missing], "%!s(<nil>)"],
  ["tpl.printf.236", "%d", [V.missing], "%!d(<nil>)"],
  ["tpl.printf.238", "%T", [V.users], "[]interface {}"],
  ["tpl.printf.244", "%T", [V.emptyList], "[]interface {}"],
  ["tpl.printf.247", "%5t|", [true], " true|"],
  ["tpl.printf.248", "%08.3f", [-3.14159], "-003.142"],
  ["tpl.printf.249", "%e", [0n], "%!e(int=0)"],
  ["tpl.printf.251", "%g", [100000.0], "100000"],
  ["tpl.printf.253", "%v", [1e-5], "1e-05"],
];

test('printf conformance cases', () => {
  for (const [id, format, args, want] of CONFORMANCE) {
    assert.equal(sprintf(format, args), want, id);
  }
});

test('Sprint spacing: a space between operands when neither is a string', () => {
  assert.equal(sprint([]), '');
  assert.equal(sprint([1n, 2n]), '1 2');
  assert.equal(sprint([1.5, 2n]), '1.5 2');
  assert.equal(sprint(['a', 'b']), 'ab');
  assert.equal(sprint(['', '']), '');
  assert.equal(sprint(['x', null]), 'x<nil>');
  assert.equal(sprint([null, null]), '<nil> <nil>');
  assert.equal(sprint([1n, 'a', 2n, 3n, 'b', 'c', true]), '1a2 3bctrue');
  assert.equal(sprint([V.int, V.float]), '42 3.14');
  assert.equal(sprint([V.huge, V.big, V.bigger]), '1e+21 1e+06 1.23456789e+08');
  assert.equal(sprint([new Map([['x', new Map([['k', new Map([['z', 'deep']])]])]])]), 'map[x:map[k:map[z:deep]]]');
  assert.equal(sprint([V.users]), '[map[age:30 name:bob] map[age:25 name:alice]]');
  assert.equal(sprint([V.mixed]), '[1 two true <nil> 2.5]');
});

test('Sprintln: always spaces, and a newline', () => {
  assert.equal(sprintln([]), '\n');
  assert.equal(sprintln(['a', 'b']), 'a b\n');
  assert.equal(sprintln([1n, 2n]), '1 2\n');
  assert.equal(sprintln(['hello']), 'hello\n');
});

test('float64 %v is strconv shortest %g', () => {
  const cases: [number, string][] = [
    [1e6, '1e+06'], [123456789, '1.23456789e+08'], [3.14, '3.14'], [1e21, '1e+21'], [1e20, '1e+20'],
    [-0, '-0'], [0, '0'], [Infinity, '+Inf'], [-Infinity, '-Inf'], [NaN, 'NaN'], [1e-5, '1e-05'],
    [0.000001, '1e-06'], [0.0001, '0.0001'], [100000, '100000'], [1234567890123, '1.234567890123e+12'],
    [0.30000000000000004, '0.30000000000000004'], [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'], [-9223372036854775808, '-9.223372036854776e+18'],
    [12345678, '1.2345678e+07'], [1.1, '1.1'],
  ];
  for (const [f, want] of cases) assert.equal(sprint([f]), want, String(f));
  assert.equal(sprintf('%v %v', [new GoNumber('float32', 0.1), new GoNumber('float32', 16777216)]), '0.1 1.6777216e+07');
  assert.equal(sprintf('%+v|% v|%08v|%-8v|', [1.5, 1.5, -1.5, Infinity]), '1.5| 1.5|-00001.5|+Inf    |');
});

test('integers of every kind', () => {
  assert.equal(
    sprintf('%d %v %x %X %o %O %b %c %q %U %#U', [42n, -42n, 255n, 255n, 8n, 8n, 5n, 0x4e16n, 0x41n, 0x1f600n, 0x1f600n]),
    "42 -42 ff FF 10 0o10 101 世 'A' U+1F600 U+1F600 '😀'",
  );
  assert.equal(sprintf('%T %T %T %T', [int64(1n), new GoNumber('uint8', 7n), 1n, new GoNumber('float32', 1)]), 'int64 uint8 int float32');
  assert.equal(sprintf('%v %#v %#v', [new GoNumber('uint8', 200n), new GoNumber('uint64', 255n), int64(-5n)]), '200 0xff -5');
  assert.equal(sprintf('%d', [-(2n ** 63n)]), '-9223372036854775808');
  assert.equal(sprintf('%x %d', [new GoNumber('uint64', 2n ** 64n - 1n), new GoNumber('int8', -128n)]), 'ffffffffffffffff -128');
  assert.equal(sprintf('%c|%c|%q', [-1n, 0xd800n, 0x110000n]), "\ufffd|\ufffd|'\ufffd'");
  assert.equal(sprintf('%.0d|%5.0d|%.3d|%+.3d|%08.3d', [0n, 0n, 7n, 7n, -7n]), '|     |007|+007|    -007');
  assert.equal(sprintf('%e', [42n]), '%!e(int=42)');
});

test('strings: width and precision count runes; %x/%q work on bytes', () => {
  assert.equal(sprintf('%5s|%-5s|%.2s|%5.1s|', ['é日', 'é日', 'é日本', '日本']), '   é日|é日   |é日|    日|');
  assert.equal(sprintf('%x %X % x %#x', ['é', 'hi', 'hi', 'hi']), 'c3a9 6869 68 69 0x6869');
  assert.equal(sprintf('%q|%+q|%#q|%#q|%#+q', ['héllo\n', 'héllo', 'a`b', 'tab\t', 'é']), '"héllo\\n"|"h\\u00e9llo"|"a`b"|`tab\t`|`é`');
  const ff = utf8Decode(Uint8Array.of(0x61, 0xff, 0x62));
  assert.equal(sprintf('%q|%x|%s|%5s|%.2q', [ff, ff, ff, ff, ff]), '"a\\xffb"|61ff62|' + ff + '|  ' + ff + '|"a\\xff"');
  assert.equal(sprintf('%010s|%-010s|%010q', ['ab', 'ab', 'ab']), '00000000ab|ab        |000000"ab"');
});

test('[]byte: %s as text, %v as numbers', () => {
  const hi = Uint8Array.of(104, 105);
  assert.equal(
    sprintf('%s|%v|%d|%x|% X|%q|%#v|%T|%o', [hi, hi, hi, hi, hi, hi, hi, hi, hi]),
    'hi|[104 105]|[104 105]|6869|68 69|"hi"|[]byte{0x68, 0x69}|[]uint8|[150 151]',
  );
  assert.equal(sprintf('%s|%v|%#v', [[hi], [hi], [hi]]), '[hi]|[[104 105]]|[]interface {}{[]uint8{0x68, 0x69}}');
  assert.equal(sprint([hi, 'x', hi]), '[104 105]x[104 105]');
});

test('slices and maps: typed names for %#v and %T, sorted keys', () => {
  const strs = withSliceType(['a', 'b'], '[]string');
  assert.equal(sprintf('%v|%#v|%T|%q', [strs, strs, strs, strs]), '[a b]|[]string{"a", "b"}|[]string|["a" "b"]');
  const m = withMapType(new Map<string, GoValue>([['z', 'x'], ['a', 'y']]), 'map[string]string');
  assert.equal(sprintf('%v|%#v|%T', [m, m, m]), 'map[a:y z:x]|map[string]string{"a":"y", "z":"x"}|map[string]string');
  const keys = new Map<string, GoValue>([['b', 1n], ['B', 2n], ['é', 3n], ['😀', 4n], ['\uffff', 5n], ['', 6n]]);
  assert.equal(sprint([keys]), 'map[:6 B:2 b:1 é:3 \uffff:5 😀:4]');
  assert.equal(sprintf('%#v', [[null, new Map()]]), '[]interface {}{interface {}(nil), map[string]interface {}{}}');
  assert.equal(sprintf('%v %d', [[], new Map()]), '[] map[]');
});

test('structs, pointers and methods', () => {
  const kv = new GoStruct({
    typeName: 'chartutil.KubeVersion',
    fields: new Map<string, GoValue>([['Version', 'v1.32.0'], ['Major', '1'], ['Minor', '32']]),
    methods: { String: def([], 'string', () => 'v1.32.0') },
    json: () => null,
  });
  // A struct value does not use the (pointer-receiver) String method: Helm prints {v1.32.0 1 32}.
  assert.equal(sprintf('%v|%+v|%s', [kv, kv, kv]), '{v1.32.0 1 32}|{Version:v1.32.0 Major:1 Minor:32}|{v1.32.0 1 32}');
  assert.equal(sprintf('%#v', [kv]), 'chartutil.KubeVersion{Version:"v1.32.0", Major:"1", Minor:"32"}');
  const ptr = new GoStruct({ typeName: kv.typeName, fields: kv.fields, methods: kv.methods, pointer: true, json: () => null });
  assert.equal(
    sprintf('%v|%s|%q|%x|%d|%T', [ptr, ptr, ptr, ptr, ptr, ptr]),
    'v1.32.0|v1.32.0|"v1.32.0"|76312e33322e30|&{%!d(string=v1.32.0) %!d(string=1) %!d(string=32)}|*chartutil.KubeVersion',
  );
  const plain = new GoStruct({
    typeName: 'chart.Metadata',
    pointer: true,
    fields: new Map<string, GoValue>([['Name', 'conf'], ['Deprecated', false], ['Keywords', withSliceType([], '[]string')]]),
    json: () => null,
  });
  assert.equal(
    sprintf('%v|%+v|%#v', [plain, plain, plain]),
    '&{conf false []}|&{Name:conf Deprecated:false Keywords:[]}|&chart.Metadata{Name:"conf", Deprecated:false, Keywords:[]string{}}',
  );
  const panicky = new GoStruct({
    typeName: 'x.T',
    pointer: true,
    fields: new Map(),
    methods: { String: def([], 'string', () => { throw new Error('boom'); }) },
    json: () => null,
  });
  assert.equal(sprintf('%v', [panicky]), '%!v(PANIC=String method: boom)');
});

test('error forms', () => {
  assert.equal(sprintf('%d', ['hi']), '%!d(string=hi)');
  assert.equal(sprintf('%s', ['x', 'y']), 'x%!(EXTRA string=y)');
  assert.equal(sprintf('', [1n, null, 'a']), '%!(EXTRA int=1, <nil>, string=a)');
  assert.equal(sprintf('%v', []), '%!v(MISSING)');
  assert.equal(sprintf('%', []), '%!(NOVERB)');
  assert.equal(sprintf('%-', [1n]), '%!(NOVERB)%!(EXTRA int=1)');
  assert.equal(sprintf('%*d', ['x', 3n]), '%!(BADWIDTH)3');
  assert.equal(sprintf('%.*d', [1.5, 3n]), '%!(BADPREC)3');
  assert.equal(sprintf('%[3]d', [1n, 2n]), '%!d(BADINDEX)');
  assert.equal(sprintf('%[0]d %[x]d', [1n]), '%!d(BADINDEX) %!d(BADINDEX)');
  assert.equal(sprintf('%[2]d %[1]d', [1n, 2n]), '2 1');
  assert.equal(sprintf('%[1]d %d', [1n, 2n]), '1 2');
  assert.equal(sprintf('%d %d %#[1]x %#x', [16n, 17n]), '16 17 0x10 0x11');
  assert.equal(sprintf('%z %!', [1n]), '%!z(int=1) %!!(MISSING)');
  assert.equal(sprintf('%.2f|%5d', ['hello', true]), '%!f(string=he)|%!d(bool= true)');
  assert.equal(sprintf('%s', [undefined]), '<invalid reflect.Value>');
  assert.equal(sprintf('%d %v', [null, null]), '%!d(<nil>) <nil>');
  assert.equal(sprintf('%é', [1n]), '%!é(int=1)');
});

test('widths and precisions from arguments', () => {
  assert.equal(sprintf('%*d|%-*d|%*d', [5n, 3n, 5n, 3n, -5n, 3n]), '    3|3    |3    ');
  assert.equal(sprintf('%.*f|%.*f', [2n, 3.14159, -2n, 3.14159]), '3.14|%!(BADPREC)3.141590');
  assert.equal(sprintf('%[3]*.[2]*[1]f', [12.0, 2n, 6n]), ' 12.00');
  assert.equal(sprintf('%*d', [int64(4n), 1n]), '   1');
  assert.equal(sprintf('%*d', [10000000n, 1n]), '%!(BADWIDTH)1');
});
