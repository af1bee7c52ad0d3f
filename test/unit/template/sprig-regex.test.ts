/**
 * Sprig's regex functions over Go's regexp: RE2 syntax, leftmost-first matching, Go's rules for
 * empty matches in FindAll/ReplaceAll/Split, ReplaceAllString's `$name` expansion (longest name:
 * `$1W` is the group named "1W"), Go's parse-error texts, and regexp.MustCompile's panic for the
 * non-must variants. Expected values are Sprig v3.3.0's output.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { regexFuncs } from '../../../src/template/funcs/regex.ts';
import { isNilSlice, sliceType, type GoValue } from '../../../src/template/value.ts';
import { call, runTable, type Row } from './sprig-table.ts';

const rows: Row[] = [
  ["regexMatch", ["^[a-z]+$", "hello"], true],
  ["regexMatch", ["^[a-z]+$", "Hello"], false],
  ["regexMatch", ["(?i)^[a-z]+$", "Hello"], true],
  ["regexMatch", ["ab", "xaby"], true],
  ["regexMatch", ["(", "a"], false],
  ["regexMatch", ["^\\d{3}$", "123"], true],
  ["regexMatch", ["[[:alpha:]]+", "abc"], true],
  ["regexMatch", ["\\p{Greek}", "α"], true],
  ["regexMatch", ["a{2,}", "caaat"], true],
  ["regexMatch", ["(?<n>a)", "a"], true],
  ["regexMatch", ["(?<=a)b", "ab"], false],
  ["mustRegexMatch", ["(", "a"], { err: "error parsing regexp: missing closing ): `(`" }],
  ["mustRegexMatch", ["a**", "a"], { err: "error parsing regexp: invalid nested repetition operator: `**`" }],
  ["mustRegexMatch", ["\\", "a"], { err: "error parsing regexp: trailing backslash at end of expression: ``" }],
  ["mustRegexMatch", ["x{2,1001}", "a"], { err: "error parsing regexp: invalid repeat count: `{2,1001}`" }],
  ["mustRegexMatch", ["(?<=a)b", "ab"], { err: "error parsing regexp: invalid named capture: `(?<=a)b`" }],
  ["mustRegexMatch", ["a", "cat"], true],
  ["regexFindAll", ["[0-9]+", "a1b22c333", 2n], ["1", "22"]],
  ["regexFindAll", ["[0-9]+", "abc", -1n], []],
  ["regexFindAll", ["[0-9]+", "a1b22c333", 0n], []],
  ["regexFindAll", ["(a)(b)", "abab", -1n], ["ab", "ab"]],
  ["regexFindAll", [".", "héllo", -1n], ["h", "é", "l", "l", "o"]],
  ["regexFindAll", ["a*", "baaab", -1n], ["", "aaa", ""]],
  ["regexFindAll", ["x*", "a😀b", -1n], ["", "", "", ""]],
  ["regexFindAll", ["", "abc", -1n], ["", "", "", ""]],
  ["regexFindAll", ["\\b", "ab cd", -1n], ["", "", "", ""]],
  ["regexFindAll", ["[", "a", -1n], { panic: "regexp: Compile(`[`): error parsing regexp: missing closing ]: `[`" }],
  ["mustRegexFindAll", ["[", "a", -1n], { err: "error parsing regexp: missing closing ]: `[`" }],
  ["mustRegexFindAll", ["a|b", "abc", 5n], ["a", "b"]],
  ["regexFind", ["a.b", "a\nb"], ""],
  ["regexFind", ["(?s)a.b", "a\nb"], "a\nb"],
  ["regexFind", ["a*?", "aaa"], ""],
  ["regexFind", ["[0-9]+", "ab12cd34"], "12"],
  ["regexFind", ["[", "a"], { panic: "regexp: Compile(`[`): error parsing regexp: missing closing ]: `[`" }],
  ["regexFind", ["a\tb(", "a"], { panic: "regexp: Compile(`a\tb(`): error parsing regexp: missing closing ): `a\tb(`" }],
  ["regexFind", ["a`(", "a"], { panic: "regexp: Compile(\"a`(\"): error parsing regexp: missing closing ): `a`(`" }],
  ["mustRegexFind", ["(", "a"], { err: "error parsing regexp: missing closing ): `(`" }],
  ["mustRegexFind", ["(a|ab)(c|bcd)(d*)", "abcd"], "abcd"],
  ["regexReplaceAll", ["a(x*)b", "-ab-axxb-", "${1}W"], "-W-xxW-"],
  ["regexReplaceAll", ["a(x*)b", "-ab-axxb-", "$1W"], "---"],
  ["regexReplaceAll", ["a(x*)b", "-ab-axxb-", "$$"], "-$-$-"],
  ["regexReplaceAll", ["a(x*)b", "-ab-axxb-", "$1x"], "---"],
  ["regexReplaceAll", ["a(x*)b", "-ab-axxb-", "$0$0"], "-abab-axxbaxxb-"],
  ["regexReplaceAll", ["a(x*)b", "-ab-axxb-", "${last}, ${first}"], "-, -, -"],
  ["regexReplaceAll", ["a(x*)b", "-ab-axxb-", "$first $2"], "- - -"],
  ["regexReplaceAll", ["a(x*)b", "-ab-axxb-", "$3"], "---"],
  ["regexReplaceAll", ["a(x*)b", "-ab-axxb-", "${1"], "-${1-${1-"],
  ["regexReplaceAll", ["a(x*)b", "-ab-axxb-", "$"], "-$-$-"],
  ["regexReplaceAll", ["a(x*)b", "-ab-axxb-", "$-"], "-$--$--"],
  ["regexReplaceAll", ["a(x*)b", "-ab-axxb-", "a$$b"], "-a$b-a$b-"],
  ["regexReplaceAll", ["(?P<first>\\w+) (?P<last>\\w+)", "John Smith", "${last}, ${first}"], "Smith, John"],
  ["regexReplaceAll", ["(?P<first>\\w+) (?P<last>\\w+)", "John Smith", "$last_$first"], "John"],
  ["regexReplaceAll", ["\\s+", "a  b \t c", " "], "a b c"],
  ["regexReplaceAll", ["^", "line", "> "], "> line"],
  ["regexReplaceAll", ["(?m)^", "a\nb", "> "], "> a\n> b"],
  ["regexReplaceAll", ["[aeiou]", "education", ""], "dctn"],
  ["regexReplaceAll", ["(a)", "aaa", "$1x"], ""],
  ["regexReplaceAll", ["(a)", "aaa", "$$"], "$$$"],
  ["regexReplaceAll", ["\\.", "1.2.3", "$0$0"], "1..2..3"],
  ["regexReplaceAll", ["a*", "baaac", "-"], "-b-c-"],
  ["regexReplaceAll", ["", "héllo", "|"], "|h|é|l|l|o|"],
  ["regexReplaceAll", ["(?P<a>x)(?P<a>y)?", "xz", "<${a}>"], "<x>z"],
  ["regexReplaceAll", ["(?P<n", "a", "b"], { panic: "regexp: Compile(`(?P<n`): error parsing regexp: invalid named capture: `(?P<n`" }],
  ["mustRegexReplaceAll", ["(", "a", "b"], { err: "error parsing regexp: missing closing ): `(`" }],
  ["regexReplaceAllLiteral", ["a(x*)b", "-ab-axxb-", "$1"], "-$1-$1-"],
  ["regexReplaceAllLiteral", ["x*", "abc", "-"], "-a-b-c-"],
  ["mustRegexReplaceAllLiteral", ["(", "a", "b"], { err: "error parsing regexp: missing closing ): `(`" }],
  ["regexReplaceAllLiteral", ["[", "a", "b"], { panic: "regexp: Compile(`[`): error parsing regexp: missing closing ]: `[`" }],
  ["regexSplit", ["z+", "pizza", -1n], ["pi", "a"]],
  ["regexSplit", [",", "a,b,c", 2n], ["a", "b,c"]],
  ["regexSplit", ["\\s*,\\s*", "a , b,c ,d", -1n], ["a", "b", "c", "d"]],
  ["regexSplit", ["", "abc", -1n], ["a", "b", "c"]],
  ["regexSplit", ["a", "", -1n], [""]],
  ["regexSplit", ["", "", -1n], []],
  ["regexSplit", ["x*", "axbxc", -1n], ["a", "b", "c"]],
  ["regexSplit", [",", "a,b,c", 0n], []],
  ["regexSplit", [",", ",a,", -1n], ["", "a", ""]],
  ["regexSplit", ["(", "a", -1n], { panic: "regexp: Compile(`(`): error parsing regexp: missing closing ): `(`" }],
  ["mustRegexSplit", ["(", "a", -1n], { err: "error parsing regexp: missing closing ): `(`" }],
  ["mustRegexSplit", ["b", "abc", 1n], ["abc"]],
  ["regexQuoteMeta", ["hello world"], "hello world"],
  ["regexQuoteMeta", [""], ""],
  ["regexQuoteMeta", ["a.b*c+d?(e)|[f]{g}^$h\\i"], "a\\.b\\*c\\+d\\?\\(e\\)\\|\\[f\\]\\{g\\}\\^\\$h\\\\i"],
  ["regexQuoteMeta", ["ÉCOLE élève"], "ÉCOLE élève"],
  ["regexQuoteMeta", ["a\"b'c\\d"], "a\"b'c\\\\d"],
  ["regexQuoteMeta", ["ß"], "ß"],
];

runTable('sprig regex functions', regexFuncs, rows);

const isNil = (v: GoValue): boolean => isNilSlice(v);

describe('sprig regex results', () => {
  it('are []string, nil where Go returns nil', () => {
    const none = call(regexFuncs, 'regexFindAll', ['x', 'abc', -1n]) as GoValue[];
    assert.equal(sliceType(none), '[]string');
    assert.ok(isNil(none));
    assert.ok(isNil(call(regexFuncs, 'regexSplit', [',', 'a,b', 0n])));
    const some = call(regexFuncs, 'regexSplit', [',', 'a,b', -1n]) as GoValue[];
    assert.equal(sliceType(some), '[]string');
    assert.ok(!isNil(some));
    assert.ok(!isNil(call(regexFuncs, 'regexSplit', ['', '', -1n])));
  });
  it('declare Go signatures', () => {
    assert.deepEqual(regexFuncs.regexFindAll!.params, ['string', 'string', 'int']);
    assert.equal(regexFuncs.regexFindAll!.result, '[]string');
    assert.equal(regexFuncs.regexMatch!.returnsError ?? false, false);
    for (const name of ['mustRegexMatch', 'mustRegexFindAll', 'mustRegexFind', 'mustRegexReplaceAll', 'mustRegexReplaceAllLiteral', 'mustRegexSplit']) {
      assert.equal(regexFuncs[name]!.returnsError, true, name);
    }
  });
  it('keep a repeated group name (Go allows it; the first matching group wins)', () => {
    assert.equal(call(regexFuncs, 'regexReplaceAll', ['(?P<a>x)?(?P<a>z)', 'z', '<${a}>']), '<z>');
    assert.equal(call(regexFuncs, 'regexReplaceAll', ['(?P<P>q)?[(?P<P>](?P<P>y)', 'Py', '<$P>']), '<y>');
  });
});
