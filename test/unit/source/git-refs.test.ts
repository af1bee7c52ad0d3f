import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConstraint } from '@capstan/semver';
import {
  formatRevision, highestMatchingTag, isGitSourceError, isValidRefName, parseLsRemote, planRef, resolveTarget,
} from '../../../src/source/git/index.ts';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const URL = 'https://example.com/r.git';

describe('planRef', () => {
  test('follows Flux precedence: commit > name > semver > tag > branch', () => {
    assert.deepEqual(planRef({ branch: 'main', tag: 'v1', semver: '1.x', name: 'refs/heads/x', commit: A }, URL), { kind: 'commit', commit: A, branch: 'main' });
    assert.deepEqual(planRef({ branch: 'main', tag: 'v1', semver: '1.x', name: 'refs/heads/x' }, URL), { kind: 'name', name: 'refs/heads/x' });
    assert.deepEqual(planRef({ branch: 'main', tag: 'v1', semver: '1.x' }, URL), { kind: 'semver', range: '1.x' });
    assert.deepEqual(planRef({ branch: 'main', tag: 'v1' }, URL), { kind: 'tag', tag: 'v1' });
    assert.deepEqual(planRef({ branch: 'main' }, URL), { kind: 'branch', branch: 'main' });
    assert.deepEqual(planRef(undefined, URL), { kind: 'default' });
    assert.deepEqual(planRef({ commit: A.toUpperCase() }, URL), { kind: 'commit', commit: A });
  });

  const bad: [string, Parameters<typeof planRef>[0]][] = [
    ['an option-like branch', { branch: '--upload-pack=x' }],
    ['a branch with ..', { branch: 'a..b' }],
    ['a tag with a space', { tag: 'v 1' }],
    ['a short commit', { commit: 'abc123' }],
    ['a name that is not under refs/', { name: 'main' }],
    ['a bad semver range', { semver: '>=>1' }],
  ];
  for (const [name, ref] of bad) {
    test(`refuses ${name}`, () => assert.throws(() => planRef(ref, URL), (e) => isGitSourceError(e, 'InvalidRef') && e.terminal));
  }
});

test('isValidRefName follows git check-ref-format in the cases that matter', () => {
  for (const ok of ['main', 'feature/x', 'v1.2.3', 'release-1.0', 'refs/pull/1/head']) assert.ok(isValidRefName(ok), ok);
  for (const no of ['', '-x', '/x', 'x/', 'x.lock', 'a..b', 'a b', 'a~1', 'a^', 'a:b', 'a?', 'a*', 'a[', 'a\\b', '.hidden', 'a/.b', 'a@{1}', '@']) {
    assert.ok(!isValidRefName(no), no);
  }
});

describe('resolveTarget', () => {
  const out = [
    `ref: refs/heads/main\tHEAD`,
    `${A}\tHEAD`,
    `${A}\trefs/heads/main`,
    `${B}\trefs/tags/v1.0.0`,
    `${C}\trefs/tags/v1.1.0`,
    `${A}\trefs/tags/v1.1.0^{}`,
    `${B}\trefs/tags/1.1.0`,
    `${C}\trefs/tags/latest`,
    `${C}\trefs/pull/7/head`,
  ].join('\n');
  const remote = parseLsRemote(out);

  test('parses refs, peeled tags and symrefs', () => {
    assert.equal(remote.symrefs.get('HEAD'), 'refs/heads/main');
    assert.equal(remote.refs.get('refs/tags/v1.1.0^{}'), A);
    assert.equal(remote.refs.size, 8);
  });

  test('the default branch comes from HEAD', () => {
    assert.deepEqual(resolveTarget({ kind: 'default' }, remote, URL), { fetchRef: 'refs/heads/main', commit: A, reference: 'refs/heads/main', absolute: false });
  });

  test('annotated tags resolve to the peeled commit', () => {
    assert.equal(resolveTarget({ kind: 'tag', tag: 'v1.1.0' }, remote, URL).commit, A);
    assert.equal(resolveTarget({ kind: 'tag', tag: 'v1.0.0' }, remote, URL).commit, B);
  });

  test('semver picks the highest version; equal versions are ordered by tag name', () => {
    const t = resolveTarget({ kind: 'semver', range: '>=1.0.0' }, remote, URL);
    assert.equal(t.reference, 'refs/tags/v1.1.0', '"v1.1.0" > "1.1.0"');
    assert.equal(resolveTarget({ kind: 'semver', range: '<1.1' }, remote, URL).reference, 'refs/tags/v1.0.0');
    assert.throws(() => resolveTarget({ kind: 'semver', range: '>=2' }, remote, URL), (e) => isGitSourceError(e, 'RefNotFound'));
  });

  test('missing refs are RefNotFound', () => {
    assert.throws(() => resolveTarget({ kind: 'branch', branch: 'dev' }, remote, URL), (e) => isGitSourceError(e, 'RefNotFound') && /branch "dev"/.test(e.message));
    assert.throws(() => resolveTarget({ kind: 'default' }, parseLsRemote(''), URL), (e) => isGitSourceError(e, 'RefNotFound'));
  });

  test('a name ref is absolute; a commit needs no listing', () => {
    assert.deepEqual(resolveTarget({ kind: 'name', name: 'refs/pull/7/head' }, remote, URL), { fetchRef: 'refs/pull/7/head', commit: C, reference: 'refs/pull/7/head', absolute: true });
    assert.deepEqual(resolveTarget({ kind: 'commit', commit: B }, undefined, URL), { commit: B, reference: '', absolute: false });
  });
});

test('formatRevision writes Flux v2 revisions', () => {
  assert.equal(formatRevision({ reference: 'refs/heads/main', absolute: false }, A), `main@sha1:${A}`);
  assert.equal(formatRevision({ reference: 'refs/heads/feature/x', absolute: false }, A), `feature/x@sha1:${A}`);
  assert.equal(formatRevision({ reference: 'refs/tags/v1.0.0', absolute: false }, A), `v1.0.0@sha1:${A}`);
  assert.equal(formatRevision({ reference: 'refs/pull/7/head', absolute: true }, A), `refs/pull/7/head@sha1:${A}`);
  assert.equal(formatRevision({ reference: '', absolute: false }, A), `sha1:${A}`);
  assert.equal(formatRevision({ reference: '', absolute: false }, 'd'.repeat(64)), `sha256:${'d'.repeat(64)}`);
});

test('highestMatchingTag skips non-versions and prereleases unless the range allows them', () => {
  const tags = ['v1.0.0', 'v1.2.0', 'v2.0.0-rc.1', 'latest', 'v1.10.0', '1.9.9', 'v1.2'];
  assert.equal(highestMatchingTag(tags, parseConstraint('^1.0'))?.tag, 'v1.10.0');
  assert.equal(highestMatchingTag(tags, parseConstraint('~1.2'))?.tag, 'v1.2.0');
  assert.equal(highestMatchingTag(tags, parseConstraint('>=2.0.0-0'))?.tag, 'v2.0.0-rc.1');
  assert.equal(highestMatchingTag(tags, parseConstraint('>=3')), undefined);
});
