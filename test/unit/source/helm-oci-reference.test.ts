import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  OciRegistryError,
  matchVersion,
  parseChallenge,
  parseOciRepositoryUrl,
  splitDigest,
  tagToVersion,
  versionToTag,
  versionsFromTags,
} from '../../../src/source/oci/index.ts';

const D = `sha256:${'ab'.repeat(32)}`;

test('oci:// URLs split into registry and path', () => {
  assert.deepEqual(parseOciRepositoryUrl('oci://127.0.0.1:5000/charts'), { registry: '127.0.0.1:5000', prefix: 'charts' });
  assert.deepEqual(parseOciRepositoryUrl('oci://ghcr.io/org/team/charts/'), { registry: 'ghcr.io', prefix: 'org/team/charts' });
  assert.deepEqual(parseOciRepositoryUrl('oci://registry.local'), { registry: 'registry.local', prefix: '' });
});

const badUrls: [string, RegExp][] = [
  ['https://h/charts', /not an oci:\/\/ URL/],
  ['oci://user:pw@h/charts', /put credentials in the options/],
  ['oci://h/Charts', /invalid repository path component "Charts"/],
];
for (const [url, message] of badUrls) {
  test(`${url} is refused`, () => {
    assert.throws(() => parseOciRepositoryUrl(url), (e: unknown) => e instanceof OciRegistryError && e.code === 'InvalidReference' && message.test(e.message));
  });
}

test('versions and tags map + to _ and back (helm/helm#10166)', () => {
  assert.equal(versionToTag('1.2.3+build.5'), '1.2.3_build.5');
  assert.equal(tagToVersion('1.2.3_build.5'), '1.2.3+build.5');
  assert.equal(versionToTag('1.2.3-rc.1'), '1.2.3-rc.1');
});

test('a version may carry a digest pin', () => {
  assert.deepEqual(splitDigest(`1.2.3@${D}`, 'r'), { version: '1.2.3', digest: D });
  assert.deepEqual(splitDigest(`@${D}`, 'r'), { version: '', digest: D });
  assert.deepEqual(splitDigest('^1.2', 'r'), { version: '^1.2', digest: undefined });
  assert.throws(() => splitDigest('1.2.3@sha256:xyz', 'r'), /invalid digest "sha256:xyz"/);
});

test('only strict semver tags count, newest first, _ read as +', () => {
  const tags = ['latest', '1.0.0', 'v2.0.0', '1.10.0', '1.2', '2.0.0-rc.1', '1.9.0_build.3', 'sha256-abc.sig', '01.0.0'];
  assert.deepEqual(versionsFromTags(tags), ['2.0.0-rc.1', '1.10.0', '1.9.0+build.3', '1.0.0']);
});

const matches: [string, string | RegExp][] = [
  ['', '1.10.0'],
  ['*', '1.10.0'],
  ['~1.0', '1.0.0'],
  ['>=2.0.0-0', '2.0.0-rc.1'],
  ['1.9.0+build.3', '1.9.0+build.3'],
  ['>3', /^Could not locate a version matching provided version string >3$/],
];
const listed = ['2.0.0-rc.1', '1.10.0', '1.9.0+build.3', '1.0.0'];
for (const [constraint, want] of matches) {
  test(`tag match for ${JSON.stringify(constraint)}`, () => {
    const got = matchVersion(listed, constraint);
    if (typeof want === 'string') assert.equal(got, want);
    else assert.match(typeof got === 'string' ? got : got.notFound, want);
  });
}

test('WWW-Authenticate challenges parse, commas inside quotes included', () => {
  assert.deepEqual(parseChallenge('Bearer realm="https://auth.example/token",service="registry.example",scope="repository:charts/a:pull,push"'), {
    scheme: 'bearer',
    params: { realm: 'https://auth.example/token', service: 'registry.example', scope: 'repository:charts/a:pull,push' },
  });
  assert.deepEqual(parseChallenge('Basic realm="basic-realm"'), { scheme: 'basic', params: { realm: 'basic-realm' } });
  assert.deepEqual(parseChallenge('Bearer realm=http://x/t, service=reg'), { scheme: 'bearer', params: { realm: 'http://x/t', service: 'reg' } });
});
