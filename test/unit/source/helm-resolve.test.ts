import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  HelmRepositoryError,
  resolveChartVersion,
  sortNewestFirst,
  type ChartVersionEntry,
} from '../../../src/source/helm-repository/index.ts';

const repo = 'https://user:secret@charts.example.invalid/stable';
const versions = ['1.0.0', '1.2.0', '1.10.0', '2.0.0-rc.1', '2.0.0-alpha.2', '1.9.9+build.7', '0.1.0', 'v3.0.0-beta'];
const entry = (version: string): ChartVersionEntry => ({ name: 'app', version, urls: [`app-${version}.tgz`] });
const entries = new Map([['app', sortNewestFirst(versions.map(entry))], ['empty', []]]);

test('versions are ordered newest first by semver, not by text', () => {
  assert.deepEqual(entries.get('app')?.map((e) => e.version),
    ['v3.0.0-beta', '2.0.0-rc.1', '2.0.0-alpha.2', '1.10.0', '1.9.9+build.7', '1.2.0', '1.0.0', '0.1.0']);
});

const picks: [string, string][] = [
  ['', '1.10.0'],
  ['*', '1.10.0'],
  ['^1', '1.10.0'],
  ['~1.2', '1.2.0'],
  ['1.2.x', '1.2.0'],
  ['>=1.0.0 <1.5.0', '1.2.0'],
  ['1.0.0', '1.0.0'],
  ['=1.0.0', '1.0.0'],
  ['1.9.9+build.7', '1.9.9+build.7'],
  ['v3.0.0-beta', 'v3.0.0-beta'],
  ['>=2.0.0-0', 'v3.0.0-beta'],
  ['*-0', 'v3.0.0-beta'],
  ['^2.0.0-0', '2.0.0-rc.1'],
  ['~2.0.0-alpha', '2.0.0-rc.1'],
  ['<1', '0.1.0'],
  ['1.0.0 || 1.2.0', '1.2.0'],
];

for (const [constraint, want] of picks) {
  test(`constraint ${JSON.stringify(constraint)} picks ${want}`, () => {
    assert.equal(resolveChartVersion(entries, 'app', constraint, repo).version, want);
  });
}

const misses: [string, string, string, string][] = [
  ['app', '>=5', 'chart "app" version ">=5" not found in https://charts.example.invalid/stable repository', 'no chart version found for app->=5'],
  ['app', '2.0.0', 'chart "app" version "2.0.0" not found in https://charts.example.invalid/stable repository', 'no chart version found for app-2.0.0'],
  ['nope', '', 'chart "nope" not found in https://charts.example.invalid/stable repository', 'no chart name found'],
  ['empty', '1.0.0', 'chart "empty" version "1.0.0" not found in https://charts.example.invalid/stable repository', 'no chart version found'],
];

for (const [chart, constraint, message, cause] of misses) {
  test(`${chart}@${JSON.stringify(constraint)} fails with Helm's words, credentials redacted`, () => {
    assert.throws(() => resolveChartVersion(entries, chart, constraint, repo), (e: unknown) => {
      assert.ok(e instanceof HelmRepositoryError);
      assert.equal(e.code, 'ChartNotFound');
      assert.equal(e.message, message);
      assert.equal((e.cause as Error).message, cause);
      assert.equal(e.url, 'https://charts.example.invalid/stable');
      return true;
    });
  });
}

test('a constraint that does not parse is InvalidConstraint, with the semver error as cause', () => {
  assert.throws(() => resolveChartVersion(entries, 'app', 'one point two', repo), (e: unknown) => {
    assert.ok(e instanceof HelmRepositoryError);
    assert.equal(e.code, 'InvalidConstraint');
    assert.match((e.cause as Error).message, /improper constraint: one point two/);
    return true;
  });
});
