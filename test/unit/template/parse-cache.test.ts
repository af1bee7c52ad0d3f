/**
 * The parse cache behind TemplateSet.parse: the same (name, text) parsed by another set reuses the
 * trees, but only when the set's functions answer the parser's questions the same way; failed
 * parses are not cached; shared trees execute the same in every set.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { clearParseCache, parseCacheStats, parseCached } from '../../../src/template/parse-cache.ts';
import { TemplateSet, TemplateError } from '../../../src/template/template-set.ts';
import { def, type FuncDef } from '../../../src/template/value.ts';

const upper: FuncDef = def(['string'], 'string', (a) => String(a[0]).toUpperCase());
const lower: FuncDef = def(['string'], 'string', (a) => String(a[0]).toLowerCase());

function parseError(f: () => void): string {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof TemplateError);
    return e.message;
  }
  assert.fail('expected a parse error');
}

test('parse cache: a second parse of the same name and text reuses the trees', () => {
  clearParseCache();
  const text = '{{define "a"}}A{{.}}{{end}}x{{template "a" .}}';
  const first = parseCached('t', text, () => false);
  const second = parseCached('t', text, () => false);
  assert.deepEqual([...first.keys()], ['a', 't']);
  assert.deepEqual([...second.keys()], ['a', 't']);
  assert.notEqual(first, second, 'each caller gets its own map');
  assert.equal(first.get('t'), second.get('t'));
  assert.equal(first.get('a'), second.get('a'));
  assert.deepEqual(parseCacheStats().entries, 1);
  // another name is another entry (the name is part of every error and of the tree)
  const other = parseCached('u', text, () => false);
  assert.notEqual(other.get('u'), first.get('t'));
  assert.equal(parseCacheStats().entries, 2);
});

test('parse cache: an entry is reused only when the functions the parser checked are the same', () => {
  clearParseCache();
  const withUpper = new TemplateSet(new Map([['upper', upper]]));
  withUpper.parse('t', '{{"x" | upper}}');
  assert.equal(withUpper.execute('t', null), 'X');
  const without = new TemplateSet(new Map());
  assert.equal(parseError(() => without.parse('t', '{{"x" | upper}}')), 'template: t:1: function "upper" not defined');
  // a set that defines the same name with another function still parses, and runs its own function
  const other = new TemplateSet(new Map([['upper', lower]]));
  other.parse('t', '{{"X" | upper}}');
  assert.equal(other.execute('t', null), 'x');
  // the checked names are what matters: an extra unrelated function does not prevent reuse
  const before = parseCacheStats().entries;
  const more = new TemplateSet(new Map([['upper', upper], ['lower', lower]]));
  more.parse('t', '{{"x" | upper}}');
  assert.equal(more.execute('t', null), 'X');
  assert.equal(parseCacheStats().entries, before);
});

test('parse cache: failed parses are not cached and fail again with the same message', () => {
  clearParseCache();
  const t = new TemplateSet(new Map());
  const msg = parseError(() => t.parse('bad', '{{if}}'));
  assert.equal(parseCacheStats().entries, 0);
  assert.equal(parseError(() => new TemplateSet(new Map()).parse('bad', '{{if}}')), msg);
});

test('parse cache: shared trees execute independently in each set (variables, definitions, errors)', () => {
  clearParseCache();
  const text = '{{define "p"}}[{{.}}]{{end}}{{range $i, $v := .}}{{$i}}={{template "p" $v}};{{end}}';
  const a = new TemplateSet(new Map());
  const b = new TemplateSet(new Map());
  a.parse('t', text);
  b.parse('t', text);
  b.parse('override', '{{define "p"}}<{{.}}>{{end}}');
  assert.equal(a.execute('t', ['x', 'y']), '0=[x];1=[y];');
  assert.equal(b.execute('t', ['x', 'y']), '0=<x>;1=<y>;');
  assert.equal(a.execute('t', ['z']), '0=[z];');
  // an empty redefinition does not replace an existing one, also when its tree comes from the cache
  a.parse('empty', '{{define "p"}} {{/* c */}} {{end}}');
  a.parse('empty', '{{define "p"}} {{/* c */}} {{end}}');
  assert.equal(a.execute('t', ['q']), '0=[q];');
  // exec errors name the template and position from the shared tree
  const e = new TemplateSet(new Map(), { missingKey: 'error' });
  e.parse('m', 'ab\n{{.x.y}}');
  const f = new TemplateSet(new Map(), { missingKey: 'error' });
  f.parse('m', 'ab\n{{.x.y}}');
  const errs = [e, f].map((s) => {
    try {
      s.execute('m', new Map());
      return '';
    } catch (err) {
      return (err as Error).message;
    }
  });
  assert.equal(errs[0], errs[1]);
  assert.match(errs[0]!, /^template: m:2:4: executing "m" at <\.x\.y>: map has no entry for key "x"$/);
});
