/**
 * Parse errors (lexer and parser), table-driven from Go.
 * Expected values were produced by Go 1.23.7's text/template (the version Helm v3.17.2 is built
 * with) running the same template: template.New("gotpl").Funcs(…).Option("missingkey=MK"),
 * t.New("x").Parse(T), t.ExecuteTemplate(w, "x", json.Unmarshal(D)).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TemplateSet, TemplateError, def, GoFuncError, GoNumber, withSliceType, withMapType } from '../../../src/template/index.ts';
import type { FuncDef, GoValue } from '../../../src/template/index.ts';
import { sprintf } from '../../../src/template/fmt/index.ts';

interface Row { t: string; d?: unknown; mk?: 'default' | 'zero' | 'error'; out?: string; err?: string; parseErr?: string }

/** The functions the Go oracle program registered (same names, same Go signatures). */
function oracleFuncs(): Map<string, FuncDef> {
  return new Map<string, FuncDef>([
    ['upper', def(['string'], 'string', ([s]) => (s as string).toUpperCase())],
    ['list', def([], '[]interface {}', (a) => a, { variadic: 'interface {}' })],
    ['fail', def(['string'], 'string', ([s]) => { throw new GoFuncError(s as string); }, { returnsError: true })],
    ['panicky', def([], 'string', () => { throw new Error('boom'); })],
    ['i64', def(['int'], 'int64', ([v]) => new GoNumber('int64', v as bigint))],
    ['typeOf', def(['interface {}'], 'string', ([v]) => sprintf('%T', [v]))],
    ['strs', def([], '[]string', (a) => withSliceType(a, '[]string'), { variadic: 'string' })],
    ['smap', def([], 'map[string]string', () => withMapType(new Map<string, GoValue>([['a', 'x']]), 'map[string]string'))],
    ['nilmap', def([], 'map[string]interface {}', () => null)],
    ['u8', def(['uint8'], 'uint8', ([v]) => v)],
    ['f32', def(['float32'], 'float32', ([v]) => v)],
    ['join2', def(['string'], 'string', ([a, ...b]) => (a as string) + (b as string[]).join(','), { variadic: 'string' })],
    ['any', def(['interface {}'], 'interface {}', ([v]) => v)],
  ]);
}

/** JSON data as encoding/json decodes it into interface{}: float64 numbers, maps, slices. */
function fromJSON(v: unknown): GoValue {
  if (v === null) return null;
  if (Array.isArray(v)) return v.map(fromJSON);
  if (typeof v === 'object') return new Map(Object.entries(v as object).map(([k, x]) => [k, fromJSON(x)]));
  return v as GoValue;
}

const ROWS: Row[] = [
  {"t": "{{ break }}", "parseErr": "template: x:1: {{break}} outside {{range}}"},
  {"t": "{{ range .a }}{{ end }}{{ continue }}", "d": {}, "parseErr": "template: x:1: {{continue}} outside {{range}}"},
  {"t": "{{ if true }}{{ $y := 4 }}{{ end }}{{ $y }}", "parseErr": "template: x:1: undefined variable \"$y\""},
  {"t": "{{ $x }}", "parseErr": "template: x:1: undefined variable \"$x\""},
  {"t": "{{ range $a, $b, $c := .l }}{{ end }}", "d": {"l": [1]}, "parseErr": "template: x:1: too many declarations in range"},
  {"t": "{{ with $a, $b := .l }}{{ end }}", "d": {"l": [1]}, "parseErr": "template: x:1: too many declarations in with"},
  {"t": "{{ 1 | 2 }}", "parseErr": "template: x:1: non executable command in pipeline stage 2"},
  {"t": "{{ 18446744073709551616 }}", "parseErr": "template: x:1: integer overflow: \"18446744073709551616\""},
  {"t": "{{ 1e400 }}", "parseErr": "template: x:1: illegal number syntax: \"1e400\""},
  {"t": "{{ 08 }}", "parseErr": "template: x:1: integer overflow: \"08\""},
  {"t": "{{ 1_ }}", "parseErr": "template: x:1: illegal number syntax: \"1_\""},
  {"t": "{{ 0x }}", "parseErr": "template: x:1: illegal number syntax: \"0x\""},
  {"t": "{{ 1a }}", "parseErr": "template: x:1: bad number syntax: \"1a\""},
  {"t": "{{ 'ab' }}", "parseErr": "template: x:1: malformed character constant: 'ab'"},
  {"t": "{{ '' }}", "parseErr": "template: x:1: invalid syntax"},
  {"t": "{{ \"\\q\" }}", "parseErr": "template: x:1: invalid syntax"},
  {"t": "{{ \"unterminated }}", "parseErr": "template: x:1: unterminated quoted string"},
  {"t": "{{ `unterminated }}", "parseErr": "template: x:1: unterminated raw quoted string"},
  {"t": "{{ 'a }}", "parseErr": "template: x:1: unterminated character constant"},
  {"t": "{{ .x", "parseErr": "template: x:1: unclosed action"},
  {"t": "{{ .x }", "parseErr": "template: x:1: unexpected \"}\" in operand"},
  {"t": "{{ .x }}{{ end }}", "parseErr": "template: x:1: unexpected {{end}}"},
  {"t": "{{ if .x }}", "parseErr": "template: x:1: unexpected EOF"},
  {"t": "{{ if }}{{ end }}", "parseErr": "template: x:1: missing value for if"},
  {"t": "{{ range }}{{ end }}", "parseErr": "template: x:1: missing value for range"},
  {"t": "{{ with }}{{ end }}", "parseErr": "template: x:1: missing value for with"},
  {"t": "{{ else }}", "parseErr": "template: x:1: unexpected {{else}}"},
  {"t": "{{ if 1 }}{{ else }}{{ else }}{{ end }}", "parseErr": "template: x:1: expected end; found {{else}}"},
  {"t": "{{ foo }}", "parseErr": "template: x:1: function \"foo\" not defined"},
  {"t": "{{ .x.foo }}{{ 3.x }}", "parseErr": "template: x:1: bad number syntax: \"3.x\""},
  {"t": "{{ \"a\".x }}", "parseErr": "template: x:1: unexpected . after term \"\\\"a\\\"\""},
  {"t": "{{ ( 1 }}", "parseErr": "template: x:1: unclosed left paren"},
  {"t": "{{ ) }}", "parseErr": "template: x:1: unexpected right paren"},
  {"t": "{{ | }}", "parseErr": "template: x:1: unexpected \"|\" in command"},
  {"t": "{{ @ }}", "parseErr": "template: x:1: unexpected \"@\" in command"},
  {"t": "{{ # }}", "parseErr": "template: x:1: unexpected \"#\" in command"},
  {"t": "{{ é }}", "parseErr": "template: x:1: function \"é\" not defined"},
  {"t": "{{ \u0001 }}", "parseErr": "template: x:1: unrecognized character in action: U+0001"},
  {"t": "{{ x:y }}", "parseErr": "template: x:1: function \"x\" not defined"},
  {"t": "{{ $x := 1 | 2 }}", "parseErr": "template: x:1: non executable command in pipeline stage 2"},
  {"t": "{{ 3 | 4 }}", "parseErr": "template: x:1: non executable command in pipeline stage 2"},
  {"t": "{{ define \"a\" }}x{{ end }}{{ define \"a\" }}y{{ end }}", "parseErr": "template: x:1: template: multiple definition of template \"a\""},
  {"t": "{{ define a }}{{ end }}", "parseErr": "template: x:1: unexpected \"a\" in define clause"},
  {"t": "{{ define \"a\" x }}{{ end }}", "parseErr": "template: x:1: unexpected \"x\" in define clause"},
  {"t": "{{ define \"a\" }}", "parseErr": "template: x:1: unexpected EOF"},
  {"t": "{{ template }}", "parseErr": "template: x:1: unexpected \"}}\" in template clause"},
  {"t": "{{ template x }}", "parseErr": "template: x:1: unexpected \"x\" in template clause"},
  {"t": "{{ block \"b\" }}{{ end }}", "parseErr": "template: x:1: missing value for block clause"},
  {"t": "{{/* unclosed }}", "parseErr": "template: x:1: unclosed comment"},
  {"t": "{{/* c */ x }}", "parseErr": "template: x:1: comment ends before closing delimiter"},
  {"t": "{{ if 1\n}}{{ end }}{{\n.x\n(\n}}", "parseErr": "template: x:5: unclosed left paren in action started at x:2"},
  {"t": "{{ .x (\n}}", "parseErr": "template: x:2: unclosed left paren in action started at x:1"},
  {"t": "{{\n\"a\n\"}}", "parseErr": "template: x:2: unterminated quoted string in action started at x:1"},
  {"t": "{{ 'a\n' }}", "parseErr": "template: x:1: unterminated character constant"},
  {"t": "line1\n{{ if .x }}\n  {{ foo }}\n{{ end }}", "parseErr": "template: x:3: function \"foo\" not defined"},
  {"t": "line1\n{{ if .x }}\n  {{ .y }\n{{ end }}", "parseErr": "template: x:3: unexpected \"}\" in operand"},
  {"t": "a\n{{ range .x }}\nb\n", "parseErr": "template: x:4: unexpected EOF"},
  {"t": "a\n{{ define \"q\" }}\nb\n{{ end }}\n{{ define \"q\" }}\nc\n{{ end }}", "parseErr": "template: x:7: template: multiple definition of template \"q\""},
  {"t": "{{/*a*/-}}", "parseErr": "template: x:1: comment ends before closing delimiter"},
  {"t": "{{ /*a*/ }}", "parseErr": "template: x:1: unexpected \"/\" in command"},
  {"t": "{{-/*a*/}}", "parseErr": "template: x:1: illegal number syntax: \"-\""},
  {"t": "{{1-}} x", "parseErr": "template: x:1: bad number syntax: \"1-\""},
  {"t": "{{ -}}", "parseErr": "template: x:1: missing value for command"},
  {"t": "{{- }}", "parseErr": "template: x:1: missing value for command"},
  {"t": "{{- -}}", "parseErr": "template: x:1: illegal number syntax: \"-\""},
  {"t": "{{ define \"t\" }}{{ $y }}{{ end }}{{ $y := 1 }}{{ template \"t\" }}", "parseErr": "template: x:1: undefined variable \"$y\""},
  {"t": "{{ range $i, $e := .l }}{{ $i }}{{ end }}{{ $i }}", "d": {"l": [1]}, "parseErr": "template: x:1: undefined variable \"$i\""},
  {"t": "{{ range .l }}{{ else }}{{ break }}{{ end }}", "d": {"l": []}, "parseErr": "template: x:1: {{break}} outside {{range}}"},
  {"t": "{{ if true }}{{ break }}{{ end }}", "parseErr": "template: x:1: {{break}} outside {{range}}"},
  {"t": "{{ range .l }}{{ define \"x\" }}{{ break }}{{ end }}{{ end }}", "d": {"l": []}, "parseErr": "template: x:1: unexpected <define> in command"},
  {"t": "{{ range .l }}{{ break 1 }}{{ end }}", "d": {"l": []}, "parseErr": "template: x:1: unexpected \"1\" in {{break}}"},
  {"t": "{{ if 1 }}a{{ else with 2 }}b{{ end }}", "parseErr": "template: x:1: unexpected <with> in input"},
  {"t": "{{ with 0 }}a{{ else if 2 }}b{{ end }}{{ end }}", "parseErr": "template: x:1: unexpected <if> in input"},
  {"t": "{{ if 1 }}{{ else if }}{{ end }}", "parseErr": "template: x:1: missing value for if"},
  {"t": "{{ template \"t\" | upper }}", "parseErr": "template: x:1: unexpected \"|\" in template clause"},
  {"t": "{{ 0x1.8 }}", "parseErr": "template: x:1: illegal number syntax: \"0x1.8\""},
  {"t": "{{ 1__0 }}", "parseErr": "template: x:1: illegal number syntax: \"1__0\""},
  {"t": "{{ 0b }}", "parseErr": "template: x:1: illegal number syntax: \"0b\""},
  {"t": "{{ 0o8 }}", "parseErr": "template: x:1: bad number syntax: \"0o8\""},
  {"t": "{{ 1+2 }}", "parseErr": "template: x:1: bad number syntax: \"1+2\""},
  {"t": "{{ '\\400' }}", "parseErr": "template: x:1: invalid syntax"},
  {"t": "{{ \"\\'\" }}", "parseErr": "template: x:1: invalid syntax"},
  {"t": "{{ .a-b }}", "parseErr": "template: x:1: bad character U+002D '-'"},
  {"t": "{{ $x-1 }}", "parseErr": "template: x:1: bad character U+002D '-'"},
  {"t": "{{ .x.1 }}", "parseErr": "template: x:1: unexpected \".1\" in operand"},
  {"t": "{{ $x.1 }}", "parseErr": "template: x:1: undefined variable \"$x\""},
  {"t": "{{ true.x }}", "parseErr": "template: x:1: unexpected . after term \"true\""},
  {"t": "{{ nil.x }}", "parseErr": "template: x:1: unexpected . after term \"nil\""},
  {"t": "{{ ..x }}", "parseErr": "template: x:1: unexpected . after term \".\""},
  {"t": "{{ .x. }}", "parseErr": "template: x:1: unexpected <.> in operand"},
  {"t": "{{ $.x. }}", "parseErr": "template: x:1: unexpected <.> in operand"},
  {"t": "{{ $x.y := 1 }}", "parseErr": "template: x:1: undefined variable \"$x\""},
  {"t": "{{ $x := }}", "parseErr": "template: x:1: missing value for command"},
  {"t": "{{ $x, $y := 1 }}", "parseErr": "template: x:1: too many declarations in command"},
  {"t": "{{ range $x, := .l }}{{ end }}", "d": {"l": []}, "parseErr": "template: x:1: range can only initialize variables"},
  {"t": "{{ range $x, }}{{ end }}", "parseErr": "template: x:1: missing value for range"},
  {"t": "{{ range $x := 1, 2 }}{{ end }}", "parseErr": "template: x:1: unexpected \",\" in operand"},
  {"t": "{{ range $x $y := .l }}{{ end }}", "parseErr": "template: x:1: undefined variable \"$x\""},
  {"t": "{{ if $x := 1 }}{{ $x }}{{ end }}{{ $x }}", "parseErr": "template: x:1: undefined variable \"$x\""},
  {"t": "{{ ( ) }}", "parseErr": "template: x:1: missing value for parenthesized pipeline"},
  {"t": "{{print(1)}}", "parseErr": "template: x:1: unexpected \"(\" in operand"},
  {"t": "{{ if .x }}{{ end }}{{ end }}", "parseErr": "template: x:1: unexpected {{end}}"},
  {"t": "{{ end }}", "parseErr": "template: x:1: unexpected {{end}}"},
  {"t": "{{ define \"a\" }}{{ else }}{{ end }}", "parseErr": "template: x:1: unexpected {{else}} in define clause"},
  {"t": "{{ define \"a\" }}{{ range .x }}{{ end }}", "parseErr": "template: x:1: unexpected EOF"},
  {"t": "{{ block \"a\" . }}{{ else }}{{ end }}", "parseErr": "template: x:1: unexpected {{else}} in block clause"},
  {"t": "{{ define \"x\" }}inner{{ end }}outer", "parseErr": "template: x:1: template: multiple definition of template \"x\""},
];

function run(r: Row): { out?: string; err?: string; parseErr?: string } {
  const t = new TemplateSet(oracleFuncs(), { missingKey: r.mk ?? 'default' });
  try {
    t.parse('x', r.t);
  } catch (e) {
    if (e instanceof TemplateError) return { parseErr: e.message };
    throw e;
  }
  try {
    return { out: t.execute('x', 'd' in r ? fromJSON(r.d) : null) };
  } catch (e) {
    if (e instanceof TemplateError) return { err: e.message };
    throw e;
  }
}

for (const r of ROWS) {
  test(`${JSON.stringify(r.t)}${'d' in r ? ' ' + JSON.stringify(r.d) : ''}${r.mk ? ' missingkey=' + r.mk : ''}`, () => {
    const got = run(r);
    if (r.parseErr !== undefined) assert.deepEqual(got, { parseErr: r.parseErr });
    else if (r.err !== undefined) assert.deepEqual(got, { err: r.err });
    else assert.deepEqual(got, { out: r.out });
  });
}
