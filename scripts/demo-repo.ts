/**
 * The demo's infrastructure repository and Git server: a bare repository `infra.git` built from
 * `examples/` (charts/ and clusters/), a working clone `infra/` to edit and push from, `git daemon` serving
 * it on a loopback port, and a post-receive hook that asks Capstan to fetch at once after every push (it
 * sets `capstan.dev/reconcile-requested-at` on the GitRepository with kubectl), so a push is picked up in
 * about a second instead of at the next interval.
 */
import { execFile, spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);
const examples = join(import.meta.dirname, '..', 'examples');

const gitEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  GIT_AUTHOR_NAME: 'Capstan Demo', GIT_AUTHOR_EMAIL: 'demo@capstan.invalid',
  GIT_COMMITTER_NAME: 'Capstan Demo', GIT_COMMITTER_EMAIL: 'demo@capstan.invalid',
});

async function git(cwd: string, args: string[]): Promise<string> {
  return (await run('git', args, { cwd, env: gitEnv() })).stdout.trim();
}

export interface DemoRepo {
  bare: string;
  work: string;
  commit: string;
}

/** Creates `<dir>/infra.git` and the clone `<dir>/infra` from examples/ (once; an existing one is kept). */
export async function createInfraRepo(dir: string, hook: { kubectl: string; kubeconfig: string }): Promise<DemoRepo> {
  const bare = join(dir, 'infra.git');
  const work = join(dir, 'infra');
  if (!existsSync(bare)) {
    mkdirSync(dir, { recursive: true });
    await git(dir, ['init', '--quiet', '--bare', '--initial-branch=main', bare]);
    await git(dir, ['clone', '--quiet', bare, work]);
    await git(work, ['checkout', '--quiet', '-B', 'main']);
    await git(work, ['config', 'user.name', 'Capstan Demo']);
    await git(work, ['config', 'user.email', 'demo@capstan.invalid']);
    cpSync(join(examples, 'charts'), join(work, 'charts'), { recursive: true });
    cpSync(join(examples, 'clusters'), join(work, 'clusters'), { recursive: true });
    cpSync(join(examples, 'README.md'), join(work, 'README.md'));
    await git(work, ['add', '--all']);
    await git(work, ['commit', '--quiet', '-m', 'The shop, from Capstan\'s examples/']);
    await git(work, ['push', '--quiet', 'origin', 'main']);
  }
  const hookFile = join(bare, 'hooks', 'post-receive');
  writeFileSync(hookFile, [
    '#!/bin/sh',
    '# Capstan demo: ask the operator to fetch this repository now (instead of at the next interval).',
    `KUBECONFIG='${hook.kubeconfig}' '${hook.kubectl}' annotate gitrepository infra -n capstan-system \\`,
    '  "capstan.dev/reconcile-requested-at=$(date +%s%N)" --overwrite >/dev/null 2>&1 || true',
    '',
  ].join('\n'));
  chmodSync(hookFile, 0o755);
  return { bare, work, commit: await git(work, ['rev-parse', 'HEAD']) };
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.on('connect', () => { s.destroy(); resolve(true); });
    s.on('error', () => resolve(false));
  });
}

/** Starts `git daemon` (detached, logging to `<dir>/git-daemon.log`) serving `dir` on `port`; returns its pid. */
export async function startGitDaemon(dir: string, port: number): Promise<number> {
  const log = openSync(join(dir, 'git-daemon.log'), 'a');
  const child = spawn('git', ['daemon', '--reuseaddr', '--export-all', '--informative-errors', `--base-path=${dir}`,
    '--listen=127.0.0.1', `--port=${port}`, dir], { detached: true, stdio: ['ignore', log, log] });
  if (child.pid === undefined) throw new Error('could not start git daemon');
  child.unref();
  const deadline = Date.now() + 15_000;
  while (!(await listening(port))) {
    if (Date.now() > deadline) throw new Error(`git daemon did not listen on 127.0.0.1:${port}; see ${join(dir, 'git-daemon.log')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return child.pid;
}
