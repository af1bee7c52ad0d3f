/**
 * The parser: trees print back as Go's Node.String() does, numbers are parsed under every type
 * that can hold them, empty trees are recognised — table-driven from Go's parse_test.go (go1.23).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isEmptyTree } from '../../../src/template/ast.ts';
import { ItemType, Lexer } from '../../../src/template/lex.ts';
import { newNumber } from '../../../src/template/parse-number.ts';
import { parse, ParseMode, Tree } from '../../../src/template/parse.ts';
import { TemplateError } from '../../../src/template/errors.ts';

const funcs = (name: string): boolean => name === 'printf' || name === 'contains';

function rootString(input: string, mode = 0): string {
  const trees = parse('test', input, funcs, '', '', mode);
  return trees.get('test')!.root!.toString();
}

// [name, input, expected String() of the root, or null for a parse error]
const parseTests: [string, string, string | null][] = [
  ['empty', '', ''],
  ['comment', '{{/*\n\n\n*/}}', ''],
  ['spaces', ' \t\n', ' \t\n'],
  ['text', 'some text', 'some text'],
  ['emptyAction', '{{}}', null],
  ['field', '{{.X}}', '{{.X}}'],
  ['simple command', '{{printf}}', '{{printf}}'],
  ['$ invocation', '{{$}}', '{{$}}'],
  ['variable invocation', '{{with $x := 3}}{{$x 23}}{{end}}', '{{with $x := 3}}{{$x 23}}{{end}}'],
  ['variable with fields', '{{$.I}}', '{{$.I}}'],
  ['multi-word command', '{{printf `%d` 23}}', '{{printf `%d` 23}}'],
  ['pipeline', '{{.X|.Y}}', '{{.X | .Y}}'],
  ['pipeline with decl', '{{$x := .X|.Y}}', '{{$x := .X | .Y}}'],
  ['nested pipeline', '{{.X (.Y .Z) (.A | .B .C) (.E)}}', '{{.X (.Y .Z) (.A | .B .C) (.E)}}'],
  ['field applied to parentheses', '{{(.Y .Z).Field}}', '{{(.Y .Z).Field}}'],
  ['simple if', '{{if .X}}hello{{end}}', '{{if .X}}hello{{end}}'],
  ['if with else', '{{if .X}}true{{else}}false{{end}}', '{{if .X}}true{{else}}false{{end}}'],
  ['if with else if', '{{if .X}}true{{else if .Y}}false{{end}}', '{{if .X}}true{{else}}{{if .Y}}false{{end}}{{end}}'],
  ['if else chain', '+{{if .X}}X{{else if .Y}}Y{{else if .Z}}Z{{end}}+',
    '+{{if .X}}X{{else}}{{if .Y}}Y{{else}}{{if .Z}}Z{{end}}{{end}}{{end}}+'],
  ['simple range', '{{range .X}}hello{{end}}', '{{range .X}}hello{{end}}'],
  ['chained field range', '{{range .X.Y.Z}}hello{{end}}', '{{range .X.Y.Z}}hello{{end}}'],
  ['nested range', '{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}', '{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}'],
  ['range with else', '{{range .X}}true{{else}}false{{end}}', '{{range .X}}true{{else}}false{{end}}'],
  ['range over pipeline', '{{range .X|.M}}true{{else}}false{{end}}', '{{range .X | .M}}true{{else}}false{{end}}'],
  ['range []int', '{{range .SI}}{{.}}{{end}}', '{{range .SI}}{{.}}{{end}}'],
  ['range 1 var', '{{range $x := .SI}}{{.}}{{end}}', '{{range $x := .SI}}{{.}}{{end}}'],
  ['range 2 vars', '{{range $x, $y := .SI}}{{.}}{{end}}', '{{range $x, $y := .SI}}{{.}}{{end}}'],
  ['range with break', '{{range .SI}}{{.}}{{break}}{{end}}', '{{range .SI}}{{.}}{{break}}{{end}}'],
  ['range with continue', '{{range .SI}}{{.}}{{continue}}{{end}}', '{{range .SI}}{{.}}{{continue}}{{end}}'],
  ['constants', "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}", "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}"],
  ['template', '{{template `x`}}', '{{template "x"}}'],
  ['template with arg', '{{template `x` .Y}}', '{{template "x" .Y}}'],
  ['with', '{{with .X}}hello{{end}}', '{{with .X}}hello{{end}}'],
  ['with with else', '{{with .X}}hello{{else}}goodbye{{end}}', '{{with .X}}hello{{else}}goodbye{{end}}'],
  ['with with else with', '{{with .X}}hello{{else with .Y}}goodbye{{end}}', '{{with .X}}hello{{else}}{{with .Y}}goodbye{{end}}{{end}}'],
  ['with else chain', '{{with .X}}X{{else with .Y}}Y{{else with .Z}}Z{{end}}',
    '{{with .X}}X{{else}}{{with .Y}}Y{{else}}{{with .Z}}Z{{end}}{{end}}{{end}}'],
  ['trim left', 'x \r\n\t{{- 3}}', 'x{{3}}'],
  ['trim right', '{{3 -}}\n\n\ty', '{{3}}y'],
  ['trim left and right', 'x \r\n\t{{- 3 -}}\n\n\ty', 'x{{3}}y'],
  ['trim with extra spaces', 'x\n{{-  3   -}}\ny', 'x{{3}}y'],
  ['comment trim left', 'x \r\n\t{{- /* hi */}}', 'x'],
  ['comment trim right', '{{/* hi */ -}}\n\n\ty', 'y'],
  ['comment trim left and right', 'x \r\n\t{{- /* */ -}}\n\n\ty', 'xy'],
  ['block definition', '{{block "foo" .}}hello{{end}}', '{{template "foo" .}}'],
  ['newline in assignment', '{{ $x \n := \n 1 \n }}', '{{$x := 1}}'],
  ['newline in empty action', '{{\n}}', null],
  ['newline in pipeline', '{{\n"x"\n|\nprintf\n}}', '{{"x" | printf}}'],
  ['newline in comment', '{{/*\nhello\n*/}}', ''],
  ['newline in comment with trim', '{{-\n/*\nhello\n*/\n-}}', ''],
  ['spaces around continue', '{{range .SI}}{{.}}{{ continue }}{{end}}', '{{range .SI}}{{.}}{{continue}}{{end}}'],
  ['spaces around break', '{{range .SI}}{{.}}{{ break }}{{end}}', '{{range .SI}}{{.}}{{break}}{{end}}'],
  ['raw string keeps its quotes', '{{printf `a\\n`}}', '{{printf `a\\n`}}'],
  ['string keeps its escapes', '{{printf "a\\u00e9\\n"}}', '{{printf "a\\u00e9\\n"}}'],
  ['numbers keep their text', '{{printf 0x1F 1_000 1e3 .5 0o17 \'\\n\'}}', "{{printf 0x1F 1_000 1e3 .5 0o17 '\\n'}}"],
  ['chain on function', '{{printf.x.y}}', '{{printf.x.y}}'],
  ['chain on variable', '{{$.a.b}}', '{{$.a.b}}'],
  ['assignment', '{{$x := 1}}{{$x = 2}}', '{{$x := 1}}{{$x = 2}}'],
  ['range assignment', '{{$i := 0}}{{$v := 0}}{{range $i, $v = .}}{{end}}', '{{$i := 0}}{{$v := 0}}{{range $i, $v = .}}{{end}}'],
  // Errors.
  ['unclosed action', 'hello{{range', null],
  ['unmatched end', '{{end}}', null],
  ['unmatched else', '{{else}}', null],
  ['unmatched else after if', '{{if .X}}hello{{end}}{{else}}', null],
  ['multiple else', '{{if .X}}1{{else}}2{{else}}3{{end}}', null],
  ['missing end', 'hello{{range .x}}', null],
  ['missing end after else', 'hello{{range .x}}{{else}}', null],
  ['undefined function', 'hello{{undefined}}', null],
  ['undefined variable', '{{$x}}', null],
  ['variable undefined after end', '{{with $x := 4}}{{end}}{{$x}}', null],
  ['variable undefined in template', '{{template $v}}', null],
  ['declare with field', '{{with $x.Y := 4}}{{end}}', null],
  ['template with field ref', '{{template .X}}', null],
  ['invalid punctuation', '{{printf 3, 4}}', null],
  ['multidecl outside range', '{{with $v, $u := 3}}{{end}}', null],
  ['too many decls in range', '{{range $u, $v, $w := 3}}{{end}}', null],
  ['dot applied to parentheses', '{{printf (printf .).}}', null],
  ['adjacent args', '{{printf 3`x`}}', null],
  ['adjacent args with .', '{{printf `x`.}}', null],
  ['extra end after if', '{{if .X}}a{{else if .Y}}b{{end}}{{end}}', null],
  ['break outside range', '{{range .}}{{end}} {{break}}', null],
  ['continue outside range', '{{range .}}{{end}} {{continue}}', null],
  ['break in range else', '{{range .}}{{else}}{{break}}{{end}}', null],
  ['continue in range else', '{{range .}}{{else}}{{continue}}{{end}}', null],
  ['bug0a', '{{$x := 0}}{{$x}}', '{{$x := 0}}{{$x}}'],
  ['bug0b', '{{$x += 1}}{{$x}}', null],
  ['bug0c', '{{$x ! 2}}{{$x}}', null],
  ['bug0d', '{{$x % 3}}{{$x}}', null],
  ['bug0e', '{{range $x := $y := 3}}{{end}}', null],
  ['bug1a', '{{$x:=.}}{{$x!2}}', null],
  ['bug1b', '{{$x:=.}}{{$x+2}}', null],
  ['bug1c', '{{$x:=.}}{{$x +2}}', '{{$x := .}}{{$x +2}}'],
  ['bug2a', '{{range $x := 0}}{{$x}}{{end}}', '{{range $x := 0}}{{$x}}{{end}}'],
  ['bug2b', '{{range $x = 0}}{{$x}}{{end}}', '{{range $x = 0}}{{$x}}{{end}}'],
  ['dot after integer', '{{1.E}}', null],
  ['dot after float', '{{0.1.E}}', null],
  ['dot after boolean', '{{true.E}}', null],
  ['dot after char', "{{'a'.any}}", null],
  ['dot after string', '{{"hello".guys}}', null],
  ['dot after dot', '{{..E}}', null],
  ['dot after nil', '{{nil.E}}', null],
  ['wrong pipeline dot', '{{12|.}}', null],
  ['wrong pipeline number', '{{.|12|printf}}', null],
  ['wrong pipeline string', '{{.|printf|"error"}}', null],
  ['wrong pipeline char', "{{12|printf|'e'}}", null],
  ['wrong pipeline boolean', '{{.|true}}', null],
  ['wrong pipeline nil', "{{'c'|nil}}", null],
  ['empty pipeline', '{{printf "%d" ( ) }}', null],
  ['block without pipeline', '{{block "foo"}}hello{{end}}', null],
];

for (const [name, input, want] of parseTests) {
  test(`parse: ${name}`, () => {
    if (want === null) {
      assert.throws(() => rootString(input), (e: unknown) => e instanceof TemplateError && e.kind === 'parse');
    } else {
      assert.equal(rootString(input), want);
    }
  });
}

test('parse: comments are kept with ParseComments', () => {
  const m = ParseMode.ParseComments;
  assert.equal(rootString('{{/*\n\n\n*/}}', m), '{{/*\n\n\n*/}}');
  assert.equal(rootString('x \r\n\t{{- /* hi */}}', m), 'x{{/* hi */}}');
  assert.equal(rootString('{{/* hi */ -}}\n\n\ty', m), '{{/* hi */}}y');
  assert.equal(rootString('x \r\n\t{{- /* */ -}}\n\n\ty', m), 'x{{/* */}}y');
});

test('parse: SkipFuncCheck accepts unknown functions', () => {
  assert.equal(rootString('{{fn 1 2}}', ParseMode.SkipFuncCheck), '{{fn 1 2}}');
});

test('parse: break is a function when one is defined', () => {
  const withBreak = (n: string): boolean => n === 'break';
  const trees = parse('t', '{{range .X}}{{break 20}}{{end}}', withBreak);
  assert.equal(trees.get('t')!.root!.toString(), '{{range .X}}{{break 20}}{{end}}');
  assert.throws(() => parse('t', '{{range .X}}{{break 20}}{{end}}', () => false), { message: 'template: t:1: unexpected "20" in {{break}}' });
});

test('parse: block defines a template', () => {
  const trees = parse('outer', 'a{{block "inner" .}}bar{{.}}baz{{end}}b', null);
  assert.equal(trees.get('outer')!.root!.toString(), 'a{{template "inner" .}}b');
  assert.equal(trees.get('inner')!.root!.toString(), 'bar{{.}}baz');
});

test('parse: define adds trees, named by their (unquoted) names', () => {
  const trees = parse('file', 'x{{define "a"}}A{{end}}{{define `b\\n`}}B{{end}}y', null);
  assert.deepEqual([...trees.keys()].sort(), ['a', 'b\\n', 'file']);
  assert.equal(trees.get('file')!.root!.toString(), 'xy');
  assert.equal(trees.get('a')!.parseName, 'file');
});

const isEmptyTests: [string, string, boolean][] = [
  ['empty', '', true],
  ['nonempty', 'hello', false],
  ['spaces only', ' \t\n \t\n', true],
  ['comment only', '{{/* comment */}}', true],
  ['definition', '{{define "x"}}something{{end}}', true],
  ['definitions and space', '{{define `x`}}something{{end}}\n\n{{define `y`}}something{{end}}\n\n', true],
  ['definitions and text', '{{define `x`}}something{{end}}\nx\n{{define `y`}}something{{end}}\ny\n', false],
  ['definition and action', '{{define `x`}}something{{end}}{{if 3}}foo{{end}}', false],
  ['unicode space', '\u00a0\u2003\n', true],
];

for (const [name, input, empty] of isEmptyTests) {
  test(`isEmptyTree: ${name}`, () => {
    assert.equal(isEmptyTree(parse('root', input, null).get('root')!.root), empty);
  });
}

function lexType(text: string): ItemType {
  const l = new Lexer('n', `{{${text}}}`);
  l.nextItem();
  return l.nextItem().typ;
}

// [text, isInt, isUint, isFloat, isComplex, int64, uint64, float64] — or just [text] for an error
type NumCase = [string, boolean, boolean, boolean, boolean, bigint, bigint, number] | [string];
const numberTests: NumCase[] = [
  ['0', true, true, true, false, 0n, 0n, 0],
  ['-0', true, true, true, false, 0n, 0n, 0],
  ['73', true, true, true, false, 73n, 73n, 73],
  ['7_3', true, true, true, false, 73n, 73n, 73],
  ['0b10_010_01', true, true, true, false, 73n, 73n, 73],
  ['0B10_010_01', true, true, true, false, 73n, 73n, 73],
  ['073', true, true, true, false, 0o73n, 0o73n, 0o73],
  ['0o73', true, true, true, false, 0o73n, 0o73n, 0o73],
  ['0O73', true, true, true, false, 0o73n, 0o73n, 0o73],
  ['0x73', true, true, true, false, 0x73n, 0x73n, 0x73],
  ['0X73', true, true, true, false, 0x73n, 0x73n, 0x73],
  ['0x7_3', true, true, true, false, 0x73n, 0x73n, 0x73],
  ['-73', true, false, true, false, -73n, 0n, -73],
  ['+73', true, false, true, false, 73n, 0n, 73],
  ['100', true, true, true, false, 100n, 100n, 100],
  ['1e9', true, true, true, false, 1000000000n, 1000000000n, 1e9],
  ['-1e9', true, false, true, false, -1000000000n, 0n, -1e9],
  ['-1.2', false, false, true, false, 0n, 0n, -1.2],
  ['1e19', false, true, true, false, 0n, 10000000000000000000n, 1e19],
  ['1e1_9', false, true, true, false, 0n, 10000000000000000000n, 1e19],
  ['1E19', false, true, true, false, 0n, 10000000000000000000n, 1e19],
  ['-1e19', false, false, true, false, 0n, 0n, -1e19],
  ['0x_1p4', true, true, true, false, 16n, 16n, 16],
  ['0X_1P4', true, true, true, false, 16n, 16n, 16],
  ['0x_1p-4', false, false, true, false, 0n, 0n, 1 / 16],
  ['4i', false, false, false, true, 0n, 0n, 0],
  ['-1.2+4.2i', false, false, false, true, 0n, 0n, 0],
  ['073i', false, false, false, true, 0n, 0n, 0],
  ['0i', true, true, true, true, 0n, 0n, 0],
  ['-1.2+0i', false, false, true, true, 0n, 0n, -1.2],
  ['-12+0i', true, false, true, true, -12n, 0n, -12],
  ['13+0i', true, true, true, true, 13n, 13n, 13],
  ['0123', true, true, true, false, 0o123n, 0o123n, 0o123],
  ['-0x0', true, true, true, false, 0n, 0n, 0],
  ['0xdeadbeef', true, true, true, false, 0xdeadbeefn, 0xdeadbeefn, 0xdeadbeef],
  ["'a'", true, true, true, false, 97n, 97n, 97],
  ["'\\n'", true, true, true, false, 10n, 10n, 10],
  ["'\\\\'", true, true, true, false, 92n, 92n, 92],
  ["'\\''", true, true, true, false, 39n, 39n, 39],
  ["'\\xFF'", true, true, true, false, 255n, 255n, 255],
  ["'パ'", true, true, true, false, 0x30d1n, 0x30d1n, 0x30d1],
  ["'\\u30d1'", true, true, true, false, 0x30d1n, 0x30d1n, 0x30d1],
  ["'\\U000030d1'", true, true, true, false, 0x30d1n, 0x30d1n, 0x30d1],
  ['9223372036854775807', true, true, true, false, 9223372036854775807n, 9223372036854775807n, 9223372036854775807],
  ['9223372036854775808', false, true, true, false, 0n, 9223372036854775808n, 9223372036854775808],
  ['-9223372036854775808', true, false, true, false, -9223372036854775808n, 0n, -9223372036854775808],
  ['1_000.5', false, false, true, false, 0n, 0n, 1000.5],
  ['0xef', true, true, true, false, 0xefn, 0xefn, 0xef],
  ['+-2'], ['0x123.'], ['1e.'], ['0xi.'], ['1+2.'], ["'x"], ["'xx'"], ["'433937734937734969526500969526500'"],
  ['18446744073709551616'], ['08'], ['1__0'], ['1e400'],
];

const tree = { name: 'n', parseName: 'n', text: '' };
for (const c of numberTests) {
  test(`number: ${c[0]}`, () => {
    const text = c[0];
    const typ = text[0] === "'" ? ItemType.CharConstant : lexType(text) === ItemType.Complex ? ItemType.Complex : ItemType.Number;
    if (c.length === 1) {
      assert.throws(() => newNumber(tree, 0, text, typ));
      return;
    }
    const [, isInt, isUint, isFloat, isComplex, i64, u64, f64] = c;
    const n = newNumber(tree, 0, text, typ);
    assert.deepEqual([n.isInt, n.isUint, n.isFloat, n.isComplex], [isInt, isUint, isFloat, isComplex]);
    if (isInt) assert.equal(n.int64, i64);
    if (isUint) assert.equal(n.uint64, u64);
    if (isFloat) assert.equal(n.float64, f64);
  });
}

test('number: error messages', () => {
  assert.throws(() => newNumber(tree, 0, '18446744073709551616', ItemType.Number), { message: 'integer overflow: "18446744073709551616"' });
  assert.throws(() => newNumber(tree, 0, '1e400', ItemType.Number), { message: 'illegal number syntax: "1e400"' });
  assert.throws(() => newNumber(tree, 0, "'xx'", ItemType.CharConstant), { message: "malformed character constant: 'xx'" });
  assert.throws(() => newNumber(tree, 0, "''", ItemType.CharConstant), { message: 'invalid syntax' });
});

test('parse: Tree can be constructed directly', () => {
  const t = new Tree('direct');
  const set = new Map<string, Tree>();
  t.parseText('{{if 1}}x{{end}}', '', '', set, null);
  assert.equal(set.get('direct'), t);
  assert.equal(t.root!.toString(), '{{if 1}}x{{end}}');
});
