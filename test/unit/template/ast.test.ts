/**
 * Parse-tree nodes: canonical source (Go's Node.String()), round trips, positions and Go's
 * ErrorContext (NAME:LINE:COL with COL a 0-based byte offset).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NodeType } from '../../../src/template/ast.ts';
import type { ActionNode, ListNode, Node } from '../../../src/template/ast.ts';
import { errorContext } from '../../../src/template/exec-state.ts';
import { parse } from '../../../src/template/parse.ts';

const anyFunc = (): boolean => true;

function root(text: string, name = 't'): ListNode {
  return parse(name, text, anyFunc).get(name)!.root!;
}

// Canonical forms: [input, String()]
const canonical: [string, string][] = [
  ['{{ .a.b.c }}', '{{.a.b.c}}'],
  ['{{ $x := .a | f 1 "s" }}', '{{$x := .a | f 1 "s"}}'],
  ['{{ range $i , $v := .l }}{{ $i }}{{ end }}', '{{range $i, $v := .l}}{{$i}}{{end}}'],
  ['{{ ( f ( g .x ) ).y.z }}', '{{(f (g .x)).y.z}}'],
  ['{{ f.a }}', '{{f.a}}'],
  ['{{ $.x.y }}', '{{$.x.y}}'],
  ['{{ template "n" ( f 1 ) }}', '{{template "n" (f 1)}}'],
  ['{{ template `r\\aw` }}', '{{template "r\\\\aw"}}'],
  ['{{ block "b" . }}x{{ end }}', '{{template "b" .}}'],
  ['{{- if .a -}} x {{- else if .b -}} y {{- else -}} z {{- end -}}', '{{if .a}}x{{else}}{{if .b}}y{{else}}z{{end}}{{end}}'],
  ['{{ with $v := .a }}{{ $v }}{{ else with .b }}b{{ end }}', '{{with $v := .a}}{{$v}}{{else}}{{with .b}}b{{end}}{{end}}'],
  ['{{ range .l }}{{ break }}{{ continue }}{{ end }}', '{{range .l}}{{break}}{{continue}}{{end}}'],
  ["{{ f 'a' '\\n' 0x1F -1.5e3 1i nil true false `raw` }}", "{{f 'a' '\\n' 0x1F -1.5e3 1i nil true false `raw`}}"],
  ['{{ f "a\\tb" }}', '{{f "a\\tb"}}'],
  ['{{ . }}{{ $ }}', '{{.}}{{$}}'],
  ['text\n{{/* c */}}more', 'text\nmore'],
  ['{{ $x := 1 }}{{ $x = 2 }}', '{{$x := 1}}{{$x = 2}}'],
  ['{{ f | g | h 1 }}', '{{f | g | h 1}}'],
];

for (const [input, want] of canonical) {
  test(`String(): ${JSON.stringify(input)}`, () => {
    const s = root(input).toString();
    assert.equal(s, want);
    // The canonical form parses back to itself.
    assert.equal(root(s).toString(), want);
  });
}

function loc(n: Node): string {
  return errorContext(n).join(' | ');
}

test('ErrorContext: first line column is a byte offset', () => {
  const vec = parse('conf/templates/_vec.tpl', '{{ define "vec" }}{{ eq .Values.x 1 }}{{ end }}', anyFunc).get('vec')!;
  const action = vec.root!.nodes[0] as ActionNode;
  const cmd = action.pipe.cmds[0]!;
  assert.equal(loc(cmd), 'conf/templates/_vec.tpl:1:21 | eq .Values.x 1');
  // A field chain's position is that of its second element.
  assert.equal(loc(cmd.args[1]!), 'conf/templates/_vec.tpl:1:31 | .Values.x');
  assert.equal(loc(action), 'conf/templates/_vec.tpl:1:21 | {{eq .Values.x 1}}');
});

test('ErrorContext: later lines and multibyte characters', () => {
  const r = root('héllo\nwörld {{ .a.b }}\n  ✓{{ f 1 }}', 'n');
  const a1 = r.nodes[1] as ActionNode;
  const a2 = r.nodes[3] as ActionNode;
  // "wörld " is 7 bytes, "{{ .a" 5 more.
  assert.equal(loc(a1.pipe.cmds[0]!.args[0]!), 'n:2:12 | .a.b');
  // "  ✓" is 5 bytes; "{{ " is 3 more.
  assert.equal(loc(a2.pipe.cmds[0]!.args[1]!), 'n:3:10 | 1');
});

test('ErrorContext: nodes of a define report the file they were parsed from', () => {
  const trees = parse('file.tpl', 'a\n{{ define "d" }}\n  {{ .x }}{{ end }}', anyFunc);
  const d = trees.get('d')!;
  assert.equal(d.name, 'd');
  assert.equal(d.parseName, 'file.tpl');
  const action = d.root!.nodes[1] as ActionNode;
  assert.equal(loc(action.pipe.cmds[0]!), 'file.tpl:3:5 | .x');
});

test('positions: every node has one', () => {
  const r = root('ab{{ if .x }}{{ range $i := .l }}{{ f $i (g .) }}{{ end }}{{ end }}');
  const seen: string[] = [];
  const walk = (n: Node): void => {
    seen.push(`${n.type}@${n.pos}`);
    switch (n.type) {
      case NodeType.List: n.nodes.forEach(walk); break;
      case NodeType.Action: walk(n.pipe); break;
      case NodeType.Pipe: n.decl.forEach(walk); n.cmds.forEach(walk); break;
      case NodeType.Command: n.args.forEach(walk); break;
      case NodeType.If: case NodeType.Range: case NodeType.With:
        walk(n.pipe); walk(n.list); if (n.elseList) walk(n.elseList); break;
    }
  };
  walk(r);
  assert.deepEqual(seen, [
    '11@0', '0@0', '10@8', '14@8', '4@8', '8@8', '11@13', '15@22', '14@22', '18@22', '4@28', '8@28', '11@33',
    '1@36', '14@36', '4@36', '9@36', '18@38', '14@42', '4@42', '9@42', '5@44',
  ]);
});
