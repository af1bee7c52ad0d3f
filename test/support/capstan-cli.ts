/** Runs the Capstan CLI and the real helm CLI as child processes against the test cluster. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { helmBinary, type HelmMajor } from './helm-binaries.ts';
import { testCluster } from './cluster.ts';

const cliMain = join(import.meta.dirname, '..', '..', 'src', 'cli', 'main.ts');

export interface RunResult { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const e = err as (Error & { code?: number | string; signal?: NodeJS.Signals }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr });
    });
  });
}

async function env(extra: Record<string, string> = {}): Promise<NodeJS.ProcessEnv> {
  const { kubeconfigPath } = await testCluster();
  return {
    ...process.env, KUBECONFIG: kubeconfigPath, CAPSTAN_LOG_LEVEL: 'warn',
    HELM_CACHE_HOME: '/tmp/capstan-helm-cache', HELM_CONFIG_HOME: '/tmp/capstan-helm-config', HELM_DATA_HOME: '/tmp/capstan-helm-data',
    ...extra,
  };
}

/** `capstan ARGS…`; `extraEnv` e.g. { CAPSTAN_CRASH_AT: 'mid-apply' }. */
export async function capstan(args: string[], extraEnv: Record<string, string> = {}): Promise<RunResult> {
  return run(process.execPath, [cliMain, ...args], await env(extraEnv));
}

/** `helm ARGS…` with helm v3.17.2 (or v4.1.4). */
export async function helm(args: string[], major: HelmMajor = 'v3'): Promise<RunResult> {
  return run(helmBinary(major), args, await env());
}

/** Like capstan/helm but throws with the command's stderr when it fails. */
export async function ok(p: Promise<RunResult>, what = 'command'): Promise<string> {
  const r = await p;
  if (r.code !== 0) throw new Error(`${what} failed (code ${r.code}, signal ${r.signal}):\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}
