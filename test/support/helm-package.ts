/**
 * Charts made and pushed by the REAL Helm CLI (v3.17.2): `helm package`, `helm repo index`, `helm registry login`,
 * `helm push`, each run with its own HELM_* homes so that nothing touches the user's Helm configuration.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helmBinary } from './helm-binaries.ts';

export interface HelmRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Isolated Helm homes under `root` (created). */
export function helmEnv(root: string): NodeJS.ProcessEnv {
  for (const d of ['config', 'cache', 'data']) mkdirSync(join(root, d), { recursive: true });
  return {
    ...process.env,
    HELM_CONFIG_HOME: join(root, 'config'),
    HELM_CACHE_HOME: join(root, 'cache'),
    HELM_DATA_HOME: join(root, 'data'),
    HELM_REGISTRY_CONFIG: join(root, 'config', 'registry.json'),
    HELM_REPOSITORY_CONFIG: join(root, 'config', 'repositories.yaml'),
    HELM_REPOSITORY_CACHE: join(root, 'cache', 'repository'),
  };
}

/** Runs helm v3.17.2; never throws for a non-zero exit. */
export function helm(args: readonly string[], env: NodeJS.ProcessEnv, input?: string): Promise<HelmRun> {
  return new Promise((resolve) => {
    const child = execFile(helmBinary('v3'), [...args], { env, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1;
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Runs helm and throws with its stderr when it fails. */
export async function helmOk(args: readonly string[], env: NodeJS.ProcessEnv, input?: string): Promise<string> {
  const r = await helm(args, env, input);
  if (r.code !== 0) throw new Error(`helm ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

/**
 * Writes a minimal chart `name` and packages it with `helm package --version` into `outDir` once per version.
 * Returns the archive paths in the order of `versions`.
 */
export async function packageChart(outDir: string, name: string, versions: readonly string[], env: NodeJS.ProcessEnv): Promise<string[]> {
  const src = mkdtempSync(join(tmpdir(), 'capstan-chart-'));
  const dir = join(src, name);
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 0.0.0\nappVersion: "1.0"\ndescription: test chart ${name}\n`);
  writeFileSync(join(dir, 'values.yaml'), 'greeting: hello\n');
  writeFileSync(join(dir, 'templates', 'cm.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  greeting: {{ .Values.greeting | quote }}\n  version: {{ .Chart.Version | quote }}\n');
  mkdirSync(outDir, { recursive: true });
  const out: string[] = [];
  try {
    for (const v of versions) {
      await helmOk(['package', dir, '--version', v, '-d', outDir], env);
      out.push(join(outDir, `${name}-${v}.tgz`));
    }
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
  return out;
}
