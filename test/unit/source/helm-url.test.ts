import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexUrl, redactUrl, resolveReferenceUrl } from '../../../src/source/helm-repository/index.ts';

// Expectations from Helm's own TestResolveReferenceURL (pkg/repo/chartrepo_test.go) and ResolveReferenceURL.
const cases: [string, string, string][] = [
  ['http://localhost:8123/', '/nginx-0.2.0.tgz', 'http://localhost:8123/nginx-0.2.0.tgz'],
  ['http://localhost:8123/charts/', 'nginx-0.2.0.tgz', 'http://localhost:8123/charts/nginx-0.2.0.tgz'],
  ['http://localhost:8123/charts/', '/nginx-0.2.0.tgz', 'http://localhost:8123/nginx-0.2.0.tgz'],
  ['http://localhost:8123/charts-with-no-trailing-slash', 'nginx-0.2.0.tgz', 'http://localhost:8123/charts-with-no-trailing-slash/nginx-0.2.0.tgz'],
  ['http://localhost:8123', 'https://charts.helm.sh/stable/nginx-0.2.0.tgz', 'https://charts.helm.sh/stable/nginx-0.2.0.tgz'],
  ['http://localhost:8123/charts%2fwith%2fescaped%2fslash', 'nginx-0.2.0.tgz', 'http://localhost:8123/charts%2fwith%2fescaped%2fslash/nginx-0.2.0.tgz'],
  ['http://localhost:8123/charts?with=queryparameter', 'nginx-0.2.0.tgz', 'http://localhost:8123/charts/nginx-0.2.0.tgz?with=queryparameter'],
  ['http://localhost:8123/charts/', '../other/a-1.0.0.tgz', 'http://localhost:8123/other/a-1.0.0.tgz'],
];

for (const [base, ref, want] of cases) {
  test(`resolveReferenceUrl(${base}, ${ref})`, () => {
    assert.equal(resolveReferenceUrl(base, ref), want);
  });
}

test('the index lives at <repo>/index.yaml whether or not the URL ends in a slash', () => {
  assert.equal(indexUrl('https://h/charts'), 'https://h/charts/index.yaml');
  assert.equal(indexUrl('https://h/charts/'), 'https://h/charts/index.yaml');
  assert.equal(indexUrl('https://h'), 'https://h/index.yaml');
});

test('redactUrl removes user info and leaves everything else', () => {
  assert.equal(redactUrl('https://bob:hunter2@h:8443/p?q=1'), 'https://h:8443/p?q=1');
  assert.equal(redactUrl(new URL('http://tok@h/')), 'http://h/');
  assert.equal(redactUrl('http://h/x'), 'http://h/x');
  assert.equal(redactUrl('http://h:8080'), 'http://h:8080');
  assert.equal(redactUrl('oci://u:p@registry.local/charts'), 'oci://registry.local/charts');
});

test('a repository client refuses URLs it cannot fetch, in Helm\'s words', async () => {
  const { HelmRepositoryClient } = await import('../../../src/source/helm-repository/index.ts');
  const { createRootLogger } = await import('../../../src/observability/logger.ts');
  const logger = createRootLogger({ level: 'silent' });
  assert.throws(() => new HelmRepositoryClient({ url: 'oci://registry/charts', logger }), { code: 'InvalidURL', message: 'could not find protocol handler for: oci' });
  assert.throws(() => new HelmRepositoryClient({ url: 'charts.example.com', logger }), { code: 'InvalidURL', message: 'invalid chart URL format: charts.example.com' });
});
