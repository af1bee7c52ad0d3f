import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseImagePolicy, parseImageRepository, parseImageUpdateAutomation, type Issue, type ParseResult } from '../../../src/api/index.ts';

const obj = (kind: string, spec: unknown) => ({ apiVersion: 'image.capstan.dev/v1', kind, metadata: { name: 'x', namespace: 'n' }, spec });
const policy = (p: unknown, extra: Record<string, unknown> = {}) => obj('ImagePolicy', { imageRepositoryRef: { name: 'myapp' }, policy: p, ...extra });

function value<T>(r: ParseResult<T>): T {
  if (!r.ok) assert.fail(JSON.stringify(r.issues));
  return r.value;
}

function issues<T>(r: ParseResult<T>): Issue[] {
  assert.equal(r.ok, false);
  return r.ok ? [] : r.issues;
}

test('ImageRepository: defaults; a tag or digest in the image is refused', () => {
  const r = value(parseImageRepository(obj('ImageRepository', { image: '127.0.0.1:5000/team/myapp', interval: '1m' })));
  assert.deepEqual(r.spec.exclusionList, ['^.*\\.sig$']);
  assert.equal(r.spec.insecure, false);
  for (const image of ['myapp:1.0', 'r:5000/myapp:1.0', 'myapp@sha256:00']) {
    const found = issues(parseImageRepository(obj('ImageRepository', { image, interval: '1m' })));
    assert.equal(found[0]?.path, 'spec.image', image);
  }
});

test('ImagePolicy: each policy form parses, orders default to asc', () => {
  assert.deepEqual(value(parseImagePolicy(policy({ semver: { range: '>=1.0.0' } }))).spec.policy, { semver: { range: '>=1.0.0' } });
  assert.deepEqual(value(parseImagePolicy(policy({ glob: 'myapp-v*' }))).spec.policy, { glob: 'myapp-v*' });
  assert.deepEqual(value(parseImagePolicy(policy({ regex: { pattern: '^main-(?P<ts>\\d+)$', extract: '$ts' } }))).spec.policy.regex?.extract, '$ts');
  assert.deepEqual(value(parseImagePolicy(policy({ alphabetical: {} }))).spec.policy, { alphabetical: { order: 'asc' } });
  assert.deepEqual(value(parseImagePolicy(policy({ numerical: { order: 'desc' } }, { filterTags: { pattern: '^v(?P<n>\\d+)', extract: '$n' } }))).spec.filterTags,
    { pattern: '^v(?P<n>\\d+)', extract: '$n' });
});

test('ImagePolicy: none or two policies, or a bad order, are refused', () => {
  assert.deepEqual(issues(parseImagePolicy(policy({}))), [
    { path: 'spec.policy', message: 'exactly one of semver, alphabetical, numerical, glob or regex must be set' },
  ]);
  assert.deepEqual(issues(parseImagePolicy(policy({ glob: 'a*', semver: { range: '1' } }))), [
    { path: 'spec.policy', message: 'exactly one of semver, alphabetical, numerical, glob or regex must be set, not semver and glob' },
  ]);
  assert.deepEqual(issues(parseImagePolicy(policy({ numerical: { order: 'up' } }))), [
    { path: 'spec.policy.numerical.order', message: 'Unsupported value: "up": supported values: "asc", "desc"' },
  ]);
});

test('ImageUpdateAutomation: update defaults; author required', () => {
  const spec = { sourceRef: { kind: 'GitRepository', name: 'infra' }, git: { commit: { author: { name: 'capstan', email: 'c@localhost' } } }, interval: '1m' };
  const a = value(parseImageUpdateAutomation(obj('ImageUpdateAutomation', spec)));
  assert.deepEqual(a.spec.update, { path: './', strategy: 'Setters' });
  assert.equal(a.spec.git.push, undefined);
  assert.deepEqual(issues(parseImageUpdateAutomation(obj('ImageUpdateAutomation', { ...spec, git: { commit: {}, push: {} }, update: { strategy: 'Regex' } }))), [
    { path: 'spec.git.commit.author', message: 'Required value' },
    { path: 'spec.git.push.branch', message: 'Required value' },
    { path: 'spec.update.strategy', message: 'Unsupported value: "Regex": must be "Setters"' },
  ]);
});
