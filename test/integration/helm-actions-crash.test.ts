/**
 * Crash tests: the Capstan process is SIGKILLed at every step of an upgrade; the next run completes (or
 * recovers the stale pending revision) every time, history stays intact, nothing is stuck for helm either.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { capstan, helm, ok } from '../support/capstan-cli.ts';
import { testNamespace } from '../support/cluster.ts';

const hooked = join(import.meta.dirname, '..', 'fixtures', 'charts', 'hooked');
const points = ['before-pending', 'after-pending', 'mid-hook', 'mid-apply', 'mid-wait', 'before-final'];

for (const point of points) {
  test(`crash at ${point}: the next upgrade completes and history is intact`, async () => {
    const ns = await testNamespace(`crash-${point}`);
    await ok(capstan(['install', 'app', hooked, '-n', ns, '--wait']), 'install');
    const crashed = await capstan(['upgrade', 'app', hooked, '-n', ns, '--set', 'greeting=crash', '--wait'], { CAPSTAN_CRASH_AT: point });
    assert.equal(crashed.signal, 'SIGKILL', `the process died at ${point}: ${crashed.stderr}`);

    await ok(capstan(['upgrade', 'app', hooked, '-n', ns, '--set', 'greeting=after', '--wait']), 'upgrade after the crash');
    const h = JSON.parse(await ok(helm(['history', 'app', '-n', ns, '-o', 'json']))) as { revision: number; status: string; description: string }[];
    assert.deepEqual(h.map((x) => x.revision), h.map((_, i) => i + 1), 'revisions are contiguous');
    assert.equal(h.filter((x) => x.status === 'deployed').length, 1, 'exactly one deployed');
    assert.equal(h.at(-1)?.status, 'deployed');
    assert.ok(!h.some((x) => x.status.startsWith('pending-')), 'nothing pending');
    if (point === 'before-pending') assert.equal(h.length, 2);
    else {
      assert.equal(h.length, 3);
      assert.equal(h[1]?.status, 'failed');
      assert.match(h[1]?.description ?? '', /did not finish; recovered by capstan-cli@/);
    }
    assert.match(await ok(helm(['get', 'values', 'app', '-n', ns])), /greeting: after/);
    // and the helm CLI is not blocked either
    await ok(helm(['upgrade', 'app', hooked, '-n', ns, '--set', 'greeting=helm']), 'helm upgrade');
  });
}
