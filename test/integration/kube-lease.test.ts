import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LeaseClient } from '../../src/kube/index.ts';
import { testCluster, testNamespace } from '../support/cluster.ts';

test('a Lease is held by one holder at a time, renewed by it, and taken over once expired', async () => {
  const { kc } = await testCluster();
  const ns = await testNamespace('lease');
  let clock = Date.now();
  const a = new LeaseClient(kc, () => clock);
  const b = new LeaseClient(kc, () => clock);

  assert.equal((await a.acquire('rel', ns, 'a', 30)).holder, 'a');
  assert.equal((await b.acquire('rel', ns, 'b', 30)).holder, 'a', 'b cannot take a live lease');
  clock += 20_000;
  assert.equal((await a.acquire('rel', ns, 'a', 30)).holder, 'a', 'a renews');
  clock += 20_000;
  assert.equal((await b.acquire('rel', ns, 'b', 30)).holder, 'a', 'the renewal moved the deadline');
  clock += 15_000;
  const taken = await b.acquire('rel', ns, 'b', 30);
  assert.equal(taken.holder, 'b', 'an expired lease is taken over');
  await a.release('rel', ns, 'a');
  assert.equal((await a.get('rel', ns))?.holder, 'b', 'a cannot release what it no longer holds');
  await b.release('rel', ns, 'b');
  assert.equal((await a.acquire('rel', ns, 'a', 30)).holder, 'a', 'a released lease is free');
});
