/**
 * npm run corpus [-- --cases FILE --root DIR] [--only SUBSTRING] [--jobs N] [--timeout SECONDS] [--quiet]
 *
 * Runs every case of ../shared/charts/CORPUS.json (format: ../shared/charts/README.md) through the code of
 * `capstan template` (in-process, with the case's flags exactly as helm gets them, paths relative to the
 * charts directory) and compares the result with real helm v3.17.2's output, run live and cached under
 * `<cache>/corpus/` (test/support/corpus.ts). Documents of `nondeterministicSources` are compared in shape,
 * everything else exactly; error cases by their `Error: …` text.
 *
 * Prints `PASS id` / `FAIL id: reason` per case, then a unified diff of the first differing document of each
 * failure, the cases where live helm disagrees with what CORPUS.json expects, and as the very last line
 * `{"total":N,"passed":N,"failed":N}`. Cases run in worker threads (2 by default); a case that does not
 * finish within the timeout fails and its worker is replaced.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import type { CaseOutcome, CorpusCase } from '../test/support/corpus.ts';

type ToWorker = { type: 'run'; index: number; case: CorpusCase; root: string } | { type: 'exit' };
type FromWorker = { type: 'ready' } | { type: 'result'; index: number; outcome: CaseOutcome };

async function workerMain(): Promise<void> {
  const { runCorpusCase } = await import('../test/support/corpus.ts');
  const port = parentPort!;
  port.on('message', (m: ToWorker) => {
    if (m.type === 'exit') {
      port.close();
      return;
    }
    void runCorpusCase(m.case, m.root).then(
      (outcome) => port.postMessage({ type: 'result', index: m.index, outcome } satisfies FromWorker),
      (e: unknown) => port.postMessage({ type: 'result', index: m.index, outcome: crashed(m.case, e) } satisfies FromWorker),
    );
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}

function crashed(c: CorpusCase, e: unknown, why = 'crash'): CaseOutcome {
  const err = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { id: c.id, pass: false, reason: `[${why}] ${err}`, helmExitCode: -1, corpusAgrees: true, helmCached: false, ms: 0 };
}

interface Cli {
  casesFile: string;
  root: string;
  only: string | undefined;
  jobs: number;
  timeoutMs: number;
  quiet: boolean;
}

function parseCli(argv: readonly string[], defaults: { file: string; root: string }): Cli {
  const cli: Cli = { casesFile: defaults.file, root: '', only: undefined, jobs: 2, timeoutMs: 300_000, quiet: false };
  let root: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (eq > 0 && a.startsWith('--')) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (flag === '--cases') cli.casesFile = resolve(value());
    else if (flag === '--root') root = resolve(value());
    else if (flag === '--only') cli.only = value();
    else if (flag === '--jobs' || flag === '-j') cli.jobs = Math.max(1, Number(value()));
    else if (flag === '--timeout') cli.timeoutMs = Number(value()) * 1000;
    else if (flag === '--quiet' || flag === '-q') cli.quiet = true;
    else throw new Error(`unknown argument ${a}`);
  }
  // paths in a cases file are relative to its own directory unless --root says otherwise
  cli.root = root ?? (cli.casesFile === defaults.file ? defaults.root : resolve(cli.casesFile, '..'));
  return cli;
}

/** Runs the cases over `jobs` workers; calls `onResult` as results arrive. */
export function runPool(cases: readonly CorpusCase[], root: string, jobs: number, timeoutMs: number, onResult: (index: number, o: CaseOutcome) => void): Promise<void> {
  return new Promise((resolveAll) => {
    let next = 0;
    let done = 0;
    if (cases.length === 0) {
      resolveAll();
      return;
    }
    const finishOne = (): void => {
      if (++done === cases.length) resolveAll();
    };
    const start = (): void => {
      const worker = new Worker(fileURLToPath(import.meta.url), { resourceLimits: { stackSizeMb: 256, maxOldGenerationSizeMb: 4096 } });
      let current = -1;
      let timer: NodeJS.Timeout | undefined;
      let dead = false;
      const feed = (): void => {
        if (next >= cases.length) {
          current = -1;
          worker.postMessage({ type: 'exit' } satisfies ToWorker);
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ type: 'run', index: current, case: cases[current]!, root } satisfies ToWorker);
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (dead || current < 0) return;
          dead = true;
          onResult(current, crashed(cases[current]!, new Error(`no result after ${timeoutMs / 1000}s`), 'timeout'));
          finishOne();
          void worker.terminate();
          if (next < cases.length) start();
        }, timeoutMs);
      };
      worker.on('message', (m: FromWorker) => {
        if (dead) return;
        if (m.type === 'result') {
          clearTimeout(timer);
          onResult(m.index, m.outcome);
          finishOne();
        }
        feed();
      });
      worker.on('error', (e: Error) => {
        if (dead) return;
        dead = true;
        clearTimeout(timer);
        if (current >= 0) {
          onResult(current, crashed(cases[current]!, e, 'worker crash'));
          finishOne();
        }
        if (next < cases.length) start();
      });
    };
    for (let j = 0; j < Math.min(jobs, cases.length); j++) start();
  });
}

async function main(): Promise<void> {
  const { defaultCorpusFile, defaultCorpusRoot, loadCorpus } = await import('../test/support/corpus.ts');
  const cli = parseCli(process.argv.slice(2), { file: defaultCorpusFile, root: defaultCorpusRoot });
  if (!existsSync(cli.casesFile)) {
    console.log(`corpus: no cases file at ${cli.casesFile} (the shared chart corpus is not present); nothing to run.`);
    console.log(JSON.stringify({ total: 0, passed: 0, failed: 0 }));
    return;
  }
  const all = loadCorpus(cli.casesFile);
  const cases = cli.only ? all.filter((c) => c.id.includes(cli.only!)) : all;
  const started = Date.now();
  const results: (CaseOutcome | undefined)[] = new Array(cases.length);
  await runPool(cases, cli.root, cli.jobs, cli.timeoutMs, (i, o) => {
    results[i] = o;
    if (!cli.quiet || !o.pass) console.log(o.pass ? `PASS ${o.id}` : `FAIL ${o.id}: ${o.reason ?? ''}`);
  });
  const outcomes = results.filter((o): o is CaseOutcome => o !== undefined);
  const failing = outcomes.filter((o) => !o.pass);
  if (failing.length > 0) {
    console.log(`\nFailing cases (${failing.length}):`);
    for (const o of failing) {
      console.log(`\n=== ${o.id}: ${o.reason ?? ''}`);
      if (o.diff) console.log(o.diff);
    }
  }
  const disagree = outcomes.filter((o) => !o.corpusAgrees);
  if (disagree.length > 0) {
    console.log(`\nCases where live helm and CORPUS.json disagree (compared against live helm) (${disagree.length}):`);
    for (const o of disagree) console.log(`  ${o.id}: helm exit ${o.helmExitCode}${o.helmError ? `: ${o.helmError}` : ''}`);
  }
  const passed = outcomes.filter((o) => o.pass).length;
  const live = outcomes.filter((o) => !o.helmCached).length;
  const pct = outcomes.length === 0 ? '-' : `${((100 * passed) / outcomes.length).toFixed(1)}%`;
  console.log(`\n${passed}/${outcomes.length} passed (${pct}); helm run live for ${live} case(s); ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(JSON.stringify({ total: outcomes.length, passed, failed: outcomes.length - passed }));
}

if (isMainThread) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
} else {
  void workerMain();
}
