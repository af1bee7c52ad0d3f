import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MaxOfRateLimiter, ExponentialFailureRateLimiter, TokenBucketRateLimiter, TerminalError, WorkQueue, isTerminal, settle, defaultControllerRateLimiter } from '../../../src/controller/index.ts';

test('the token bucket lets a burst through, then spaces retries at 1/qps', () => {
  let now = 0;
  const tb = new TokenBucketRateLimiter(10, 3, () => now);
  assert.deepEqual([tb.when('a'), tb.when('b'), tb.when('c')], [0, 0, 0]);
  assert.deepEqual([tb.when('d'), tb.when('e')], [100, 200], 'each further retry waits for its own token');
  now += 1000;
  assert.equal(tb.when('f'), 0, 'refilled (up to the burst) after a second');
});

test('the default limiter is the larger of per-key backoff and the overall bucket', () => {
  const rl = new MaxOfRateLimiter(new ExponentialFailureRateLimiter(5, 1_000_000), new TokenBucketRateLimiter(10, 100, () => 0));
  assert.equal(rl.when('a'), 5);
  assert.equal(rl.when('a'), 10);
  for (let i = 0; i < 98; i++) rl.when(`k${i}`);
  assert.equal(rl.when('z'), 100, 'bucket empty: 100 ms beats the 5 ms first backoff');
  rl.forget('a');
  assert.equal(rl.retries('a'), 0);
  assert.equal(defaultControllerRateLimiter().when('x'), 5);
});

test('TerminalError is found through cause chains', () => {
  const t = new TerminalError('spec.chart is missing');
  assert.equal(t.code, 'Terminal');
  assert.ok(isTerminal(t));
  assert.ok(isTerminal(new Error('reconcile', { cause: new Error('wrap', { cause: t }) })));
  assert.ok(!isTerminal(new Error('transient')));
  assert.ok(!isTerminal(undefined));
  assert.ok(TerminalError.wrap(new Error('x')).cause instanceof Error);
});

test('requeue rules: error → rate-limited, terminal → dropped, requeueAfter → forget + delay, success → forget', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 0 });
  const q = new WorkQueue();

  assert.equal(settle(q, 'err', { ok: false, error: new Error('boom') }), 'error');
  assert.equal(settle(q, 'err', { ok: false, error: new Error('boom') }), 'error');
  assert.equal(q.numRequeues('err'), 2);
  t.mock.timers.tick(5);
  assert.equal(q.len(), 1, 'retried after the first backoff');

  settle(q, 'term', { ok: false, error: new Error('bad') });
  assert.equal(settle(q, 'term', { ok: false, error: new Error('invalid', { cause: new TerminalError('bad spec') }) }), 'terminal_error');
  assert.equal(q.numRequeues('term'), 0, 'terminal: backoff forgotten');
  t.mock.timers.tick(1_000_000);
  assert.equal(q.len(), 2, 'terminal: the earlier pending retry still fires, nothing new is added');

  settle(q, 'later', { ok: false, error: new Error('x') });
  assert.equal(settle(q, 'later', { ok: true, result: { requeueAfter: 60_000 } }), 'requeue_after');
  assert.equal(q.numRequeues('later'), 0);
  t.mock.timers.tick(59_999);
  assert.equal(q.len(), 3, 'the 5 ms retry fired first (earliest wins)');

  settle(q, 'ok', { ok: false, error: new Error('x') });
  assert.equal(settle(q, 'ok', { ok: true, result: {} }), 'success');
  assert.equal(q.numRequeues('ok'), 0);
});
