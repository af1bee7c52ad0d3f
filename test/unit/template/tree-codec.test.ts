/**
 * Parse trees through their JSON encoding (src/template/tree-codec.ts) come back equal to what `parse`
 * built: same node classes and fields, each node belonging to its tree, same canonical text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type Tree } from '../../../src/template/parse.ts';
import { decodeTrees, encodeTrees } from '../../../src/template/tree-codec.ts';
import { defaultCorpusRoot } from '../../support/corpus.ts';

/** every own field of every node, with the node's tree replaced by its name */
function dump(v: unknown, tree: Tree): unknown {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number' && Object.is(v, -0)) return '-0';
  if (Array.isArray(v)) return v.map((x) => dump(x, tree));
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = { class: v.constructor.name };
  for (const [k, x] of Object.entries(v)) {
    if (k === 'tr') {
      assert.equal(x, tree, 'a node belongs to its tree');
      continue;
    }
    out[k] = dump(x, tree);
  }
  return out;
}

function roundTrip(name: string, text: string): void {
  let trees: Map<string, Tree>;
  try {
    trees = parse(name, text, () => true);
  } catch {
    return; // not a template that parses: nothing to keep
  }
  const encoded = encodeTrees(trees, text);
  assert.ok(encoded, `${name} encodes`);
  const back = decodeTrees(JSON.parse(JSON.stringify(encoded)), text);
  assert.deepEqual([...back.keys()], [...trees.keys()], name);
  for (const [k, t] of trees) {
    const b = back.get(k)!;
    assert.equal(b.name, t.name);
    assert.equal(b.parseName, t.parseName);
    assert.equal(b.mode, t.mode);
    assert.equal(b.text, text);
    assert.equal(String(b.root), String(t.root), `${name}/${k} prints the same`);
    assert.deepEqual(dump(b.root, b), dump(t.root, t), `${name}/${k}`);
  }
}

test('tree codec: every kind of node survives the round trip', () => {
  const samples = [
    'plain text only',
    '{{/* a comment */}}{{- /* trimmed */ -}} x',
    '{{define "a"}}A {{.}}{{end}}{{block "b" .x}}B{{end}}{{template "a" .}}{{template "b"}}',
    '{{if .a}}1{{else if .b}}2{{else}}3{{end}}{{with $x := .c}}{{$x}}{{else with .d}}d{{end}}',
    '{{range $i, $e := .list}}{{if eq $i 2}}{{break}}{{end}}{{continue}}{{else}}none{{end}}',
    '{{$v := 1}}{{$v = 2}}{{$v.a.b}} {{(.x).y.z}} {{.a.b | printf "%s-%d" 3}} {{nil | default "x"}}',
    '{{1}} {{-2}} {{0x1F}} {{1e3}} {{1.5}} {{\'a\'}} {{\'\\n\'}} {{1+2i}} {{2i}} {{-0}} {{0o17}} {{0b101}} {{1_000}} {{9223372036854775807}} {{18446744073709551615}}',
    '{{"quoted \\"x\\" \\u00e9"}} {{`raw`}} {{true}} {{false}} {{print (len .x) (index .m "k")}}',
    '  {{- .x -}}  \n\t{{- "y" }} text with émoji 😀 {{ .z }}',
  ];
  for (const [i, s] of samples.entries()) roundTrip(`sample${i}`, s);
});

test('tree codec: every template of the shared corpus survives the round trip', { skip: !existsSync(defaultCorpusRoot) && 'no ../shared/charts' }, () => {
  let n = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ya?ml|tpl|txt)$/.test(e) && p.includes(`${join('/', 'templates', '/')}`.slice(0, -1))) {
        roundTrip(p.slice(defaultCorpusRoot.length + 1), readFileSync(p, 'utf8'));
        n++;
      }
    }
  };
  walk(defaultCorpusRoot);
  assert.ok(n > 500, `${n} templates`);
});

test('tree codec: foreign data is refused', () => {
  assert.throws(() => decodeTrees([['t', 't', 't', 0, [99, 0]]], 'x'), /expected a list/);
  // a root is decoded when first read
  const lazy = decodeTrees([['t', 't', 't', 0, [11, 0, [[99, 0]]]]], 'x').get('t')!;
  assert.throws(() => lazy.root, /unknown node type/);
  assert.throws(() => decodeTrees({}, 'x'), /expected an array/);
});
