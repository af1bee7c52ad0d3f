/**
 * `npm run bench -- render [--cases N] [--runs R] [--only SUBSTRING] [--cases-file FILE --root DIR] [--no-parse-store] [--quiet]`:
 * for each corpus case, the whole process `node bin/capstan.js template …` (this Node, process.execPath)
 * against `helm template …` (v3.17.2), run interleaved R times each (default 5), median wall time of each;
 * and capstan's warm in-process render (capstanTemplate, median of R after two warm-up runs). Prints a row
 * per case, the median ratios over the cases, and a JSON line with the figures.
 *
 * The capstan process is the CLI as `npm install` leaves it: the suite first rebuilds the bundle that
 * bin/capstan.js runs (scripts/build-cli.ts, so that source edits since the install are in it; --no-build
 * measures whatever dist/ holds, or the sources when it is stale). One untimed run before the first case
 * fills the code cache, as any earlier use of the CLI would have.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { capstanTemplate } from '../src/cli/commands/template.ts';
import { buildCli } from './build-cli.ts';
import { caseArgs, defaultCorpusFile, defaultCorpusRoot, loadCorpus, projectRoot } from '../test/support/corpus.ts';
import type { CorpusCase } from '../test/support/corpus.ts';
import { helmBinary } from '../test/support/helm-binaries.ts';
import { fmtMs, fmtNum, intOption, median, table } from './bench-util.ts';

const CAPSTAN_BIN = resolve(projectRoot, 'bin', 'capstan.js');

interface Row {
  id: string;
  capstanMs: number;
  helmMs: number;
  inProcessMs: number;
  ratio: number;
  inProcessRatio: number;
  exit: string;
}

function timeProcess(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): { ms: number; code: number } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });
  return { ms: performance.now() - t0, code: r.status ?? -1 };
}

export async function benchRender(opts: Map<string, string>): Promise<void> {
  const runs = intOption(opts, 'runs', 5);
  const file = opts.has('cases-file') ? resolve(opts.get('cases-file')!) : defaultCorpusFile;
  const root = opts.has('root') ? resolve(opts.get('root')!) : file === defaultCorpusFile ? defaultCorpusRoot : resolve(file, '..');
  let cases: CorpusCase[] = loadCorpus(file);
  const only = opts.get('only');
  if (only !== undefined) cases = cases.filter((c) => c.id.includes(only));
  if (opts.has('cases')) cases = cases.slice(0, intOption(opts, 'cases', cases.length));

  if (!opts.has('no-build')) await buildCli({ log: (m) => console.error(m) });
  const helm = helmBinary('v3');
  const helmEnv = { ...process.env, HELM_CACHE_HOME: '/tmp/capstan-helm-cache', HELM_CONFIG_HOME: '/tmp/capstan-helm-config', HELM_DATA_HOME: '/tmp/capstan-helm-data' };
  // --no-parse-store: every capstan process parses all templates (the store, src/cli/template-parse-store.ts,
  // otherwise keeps parse trees between runs: the first run of each case fills it, as any earlier use would)
  const store = opts.has('no-parse-store') ? 'off' : (process.env['CAPSTAN_TEMPLATE_CACHE'] ?? 'on (~/.cache/capstan/templates)');
  const nodeEnv: NodeJS.ProcessEnv = { ...process.env, ...(opts.has('no-parse-store') ? { CAPSTAN_TEMPLATE_CACHE: '0' } : {}) };
  const capstanArgv = (c: CorpusCase): string[] => [CAPSTAN_BIN, 'template', ...caseArgs(c)];
  if (cases[0]) timeProcess(process.execPath, capstanArgv(cases[0]), root, nodeEnv); // fill the compile cache
  const probe = spawnSync(process.execPath, [CAPSTAN_BIN, 'template'], { cwd: root, env: { ...nodeEnv, CAPSTAN_BUNDLE: 'require' }, encoding: 'utf8' });
  const bundled = nodeEnv['CAPSTAN_BUNDLE'] !== '0' && !probe.stderr.includes('the bundle is not usable');
  console.error(`capstan runs from ${bundled ? 'the bundle dist/template.cjs' : 'its TypeScript sources (no fresh bundle)'}; template parse store: ${store}`);

  const rows: Row[] = [];
  for (const c of cases) {
    const args = caseArgs(c);
    const ours: number[] = [];
    const theirs: number[] = [];
    let codes = '';
    for (let r = 0; r < runs; r++) {
      const a = timeProcess(process.execPath, capstanArgv(c), root, nodeEnv);
      const b = timeProcess(helm, ['template', ...args], root, helmEnv);
      ours.push(a.ms);
      theirs.push(b.ms);
      codes = `${a.code}/${b.code}`;
    }
    for (let w = 0; w < 2; w++) capstanTemplate(args, { cwd: root });
    const warm: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      capstanTemplate(args, { cwd: root });
      warm.push(performance.now() - t0);
    }
    const row: Row = {
      id: c.id,
      capstanMs: median(ours),
      helmMs: median(theirs),
      inProcessMs: median(warm),
      ratio: 0,
      inProcessRatio: 0,
      exit: codes,
    };
    row.ratio = row.capstanMs / row.helmMs;
    row.inProcessRatio = row.inProcessMs / row.helmMs;
    rows.push(row);
    // progress on stderr (the table and the JSON line go to stdout at the end)
    if (!opts.has('quiet')) console.error(`[${rows.length}/${cases.length}] ${c.id}: capstan ${fmtMs(row.capstanMs)} ms, helm ${fmtMs(row.helmMs)} ms, in-process ${fmtMs(row.inProcessMs)} ms`);
  }

  console.log(`render: median of ${runs} runs per case; whole process (capstan CLI vs helm), capstan warm in-process; exit = capstan/helm exit codes`);
  console.log(table(
    ['case', 'capstan ms', 'helm ms', 'ratio', 'in-proc ms', 'in-proc/helm', 'exit'],
    rows.map((r) => [r.id, fmtMs(r.capstanMs), fmtMs(r.helmMs), fmtNum(r.ratio), fmtMs(r.inProcessMs), fmtNum(r.inProcessRatio, 3), r.exit]),
  ));
  const summary = {
    suite: 'render',
    cases: rows.length,
    runs,
    medianRatio: median(rows.map((r) => r.ratio)),
    medianInProcessRatio: median(rows.map((r) => r.inProcessRatio)),
    medianCapstanMs: median(rows.map((r) => r.capstanMs)),
    medianHelmMs: median(rows.map((r) => r.helmMs)),
    medianInProcessMs: median(rows.map((r) => r.inProcessMs)),
    worstRatio: Math.max(...rows.map((r) => r.ratio)),
    bundle: bundled,
    parseStore: store,
    worstCase: rows.reduce<Row | undefined>((w, r) => (w === undefined || r.ratio > w.ratio ? r : w), undefined)?.id ?? '',
  };
  console.log('');
  console.log(`median ratio capstan/helm, whole process: ${fmtNum(summary.medianRatio)} (goal <= 0.7)`);
  console.log(`median ratio capstan warm in-process/helm process: ${fmtNum(summary.medianInProcessRatio, 3)} (goal <= 0.1, i.e. >= 10x faster)`);
  console.log(JSON.stringify(summary));
}
