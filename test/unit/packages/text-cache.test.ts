/**
 * @capstan/text-cache: least recently used eviction, one budget shared by shares, the budget lowered
 * at run time, oversized texts skipped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextCache, setTextCacheBudget, textCacheBudget, textCacheStats } from '@capstan/text-cache';

test('text cache: least recently used entries go first, within the cache share of the budget', (t) => {
  const before = textCacheBudget();
  t.after(() => setTextCacheBudget(before));
  const a = new TextCache<number>({ name: 'test-a', bytesPerChar: 1, share: 0, maxEntryChars: 100 });
  // a share of 0 gets nothing: every set is evicted at once
  a.set('x', 1);
  assert.equal(a.get('x'), undefined);

  const b = new TextCache<number>({ name: 'test-b', bytesPerChar: 2, share: 1e9, maxEntryChars: 10 });
  // b's share dominates: its limit is about budget / bytesPerChar characters
  setTextCacheBudget(20); // 10 characters for b
  b.set('aaaa', 1);
  b.set('bbbb', 2);
  assert.equal(b.get('aaaa'), 1); // touch: bbbb is now the least recently used
  b.set('cc', 3); // 10 characters: still fits
  assert.deepEqual([b.get('aaaa'), b.get('bbbb'), b.get('cc')], [1, 2, 3]);
  b.set('dd', 4); // 12 > 10: the least recently used (aaaa, touched before bbbb and cc) goes
  assert.equal(b.get('aaaa'), undefined);
  assert.equal(b.get('dd'), 4);
  b.set('a very long text', 5); // over maxEntryChars: not cached
  assert.equal(b.get('a very long text'), undefined);
  const s = textCacheStats().find((x) => x.name === 'test-b')!;
  assert.equal(s.entries, 3);
  assert.equal(s.chars, 8);
  assert.equal(s.estimatedBytes, 16);

  setTextCacheBudget(8); // 4 characters: evicts down at once
  assert.equal(textCacheStats().find((x) => x.name === 'test-b')!.chars <= 4, true);
  setTextCacheBudget(0);
  assert.equal(textCacheStats().find((x) => x.name === 'test-b')!.entries, 0);
  assert.throws(() => setTextCacheBudget(-1), /non-negative/);
});
