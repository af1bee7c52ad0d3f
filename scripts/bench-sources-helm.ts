/**
 * Benchmark of the Helm repository index reader (part of `npm run bench -- sources`): resolves one chart from a
 * generated 26 MB index served on loopback, cold and then again through the ETag cache (304), in a fresh child
 * process per run so that the heap figures are clean. Reports medians of the times and the highest peak heap.
 * Run alone: `node scripts/bench-sources-helm.ts`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChartRepoServer } from '../test/support/chart-repo-server.ts';
import type { ProbeResult } from '../test/support/helm-index-heap-probe.ts';
import { writeLargeIndex } from '../test/support/large-index.ts';

const RUNS = 5;
const probe = join(import.meta.dirname, '..', 'test', 'support', 'helm-index-heap-probe.ts');

function runProbe(url: string): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=512', probe, url, 'wanted', '^6'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as ProbeResult) : reject(new Error(`probe exited ${code}: ${err}`))));
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Peak heap (MiB) and time (ms) to resolve a chart from a 26 MB index, cold and with the ETag cache. */
export async function benchHelmRepo(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'capstan-bench-index-'));
  const versions = Array.from({ length: 60 }, (_, i) => `${1 + Math.floor(i / 10)}.${i % 10}.0`);
  const info = await writeLargeIndex(join(dir, 'index.yaml'), { targetBytes: 26_000_000, wanted: { name: 'wanted', versions } });
  const server = await startChartRepoServer({ dir });
  try {
    const runs: ProbeResult[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await runProbe(server.url));
    return {
      helm_index_mb: round(info.bytes / 1e6),
      helm_index_entries: info.versions,
      helm_index_cold_ms: round(median(runs.map((r) => r.cold.ms))),
      helm_index_cold_peak_heap_mib: round(Math.max(...runs.map((r) => r.cold.peakHeapMiB))),
      helm_index_etag_ms: round(median(runs.map((r) => r.cached.ms)), 2),
      helm_index_etag_peak_heap_mib: round(Math.max(...runs.map((r) => r.cached.peakHeapMiB))),
      helm_index_base_heap_mib: round(median(runs.map((r) => r.baseHeapMiB))),
    };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) console.log(JSON.stringify(await benchHelmRepo(), null, 2));
