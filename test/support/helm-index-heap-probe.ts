/**
 * Child-process probe for the memory test and the benchmark: resolves one chart from a repository twice
 * (cold, then again with the ETag cache) and prints, as one JSON line on stdout, the time and the peak
 * `process.memoryUsage().heapUsed` of each resolve. Run it with `--expose-gc` (for a clean baseline) and a
 * `--max-old-space-size` guard.
 *
 * Usage: node --expose-gc --max-old-space-size=64 helm-index-heap-probe.ts URL CHART CONSTRAINT
 */
import { HelmRepositoryClient } from '../../src/source/helm-repository/index.ts';
import { createRootLogger } from '../../src/observability/logger.ts';

export interface ProbeRun {
  readonly ms: number;
  readonly peakHeapMiB: number;
  readonly fromCache: boolean;
}

export interface ProbeResult {
  readonly baseHeapMiB: number;
  readonly version: string;
  readonly chartCount: number;
  readonly versionCount: number;
  readonly cold: ProbeRun;
  readonly cached: ProbeRun;
}

const MiB = 1024 * 1024;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function measure<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peak: number }> {
  let peak = process.memoryUsage().heapUsed;
  const sample = (): void => {
    const h = process.memoryUsage().heapUsed;
    if (h > peak) peak = h;
  };
  const timer = setInterval(sample, 1);
  const t0 = performance.now();
  try {
    const value = await fn();
    sample();
    return { value, ms: performance.now() - t0, peak };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const [url, chart, constraint] = process.argv.slice(2);
  if (url === undefined || chart === undefined) throw new Error('usage: helm-index-heap-probe.ts URL CHART [CONSTRAINT]');
  const client = new HelmRepositoryClient({ url, logger: createRootLogger({ level: 'silent' }) });
  gc();
  const base = process.memoryUsage().heapUsed;
  const cold = await measure(() => client.resolve(chart, constraint ?? ''));
  const index = client.cached();
  gc();
  const cached = await measure(() => client.fetchIndex([chart]));
  client.close();
  const result: ProbeResult = {
    baseHeapMiB: base / MiB,
    version: cold.value.version,
    chartCount: index?.chartCount ?? 0,
    versionCount: index?.versionCount ?? 0,
    cold: { ms: cold.ms, peakHeapMiB: cold.peak / MiB, fromCache: false },
    cached: { ms: cached.ms, peakHeapMiB: cached.peak / MiB, fromCache: cached.value.fromCache },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (import.meta.main) await main();
