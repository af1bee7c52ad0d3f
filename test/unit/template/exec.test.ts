/**
 * The TemplateSet API and the executor over the GoValue model: definitions and redefinitions,
 * clones, function maps, missingkey, structs/methods, named types, nested executions (include),
 * budget and depth limits. Expected strings follow Go 1.23's text/template (and Helm 3.17.2).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BudgetError, def, GoFuncError, GoNumber, GoStruct, registerNamedType, TemplateError, TemplateSet, withMapType,
  withSliceType,
} from '../../../src/template/index.ts';
import type { FuncContext, FuncDef, GoValue } from '../../../src/template/index.ts';

registerNamedType('chartutil.Values', 'map[string]interface {}');

function m(entries: Record<string, GoValue>, type?: string): Map<string, GoValue> {
  const map = new Map(Object.entries(entries));
  return type ? withMapType(map, type) : map;
}

function run(text: string, data: GoValue = null, opts: ConstructorParameters<typeof TemplateSet>[1] = {}, funcs: [string, FuncDef][] = []): string {
  const t = new TemplateSet(new Map(funcs), opts);
  t.parse('x', text);
  return t.execute('x', data);
}

function execErr(text: string, data: GoValue = null, opts: ConstructorParameters<typeof TemplateSet>[1] = {}, funcs: [string, FuncDef][] = []): string {
  try {
    run(text, data, opts, funcs);
  } catch (e) {
    assert.ok(e instanceof TemplateError, String(e));
    return e.message;
  }
  assert.fail('expected an error');
}

test('TemplateSet: parse adds the template and its definitions', () => {
  const t = new TemplateSet(new Map());
  t.parse('file', 'top{{ define "a" }}A{{ . }}{{ end }}{{ template "a" 1 }}');
  assert.deepEqual(t.names().sort(), ['a', 'file']);
  assert.ok(t.has('a') && t.has('file') && !t.has('b'));
  assert.equal(t.execute('file', null), 'topA1');
  assert.equal(t.execute('a', 'x'), 'Ax');
});

test('TemplateSet: later parses replace definitions; empty bodies do not', () => {
  const t = new TemplateSet(new Map());
  t.parse('f1', '{{ define "a" }}one{{ end }}');
  t.parse('f2', '{{ define "a" }}two{{ end }}');
  assert.equal(t.execute('a', null), 'two');
  t.parse('f3', '{{ define "a" }} {{/* empty */}} {{ end }}');
  assert.equal(t.execute('a', null), 'two');
  // A file holding only definitions keeps an earlier template of the same name.
  t.parse('a', '{{ define "b" }}b{{ end }}');
  assert.equal(t.execute('a', null), 'two');
});

test('TemplateSet: multiple definitions in one text are an error', () => {
  const t = new TemplateSet(new Map());
  assert.throws(() => t.parse('x', '{{ define "a" }}1{{ end }}\n{{ define "a" }}2{{ end }}'), {
    message: 'template: x:2: template: multiple definition of template "a"',
  });
  assert.equal(t.has('a'), false, 'nothing is added on error');
});

test('TemplateSet: unknown template', () => {
  const t = new TemplateSet(new Map());
  assert.throws(() => t.execute('nope', null), (e: unknown) =>
    e instanceof TemplateError && e.kind === 'lookup' && e.message === 'template: no template "nope" associated with template "gotpl"');
  const named = new TemplateSet(new Map(), { name: 'root' });
  assert.throws(() => named.execute('nope', null), { message: 'template: no template "nope" associated with template "root"' });
});

test('TemplateSet: parse errors are TemplateErrors of kind parse', () => {
  const t = new TemplateSet(new Map());
  assert.throws(() => t.parse('conf/templates/x.yaml', 'a\n\n{{ foo }}'), (e: unknown) =>
    e instanceof TemplateError && e.kind === 'parse' && e.message === 'template: conf/templates/x.yaml:3: function "foo" not defined');
});

test('TemplateSet: clone is independent', () => {
  const t = new TemplateSet(new Map([['f', def([], 'string', () => 'orig')]]));
  t.parse('x', '{{ define "a" }}A{{ end }}{{ f }}');
  const c = t.clone();
  c.parse('y', '{{ define "a" }}B{{ end }}{{ template "a" }}');
  c.funcs(new Map([['f', def([], 'string', () => 'clone')]]));
  assert.equal(c.execute('y', null), 'B');
  assert.equal(c.execute('x', null), 'clone');
  assert.equal(t.execute('a', null), 'A');
  assert.equal(t.execute('x', null), 'orig');
  assert.equal(t.has('y'), false);
});

test('TemplateSet: functions are looked up at execution time; user functions shadow builtins', () => {
  const t = new TemplateSet(new Map([['f', def([], 'string', () => 'v1')]]));
  t.parse('x', '{{ f }} {{ len "abc" }}');
  t.funcs(new Map([['f', def([], 'string', () => 'v2')], ['len', def(['interface {}'], 'string', () => 'mine')]]));
  assert.equal(t.execute('x', null), 'v2 mine');
  assert.throws(() => t.funcs(new Map([['not-valid', def([], 'string', () => '')]])), /is not a valid identifier/);
});

test('missingkey: default, zero and error on untyped, named and typed maps', () => {
  const data = m({ v: m({ a: 1 }, 'chartutil.Values'), s: m({ a: 'x' }, 'map[string]string'), n: m({ a: 1n }, 'map[string]int') });
  assert.equal(run('{{ .v.b }}|{{ .s.b }}|{{ .nope }}', data), '<no value>|<no value>|<no value>');
  assert.equal(run('{{ .v.b }}|{{ .s.b }}|{{ .n.b }}|{{ .nope }}', data, { missingKey: 'zero' }), '<no value>||0|<no value>');
  assert.equal(execErr('{{ .v.b }}', data, { missingKey: 'error' }), 'template: x:1:5: executing "x" at <.v.b>: map has no entry for key "b"');
  assert.equal(execErr('{{ .a.b }}', m({}), { missingKey: 'error' }), 'template: x:1:5: executing "x" at <.a.b>: map has no entry for key "a"');
  // A missing key is a nil interface under zero: functions see it as nil, not as "no value".
  const upper: [string, FuncDef] = ['upper', def(['string'], 'string', ([s]) => (s as string).toUpperCase())];
  assert.equal(execErr('{{ upper .v.b }}', data, { missingKey: 'zero' }, [upper]),
    'template: x:1:11: executing "x" at <.v.b>: wrong type for value; expected string; got interface {}');
  assert.equal(execErr('{{ upper .v.b }}', data, {}, [upper]),
    'template: x:1:11: executing "x" at <.v.b>: invalid value; expected string');
});

const metadata = new GoStruct({
  typeName: 'chart.Metadata',
  pointer: true,
  fields: new Map<string, GoValue>([['Name', 'conf'], ['Version', '0.1.0'], ['Keywords', withSliceType(['a', 'b'], '[]string')]]),
  methods: {
    Validate: def([], 'error', () => null),
    Greet: def(['string'], 'string', ([who]) => `hi ${who as string}`),
    Fail: def([], 'string', () => { throw new GoFuncError('broken'); }, { returnsError: true }),
  },
  json: () => null,
});

test('structs: fields, methods and their errors', () => {
  const top = m({ Chart: metadata }, 'chartutil.Values');
  assert.equal(run('{{ .Chart.Name }}-{{ .Chart.Version }}', top), 'conf-0.1.0');
  assert.equal(run('{{ .Chart.Greet "bob" }}|{{ "x" | .Chart.Greet }}', top), 'hi bob|hi x');
  assert.equal(run('{{ range .Chart.Keywords }}{{ . }}{{ end }}', top), 'ab');
  assert.equal(execErr('{{ .Chart.Nope }}', top), 'template: x:1:9: executing "x" at <.Chart.Nope>: can\'t evaluate field Nope in type interface {}');
  assert.equal(execErr('{{ .Nope }}', metadata), 'template: x:1:3: executing "x" at <.Nope>: can\'t evaluate field Nope in type *chart.Metadata');
  assert.equal(execErr('{{ .Chart.Name 1 }}', top), 'template: x:1:9: executing "x" at <.Chart.Name>: Name has arguments but cannot be invoked as function');
  assert.equal(execErr('{{ .Chart.Greet }}', top), 'template: x:1:9: executing "x" at <.Chart.Greet>: wrong number of args for Greet: want 1 got 0');
  assert.equal(execErr('{{ .Chart.Greet 1 }}', top), 'template: x:1:16: executing "x" at <1>: expected string; found 1');
  assert.equal(execErr('{{ .Chart.Fail }}', top), 'template: x:1:9: executing "x" at <.Chart.Fail>: error calling Fail: broken');
  assert.equal(execErr('{{ .Chart.Name.x }}', top), 'template: x:1:9: executing "x" at <.Chart.Name.x>: can\'t evaluate field x in type string');
});

test('methods of named maps', () => {
  const files = withMapType(new Map<string, GoValue>([['a.txt', new Uint8Array([104, 105])]]), 'engine.files', {
    Get: def(['string'], 'string', ([n]) => (n === 'a.txt' ? 'hi' : '')),
  });
  registerNamedType('engine.files', 'map[string][]uint8');
  const top = m({ Files: files }, 'chartutil.Values');
  // A missing key of a map[string][]byte is a nil []byte under missingkey=zero: it prints as [].
  assert.equal(run('{{ .Files.Get "a.txt" }}|{{ .Files.missing }}', top, { missingKey: 'zero' }), 'hi|[]');
  assert.equal(execErr('{{ .Files.Get }}', top), 'template: x:1:9: executing "x" at <.Files.Get>: wrong number of args for Get: want 1 got 0');
  // JavaScript's Object.prototype is not a source of methods.
  assert.equal(run('{{ .Files.toString }}|{{ .Files.constructor }}', m({ Files: m({}) })), '<no value>|<no value>');
});

test('named types are assignable to their underlying types and back', () => {
  const keys: [string, FuncDef] = ['keys', def(['map[string]interface {}'], 'int', ([mm]) => BigInt((mm as Map<string, GoValue>).size))];
  const needValues: [string, FuncDef] = ['need', def(['chartutil.Values'], 'string', () => 'ok')];
  const top = m({ Values: m({ a: 1, b: 2 }, 'chartutil.Values'), plain: m({}) }, 'chartutil.Values');
  assert.equal(run('{{ keys .Values }} {{ keys . }} {{ need .plain }}', top, {}, [keys, needValues]), '2 2 ok');
  assert.equal(execErr('{{ keys .l }}', m({ l: [1] }), {}, [keys]),
    'template: x:1:8: executing "x" at <.l>: wrong type for value; expected map[string]interface {}; got []interface {}');
  const strs: [string, FuncDef] = ['strs', def(['[]string'], 'int', ([l]) => BigInt((l as GoValue[]).length))];
  assert.equal(execErr('{{ strs .l }}', m({ l: ['a'] }), {}, [strs]),
    'template: x:1:8: executing "x" at <.l>: wrong type for value; expected []string; got []interface {}');
  assert.equal(run('{{ strs nil }}', null, {}, [strs]), '0');
});

test('argument conversion of constants to sized types', () => {
  const show: [string, FuncDef][] = [
    ['i64', def(['int64'], 'string', ([v]) => `${(v as GoNumber).kind}:${(v as GoNumber).value}`)],
    ['i8', def(['int8'], 'string', ([v]) => `${(v as GoNumber).kind}:${(v as GoNumber).value}`)],
    ['u16', def(['uint16'], 'string', ([v]) => `${(v as GoNumber).kind}:${(v as GoNumber).value}`)],
    ['f32', def(['float32'], 'string', ([v]) => `${(v as GoNumber).kind}:${(v as GoNumber).value}`)],
    ['f64', def(['float64'], 'string', ([v]) => `${typeof v}:${String(v)}`)],
    ['int', def(['int'], 'string', ([v]) => `${typeof v}:${String(v)}`)],
    ['b', def(['bool'], 'string', ([v]) => String(v))],
    ['vi', def(['string'], 'string', ([a, ...r]) => `${a as string}:${r.map(String).join(',')}`, { variadic: 'int' })],
  ];
  assert.equal(run("{{ i64 5 }} {{ i8 300 }} {{ u16 'a' }} {{ f32 1.1 }} {{ f64 2 }} {{ int 0x10 }} {{ b true }} {{ vi \"s\" 1 2 }}", null, {}, show),
    'int64:5 int8:44 uint16:97 float32:1.100000023841858 number:2 bigint:16 true s:1,2');
  assert.equal(execErr('{{ i64 1.5 }}', null, {}, show), 'template: x:1:7: executing "x" at <1.5>: expected integer; found 1.5');
  assert.equal(execErr('{{ u16 -1 }}', null, {}, show), 'template: x:1:7: executing "x" at <-1>: expected unsigned integer; found -1');
  assert.equal(execErr('{{ b 1 }}', null, {}, show), 'template: x:1:5: executing "x" at <1>: expected bool; found 1');
  assert.equal(execErr('{{ i64 nil }}', null, {}, show), 'template: x:1:7: executing "x" at <nil>: cannot assign nil to int64');
  assert.equal(execErr('{{ i64 .x }}', m({ x: 1 }), {}, show), 'template: x:1:7: executing "x" at <.x>: wrong type for value; expected int64; got float64');
  assert.equal(execErr('{{ vi }}', null, {}, show), 'template: x:1:3: executing "x" at <vi>: wrong number of args for vi: want at least 1 got 0');
});

test('function errors and panics are wrapped as Go does', () => {
  const fns: [string, FuncDef][] = [
    ['fail', def(['string'], 'string', ([s]) => { throw new GoFuncError(s as string); }, { returnsError: true })],
    ['boom', def([], 'string', () => { throw new TypeError('runtime error: integer divide by zero'); })],
    ['str', def([], 'string', () => { throw 'plain panic value'; })],
  ];
  assert.equal(execErr('{{ fail "bad" }}', null, {}, fns), 'template: x:1:3: executing "x" at <fail "bad">: error calling fail: bad');
  assert.equal(execErr('{{ 1 | boom }}', null, {}, fns), 'template: x:1:7: executing "x" at <boom>: wrong number of args for boom: want 0 got 1');
  assert.equal(execErr('{{ boom }}', null, {}, fns), 'template: x:1:3: executing "x" at <boom>: error calling boom: runtime error: integer divide by zero');
  assert.equal(execErr('{{ str }}', null, {}, fns), 'template: x:1:3: executing "x" at <str>: error calling str: plain panic value');
  try {
    run('{{ fail "bad" }}', null, {}, fns);
  } catch (e) {
    assert.ok(e instanceof TemplateError && e.kind === 'exec' && e.templateName === 'x' && e.cause instanceof GoFuncError);
  }
});

function withInclude(t: TemplateSet, limit = Infinity): void {
  const counts = new Map<string, number>();
  t.funcs(new Map([['include', def(['string', 'interface {}'], 'string', ([name, data]) => {
    const n = name as string;
    const c = counts.get(n) ?? 0;
    if (c > limit) throw new GoFuncError(`rendering template has a nested reference name: ${n}: unable to execute template`);
    counts.set(n, c + 1);
    try {
      return t.execute(n, data);
    } finally {
      counts.set(n, c);
    }
  }, { returnsError: true })]]));
}

test('nested executions: errors are wrapped by the calling function', () => {
  const t = new TemplateSet(new Map());
  withInclude(t);
  t.parse('conf/templates/_vec.tpl', '{{ define "vec" }}{{ .Values.nil.x }}{{ end }}');
  t.parse('conf/templates/out.yaml', 'out: {{ include "vec" . }}');
  const data = m({ Values: m({ nil: null }, 'chartutil.Values') }, 'chartutil.Values');
  assert.throws(() => t.execute('conf/templates/out.yaml', data), {
    message: 'template: conf/templates/out.yaml:1:8: executing "conf/templates/out.yaml" at <include "vec" .>: error calling include: ' +
      'template: conf/templates/_vec.tpl:1:28: executing "vec" at <.Values.nil.x>: nil pointer evaluating interface {}.x',
  });
});

test('nested executions: Helm-style include recursion reaches its limit of 1000 without a stack overflow', () => {
  const t = new TemplateSet(new Map());
  withInclude(t, 1000);
  t.parse('x', '{{ define "vec" }}{{ include "vec" . }}{{ end }}');
  let msg = '';
  try {
    t.execute('vec', null);
  } catch (e) {
    assert.ok(e instanceof TemplateError, String(e));
    msg = e.message;
  }
  assert.ok(msg.endsWith('error calling include: rendering template has a nested reference name: vec: unable to execute template'), msg.slice(-300));
  assert.equal(msg.split('error calling include').length - 1, 1002);
});

test('template recursion ends with Go\'s depth error, not a RangeError', () => {
  const e = execErr('{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" }}');
  assert.equal(e, 'template: x:1:28: executing "r" at <{{template "r" .}}>: exceeded maximum template depth (100000)');
});

test('execution budget', () => {
  const t = new TemplateSet(new Map(), { maxSteps: 50 });
  t.parse('x', '{{ range .l }}{{ . }}{{ end }}');
  assert.equal(t.execute('x', m({ l: [1, 2, 3] })), '123');
  assert.throws(() => t.execute('x', m({ l: Array.from({ length: 100 }, (_, i) => BigInt(i)) })), (e: unknown) =>
    e instanceof BudgetError && e.kind === 'budget' && e.message === 'template: x: execution budget exceeded (maxSteps=50)');
  // The budget is shared with nested executions and never wrapped by `error calling`.
  withInclude(t);
  t.parse('y', '{{ range .l }}{{ include "x" $ }}{{ end }}');
  assert.throws(() => t.execute('y', m({ l: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] })), (e: unknown) => e instanceof BudgetError);
  // After an error the next execution starts with a fresh budget.
  assert.equal(t.execute('x', m({ l: [1] })), '1');
});

test('FuncContext: template name, budget and host', () => {
  const seen: string[] = [];
  const t = new TemplateSet(new Map([['probe', def([], 'string', (_a, ctx: FuncContext) => {
    seen.push(`${ctx.templateName}:${String(ctx.host)}`);
    ctx.charge(1);
    return '';
  })]]), { host: 'H' });
  t.parse('f', '{{ define "d" }}{{ probe }}{{ end }}{{ probe }}{{ template "d" }}');
  t.execute('f', null);
  assert.deepEqual(seen, ['f:H', 'd:H']);
});

test('data: nil is "no value"; results print as fmt does', () => {
  assert.equal(run('{{ . }}|{{ .x }}'), '<no value>|<no value>');
  assert.equal(run('{{ . }}', m({ b: [1, 'x', null], a: true })), 'map[a:true b:[1 x <nil>]]');
  assert.equal(run('{{ .a }} {{ .b }} {{ .c }}', m({ a: 1e21, b: 1e20, c: 0.1 })), '1e+21 1e+20 0.1');
  const nilMap: [string, FuncDef] = ['nilmap', def([], 'map[string]interface {}', () => null)];
  assert.equal(run('{{ nilmap }} {{ len nilmap }}', null, {}, [nilMap]), 'map[] 0');
});

test('range: over named maps in key order, with static interface element types', () => {
  const data = m({ m: m({ b: 1, a: null, 'é': 'x', Z: true }, 'chartutil.Values') });
  assert.equal(run('{{ range $k, $v := .m }}{{ $k }}={{ $v }};{{ end }}', data), 'Z=true;a=<no value>;b=1;é=x;');
  assert.equal(execErr('{{ range .m }}{{ .x }}{{ end }}', data),
    'template: x:1:17: executing "x" at <.x>: can\'t evaluate field x in type interface {}');
  assert.equal(execErr('{{ range .m }}{{ if not . }}{{ .x }}{{ end }}{{ end }}', data),
    'template: x:1:31: executing "x" at <.x>: nil pointer evaluating interface {}.x');
  assert.equal(execErr('{{ range . }}{{ end }}', metadata), 'template: x:1:9: executing "x" at <.>: range can\'t iterate over {conf 0.1.0 [a b]}');
});

test('printing: Stringers are called, through a pointer as Go addresses the value', () => {
  const kube = new GoStruct({
    typeName: 'chartutil.KubeVersion',
    fields: new Map<string, GoValue>([['Version', 'v1.31.0'], ['Major', '1'], ['Minor', '31']]),
    methods: { String: def([], 'string', () => 'v1.31.0') },
    json: () => null,
  });
  const caps = new GoStruct({ typeName: 'chartutil.Capabilities', pointer: true, fields: new Map<string, GoValue>([['KubeVersion', kube]]), json: () => null });
  const plain = new GoStruct({ typeName: 'x.P', pointer: true, fields: new Map<string, GoValue>([['A', 'a'], ['B', 1n]]), json: () => null });
  const top = m({ Capabilities: caps, P: plain }, 'chartutil.Values');
  assert.equal(run('{{ .Capabilities.KubeVersion }}|{{ .P }}|{{ html .Capabilities.KubeVersion }}', top), 'v1.31.0|{a 1}|v1.31.0');
});

test('TemplateSet: clone keeps options', () => {
  const t = new TemplateSet(new Map(), { missingKey: 'error', name: 'root', host: 'H' });
  const c = t.clone();
  c.parse('x', '{{ .a }}');
  assert.throws(() => c.execute('x', m({})), { message: 'template: x:1:3: executing "x" at <.a>: map has no entry for key "a"' });
  assert.throws(() => c.execute('y', null), { message: 'template: no template "y" associated with template "root"' });
  assert.equal(c.host, 'H');
});
