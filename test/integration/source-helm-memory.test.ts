/**
 * The memory bound of the index reader: resolving one chart from a generated 26 MB index (tens of thousands of
 * entries) must not take more than 60 MiB of heap. Flux and Helm parse the whole document and need hundreds of
 * MiB for such an index (a general YAML parse of this file peaks near 1 GiB here). Measured in a child process
 * (clean heap, `--expose-gc` baseline) whose old space is capped, so a regression that materialises the index
 * dies of OOM rather than passing slowly.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChartRepoServer, type ChartRepoServer } from '../support/chart-repo-server.ts';
import type { ProbeResult } from '../support/helm-index-heap-probe.ts';
import { writeLargeIndex, type LargeIndexInfo } from '../support/large-index.ts';

const LIMIT_MIB = 60;
const probe = join(import.meta.dirname, '..', 'support', 'helm-index-heap-probe.ts');
const wantedVersions = Array.from({ length: 60 }, (_, i) => `${1 + Math.floor(i / 10)}.${i % 10}.0`).concat(['9.0.0-rc.1']);

let dir: string;
let info: LargeIndexInfo;
let plain: ChartRepoServer;
let gzip: ChartRepoServer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'capstan-bigindex-'));
  info = await writeLargeIndex(join(dir, 'index.yaml'), { targetBytes: 26_000_000, wanted: { name: 'wanted', versions: wantedVersions } });
  plain = await startChartRepoServer({ dir });
  gzip = await startChartRepoServer({ dir, gzip: true });
});

after(async () => {
  await plain.close();
  await gzip.close();
  rmSync(dir, { recursive: true, force: true });
});

function runProbe(url: string, chart: string, constraint: string): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=64', probe, url, chart, constraint], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`probe exited ${code}: ${err}`));
      resolve(JSON.parse(out) as ProbeResult);
    });
  });
}

test('the generated index is the size the bound is stated for', () => {
  assert.ok(info.bytes >= 26_000_000 && info.bytes < 27_000_000, `${info.bytes} bytes`);
  assert.ok(info.versions > 20_000, `${info.versions} entries`);
});

for (const [name, server] of [['plain', () => plain], ['gzip-encoded', () => gzip]] as const) {
  test(`resolving a chart from a 26 MB ${name} index stays under ${LIMIT_MIB} MiB of heap`, async (t) => {
    const r = await runProbe(server().url, 'wanted', '^6');
    t.diagnostic(`cold: ${r.cold.ms.toFixed(0)} ms, peak heap ${r.cold.peakHeapMiB.toFixed(1)} MiB (baseline ${r.baseHeapMiB.toFixed(1)} MiB); `
      + `304: ${r.cached.ms.toFixed(1)} ms, peak ${r.cached.peakHeapMiB.toFixed(1)} MiB`);
    assert.equal(r.version, '6.9.0');
    assert.equal(r.chartCount, info.charts);
    assert.equal(r.versionCount, info.versions);
    assert.ok(r.cold.peakHeapMiB <= LIMIT_MIB, `peak ${r.cold.peakHeapMiB.toFixed(1)} MiB`);
    assert.equal(r.cached.fromCache, true);
    assert.ok(r.cached.peakHeapMiB <= LIMIT_MIB, `peak ${r.cached.peakHeapMiB.toFixed(1)} MiB`);
  });
}
