/**
 * The chart corpus (../shared/charts, README there): its cases, helm v3.17.2's output for each (run live,
 * cached under `<cache>/corpus/`), capstan's output from the same code as `capstan template`
 * (src/cli/commands/template.ts, in-process), and the comparison of both (./corpus-compare.ts).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { capstanTemplate } from '../../src/cli/commands/template.ts';
import { cacheDir } from './cache-dir.ts';
import { compareOutputs, errorText, type CommandOutput } from './corpus-compare.ts';
import { helmBinary } from './helm-binaries.ts';

export interface CorpusCase {
  id: string;
  chart: string;
  release: string;
  namespace: string;
  valuesFiles: string[];
  set: string[];
  kubeVersion: string;
  apiVersions: string[];
  includeCrds: boolean;
  expectError?: boolean;
  error?: string;
  nondeterministic?: boolean;
  nondeterministicSources?: string[];
  helm4?: string;
}

export const projectRoot = resolve(import.meta.dirname, '..', '..');
export const defaultCorpusRoot = resolve(projectRoot, '..', 'shared', 'charts');
export const defaultCorpusFile = join(defaultCorpusRoot, 'CORPUS.json');
const HELM_VERSION = 'v3.17.2';

export function loadCorpus(file: string = defaultCorpusFile): CorpusCase[] {
  return JSON.parse(readFileSync(file, 'utf8')) as CorpusCase[];
}

/** The case's `helm template` arguments (without `template`), exactly as the README runs them. */
export function caseArgs(c: CorpusCase): string[] {
  const args = [c.release, c.chart, '-n', c.namespace];
  for (const f of c.valuesFiles) args.push('-f', f);
  for (const s of c.set) args.push('--set', s);
  args.push('--kube-version', c.kubeVersion);
  for (const a of c.apiVersions) args.push('--api-versions', a);
  if (c.includeCrds) args.push('--include-crds');
  return args;
}

const dirHashes = new Map<string, string>();

function hashTree(path: string, h: ReturnType<typeof createHash>, rel: string): void {
  let st;
  try {
    st = statSync(path);
  } catch {
    h.update(`missing ${rel}\0`);
    return;
  }
  if (st.isDirectory()) {
    h.update(`dir ${rel}\0`);
    for (const name of readdirSync(path).sort()) hashTree(join(path, name), h, `${rel}/${name}`);
  } else {
    h.update(`file ${rel} ${st.size}\0`);
    h.update(readFileSync(path));
  }
}

/** sha256 over the names and contents of everything under `path` (memoized per process). */
export function contentHash(path: string): string {
  let v = dirHashes.get(path);
  if (v === undefined) {
    const h = createHash('sha256');
    hashTree(path, h, '.');
    v = h.digest('hex');
    dirHashes.set(path, v);
  }
  return v;
}

/** The cache key of a case: the case itself, helm's version, the chart and values files' contents. */
export function caseKey(c: CorpusCase, root: string): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(c));
  h.update(`\0${HELM_VERSION}\0${contentHash(resolve(root, c.chart))}`);
  for (const f of c.valuesFiles) h.update(`\0${contentHash(resolve(root, f))}`);
  return h.digest('hex');
}

const helmEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  HELM_CACHE_HOME: '/tmp/capstan-helm-cache',
  HELM_CONFIG_HOME: '/tmp/capstan-helm-config',
  HELM_DATA_HOME: '/tmp/capstan-helm-data',
});

/** Runs `helm template` for the case (no cache). */
export function runHelm(c: CorpusCase, root: string): Promise<CommandOutput> {
  return new Promise((res) => {
    execFile(helmBinary('v3'), ['template', ...caseArgs(c)], { cwd: root, env: helmEnv(), maxBuffer: 512 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      res({ stdout, stderr, exitCode: code });
    });
  });
}

export interface HelmResult extends CommandOutput {
  cached: boolean;
}

/** helm's output for the case, from `<cache>/corpus/<key>.json` or run live (then cached). */
export async function helmOutput(c: CorpusCase, root: string): Promise<HelmResult> {
  const dir = join(cacheDir(), 'corpus');
  const file = join(dir, `${caseKey(c, root)}.json`);
  if (existsSync(file)) {
    try {
      return { ...(JSON.parse(readFileSync(file, 'utf8')) as CommandOutput), cached: true };
    } catch {
      // a damaged entry: run again
    }
  }
  const out = await runHelm(c, root);
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, JSON.stringify(out));
  renameSync(tmp, file);
  return { ...out, cached: false };
}

/** `capstan template …` for the case, in-process, from `root`. */
export function capstanOutput(c: CorpusCase, root: string): CommandOutput {
  return capstanTemplate(caseArgs(c), { cwd: root });
}

export interface CaseOutcome {
  id: string;
  pass: boolean;
  reason?: string;
  diff?: string;
  /** helm's exit code and error text (when it failed) */
  helmExitCode: number;
  helmError?: string;
  /** whether the corpus expects the same outcome as live helm gave */
  corpusAgrees: boolean;
  helmCached: boolean;
  /** capstan's render time, ms */
  ms: number;
}

/** Runs one case through capstan and helm and compares them. */
export async function runCorpusCase(c: CorpusCase, root: string): Promise<CaseOutcome> {
  const helm = helmOutput(c, root);
  const t0 = performance.now();
  let ours: CommandOutput;
  try {
    ours = capstanOutput(c, root);
  } catch (e) {
    // capstanTemplate reports errors itself; anything reaching here is a crash (e.g. a stack overflow)
    const err = e as Error;
    ours = { stdout: '', stderr: `[crash] ${err.name}: ${err.message}\n`, exitCode: 70 };
  }
  const ms = performance.now() - t0;
  const expected = await helm;
  const cmp = compareOutputs(expected, ours, c.nondeterministicSources ? { nondeterministicSources: c.nondeterministicSources } : {});
  const helmFailed = expected.exitCode !== 0;
  return {
    id: c.id,
    pass: cmp.pass,
    ...(cmp.reason !== undefined ? { reason: cmp.reason } : {}),
    ...(cmp.diff !== undefined ? { diff: cmp.diff } : {}),
    helmExitCode: expected.exitCode,
    ...(helmFailed ? { helmError: errorText(expected.stderr).split('\n')[0] ?? '' } : {}),
    corpusAgrees: helmFailed === (c.expectError === true) && (!helmFailed || c.error === undefined || c.error.trimEnd() === errorText(expected.stderr).trimEnd()),
    helmCached: expected.cached,
    ms,
  };
}
