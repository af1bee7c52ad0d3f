import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyError, compareNatural, compileGlob, selectLatest, type TagPolicy } from '../../../src/image/policy/index.ts';

const pick = (tags: string[], p: TagPolicy): string | undefined => selectLatest(tags, p)?.tag;

const releases = ['RELEASE.2024-01-05T10-00-00Z', 'RELEASE.2023-12-31T23-59-59Z', 'RELEASE.2024-01-05T09-00-00Z'];

test('alphabetical asc (the default, as in Flux) picks the highest', () => {
  assert.equal(pick(releases, { policy: { alphabetical: {} } }), 'RELEASE.2024-01-05T10-00-00Z');
  assert.equal(pick(releases, { policy: { alphabetical: { order: 'asc' } } }), 'RELEASE.2024-01-05T10-00-00Z');
});

test('alphabetical desc picks the lowest', () => {
  assert.equal(pick(releases, { policy: { alphabetical: { order: 'desc' } } }), 'RELEASE.2023-12-31T23-59-59Z');
});

test('alphabetical is byte order: upper case before lower case, 10 before 9', () => {
  assert.equal(pick(['a', 'B', '10', '9'], { policy: { alphabetical: {} } }), 'a');
  assert.equal(pick(['10', '9'], { policy: { alphabetical: {} } }), '9');
});

test('an invalid order throws PolicyError', () => {
  assert.throws(() => pick(['a'], { policy: { alphabetical: { order: 'up' as 'asc' } } }), PolicyError);
});

const numbers = ['1', '10', '9', 'abc', '2.5', '1e3', '0x10', 'NaN', 'v7'];

test('numerical asc picks the largest number; non-numbers are skipped', () => {
  assert.equal(pick(numbers, { policy: { numerical: {} } }), '1e3');
  assert.equal(pick(['1', '10', '9', '2.5'], { policy: { numerical: { order: 'asc' } } }), '10');
});

test('numerical desc picks the smallest', () => {
  assert.equal(pick(numbers, { policy: { numerical: { order: 'desc' } } }), '1');
});

test('numerical compares exactly beyond float64 precision', () => {
  assert.equal(pick(['20240102030405123', '20240102030405124', '20240102030405122'], { policy: { numerical: {} } }), '20240102030405124');
  assert.equal(pick(['0.30000000000000004', '0.3'], { policy: { numerical: {} } }), '0.30000000000000004');
});

test('numerical ties (1.0 and 1) go to the greater tag', () => {
  assert.equal(pick(['1', '1.0', '01'], { policy: { numerical: {} } }), '1.0');
});

test('numerical with no number at all picks nothing', () => {
  assert.equal(pick(['latest', 'main'], { policy: { numerical: {} } }), undefined);
});

const globCases: [string, string[], string | undefined][] = [
  ['myapp-v*', ['myapp-v1', 'myapp-v10', 'myapp-v9', 'other-v99', 'xmyapp-v100', 'myapp-v2-rc'], 'myapp-v10'],
  ['1.3.*', ['1.3.2', '1.3.10', '1.4.0', '1.3'], '1.3.10'],
  ['v1.?.0', ['v1.1.0', 'v1.9.0', 'v1.10.0'], 'v1.9.0'],
  ['build-[abc]*', ['build-a1', 'build-c2', 'build-d9'], 'build-c2'],
  ['build-[a-c]-*', ['build-a-1', 'build-b-2', 'build-d-9'], 'build-b-2'],
  ['build-[!a]*', ['build-a9', 'build-b1'], 'build-b1'],
  ['build-[^a]*', ['build-a9', 'build-b1'], 'build-b1'],
  ['v\\*', ['v*', 'v1'], 'v*'],
  ['[]]x', [']x', 'ax'], ']x'],
  ['*', ['1', '2', 'latest'], 'latest'],
  ['a.c', ['abc', 'a.c'], 'a.c'],
  ['date-*', ['date-20240101', 'date-20231231', 'date-9'], 'date-20240101'],
];

for (const [glob, tags, want] of globCases) {
  test(`glob ${JSON.stringify(glob)} is anchored and picks ${String(want)} by natural order`, () => {
    assert.equal(pick(tags, { policy: { glob } }), want);
  });
}

for (const bad of ['v[1', 'v[z-a]']) {
  test(`glob ${JSON.stringify(bad)} throws PolicyError`, () => {
    assert.throws(() => compileGlob(bad), (e: unknown) => e instanceof PolicyError && e.field === 'policy.glob');
  });
}

test('natural order: digit runs by value, prefixes first, total', () => {
  const sorted = ['v10', 'v9', 'v1.10', 'v1.9', 'v1', 'v01', 'v1-rc', 'v'].sort(compareNatural);
  assert.deepEqual(sorted, ['v', 'v01', 'v1', 'v1-rc', 'v1.9', 'v1.10', 'v9', 'v10']);
  assert.equal(compareNatural('a99999999999999999999', 'a100000000000000000000') < 0, true);
});

test('regex: unanchored RE2 match, highest by natural order of the tag', () => {
  assert.equal(pick(['app-1', 'app-12', 'web-99', 'app-3'], { policy: { regex: { pattern: 'app-[0-9]+' } } }), 'app-12');
  assert.equal(pick(['xapp-5', 'app-1'], { policy: { regex: { pattern: 'app' } } }), 'xapp-5');
});

test('regex with extract orders by the extracted value', () => {
  const tags = ['main-zzz-1700000001', 'main-aaa-1700000009', 'dev-fff-1800000000'];
  assert.equal(pick(tags, { policy: { regex: { pattern: '^main-[a-z]+-(?P<ts>[0-9]+)$', extract: '$ts' } } }), 'main-aaa-1700000009');
});

test('regex: Perl syntax RE2 does not support is a PolicyError naming the field', () => {
  assert.throws(() => pick(['a'], { policy: { regex: { pattern: '(?=a)' } } }),
    (e: unknown) => e instanceof PolicyError && e.field === 'policy.regex.pattern' && /invalid regular expression/.test(e.message));
});

test('filterTags + numerical: Flux\'s timestamp example', () => {
  const tags = ['main-3b5c7a1-1700000100', 'main-99fe0a2-1700000200', 'feature-x-1800000000', 'latest'];
  const p: TagPolicy = { filterTags: { pattern: '^main-[a-f0-9]+-(?P<ts>[0-9]+)', extract: '$ts' }, policy: { numerical: { order: 'asc' } } };
  assert.equal(pick(tags, p), 'main-99fe0a2-1700000200');
});

test('filterTags + semver: the policy sees the extracted version, the original tag is returned', () => {
  const p: TagPolicy = { filterTags: { pattern: '^app-(?P<version>.*)$', extract: '$version' }, policy: { semver: { range: '>=1.0.0' } } };
  assert.equal(pick(['app-1.2.0', 'app-1.10.0', 'web-9.0.0', '2.0.0'], p), 'app-1.10.0');
});

test('filterTags + alphabetical, without extract: a plain filter', () => {
  const p: TagPolicy = { filterTags: { pattern: '^RELEASE\\.' }, policy: { alphabetical: {} } };
  assert.equal(pick([...releases, 'zzz'], p), 'RELEASE.2024-01-05T10-00-00Z');
});

test('filterTags: two tags extracting to the same value tie; the greater tag wins', () => {
  const p: TagPolicy = { filterTags: { pattern: '-(?P<n>[0-9]+)$', extract: '$n' }, policy: { numerical: {} } };
  assert.equal(pick(['a-5', 'b-5', 'c-4'], p), 'b-5');
  assert.equal(pick(['b-5', 'a-5', 'c-4'], p), 'b-5');
});

test('an invalid filterTags pattern names filterTags.pattern', () => {
  assert.throws(() => pick(['a'], { filterTags: { pattern: '(' }, policy: { alphabetical: {} } }),
    (e: unknown) => e instanceof PolicyError && e.field === 'filterTags.pattern');
});

test('a policy needs exactly one choice', () => {
  assert.throws(() => pick(['a'], { policy: {} }), /exactly one of semver, alphabetical, numerical, glob, regex must be set, found none/);
  assert.throws(() => pick(['a'], { policy: { glob: '*', alphabetical: {} } }), /found alphabetical, glob/);
});
