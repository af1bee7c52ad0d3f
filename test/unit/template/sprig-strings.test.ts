/**
 * Sprig's other string functions: byte-based slicing (trunc, substr, abbrev, abbrevboth, wrap,
 * wrapWith), indent/nindent, repeat, replace, trims, contains/hasPrefix/hasSuffix, split/splitList/
 * splitn, plural, hello, quote/squote/cat, toStrings and join. Expected values are Sprig v3.3.0's
 * output; Go's runtime panics (slice bounds, negative Repeat count) are expected verbatim.
 * A byte cut inside a UTF-8 sequence leaves a raw byte, held as U+DC80+byte (see fmt/utf8.ts).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stringFuncs } from '../../../src/template/funcs/strings.ts';
import { sliceType, typeName, withSliceType, type GoValue } from '../../../src/template/value.ts';
import { call, runTable, type Row } from './sprig-table.ts';

const strs = (xs: string[]): GoValue[] => withSliceType(xs, '[]string');

const rows: Row[] = [
  ["trunc", [3n, "hello"], "hel"],
  ["trunc", [-3n, "hello"], "llo"],
  ["trunc", [0n, "hello"], ""],
  ["trunc", [-10n, "hello"], "hello"],
  ["trunc", [2n, "héllo"], "h\udcc3"],
  ["trunc", [-5n, "hello"], "hello"],
  ["trunc", [100n, "hello"], "hello"],
  ["trunc", [-1n, "✓"], "\udc93"],
  ["substr", [1n, -1n, "hello"], "ello"],
  ["substr", [-1n, 3n, "hello"], "hel"],
  ["substr", [2n, 100n, "hello"], "llo"],
  ["substr", [0n, 2n, "héllo"], "h\udcc3"],
  ["substr", [0n, 0n, "hello"], ""],
  ["substr", [5n, 6n, "hello"], ""],
  ["substr", [10n, 20n, "hello"], { panic: "runtime error: slice bounds out of range [10:5]" }],
  ["substr", [-1n, 9n, "hello"], { panic: "runtime error: slice bounds out of range [:9] with length 5" }],
  ["substr", [-1n, -1n, "hello"], { panic: "runtime error: slice bounds out of range [:-1]" }],
  ["substr", [3n, 2n, "hello"], { panic: "runtime error: slice bounds out of range [3:2]" }],
  ["substr", [1n, 3n, "héllo"], "é"],
  ["abbrev", [5n, "hello world"], "he..."],
  ["abbrev", [3n, "hello"], "hello"],
  ["abbrev", [20n, "hello"], "hello"],
  ["abbrev", [-1n, "hello"], "hello"],
  ["abbrev", [10n, "a long sentence here"], "a long ..."],
  ["abbrev", [6n, "héllo wörld"], "hé..."],
  ["abbrev", [4n, ""], ""],
  ["abbrevboth", [0n, 10n, "abcdefghijklmnopqrstuvwxyz"], "abcdefg..."],
  ["abbrevboth", [1n, 5n, "abc"], "abc"],
  ["abbrevboth", [10n, 4n, "abcdefghijklmnopqrstuvwxyz"], "abcdefghijklmnopqrstuvwxyz"],
  ["abbrevboth", [5n, 10n, "abcdefghijklmnopqrstuvwxyz"], "...fghi..."],
  ["abbrevboth", [20n, 10n, "abcdefghijklmnopqrstuvwxyz"], "...tuvwxyz"],
  ["abbrevboth", [10n, 7n, "abcdefghijklmnopqrstuvwxyz"], "...k..."],
  ["abbrevboth", [-5n, 8n, "abcdefghijklmnopqrstuvwxyz"], "abcde..."],
  ["wrap", [10n, "The quick brown fox jumps over the lazy dog"], "The quick\nbrown fox\njumps over\nthe lazy\ndog"],
  ["wrap", [0n, "a b c"], "a\nb\nc"],
  ["wrap", [80n, ""], ""],
  ["wrap", [5n, "line1\nline two here"], "line1\nline\ntwo\nhere"],
  ["wrap", [3n, "abcdefgh ij"], "abcdefgh\nij"],
  ["wrap", [4n, "  lead  and   spaces"], "lead\nand \nspaces"],
  ["wrap", [5n, "héllo wörld"], "héllo\nwörld"],
  ["wrapWith", [5n, "\t", "Hello World"], "Hello\tWorld"],
  ["wrapWith", [3n, "|", "abcdefgh ij"], "abc|def|gh|ij"],
  ["wrapWith", [10n, "<br>", "one two three four five"], "one two<br>three four<br>five"],
  ["wrapWith", [0n, "", "ab c"], "a\nb\nc"],
  ["wrapWith", [2n, "|", "héllo"], "h\udcc3|\udca9l|lo"],
  ["indent", [2n, "a\nb"], "  a\n  b"],
  ["indent", [0n, "a\nb"], "a\nb"],
  ["indent", [-1n, "a"], { panic: "strings: negative Repeat count" }],
  ["indent", [2n, "a\r\nb"], "  a\r\n  b"],
  ["indent", [3n, "\n"], "   \n   "],
  ["indent", [2n, "\ta"], "  \ta"],
  ["indent", [4n, ""], "    "],
  ["nindent", [2n, "a\nb"], "\n  a\n  b"],
  ["nindent", [0n, "x"], "\nx"],
  ["nindent", [-2n, "x"], { panic: "strings: negative Repeat count" }],
  ["repeat", [3n, "ab"], "ababab"],
  ["repeat", [0n, "ab"], ""],
  ["repeat", [1n, "✓"], "✓"],
  ["repeat", [-1n, "a"], { panic: "strings: negative Repeat count" }],
  ["repeat", [-1n, ""], { panic: "strings: negative Repeat count" }],
  ["repeat", [5n, ""], ""],
  ["replace", ["", "-", "abc"], "-a-b-c-"],
  ["replace", ["x", "", "xaxbx"], "ab"],
  ["replace", [".", "-", "1.2.3"], "1-2-3"],
  ["replace", ["é", "e", "élève"], "elève"],
  ["replace", ["", "|", "a😀b"], "|a|😀|b|"],
  ["replace", ["aa", "b", "aaaaa"], "bba"],
  ["trimAll", ["$", "$$5.00$"], "5.00"],
  ["trimall", ["$", "$$5.00$"], "5.00"],
  ["trimAll", ["ab", "abcba"], "c"],
  ["trimall", ["ab", "abcba"], "c"],
  ["trimAll", ["", "abc"], "abc"],
  ["trimall", ["", "abc"], "abc"],
  ["trimAll", ["é", "éaé"], "a"],
  ["trimall", ["é", "éaé"], "a"],
  ["trimAll", [" ", "  x  "], "x"],
  ["trimall", [" ", "  x  "], "x"],
  ["trimPrefix", ["foo", "foofoobar"], "foobar"],
  ["trimPrefix", ["x", "abc"], "abc"],
  ["trimPrefix", ["", "abc"], "abc"],
  ["trimPrefix", ["abc", "abc"], ""],
  ["trimSuffix", [".txt", "a.txt.txt"], "a.txt"],
  ["trimSuffix", ["x", "abc"], "abc"],
  ["trimSuffix", ["", "abc"], "abc"],
  ["trimSuffix", ["-", "release-"], "release"],
  ["contains", ["x", "hello"], false],
  ["contains", ["", "hello"], true],
  ["contains", ["lo", "hello"], true],
  ["contains", ["he", "hello"], true],
  ["contains", ["", ""], true],
  ["contains", ["é", "café"], true],
  ["hasPrefix", ["x", "hello"], false],
  ["hasPrefix", ["", "hello"], true],
  ["hasPrefix", ["lo", "hello"], false],
  ["hasPrefix", ["he", "hello"], true],
  ["hasPrefix", ["", ""], true],
  ["hasPrefix", ["é", "café"], false],
  ["hasSuffix", ["x", "hello"], false],
  ["hasSuffix", ["", "hello"], true],
  ["hasSuffix", ["lo", "hello"], true],
  ["hasSuffix", ["he", "hello"], false],
  ["hasSuffix", ["", ""], true],
  ["hasSuffix", ["é", "café"], true],
  ["split", [",", "a,b,c"], { map: [["_0", "a"], ["_1", "b"], ["_2", "c"]] }],
  ["splitList", [",", "a,b,c"], ["a", "b", "c"]],
  ["split", ["", "abc"], { map: [["_0", "a"], ["_1", "b"], ["_2", "c"]] }],
  ["splitList", ["", "abc"], ["a", "b", "c"]],
  ["split", ["", "a😀"], { map: [["_0", "a"], ["_1", "😀"]] }],
  ["splitList", ["", "a😀"], ["a", "😀"]],
  ["split", [",", ""], { map: [["_0", ""]] }],
  ["splitList", [",", ""], [""]],
  ["split", ["", ""], { map: [] }],
  ["splitList", ["", ""], []],
  ["split", [", ", "a, b,c"], { map: [["_0", "a"], ["_1", "b,c"]] }],
  ["splitList", [", ", "a, b,c"], ["a", "b,c"]],
  ["split", ["x", "abc"], { map: [["_0", "abc"]] }],
  ["splitList", ["x", "abc"], ["abc"]],
  ["splitn", [",", 2n, "a,b,c"], { map: [["_0", "a"], ["_1", "b,c"]] }],
  ["splitn", [",", 0n, "a,b,c"], { map: [] }],
  ["splitn", [",", -1n, "a,b,c"], { map: [["_0", "a"], ["_1", "b"], ["_2", "c"]] }],
  ["splitn", [",", 5n, "a,b,c"], { map: [["_0", "a"], ["_1", "b"], ["_2", "c"]] }],
  ["splitn", ["", 2n, "abc"], { map: [["_0", "a"], ["_1", "bc"]] }],
  ["splitn", [",", 1n, "a,b"], { map: [["_0", "a,b"]] }],
  ["plural", ["one", "many", 1n], "one"],
  ["plural", ["one", "many", 0n], "many"],
  ["plural", ["one", "many", 2n], "many"],
  ["plural", ["one", "many", -1n], "many"],
  ["hello", [], "Hello!"],
  ["quote", ["hello world"], "\"hello world\""],
  ["quote", ["héllo wörld"], "\"héllo wörld\""],
  ["quote", ["tab\tsep"], "\"tab\\tsep\""],
  ["quote", ["a\"b'c\\d"], "\"a\\\"b'c\\\\d\""],
  ["quote", ["<&>"], "\"<&>\""],
  ["quote", ["ß"], "\"ß\""],
  ["quote", ["\u0000\u0007\u007f"], "\"\\x00\\a\\x7f\""],
  ["quote", ["\u00a0\u200b\ufeff"], "\"\\u00a0\\u200b\\ufeff\""],
  ["quote", ["😀"], "\"😀\""],
  ["quote", [""], "\"\""],
  ["quote", ["a", "b"], "\"a\" \"b\""],
  ["quote", [], ""],
  ["squote", ["x", "y"], "'x' 'y'"],
  ["squote", [], ""],
  ["cat", ["a", "b"], "a b"],
  ["cat", [], ""],
  ["cat", ["", ""], " "],
  ["quote", [null, "x", null], "\"x\""],
  ["squote", [null, "x"], "'x'"],
  ["cat", ["a", null, "b"], "a b"],
  ["quote", [7n], "\"7\""],
  ["quote", [true], "\"true\""],
  ["cat", ["a", 1n, true], "a 1 true"],
  ["toStrings", [[1n, "a", null, true]], ["1", "a", "true"]],
  ["toStrings", ["hello"], ["hello"]],
  ["toStrings", [null], []],
  ["toStrings", [strs(["b", "a"])], ["b", "a"]],
  ["toStrings", [7n], ["7"]],
  ["toStrings", [new Uint8Array([104, 105])], ["104", "105"]],
  ["toStrings", [withSliceType([3n, 1n], "[]int")], ["3", "1"]],
  ["join", [",", strs(["a", "b", "c"])], "a,b,c"],
  ["join", [", ", [3n, 1n, null, "x"]], "3, 1, x"],
  ["join", [",", "notalist"], "notalist"],
  ["join", [",", []], ""],
  ["join", ["-", null], ""],
  ["upper", ["hé"], "HÉ"],
  ["title", ["hé"], "Hé"],
  ["nospace", ["hé"], "hé"],
  ["initials", ["hé"], "h"],
  ["swapcase", ["hé"], "HÉ"],
  ["snakecase", ["hé"], "hé"],
  ["camelcase", ["hé"], "Hé"],
  ["quote", ["hé"], "\"hé\""],
  ["upper", ["\udcc3"], "�"],
  ["title", ["\udcc3"], "�"],
  ["nospace", ["\udcc3"], "\udcc3"],
  ["initials", ["\udcc3"], "Ã"],
  ["swapcase", ["\udcc3"], "�"],
  ["snakecase", ["\udcc3"], "\udcc3"],
  ["camelcase", ["\udcc3"], "�"],
  ["quote", ["\udcc3"], "\"\\xc3\""],
  ["upper", ["✓"], "✓"],
  ["title", ["✓"], "✓"],
  ["nospace", ["✓"], "✓"],
  ["initials", ["✓"], "â"],
  ["swapcase", ["✓"], "✓"],
  ["snakecase", ["✓"], "✓"],
  ["camelcase", ["✓"], "✓"],
  ["quote", ["✓"], "\"✓\""],
  ["upper", ["\udcffA"], "�A"],
  ["title", ["\udcffA"], "�A"],
  ["nospace", ["\udcffA"], "\udcffA"],
  ["initials", ["\udcffA"], "ÿ"],
  ["swapcase", ["\udcffA"], "�a"],
  ["snakecase", ["\udcffA"], "�a"],
  ["camelcase", ["\udcffA"], "�A"],
  ["quote", ["\udcffA"], "\"\\xffA\""],
  ["trunc", [1n, "✓x"], "\udce2"],
  ["trunc", [2n, "✓x"], "\udce2\udc9c"],
  ["substr", [0n, 1n, "é"], "\udcc3"],
  ["abbrev", [4n, "éééé"], "\udcc3..."],
];

runTable('sprig string functions', stringFuncs, rows);

describe('sprig string function signatures', () => {
  const sig = (name: string): unknown => {
    const f = stringFuncs[name]!;
    return [f.params, f.variadic ?? null, f.result, f.returnsError ?? false];
  };
  it('declares Go parameter types the executor converts to', () => {
    assert.deepEqual(sig('upper'), [['string'], null, 'string', false]);
    assert.deepEqual(sig('trunc'), [['int', 'string'], null, 'string', false]);
    assert.deepEqual(sig('substr'), [['int', 'int', 'string'], null, 'string', false]);
    assert.deepEqual(sig('abbrevboth'), [['int', 'int', 'string'], null, 'string', false]);
    assert.deepEqual(sig('wrapWith'), [['int', 'string', 'string'], null, 'string', false]);
    assert.deepEqual(sig('plural'), [['string', 'string', 'int'], null, 'string', false]);
    assert.deepEqual(sig('contains'), [['string', 'string'], null, 'bool', false]);
    assert.deepEqual(sig('quote'), [[], 'interface {}', 'string', false]);
    assert.deepEqual(sig('cat'), [[], 'interface {}', 'string', false]);
    assert.deepEqual(sig('join'), [['string', 'interface {}'], null, 'string', false]);
    assert.deepEqual(sig('split'), [['string', 'string'], null, 'map[string]string', false]);
    assert.deepEqual(sig('splitn'), [['string', 'int', 'string'], null, 'map[string]string', false]);
    assert.deepEqual(sig('splitList'), [['string', 'string'], null, '[]string', false]);
    assert.deepEqual(sig('toStrings'), [['interface {}'], null, '[]string', false]);
    assert.deepEqual(sig('hello'), [[], null, 'string', false]);
  });
  it('returns Go-typed slices and maps', () => {
    assert.equal(sliceType(call(stringFuncs, 'splitList', [',', 'a,b']) as GoValue[]), '[]string');
    assert.equal(typeName(call(stringFuncs, 'toStrings', [[1n, 'a']])), '[]string');
    assert.equal(typeName(call(stringFuncs, 'split', [',', 'a,b'])), 'map[string]string');
  });
  it('toStrings returns a []string argument itself, as Go does', () => {
    const list = strs(['b', 'a']);
    assert.equal(call(stringFuncs, 'toStrings', [list]), list);
  });
  it('shuffle permutes the runes', () => {
    const out = call(stringFuncs, 'shuffle', ['héllo✓']) as string;
    assert.deepEqual([...out].sort(), [...'héllo✓'].sort());
    assert.equal(call(stringFuncs, 'shuffle', ['']), '');
  });
  it('repeat refuses counts whose output overflows int', () => {
    assert.throws(() => call(stringFuncs, 'repeat', [2n ** 62n, 'ab']), /^Error: strings: Repeat output length overflow$|Repeat output length overflow/);
  });
});
