import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filepathMatch } from '../../../src/render/path-match.ts';

test('filepath.Match semantics', () => {
  const cases: [string, string, boolean][] = [
    ['templates/x.yaml', 'templates/x.yaml', true],
    ['templates/*', 'templates/x.yaml', true],
    ['templates/*', 'templates/sub/x.yaml', false],
    ['templates/*.yaml', 'templates/x.yml', false],
    ['templates/?.yaml', 'templates/x.yaml', true],
    ['templates/[a-x].yaml', 'templates/x.yaml', true],
    ['templates/[^a-x].yaml', 'templates/x.yaml', false],
    ['templates/\\*.yaml', 'templates/*.yaml', true],
    ['templates/[', 'templates/[', false],
    ['templates', 'templates/x.yaml', false],
    ['*/*/*', 'charts/sub/templates', true],
  ];
  for (const [pattern, name, want] of cases) assert.equal(filepathMatch(pattern, name), want, `${pattern} ~ ${name}`);
});
