import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as C from '../../../src/chart/index.ts';
import { goMatch } from '../../../src/chart/go-match.ts';

test('filepath.Match semantics', () => {
  const table: Array<[string, string, boolean]> = [
    ['*.txt', 'a.txt', true],
    ['*.txt', 'dir/a.txt', false],
    ['a?c', 'abc', true],
    ['a?c', 'a/c', false],
    ['[a-c]x', 'bx', true],
    ['[^a-c]x', 'bx', false],
    ['\\*x', '*x', true],
    ['dir/*', 'dir/a', true],
    ['dir/*', 'dir/a/b', false],
    ['*', '', true],
  ];
  for (const [p, n, want] of table) assert.equal(goMatch(p, n), want, `${p} ${n}`);
  assert.throws(() => goMatch('[', 'x'), { message: 'syntax error in pattern' });
  assert.throws(() => goMatch('a\\', 'a'), { message: 'syntax error in pattern' });
});

test('.helmignore rules', () => {
  const r = C.IgnoreRules.parse('# c\n\n*.bak\n/root.txt\ndocs/\nsub/*.md\n');
  r.addDefaults();
  assert.equal(r.ignore('x.bak', false), true);
  assert.equal(r.ignore('a/b/x.bak', false), true);
  assert.equal(r.ignore('root.txt', false), true);
  assert.equal(r.ignore('a/root.txt', false), false);
  assert.equal(r.ignore('docs', true), true);
  assert.equal(r.ignore('docs', false), false);
  assert.equal(r.ignore('sub/a.md', false), true);
  assert.equal(r.ignore('other/sub/a.md', false), false);
  assert.equal(r.ignore('templates/.hidden', false), true);
  assert.equal(r.ignore('templates/x.yaml', false), false);
  assert.equal(r.ignore('.', true), false);
  // a negated rule that does not match ignores the path (Helm's pkg/ignore semantics)
  const neg = C.IgnoreRules.parse('!keep.txt\n');
  assert.equal(neg.ignore('Chart.yaml', false), true);
  assert.equal(neg.ignore('keep.txt', false), false);
  assert.throws(() => C.IgnoreRules.parse('a/**/b\n'), { message: 'double-star (**) syntax is not supported' });
});
