import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareOutputs, errorText, shapeDifference, splitDocs, unifiedDiff } from '../../support/corpus-compare.ts';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });

test('splitDocs: helm template documents by their # Source line', () => {
  const out = '---\n# Source: c/templates/a.yaml\na: 1\n---\n# Source: c/templates/b.yaml\nb: "---"\n---\nc: 2\n';
  assert.deepEqual(splitDocs(out), [
    { source: 'c/templates/a.yaml', text: '---\n# Source: c/templates/a.yaml\na: 1\n' },
    { source: 'c/templates/b.yaml', text: '---\n# Source: c/templates/b.yaml\nb: "---"\n---\nc: 2\n' },
  ]);
});

test('errorText: from the Error: line on, without the --debug hint', () => {
  assert.equal(errorText('WARNING: x\nError: boom\n'), 'Error: boom');
  assert.equal(errorText('Error: YAML parse error\n\nUse --debug flag to render out invalid YAML\n'), 'Error: YAML parse error');
  assert.equal(errorText('Error: a\nb\n'), 'Error: a\nb');
});

test('shapeDifference: keys and value types, recursively', () => {
  assert.equal(shapeDifference({ a: 'x', b: [1, { c: true }] }, { b: [2, { c: false }], a: 'y' }), undefined);
  assert.equal(shapeDifference({ a: 'x' }, { a: 1 }), '$.a: string vs number');
  assert.equal(shapeDifference({ a: [1] }, { a: [1, 2] }), '$.a: 1 vs 2 items');
  assert.match(shapeDifference({ a: 1 }, { b: 1 }) ?? '', /keys \[a\] vs \[b\]/);
});

test('compareOutputs: exact, nondeterministic documents in shape, errors by text', () => {
  const doc = (v: string) => `---\n# Source: c/templates/s.yaml\npassword: ${v}\n`;
  assert.equal(compareOutputs(ok(doc('abc')), ok(doc('abc'))).pass, true);
  assert.equal(compareOutputs(ok(doc('abc')), ok(doc('xyz'))).pass, false);
  assert.equal(compareOutputs(ok(doc('abc')), ok(doc('xyz')), { nondeterministicSources: ['c/templates/s.yaml'] }).pass, true);
  assert.equal(compareOutputs(ok(doc('abc')), ok(doc('[1]')), { nondeterministicSources: ['c/templates/s.yaml'] }).pass, false);
  assert.equal(compareOutputs(err('Error: x\n\nUse --debug flag to render out invalid YAML\n'), err('Error: x\n')).pass, true);
  assert.equal(compareOutputs(err('Error: x\n'), err('Error: y\n')).pass, false);
  assert.equal(compareOutputs(err('Error: x\n'), ok('')).pass, false);
  assert.equal(compareOutputs(ok(''), err('Error: y\n')).pass, false);
});

test('unifiedDiff: hunks with context, - helm + capstan', () => {
  const d = unifiedDiff('a\nb\nc\nd\ne\nf\ng\nh\n', 'a\nb\nc\nd\nX\nf\ng\nh\n', { context: 1 });
  assert.equal(d, '--- helm\n+++ capstan\n@@ -4,3 +4,3 @@\n d\n-e\n+X\n f');
});
