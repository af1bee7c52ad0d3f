import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { GitPoller, GitSourceError, jitteredInterval, type GitArtifact, type GitFetchRequest } from '../../../src/source/git/index.ts';

test('jitteredInterval spreads the interval by ± the fraction', () => {
  assert.equal(jitteredInterval(60_000, 0.05, () => 0), 57_000);
  assert.equal(jitteredInterval(60_000, 0.05, () => 0.5), 60_000);
  assert.equal(jitteredInterval(60_000, 0.05, () => 1), 63_000);
  assert.equal(jitteredInterval(60_000, 0), 60_000);
  for (let i = 0; i < 200; i++) {
    const v = jitteredInterval(10_000);
    assert.ok(v >= 9_500 && v <= 10_500, String(v));
  }
});

function artifact(commit: string): GitArtifact {
  return { url: 'u', revision: `main@sha1:${commit}`, commit, digest: `sha256:${'0'.repeat(64)}`, size: 1, path: '/x', files: 1, bytes: 1, reusedCache: true, upToDate: false };
}

test('a failed poll keeps the last good artifact and reports the error; the next success clears it', async () => {
  const results: (GitArtifact | GitSourceError)[] = [artifact('a'.repeat(40)), new GitSourceError('Unreachable', 'u', 'cannot reach u'), artifact('b'.repeat(40))];
  const requests: GitFetchRequest[] = [];
  const updates: string[] = [];
  const poller = new GitPoller({
    source: {
      fetch: async (req) => {
        requests.push(req);
        const r = results.shift();
        if (r instanceof GitSourceError) throw r;
        return r ?? artifact('c'.repeat(40));
      },
    },
    request: { cacheKey: 'ns/x', url: 'u' },
    intervalMs: 3_600_000,
    log: pino({ level: 'silent' }),
    onUpdate: (s) => updates.push(`${s.artifact?.commit.slice(0, 1) ?? '-'}/${s.error?.code ?? '-'}`),
  });
  const s1 = await poller.pollNow();
  assert.equal(s1.artifact?.commit, 'a'.repeat(40));
  const s2 = await poller.pollNow();
  assert.equal(s2.artifact?.commit, 'a'.repeat(40), 'kept');
  assert.equal(s2.error?.code, 'Unreachable');
  const s3 = await poller.pollNow();
  assert.equal(s3.artifact?.commit, 'b'.repeat(40));
  assert.equal(s3.error, undefined);
  assert.deepEqual(updates, ['a/-', 'a/Unreachable', 'b/-']);
  assert.ok(requests.every((r) => r.signal instanceof AbortSignal));
  await poller.stop();
});

test('start polls at once, stop aborts the fetch in progress', async () => {
  let aborted = false;
  const poller = new GitPoller({
    source: {
      fetch: (req) => new Promise<GitArtifact>((_resolve, reject) => {
        req.signal?.addEventListener('abort', () => {
          aborted = true;
          reject(new GitSourceError('Cancelled', 'u', 'cancelled'));
        });
      }),
    },
    request: { cacheKey: 'ns/x', url: 'u' },
    intervalMs: 1000,
    log: pino({ level: 'silent' }),
  });
  poller.start();
  await new Promise((r) => setTimeout(r, 20));
  await poller.stop();
  assert.ok(aborted);
  assert.equal(poller.state.error?.code, 'Cancelled');
});
