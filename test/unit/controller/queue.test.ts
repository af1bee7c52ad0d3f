import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as tick } from 'node:timers/promises';
import { WorkQueue, ExponentialFailureRateLimiter, type QueueMetrics } from '../../../src/controller/index.ts';

function counting(): QueueMetrics & { adds: number; retries: number; depths: number[] } {
  const m = { adds: 0, retries: 0, depths: [] as number[], added: () => { m.adds++; }, retried: () => { m.retries++; }, depth: (n: number) => { m.depths.push(n); } };
  return m;
}

test('a key added many times is queued once, in first-added order', async () => {
  const metrics = counting();
  const q = new WorkQueue({ metrics });
  for (const k of ['a', 'b', 'a', 'a', 'c', 'b']) q.add(k);
  assert.equal(q.len(), 3);
  assert.equal(metrics.adds, 3, 'only adds that changed the queue count');
  assert.deepEqual([await q.get(), await q.get(), await q.get()], ['a', 'b', 'c']);
  assert.equal(q.len(), 0);
  assert.equal(metrics.depths.at(-1), 0, 'the depth gauge follows the queue');
});

test('a key being processed is not handed out again, and a re-add while processing is processed after done', async () => {
  const q = new WorkQueue();
  q.add('a');
  assert.equal(await q.get(), 'a');
  q.add('a');
  q.add('a');
  assert.equal(q.len(), 0, 'not queued while processing');
  let second: string | undefined;
  const waiting = q.get().then((k) => { second = k; });
  await tick();
  assert.equal(second, undefined, 'a second worker gets nothing while the key is processing');
  q.done('a');
  await waiting;
  assert.equal(second, 'a', 'the re-added key is processed again after done');
  q.done('a');
  assert.equal(q.len(), 0, 'and only once');
});

test('N workers never reconcile one key at the same time, and every last add is processed', async () => {
  const q = new WorkQueue();
  const inFlight = new Set<string>();
  const processedAfterLastAdd = new Map<string, boolean>();
  let overlaps = 0;
  let stop = false;
  const worker = async (): Promise<void> => {
    while (!stop) {
      const key = await q.get();
      if (key === undefined) return;
      if (inFlight.has(key)) overlaps++;
      inFlight.add(key);
      processedAfterLastAdd.set(key, true);
      await new Promise((r) => setTimeout(r, Math.random() * 3));
      inFlight.delete(key);
      q.done(key);
    }
  };
  const workers = Array.from({ length: 8 }, worker);
  for (let i = 0; i < 400; i++) {
    const key = `k${i % 7}`;
    processedAfterLastAdd.set(key, false);
    q.add(key);
    if (i % 13 === 0) await new Promise((r) => setTimeout(r, 1));
  }
  while (q.len() > 0 || q.processing() > 0) await new Promise((r) => setTimeout(r, 5));
  stop = true;
  q.shutDown();
  await Promise.all(workers);
  assert.equal(overlaps, 0);
  assert.deepEqual([...processedAfterLastAdd.values()].filter((v) => !v), []);
});

test('addAfter delays a key; the earliest pending time wins', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 0 });
  const q = new WorkQueue();
  q.addAfter('a', 100);
  t.mock.timers.tick(99);
  assert.equal(q.len(), 0);
  t.mock.timers.tick(1);
  assert.equal(q.len(), 1);

  q.addAfter('b', 1000);
  q.addAfter('b', 10);
  q.addAfter('b', 5000);
  t.mock.timers.tick(10);
  assert.equal(q.len(), 2, 'the earlier time replaced the later one');
  t.mock.timers.tick(5000);
  assert.equal(q.len(), 2, 'the later add was dropped, not queued twice');
  q.addAfter('c', 0);
  assert.equal(q.len(), 3, 'no delay adds at once');
});

test('per-key backoff grows 5 ms, 10 ms, 20 ms … up to 1000 s, and forget resets it', () => {
  const rl = new ExponentialFailureRateLimiter();
  const delays = Array.from({ length: 6 }, () => rl.when('a'));
  assert.deepEqual(delays, [5, 10, 20, 40, 80, 160]);
  assert.equal(rl.retries('a'), 6);
  assert.equal(rl.when('b'), 5, 'keys back off independently');
  for (let i = 0; i < 30; i++) rl.when('a');
  assert.equal(rl.when('a'), 1_000_000, 'capped at 1000 s');
  for (let i = 0; i < 2000; i++) rl.when('c');
  assert.equal(rl.when('c'), 1_000_000, 'no overflow past 2^1023');
  rl.forget('a');
  assert.equal(rl.retries('a'), 0);
  assert.equal(rl.when('a'), 5);
});

test('addRateLimited requeues after the growing backoff and counts retries', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 0 });
  const metrics = counting();
  const q = new WorkQueue({ metrics });
  q.addRateLimited('a');
  assert.equal(q.numRequeues('a'), 1);
  t.mock.timers.tick(4);
  assert.equal(q.len(), 0);
  t.mock.timers.tick(1);
  assert.equal(q.len(), 1, 'first retry after 5 ms');
  q.addRateLimited('x');
  q.addRateLimited('x');
  assert.equal(q.numRequeues('x'), 2);
  q.forget('x');
  assert.equal(q.numRequeues('x'), 0);
  assert.equal(metrics.retries, 3);
});

test('shutDownWithDrain stops handing out keys and waits for in-flight ones', async () => {
  const q = new WorkQueue();
  q.add('a');
  q.add('b');
  const key = await q.get();
  assert.equal(key, 'a');
  let drained: boolean | undefined;
  const draining = q.shutDownWithDrain(10_000).then((d) => { drained = d; });
  assert.equal(await q.get(), undefined, 'no new keys after shutdown, though b was queued');
  q.add('c');
  q.addAfter('d', 1);
  q.addRateLimited('e');
  assert.equal(q.len(), 1, 'adds after shutdown are ignored');
  await tick();
  assert.equal(drained, undefined, 'still waiting for a');
  q.done('a');
  await draining;
  assert.equal(drained, true);
});

test('drain gives up at its deadline', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const q = new WorkQueue();
    q.add('a');
    await q.get();
    const result = q.shutDownWithDrain(500);
    mock.timers.tick(500);
    assert.equal(await result, false);
  } finally {
    mock.timers.reset();
  }
});

test('a worker waiting in get() is released with undefined on shutdown', async () => {
  const q = new WorkQueue();
  const waiting = q.get();
  q.shutDown();
  assert.equal(await waiting, undefined);
});
