/**
 * npm run conformance [-- --cases FILE] [--only PREFIX] [--verbose] [--timeout SECONDS]
 *
 * Renders every case of ../shared/conformance/cases.jsonl in-process (see
 * src/render/conformance-case.ts), prints pass rates per area and overall, the failing ids with a
 * one-line diff, and as the very last line a JSON summary
 * `{"total":N,"passed":N,"failed":N,"byArea":{...}}`.
 *
 * Cases run in a worker thread with a large stack; a case that does not finish within the timeout
 * is recorded as failed and the worker is restarted after it, so one bad case cannot hang the run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { CaseResult, ConformanceCase } from '../src/render/conformance-case.ts';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '..');

interface WorkerInput {
  cases: ConformanceCase[];
  start: number;
}

type WorkerMessage = { type: 'start'; index: number } | { type: 'result'; index: number; result: CaseResult } | { type: 'done' };

async function workerMain(): Promise<void> {
  const { runCase } = await import('../src/render/conformance-case.ts');
  const input = workerData as WorkerInput;
  const port = parentPort!;
  for (let i = input.start; i < input.cases.length; i++) {
    const c = input.cases[i]!;
    port.postMessage({ type: 'start', index: i } satisfies WorkerMessage);
    let result: CaseResult;
    try {
      result = runCase(c);
    } catch (e) {
      const err = e as Error;
      result = {
        id: c.id,
        area: c.area,
        pass: false,
        kind: c.expectError !== undefined ? 'expectError' : c.expectRegex !== undefined ? 'expectRegex' : 'expect',
        expected: c.expectError ?? c.expectRegex ?? c.expect ?? '',
        actual: `[crash] ${err.name}: ${err.message}`,
      };
    }
    port.postMessage({ type: 'result', index: i, result } satisfies WorkerMessage);
  }
  port.postMessage({ type: 'done' } satisfies WorkerMessage);
}

interface Cli {
  casesFile: string;
  only: string | undefined;
  verbose: boolean;
  timeoutMs: number;
}

function parseCli(argv: readonly string[]): Cli {
  const cli: Cli = {
    casesFile: resolve(projectRoot, '../shared/conformance/cases.jsonl'),
    only: undefined,
    verbose: false,
    timeoutMs: 10_000,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--cases') cli.casesFile = resolve(value());
    else if (a.startsWith('--cases=')) cli.casesFile = resolve(a.slice('--cases='.length));
    else if (a === '--only') cli.only = value();
    else if (a.startsWith('--only=')) cli.only = a.slice('--only='.length);
    else if (a === '--verbose' || a === '-v') cli.verbose = true;
    else if (a === '--timeout') cli.timeoutMs = Number(value()) * 1000;
    else throw new Error(`unknown argument ${a}`);
  }
  return cli;
}

function runAll(cases: ConformanceCase[], timeoutMs: number, onResult: (r: CaseResult) => void): Promise<void> {
  return new Promise((resolveAll) => {
    const launch = (start: number): void => {
      if (start >= cases.length) {
        resolveAll();
        return;
      }
      const worker = new Worker(fileURLToPath(import.meta.url), {
        workerData: { cases, start } satisfies WorkerInput,
        resourceLimits: { stackSizeMb: 256, maxOldGenerationSizeMb: 4096 },
      });
      let current = start;
      let finished = false;
      let timer: NodeJS.Timeout | undefined;
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (finished) return;
          finished = true;
          const c = cases[current]!;
          onResult({
            id: c.id,
            area: c.area,
            pass: false,
            kind: c.expectError !== undefined ? 'expectError' : c.expectRegex !== undefined ? 'expectRegex' : 'expect',
            expected: c.expectError ?? c.expectRegex ?? c.expect ?? '',
            actual: `[timeout] no result after ${timeoutMs / 1000}s`,
          });
          void worker.terminate();
          launch(current + 1);
        }, timeoutMs);
      };
      arm();
      worker.on('message', (m: WorkerMessage) => {
        if (finished) return;
        if (m.type === 'start') {
          current = m.index;
          arm();
        } else if (m.type === 'result') {
          onResult(m.result);
        } else {
          finished = true;
          clearTimeout(timer);
          void worker.terminate();
          resolveAll();
        }
      });
      worker.on('error', (e: Error) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        const c = cases[current]!;
        onResult({
          id: c.id,
          area: c.area,
          pass: false,
          kind: 'expect',
          expected: c.expectError ?? c.expectRegex ?? c.expect ?? '',
          actual: `[worker crash] ${e.name}: ${e.message}`,
        });
        launch(current + 1);
      });
    };
    launch(0);
  });
}

async function main(): Promise<void> {
  const { oneLineDiff } = await import('../src/render/conformance-case.ts');
  const cli = parseCli(process.argv.slice(2));
  if (!existsSync(cli.casesFile)) {
    console.log(`conformance: no cases file at ${cli.casesFile}; nothing to run.`);
    console.log(JSON.stringify({ total: 0, passed: 0, failed: 0, byArea: {} }));
    return;
  }
  const all = readFileSync(cli.casesFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ConformanceCase);
  const cases = cli.only ? all.filter((c) => c.id.startsWith(cli.only!)) : all;

  const started = Date.now();
  const results: CaseResult[] = [];
  await runAll(cases, cli.timeoutMs, (r) => {
    results.push(r);
    if (cli.verbose) console.log(`${r.pass ? 'ok  ' : 'FAIL'} ${r.id}`);
  });
  const order = new Map(cases.map((c, i) => [c.id, i]));
  results.sort((a, b) => order.get(a.id)! - order.get(b.id)!);

  const byArea: Record<string, { total: number; passed: number; failed: number }> = {};
  for (const r of results) {
    const a = (byArea[r.area] ??= { total: 0, passed: 0, failed: 0 });
    a.total++;
    if (r.pass) a.passed++;
    else a.failed++;
  }
  const failing = results.filter((r) => !r.pass);
  if (failing.length > 0) {
    console.log(`Failing cases (${failing.length}):`);
    for (const r of failing) {
      const detail = cli.verbose
        ? `\n    expected: ${JSON.stringify(r.expected)}\n    actual:   ${JSON.stringify(r.actual)}`
        : ` ${oneLineDiff(r.expected, r.actual)}`;
      console.log(`  ${r.id}${detail}`);
    }
    console.log('');
  }
  const pct = (p: number, t: number): string => (t === 0 ? '-' : `${((100 * p) / t).toFixed(1)}%`);
  console.log('Pass rate by area:');
  for (const [area, s] of Object.entries(byArea).sort()) {
    console.log(`  ${area.padEnd(10)} ${String(s.passed).padStart(5)}/${String(s.total).padEnd(5)} ${pct(s.passed, s.total)}`);
  }
  const passed = results.filter((r) => r.pass).length;
  console.log(`  ${'overall'.padEnd(10)} ${String(passed).padStart(5)}/${String(results.length).padEnd(5)} ${pct(passed, results.length)}`);
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)}s)`);
  console.log(JSON.stringify({ total: results.length, passed, failed: results.length - passed, byArea }));
}

if (isMainThread) {
  // `npm run conformance | head` closes stdout early: stop quietly
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
} else {
  workerMain().catch((e: unknown) => {
    throw e;
  });
}
