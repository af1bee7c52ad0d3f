/**
 * npm run bench -- <suite> [options]
 *
 *   template  template engine parse/execute throughput on real charts   [--iterations N] [--charts a,b]
 *   render    capstan CLI vs helm process per corpus case, warm in-process  [--cases N] [--runs R] [--only S]
 *   sources   Git source and Helm repository index figures (scripts/bench-sources-*.ts)
 *   all       every suite in turn
 *
 * Each suite prints a table and, as its last line, a JSON object with its figures.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fmtNum, parseOptions, table } from './bench-util.ts';

const here = import.meta.dirname;

async function benchSources(): Promise<void> {
  const parts: [string, string, string][] = [
    ['git', 'bench-sources-git.ts', 'benchGit'],
    ['helm repository', 'bench-sources-helm.ts', 'benchHelmRepo'],
  ];
  const figures: Record<string, number> = {};
  const rows: string[][] = [];
  const missing: string[] = [];
  for (const [label, file, fn] of parts) {
    const path = join(here, file);
    if (!existsSync(path)) {
      console.log(`${label}: scripts/${file} is not available yet`);
      missing.push(file);
      continue;
    }
    const mod = (await import(path)) as Record<string, unknown>;
    const run = mod[fn];
    if (typeof run !== 'function') {
      console.log(`${label}: scripts/${file} has no ${fn}() export yet`);
      missing.push(file);
      continue;
    }
    const r = (await (run as () => Promise<Record<string, number>>)()) ?? {};
    for (const [k, v] of Object.entries(r)) {
      figures[k] = v;
      rows.push([k, typeof v === 'number' ? fmtNum(v, Number.isInteger(v) ? 0 : 2) : String(v)]);
    }
  }
  if (rows.length > 0) console.log(table(['figure', 'value'], rows));
  console.log(JSON.stringify({ suite: 'sources', ...figures, ...(missing.length ? { missing } : {}) }));
}

async function main(): Promise<number> {
  const { opts, rest } = parseOptions(process.argv.slice(2));
  const suite = rest[0];
  const suites: Record<string, () => Promise<void>> = {
    template: async () => (await import('./bench-template.ts')).benchTemplate(opts),
    render: async () => (await import('./bench-render.ts')).benchRender(opts),
    sources: benchSources,
  };
  if (suite === 'all') {
    for (const s of Object.values(suites)) await s();
    return 0;
  }
  const run = suite === undefined ? undefined : suites[suite];
  if (!run) {
    console.error('usage: npm run bench -- template|render|sources|all [options] (see scripts/bench.ts)');
    return 2;
  }
  const corpusNeeded = suite === 'template' || suite === 'render';
  if (corpusNeeded && !existsSync(join(here, '..', '..', 'shared', 'charts', 'CORPUS.json')) && !opts.has('cases-file')) {
    console.log('the shared chart corpus (../shared/charts) is not present; nothing to run.');
    console.log(JSON.stringify({ suite, skipped: true }));
    return 0;
  }
  await run();
  return 0;
}

process.exitCode = await main();
