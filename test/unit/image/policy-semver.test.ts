import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyError, parseTagVersion, selectLatest } from '../../../src/image/policy/index.ts';

const semver = (range: string) => ({ policy: { semver: { range } } });

// [name, range, tags, expected]
const cases: [string, string, string[], string | undefined][] = [
  ['Flux: 1.0.x over mixed tags', '1.0.x', ['1.0.0', '1.0.0.1', '1.0.0p', '1.0.1', '1.2.0', '0.1.0'], '1.0.1'],
  ['Flux: a v prefix is allowed and kept', '1.0.x', ['v1.2.3', 'v1.0.0', 'v0.1.0'], 'v1.0.0'],
  ['Flux: other prefixes are not versions', '1.0.x', ['b1.2.3', 'b1.0.0', 'b0.1.0'], undefined],
  ['Flux: nothing in range', '1.0.x', ['1.2.0'], undefined],
  ['an empty list', '*', [], undefined],
  ['numeric, not text, order', '*', ['1.9.0', '1.10.0', '1.2.0'], '1.10.0'],
  ['* skips pre-releases', '*', ['1.0.0', '2.0.0-rc.1'], '1.0.0'],
  ['>=1.0.0 skips pre-releases', '>=1.0.0', ['1.0.0', '1.1.0-rc.1', '1.0.5'], '1.0.5'],
  ['-0 admits pre-releases', '>=1.0.0-0', ['1.0.0', '1.1.0-rc.1', '1.0.5'], '1.1.0-rc.1'],
  ['*-0 admits pre-releases', '*-0', ['1.0.0', '2.0.0-alpha'], '2.0.0-alpha'],
  ['each comparison without a pre-release rejects pre-releases (Masterminds #21)', '>=1.0.0-0 <1.0.0', ['1.0.0-rc.1', '1.0.0'], undefined],
  ['pre-release precedence (SemVer 11)', '>=1.0.0-0 <1.0.0-zzz',
    ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-beta.11', '1.0.0-beta.2', '1.0.0-beta', '1.0.0-rc.1', '1.0.0'], '1.0.0-rc.1'],
  ['numeric pre-release identifiers compare as numbers', '>=1.0.0-0', ['1.0.0-beta.2', '1.0.0-beta.11'], '1.0.0-beta.11'],
  ['Masterminds: a pre-release constraint admits pre-releases of other versions', '^1.2.3-beta',
    ['1.2.3-beta.1', '1.2.3-beta.2', '1.2.4-alpha', '1.3.0-rc.1', '1.2.3', '2.0.0-alpha'], '1.3.0-rc.1'],
  ['caret', '^1.2', ['1.1.9', '1.2.0', '1.9.3', '2.0.0'], '1.9.3'],
  ['caret below 1.0 holds the minor', '^0.2.3', ['0.2.3', '0.2.9', '0.3.0'], '0.2.9'],
  ['tilde', '~1.2', ['1.2.0', '1.2.7', '1.3.0'], '1.2.7'],
  ['tilde with patch', '~1.2.3', ['1.2.2', '1.2.3', '1.2.10', '1.3.0'], '1.2.10'],
  ['x-range', '1.x', ['0.9.0', '1.0.0', '1.5.2', '2.0.0'], '1.5.2'],
  ['hyphen range is inclusive', '1.2.3 - 1.4.5', ['1.2.3', '1.4.5', '1.4.6', '1.5.0'], '1.4.5'],
  ['comma is AND', '>1.0, <1.3', ['1.0.0', '1.2.9', '1.3.0'], '1.2.9'],
  ['|| is OR', '<1.1 || >=3', ['1.0.1', '2.9.0', '3.1.0'], '3.1.0'],
  ['exact with =', '=1.2.0', ['1.2.0', '1.3.0'], '1.2.0'],
  ['not-equal', '!=2.0.0', ['1.0.0', '2.0.0'], '1.0.0'],
  ['two-part and four-part tags are not versions', '*', ['1.2', '1.2.3.4', '1.0.0'], '1.0.0'],
  ['leading zeros are not versions', '*', ['01.2.3', '1.02.3', '1.0.0'], '1.0.0'],
  ['only one lower-case v', '*', ['vv2.0.0', 'V2.0.0', '1.0.0'], '1.0.0'],
  ['build metadata is ignored for order; the tie goes to the greater tag', '*', ['1.2.3', '1.2.3+build.5'], '1.2.3+build.5'],
  ['1.0.0 and v1.0.0 tie; the greater tag wins whatever the input order', '*', ['v1.0.0', '1.0.0'], 'v1.0.0'],
  ['non-version tags are skipped, not an error', '>=0', ['latest', 'main', 'sha-abc', '0.1.0'], '0.1.0'],
];

for (const [name, range, tags, want] of cases) {
  test(`semver ${JSON.stringify(range)}: ${name}`, () => {
    assert.deepEqual(selectLatest(tags, semver(range)), want === undefined ? undefined : { tag: want });
  });
}

test('the input order does not matter', () => {
  const tags = ['1.0.0', '1.2.3+b', 'v1.2.3', '1.2.3', '1.1.0'];
  const want = selectLatest(tags, semver('*'));
  assert.deepEqual(selectLatest([...tags].reverse(), semver('*')), want);
  assert.deepEqual(want, { tag: 'v1.2.3' });
});

for (const range of ['', 'a', '1.0.0p', 'x1', '>=1.0.0 <<2']) {
  test(`invalid range ${JSON.stringify(range)} throws PolicyError naming policy.semver.range`, () => {
    assert.throws(() => selectLatest(['1.0.0'], semver(range)), (e: unknown) => {
      assert.ok(e instanceof PolicyError);
      assert.equal(e.code, 'InvalidPolicy');
      assert.equal(e.field, 'policy.semver.range');
      return true;
    });
  });
}

test('parseTagVersion is Flux version.ParseVersion: strict, one optional v, original kept', () => {
  assert.equal(parseTagVersion('v1.2.3')?.original, 'v1.2.3');
  assert.equal(parseTagVersion('1.2.3-rc.1+b')?.pre, 'rc.1');
  assert.equal(parseTagVersion('1.2'), undefined);
  assert.equal(parseTagVersion('v01.2.3'), undefined);
  assert.equal(parseTagVersion('1.2.3-01'), undefined, 'numeric pre-release identifiers have no leading zeros');
});
