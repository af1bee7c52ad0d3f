/**
 * The lexer, table-driven from Go's text/template/parse/lex_test.go (go1.23).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ItemType, itemString, Lexer } from '../../../src/template/lex.ts';
import type { Item } from '../../../src/template/lex.ts';

const T = ItemType;
type Tok = [number, string];

const tEOF: Tok = [T.EOF, ''];
const tLeft: Tok = [T.LeftDelim, '{{'];
const tRight: Tok = [T.RightDelim, '}}'];
const tSpace: Tok = [T.Space, ' '];
const tDot: Tok = [T.Dot, '.'];
const tLpar: Tok = [T.LeftParen, '('];
const tRpar: Tok = [T.RightParen, ')'];
const tPipe: Tok = [T.Pipe, '|'];

function lexAll(input: string, left = '', right = ''): Item[] {
  const l = new Lexer('test', input, left, right);
  l.options = { emitComment: true, breakOK: true, continueOK: true };
  const items: Item[] = [];
  for (;;) {
    const i = l.nextItem();
    items.push(i);
    if (i.typ === T.EOF || i.typ === T.Error) break;
  }
  return items;
}

const cases: [string, string, Tok[]][] = [
  ['empty', '', [tEOF]],
  ['spaces', ' \t\n', [[T.Text, ' \t\n'], tEOF]],
  ['text', 'now is the time', [[T.Text, 'now is the time'], tEOF]],
  ['text with comment', 'hello-{{/* this is a comment */}}-world', [
    [T.Text, 'hello-'], [T.Comment, '/* this is a comment */'], [T.Text, '-world'], tEOF]],
  ['punctuation', '{{,@% }}', [tLeft, [T.Char, ','], [T.Char, '@'], [T.Char, '%'], tSpace, tRight, tEOF]],
  ['parens', '{{((3))}}', [tLeft, tLpar, tLpar, [T.Number, '3'], tRpar, tRpar, tRight, tEOF]],
  ['empty action', '{{}}', [tLeft, tRight, tEOF]],
  ['for', '{{for}}', [tLeft, [T.Identifier, 'for'], tRight, tEOF]],
  ['block', '{{block "foo" .}}', [tLeft, [T.Block, 'block'], tSpace, [T.String, '"foo"'], tSpace, tDot, tRight, tEOF]],
  ['quote', '{{"abc \\n\\t\\" "}}', [tLeft, [T.String, '"abc \\n\\t\\" "'], tRight, tEOF]],
  ['raw quote', '{{`abc\\n\\t\\" `}}', [tLeft, [T.RawString, '`abc\\n\\t\\" `'], tRight, tEOF]],
  ['raw quote with newline', '{{`now is{{\n}}the time`}}', [tLeft, [T.RawString, '`now is{{\n}}the time`'], tRight, tEOF]],
  ['numbers', '{{1 02 0x14 0X14 -7.2i 1e3 1E3 +1.2e-4 4.2i 1+2i 1_2 0x1.e_fp4 0X1.E_FP4}}', [
    tLeft, [T.Number, '1'], tSpace, [T.Number, '02'], tSpace, [T.Number, '0x14'], tSpace, [T.Number, '0X14'], tSpace,
    [T.Number, '-7.2i'], tSpace, [T.Number, '1e3'], tSpace, [T.Number, '1E3'], tSpace, [T.Number, '+1.2e-4'], tSpace,
    [T.Number, '4.2i'], tSpace, [T.Complex, '1+2i'], tSpace, [T.Number, '1_2'], tSpace, [T.Number, '0x1.e_fp4'], tSpace,
    [T.Number, '0X1.E_FP4'], tRight, tEOF]],
  ['characters', "{{'a' '\\n' '\\'' '\\\\' '\\u00FF' '\\xFF' '本'}}", [
    tLeft, [T.CharConstant, "'a'"], tSpace, [T.CharConstant, "'\\n'"], tSpace, [T.CharConstant, "'\\''"], tSpace,
    [T.CharConstant, "'\\\\'"], tSpace, [T.CharConstant, "'\\u00FF'"], tSpace, [T.CharConstant, "'\\xFF'"], tSpace,
    [T.CharConstant, "'本'"], tRight, tEOF]],
  ['bools', '{{true false}}', [tLeft, [T.Bool, 'true'], tSpace, [T.Bool, 'false'], tRight, tEOF]],
  ['dot', '{{.}}', [tLeft, tDot, tRight, tEOF]],
  ['nil', '{{nil}}', [tLeft, [T.Nil, 'nil'], tRight, tEOF]],
  ['dots', '{{.x . .2 .x.y.z}}', [
    tLeft, [T.Field, '.x'], tSpace, tDot, tSpace, [T.Number, '.2'], tSpace, [T.Field, '.x'], [T.Field, '.y'], [T.Field, '.z'],
    tRight, tEOF]],
  ['keywords', '{{range if else end with}}', [
    tLeft, [T.Range, 'range'], tSpace, [T.If, 'if'], tSpace, [T.Else, 'else'], tSpace, [T.End, 'end'], tSpace,
    [T.With, 'with'], tRight, tEOF]],
  ['variables', '{{$c := printf $ $hello $23 $ $var.Field .Method}}', [
    tLeft, [T.Variable, '$c'], tSpace, [T.Declare, ':='], tSpace, [T.Identifier, 'printf'], tSpace, [T.Variable, '$'], tSpace,
    [T.Variable, '$hello'], tSpace, [T.Variable, '$23'], tSpace, [T.Variable, '$'], tSpace, [T.Variable, '$var'],
    [T.Field, '.Field'], tSpace, [T.Field, '.Method'], tRight, tEOF]],
  ['variable invocation', '{{$x 23}}', [tLeft, [T.Variable, '$x'], tSpace, [T.Number, '23'], tRight, tEOF]],
  ['pipeline', 'intro {{echo hi 1.2 |noargs|args 1 "hi"}} outro', [
    [T.Text, 'intro '], tLeft, [T.Identifier, 'echo'], tSpace, [T.Identifier, 'hi'], tSpace, [T.Number, '1.2'], tSpace,
    tPipe, [T.Identifier, 'noargs'], tPipe, [T.Identifier, 'args'], tSpace, [T.Number, '1'], tSpace, [T.String, '"hi"'],
    tRight, [T.Text, ' outro'], tEOF]],
  ['declaration', '{{$v := 3}}', [tLeft, [T.Variable, '$v'], tSpace, [T.Declare, ':='], tSpace, [T.Number, '3'], tRight, tEOF]],
  ['2 declarations', '{{$v , $w := 3}}', [
    tLeft, [T.Variable, '$v'], tSpace, [T.Char, ','], tSpace, [T.Variable, '$w'], tSpace, [T.Declare, ':='], tSpace,
    [T.Number, '3'], tRight, tEOF]],
  ['assignment', '{{$v = 3}}', [tLeft, [T.Variable, '$v'], tSpace, [T.Assign, '='], tSpace, [T.Number, '3'], tRight, tEOF]],
  ['field of parenthesized expression', '{{(.X).Y}}', [tLeft, tLpar, [T.Field, '.X'], tRpar, [T.Field, '.Y'], tRight, tEOF]],
  ['trimming spaces before and after', 'hello- {{- 3 -}} -world', [
    [T.Text, 'hello-'], tLeft, [T.Number, '3'], tRight, [T.Text, '-world'], tEOF]],
  ['trimming spaces before and after comment', 'hello- {{- /* hello */ -}} -world', [
    [T.Text, 'hello-'], [T.Comment, '/* hello */'], [T.Text, '-world'], tEOF]],
  ['trim markers need a space', '{{-3}}{{3-}}', [tLeft, [T.Number, '-3'], tRight, tLeft, [T.Error, 'bad number syntax: "3-"']]],
  ['break and continue', '{{break}}{{continue}}', [tLeft, [T.Break, 'break'], tRight, tLeft, [T.Continue, 'continue'], tRight, tEOF]],
  ['unicode identifier', '{{héllo .wörld}}', [tLeft, [T.Identifier, 'héllo'], tSpace, [T.Field, '.wörld'], tRight, tEOF]],
  // errors
  ['badchar', '#{{\x01}}', [[T.Text, '#'], tLeft, [T.Error, 'unrecognized character in action: U+0001']]],
  ['unclosed action', '{{', [tLeft, [T.Error, 'unclosed action']]],
  ['EOF in action', '{{range', [tLeft, [T.Range, 'range'], [T.Error, 'unclosed action']]],
  ['unclosed quote', '{{"\n"}}', [tLeft, [T.Error, 'unterminated quoted string']]],
  ['unclosed raw quote', '{{`xx}}', [tLeft, [T.Error, 'unterminated raw quoted string']]],
  ['unclosed char constant', "{{'\n}}", [tLeft, [T.Error, 'unterminated character constant']]],
  ['bad number', '{{3k}}', [tLeft, [T.Error, 'bad number syntax: "3k"']]],
  ['unclosed paren', '{{(3}}', [tLeft, tLpar, [T.Number, '3'], [T.Error, 'unclosed left paren']]],
  ['extra right paren', '{{3)}}', [tLeft, [T.Number, '3'], [T.Error, 'unexpected right paren']]],
  ['long pipeline deadlock', '{{|||||}}', [tLeft, tPipe, tPipe, tPipe, tPipe, tPipe, tRight, tEOF]],
  ['text with bad comment', 'hello-{{/*/}}-world', [[T.Text, 'hello-'], [T.Error, 'unclosed comment']]],
  ['text with comment close separated from delim', 'hello-{{/* */ }}-world', [
    [T.Text, 'hello-'], [T.Error, 'comment ends before closing delimiter']]],
  ['unmatched right delimiter', 'hello-{.}}-world', [[T.Text, 'hello-{.}}-world'], tEOF]],
  ['bad character in field', '{{.a#}}', [tLeft, [T.Error, "bad character U+0023 '#'"]]],
  ['colon not followed by =', '{{$x:1}}', [tLeft, [T.Variable, '$x'], [T.Error, 'expected :=']]],
  ['non-ASCII character', '{{é€}}', [tLeft, [T.Error, "bad character U+20AC '€'"]]],
];

for (const [name, input, want] of cases) {
  test(`lex: ${name}`, () => {
    const got = lexAll(input).map((i): Tok => [i.typ, i.val]);
    assert.deepEqual(got, want);
  });
}

test('lex: custom delimiters', () => {
  const got = lexAll('$$ .x @@ {{ $$-.y-@@', '$$', '@@').map((i): Tok => [i.typ, i.val]);
  assert.deepEqual(got, [
    [T.LeftDelim, '$$'], tSpace, [T.Field, '.x'], tSpace, [T.RightDelim, '@@'], [T.Text, ' {{ '], [T.LeftDelim, '$$'],
    [T.Error, 'bad number syntax: "-.y"'],
  ]);
});

test('lex: line numbers and positions', () => {
  const items = lexAll('a\nbc{{\n.x\n}}d\n{{- 1}}');
  const summary = items.map((i) => [i.val, i.line, i.pos]);
  assert.deepEqual(summary, [
    ['a\nbc', 1, 0],
    ['{{', 2, 4],
    ['\n', 2, 6],
    ['.x', 3, 7],
    ['\n', 3, 9],
    ['}}', 4, 10],
    ['d', 4, 12],
    ['{{', 5, 14],
    ['1', 5, 18],
    ['}}', 5, 19],
    ['', 5, 21],
  ]);
});

test('lex: break/continue are identifiers when disabled', () => {
  const l = new Lexer('t', '{{break}}');
  l.options = { emitComment: false, breakOK: false, continueOK: false };
  l.nextItem();
  assert.equal(l.nextItem().typ, T.Identifier);
});

test('lex: item strings as used in parse errors', () => {
  const mk = (typ: number, val: string): Item => ({ typ: typ as Item['typ'], pos: 0, val, line: 1 });
  assert.equal(itemString(mk(T.EOF, '')), 'EOF');
  assert.equal(itemString(mk(T.Error, 'boom')), 'boom');
  assert.equal(itemString(mk(T.Range, 'range')), '<range>');
  assert.equal(itemString(mk(T.Char, '}')), '"}"');
  assert.equal(itemString(mk(T.String, '"0123456789abc"')), '"\\"012345678"...');
  assert.equal(itemString(mk(T.Text, 'héllo wörl')), '"héllo wörl"...'); // 12 bytes, 10 runes
});
