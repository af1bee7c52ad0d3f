import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFluxV1Policy, parseFluxV1Policy, selectLatest } from '../../../src/image/policy/index.ts';

test('the four prefixes and a bare pattern', () => {
  assert.deepEqual(parseFluxV1Policy('glob:1.3.*'), { policy: { glob: '1.3.*' }, skipLatest: true });
  assert.deepEqual(parseFluxV1Policy('semver:~1.2'), { policy: { semver: { range: '~1.2' } }, skipLatest: true });
  assert.deepEqual(parseFluxV1Policy('regex:^v[0-9]+$'), { policy: { regex: { pattern: '^v[0-9]+$' } }, skipLatest: true });
  assert.deepEqual(parseFluxV1Policy('regexp:^v[0-9]+$'), { policy: { regex: { pattern: '^v[0-9]+$' } }, skipLatest: true });
  assert.deepEqual(parseFluxV1Policy('1.3.*'), { policy: { glob: '1.3.*' }, skipLatest: true }, 'no prefix is a glob');
});

test('white space around the pattern is trimmed (Flux v1 failed on "glob: 1.3.*")', () => {
  assert.deepEqual(parseFluxV1Policy(' glob: 1.3.* '), { policy: { glob: '1.3.*' }, skipLatest: true });
  assert.equal(selectLatest(['1.3.1', '1.3.2'], 'glob: 1.3.*')?.tag, '1.3.2');
});

test('latest is never chosen unless the filter is exactly glob:latest', () => {
  assert.equal(selectLatest(['latest', '1.0'], 'glob:*')?.tag, '1.0');
  assert.equal(selectLatest(['LATEST', '1.0'], 'glob:*')?.tag, '1.0');
  assert.equal(selectLatest(['latest'], 'glob:*'), undefined);
  assert.equal(selectLatest(['latest', '1.0'], 'glob:latest')?.tag, 'latest');
  assert.equal(selectLatest(['latest', 'v1'], 'regex:.*')?.tag, 'v1');
  assert.equal(selectLatest(['latest', 'v1'], { policy: { glob: '*' } })?.tag, 'v1', 'natural order: v1 > latest');
});

test('semver: annotations', () => {
  assert.equal(selectLatest(['1.2.0', '1.2.9', '1.3.0', 'latest'], 'semver:~1.2')?.tag, '1.2.9');
});

test('formatFluxV1Policy round-trips', () => {
  for (const s of ['glob:app-*', 'semver:^1', 'regex:^a$']) assert.equal(formatFluxV1Policy(parseFluxV1Policy(s)), s);
});
