import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCase, extractOut, oneLineDiff } from '../../../src/render/conformance-case.ts';
import type { ConformanceCase } from '../../../src/render/conformance-case.ts';

const casesFile = fileURLToPath(new URL('../../../../shared/conformance/cases.jsonl', import.meta.url));

test('runCase: snippet value, manifest mode, expected error', () => {
  const snippet: ConformanceCase = { id: 'x.snippet.001', area: 'helm', snippet: '{{ .Release.Name }}-{{ .Values.a }}', valuesYaml: 'a: 1\n', expect: 'rel-1' };
  assert.equal(runCase(snippet).pass, true);
  const manifest: ConformanceCase = {
    id: 'x.manifest.001', area: 'helm', snippet: '', mode: 'manifest',
    expect: '---\n# Source: conf/templates/out.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: out\ndata:\n  out: ""\n',
  };
  assert.equal(runCase(manifest).pass, true);
  const err: ConformanceCase = {
    id: 'x.err.001', area: 'error', snippet: '{{ required "msg" .Values.missing }}',
    expectError: 'Error: execution error at (conf/templates/out.yaml:6:10): msg',
  };
  const r = runCase(err);
  assert.equal(r.actual, err.expectError);
  assert.equal(r.pass, true);
  const wrong = runCase({ ...snippet, expect: 'other' });
  assert.equal(wrong.pass, false);
  assert.equal(wrong.actual, 'rel-1');
});

test('extractOut reads the JSON string of the out: line; oneLineDiff points at the first difference', () => {
  assert.equal(extractOut('---\n# Source: conf/templates/out.yaml\ndata:\n  out: "a\\nb"\n'), 'a\nb');
  assert.equal(extractOut('---\n# Source: other/templates/out.yaml\ndata:\n  out: "x"\n'), 'x');
  assert.equal(extractOut('---\n# Source: conf/templates/x.yaml\nout: 1\n'), undefined);
  assert.equal(oneLineDiff('abcdef', 'abcXef'), '@3: expected "abcdef" got "abcXef"');
});

test('a sample of the shared conformance cases passes', { skip: !existsSync(casesFile) }, () => {
  const all = readFileSync(casesFile, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as ConformanceCase);
  const wanted = ['helm.tpl.', 'helm.files.', 'helm.subchart.', 'helm.manifest.', 'helm.required.', 'err.exec.06'];
  const sample = all.filter((c) => wanted.some((p) => c.id.startsWith(p)));
  assert.ok(sample.length > 50);
  const failed = sample.map((c) => runCase(c)).filter((r) => !r.pass).map((r) => `${r.id}: ${oneLineDiff(r.expected, r.actual)}`);
  assert.deepEqual(failed, []);
});
