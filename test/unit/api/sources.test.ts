import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGitRepository, parseGitSync, parseHelmRepository, type Issue, type ParseResult } from '../../../src/api/index.ts';

const obj = (apiVersion: string, kind: string, spec: unknown) => ({ apiVersion, kind, metadata: { name: 'x', namespace: 'n' }, spec });
const gitRepo = (spec: Record<string, unknown>) => obj('source.capstan.dev/v1', 'GitRepository', { url: 'https://example.com/r.git', interval: '1m', ...spec });
const helmRepo = (spec: Record<string, unknown>) => obj('source.capstan.dev/v1', 'HelmRepository', { interval: '10m', ...spec });
const gitSync = (spec: Record<string, unknown>) => obj('sync.capstan.dev/v1', 'GitSync', { sourceRef: { kind: 'GitRepository', name: 'infra' }, interval: '5m', ...spec });

function value<T>(r: ParseResult<T>): T {
  if (!r.ok) assert.fail(JSON.stringify(r.issues));
  return r.value;
}

function issues<T>(r: ParseResult<T>): Issue[] {
  assert.equal(r.ok, false);
  return r.ok ? [] : r.issues;
}

test('GitRepository: defaults and every URL form ARCHITECTURE.md names', () => {
  for (const url of ['http://127.0.0.1:9418/infra.git', 'https://h/r.git', 'ssh://git@h:22/r.git', 'git://127.0.0.1/r.git', 'file:///srv/r.git', 'git@github.com:org/repo']) {
    const r = value(parseGitRepository(gitRepo({ url })));
    assert.equal(r.spec.url, url);
    assert.equal(r.spec.timeout, '60s');
    assert.equal(r.spec.suspend, false);
    assert.equal(r.spec.recurseSubmodules, false);
  }
});

test('GitRepository: ref forms and their errors', () => {
  const sha = 'a'.repeat(40);
  assert.deepEqual(value(parseGitRepository(gitRepo({ ref: { branch: 'main', commit: sha } }))).spec.ref, { branch: 'main', commit: sha });
  assert.deepEqual(issues(parseGitRepository(gitRepo({ ref: { commit: 'abc123' } }))), [
    { path: 'spec.ref.commit', message: 'Invalid value: "abc123": must be a full commit SHA (40 or 64 hex digits)' },
  ]);
  assert.deepEqual(issues(parseGitRepository(gitRepo({ url: 'ftp://h/r' }))), [
    { path: 'spec.url', message: 'Invalid value: "ftp://h/r": must be a Git URL: http(s)://, ssh://, git://, file:// or user@host:path' },
  ]);
});

test('HelmRepository: type is inferred from the URL', () => {
  assert.equal(value(parseHelmRepository(helmRepo({ url: 'https://charts.example.com' }))).spec.type, 'default');
  assert.equal(value(parseHelmRepository(helmRepo({ url: 'oci://127.0.0.1:5000/charts' }))).spec.type, 'oci');
  assert.equal(value(parseHelmRepository(helmRepo({ url: 'oci://r/c', type: 'oci', insecure: true }))).spec.insecure, true);
});

test('HelmRepository: a type that contradicts the URL, and other schemes, are rejected', () => {
  assert.deepEqual(issues(parseHelmRepository(helmRepo({ url: 'https://charts.example.com', type: 'oci' }))), [
    { path: 'spec.type', message: 'type must be oci exactly when the url starts with oci://' },
  ]);
  assert.deepEqual(issues(parseHelmRepository(helmRepo({ url: 'git://h/r' }))), [
    { path: 'spec.url', message: 'Invalid value: "git://h/r": must start with http://, https:// or oci://' },
  ]);
});

test('GitSync: defaults, and the source must be a GitRepository', () => {
  const s = value(parseGitSync(gitSync({})));
  assert.equal(s.spec.path, './');
  assert.equal(s.spec.prune, false);
  assert.equal(s.spec.suspend, false);
  assert.deepEqual(issues(parseGitSync(gitSync({ sourceRef: { kind: 'Bucket', name: 'b' }, dependsOn: [{}] }))), [
    { path: 'spec.sourceRef.kind', message: 'Unsupported value: "Bucket": must be "GitRepository"' },
    { path: 'spec.dependsOn[0].name', message: 'Required value' },
  ]);
});
