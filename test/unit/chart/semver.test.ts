import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as C from '../../../src/chart/index.ts';

test('isValidSemver (Masterminds NewVersion)', () => {
  for (const ok of ['1', '1.2', '1.2.3', 'v1.2.3', '1.2.3-rc.1', '1.2.3+build.5', '0.0.0', '1.2.3-0', '01.2.3']) {
    assert.equal(C.isValidSemver(ok), true, ok);
  }
  for (const bad of ['', 'abc', '1.2.3.4', '1.2.3-01', '1.2.3-', 'v', '1.2.3+', ' 1.2.3']) {
    assert.equal(C.isValidSemver(bad), false, bad);
  }
});

test('defaultIsCompatibleRange (Masterminds constraints)', () => {
  const table: Array<[string, string, boolean]> = [
    ['1.x', '1.2.3', true],
    ['1.x', '2.0.0', false],
    ['~1.2.0', '1.2.9', true],
    ['~1.2.0', '1.3.0', false],
    ['^1.2.0', '1.9.0', true],
    ['^0.2.0', '0.3.0', false],
    ['>=1.0.0', '1.2.3', true],
    ['>=1.25.0-0', 'v1.31.0', true],
    ['>=1.25.0-0', 'v1.24.0', false],
    ['>=1.25.0', '1.26.0-rc.1', false],
    ['1.2.3', '1.2.3', true],
    ['1.2 - 1.4', '1.3.7', true],
    ['1.2 - 1.4', '1.5.0', false],
    ['<1.0 || >=2.0', '2.1.0', true],
    ['>1.0, <1.5', '1.6.0', false],
    ['!=1.2.3', '1.2.3', false],
    ['*', '5.0.0', true],
    ['', '1.0.0', false],
    ['1.0.0', 'not-a-version', false],
  ];
  for (const [c, v, want] of table) assert.equal(C.defaultIsCompatibleRange(c, v), want, `${c} ${v}`);
});
