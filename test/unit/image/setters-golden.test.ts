/**
 * Golden files for the Setters: every `test/fixtures/image-setters/<case>.in.yaml` with the policies below must
 * become `<case>.out.yaml` byte for byte. `CAPSTAN_UPDATE_GOLDEN=1` rewrites the expected files (review the diff).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applySetters, formatWarning, updateYamlText, type PolicyValue } from '../../../src/image/setters/index.ts';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'image-setters');

export const policies: Record<string, PolicyValue> = {
  'apps:myapp': { image: '127.0.0.1:5000/myapp', tag: '1.1.0' },
  'apps:web': { image: 'ghcr.io/org/web', tag: 'v2.0.1', digest: `sha256:${'a'.repeat(64)}` },
  'apps:numeric': { image: 'reg.example/num', tag: '1.10' },
  'apps:yes': { image: 'reg.example/yes', tag: 'yes' },
  'flux-system:podinfo': { image: 'ghcr.io/stefanprodan/podinfo', tag: '6.5.4' },
};

for (const input of readdirSync(dir).filter((f) => f.endsWith('.in.yaml')).sort()) {
  const name = input.replace(/\.in\.yaml$/, '');
  test(`golden: ${name}`, () => {
    const text = readFileSync(join(dir, input), 'utf8');
    const out = updateYamlText(`${name}.yaml`, text, policies).text;
    const expectedPath = join(dir, `${name}.out.yaml`);
    if (process.env['CAPSTAN_UPDATE_GOLDEN'] === '1') writeFileSync(expectedPath, out);
    assert.equal(out, readFileSync(expectedPath, 'utf8'));
  });
}

const fixture = (name: string): { path: string; text: string } => ({ path: `clusters/${name}.yaml`, text: readFileSync(join(dir, `${name}.in.yaml`), 'utf8') });

test('changes name file, line, column, object, field, old and new value', () => {
  const r = applySetters([fixture('helmrelease-values')], policies);
  const hr = { apiVersion: 'helm.capstan.dev/v1', kind: 'HelmRelease', name: 'k8sdemo', namespace: 'apps' };
  assert.deepEqual(r.changes, [
    { file: 'clusters/helmrelease-values.yaml', line: 17, column: 19, policy: 'apps:myapp', field: 'name', oldValue: '127.0.0.1:5000/old-name', newValue: '127.0.0.1:5000/myapp', object: hr },
    { file: 'clusters/helmrelease-values.yaml', line: 18, column: 12, policy: 'apps:myapp', field: 'tag', oldValue: '1.0.0', newValue: '1.1.0', object: hr },
    { file: 'clusters/helmrelease-values.yaml', line: 23, column: 17, policy: 'apps:myapp', field: 'tag', oldValue: '1.0.0', newValue: '1.1.0', object: hr },
  ]);
  assert.deepEqual(r.files.map((f) => f.path), ['clusters/helmrelease-values.yaml']);
  assert.deepEqual(r.warnings, []);
});

test('documents without kind/metadata.name have no object; each document is its own object', () => {
  const r = applySetters([fixture('multi-document')], policies);
  assert.deepEqual(r.changes.map((c) => [c.line, c.object?.kind, c.object?.name]), [[19, 'Deployment', 'myapp'], [23, undefined, undefined]]);
});

test('unchanged files are not returned; a file without markers is not even parsed', () => {
  const r = applySetters([fixture('untouched'), { path: 'broken.yaml', text: 'a: [\n' }], policies);
  assert.deepEqual(r, { files: [], changes: [], warnings: [] });
});

test('bad markers are warnings naming file:line:column; the good ones still apply', () => {
  const r = applySetters([fixture('bad-marker')], policies);
  assert.deepEqual(r.warnings.map(formatWarning), [
    'clusters/bad-marker.yaml:1:6: the $imagepolicy marker is not a JSON object: {"$imagepolicy": apps:myapp:tag}',
    'clusters/bad-marker.yaml:2:6: $imagepolicy "apps:myapp:version": unknown suffix "version" (tag, name or digest)',
  ]);
  assert.equal(r.changes.length, 1);
});

test('an unparsable file is skipped with one warning naming file:line:column', () => {
  const r = applySetters([fixture('unparsable'), fixture('crlf')], policies);
  assert.equal(r.warnings.length, 1);
  assert.match(formatWarning(r.warnings[0]!), /^clusters\/unparsable\.yaml:\d+:\d+: not updated: the YAML does not parse: /);
  assert.deepEqual(r.files.map((f) => f.path), ['clusters/crlf.yaml'], 'the other files are still updated');
});

test('a :digest marker without a digest in the policy is a warning', () => {
  const r = updateYamlText('x.yaml', 'd: old # {"$imagepolicy": "apps:myapp:digest"}\n', policies);
  assert.equal(r.text, 'd: old # {"$imagepolicy": "apps:myapp:digest"}\n');
  assert.deepEqual(r.warnings.map(formatWarning), ['x.yaml:1:4: policy apps:myapp has no digest for the :digest marker']);
});

test('policies may be a Map', () => {
  const r = updateYamlText('x.yaml', 't: a # {"$imagepolicy": "ns:p:tag"}\n', new Map([['ns:p', { image: 'i', tag: 'b' }]]));
  assert.equal(r.text, 't: b # {"$imagepolicy": "ns:p:tag"}\n');
});
