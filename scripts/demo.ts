/**
 * npm run demo [-- up|down|status]
 *
 * `up` (the default) shows Capstan at work on this machine: a local Kubernetes control plane of its own (the
 * test one: etcd, kube-apiserver, controller-manager, scheduler and kwok's fake nodes, started detached as
 * `npm run testenv -- up` does; `CAPSTAN_DEMO_KUBECONFIG=<file>` uses an existing cluster instead), a local
 * Git server (`git daemon`) with an infrastructure repository built from
 * `examples/`, Capstan's CRDs, a GitRepository and a GitSync in `capstan-system`, and the operator
 * (`node src/cli/main.ts operator`). It shows the progress while the shop converges, then prints
 * `kubectl get helmreleases -A`, `helm list -A` and what to try next. Everything keeps running;
 * `npm run demo -- down` stops it (and the control plane, if the demo started it).
 *
 * The demo does not share the test control plane of `npm run testenv`: its operator watches every
 * namespace and would act on the objects of tests running there.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KubeClient, type KubeObject } from '../src/kube/index.ts';
import { cacheDir } from '../test/support/cache-dir.ts';
import { alive, startControlPlane, stopControlPlane, type ControlPlaneInfo } from '../test/support/control-plane.ts';
import { ensureDebianPackages } from '../test/support/debian-packages.ts';
import { helmBinary, kubectlBinary } from '../test/support/helm-binaries.ts';
import { freePort } from '../test/support/ports.ts';
import { createInfraRepo, startGitDaemon } from './demo-repo.ts';
import { watchConvergence } from './demo-progress.ts';

const root = join(import.meta.dirname, '..');
const dir = process.env['CAPSTAN_DEMO_DIR'] ?? join(cacheDir(), 'demo');
const stateFile = join(dir, 'state.json');
/** the operator's entry point; another one (with the same flags) can be tried with CAPSTAN_DEMO_OPERATOR */
const operatorEntry = process.env['CAPSTAN_DEMO_OPERATOR'] ?? join(root, 'src', 'cli', 'main.ts');

interface DemoState {
  kubeconfig: string;
  /** set when the demo started the control plane (and so stops it) */
  controlPlane?: ControlPlaneInfo;
  gitDaemonPid: number;
  gitPort: number;
  operatorPid: number;
  healthPort: number;
}

const say = (s = ''): void => void process.stdout.write(`${s}\n`);
const step = (s: string): void => say(`==> ${s}`);

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

async function controlPlane(previous: DemoState | undefined): Promise<{ kubeconfig: string; started?: ControlPlaneInfo }> {
  const given = process.env['CAPSTAN_DEMO_KUBECONFIG'];
  if (given !== undefined && given !== '') {
    step(`using the cluster of ${given}`);
    return { kubeconfig: given };
  }
  const mine = previous?.controlPlane;
  if (mine && Object.values(mine.pids).every(alive)) {
    step(`using the demo's running control plane (${mine.server})`);
    return { kubeconfig: mine.kubeconfig, started: mine };
  }
  step('starting a local control plane (etcd, kube-apiserver, controller-manager, scheduler, kwok); the first run builds it, about 6 minutes');
  const t0 = Date.now();
  const info = await startControlPlane({ detached: true, log: (l) => say(`    ${l}`) });
  step(`control plane up in ${((Date.now() - t0) / 1000).toFixed(0)} s at ${info.server}`);
  return { kubeconfig: info.kubeconfig, started: info };
}

async function applyCrds(kube: KubeClient): Promise<void> {
  const crdDir = join(root, 'crds');
  const crds = readdirSync(crdDir).filter((f) => f.endsWith('.yaml')).map((f) => parse(readFileSync(join(crdDir, f), 'utf8')) as KubeObject)
    .filter((o) => o.kind === 'CustomResourceDefinition');
  for (const crd of crds) await kube.apply(crd);
  const deadline = Date.now() + 60_000;
  for (const crd of crds) {
    for (;;) {
      const served = await kube.isNamespaced(`${(crd.spec as { group: string }).group}/v1`, (crd.spec as { names: { kind: string } }).names.kind).then(() => true, () => false);
      if (served) break;
      if (Date.now() > deadline) throw new Error(`CRD ${crd.metadata.name} is not served after 60 s`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function applySourceAndSync(kube: KubeClient, gitPort: number): Promise<void> {
  await kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'capstan-system' } });
  await kube.apply({
    apiVersion: 'source.capstan.dev/v1', kind: 'GitRepository', metadata: { name: 'infra', namespace: 'capstan-system' },
    spec: { url: `git://127.0.0.1:${gitPort}/infra.git`, ref: { branch: 'main' }, interval: '1m' },
  });
  await kube.apply({
    apiVersion: 'sync.capstan.dev/v1', kind: 'GitSync', metadata: { name: 'apps', namespace: 'capstan-system' },
    spec: { sourceRef: { kind: 'GitRepository', name: 'infra' }, path: './clusters/dev', prune: true, interval: '1m' },
  });
}

function startOperator(kubeconfig: string, healthPort: number): number {
  const log = openSync(join(dir, 'operator.log'), 'a');
  const child = spawn(process.execPath, [operatorEntry, 'operator', '--kubeconfig', kubeconfig, '--metrics-addr', '0',
    '--health-addr', `127.0.0.1:${healthPort}`, '--cache-dir', join(dir, 'operator-cache')], {
    detached: true, stdio: ['ignore', log, log], env: { ...process.env, CAPSTAN_LOG_LEVEL: process.env['CAPSTAN_LOG_LEVEL'] ?? 'info' },
  });
  if (child.pid === undefined) throw new Error('could not start the operator');
  child.unref();
  return child.pid;
}

function logTail(file: string, lines = 20): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** Why the operator may not reconcile GitSyncs, from its own log ("manager started" lists its controllers). */
function missingGitSyncController(): boolean {
  if (!existsSync(join(dir, 'operator.log'))) return false;
  const started = readFileSync(join(dir, 'operator.log'), 'utf8').split('\n').reverse().find((l) => l.includes('"manager started"'));
  return started !== undefined && !started.includes('"gitsync"');
}

function show(cmd: string, args: string[], kubeconfig: string): void {
  say(`$ ${cmd.endsWith('helm') ? 'helm' : 'kubectl'} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { env: { ...process.env, KUBECONFIG: kubeconfig }, encoding: 'utf8' });
  say((r.stdout + r.stderr).trimEnd());
  say();
}

function nextSteps(s: DemoState): void {
  const work = join(dir, 'infra');
  say('What to try next:');
  say(`  export KUBECONFIG=${s.kubeconfig}`);
  say(`  alias kubectl=${kubectlBinary()} helm=${helmBinary()}`);
  say('  kubectl get helmreleases -A -w            # in another terminal: watch the upgrade');
  say(`  cd ${work}`);
  say('  sed -i \'s/replicaCount: 2/replicaCount: 3/\' clusters/dev/shop.yaml   # three frontends');
  say('  git commit -am "Three frontends" && git push   # Capstan fetches at once (post-receive hook), upgrades to revision 2');
  say('  helm history shop -n shop');
  say();
  say(`Operator log: ${join(dir, 'operator.log')}`);
  say('Stop everything: npm run demo -- down');
}

async function up(): Promise<number> {
  const running = readJson<DemoState>(stateFile);
  if (running && alive(running.operatorPid)) {
    step('the demo is already running');
    show(kubectlBinary(), ['get', 'helmreleases', '-A'], running.kubeconfig);
    nextSteps(running);
    return 0;
  }
  if (running) stopPid(running.gitDaemonPid, 'the git daemon of the previous run');
  await ensureDebianPackages(['git']);
  const cp = await controlPlane(running);
  mkdirSync(dir, { recursive: true });
  const kubectl = kubectlBinary();
  const helm = helmBinary();
  step(`building the infrastructure repository from examples/ in ${join(dir, 'infra.git')}`);
  await createInfraRepo(dir, { kubectl, kubeconfig: cp.kubeconfig });
  const gitPort = await freePort();
  const gitDaemonPid = await startGitDaemon(dir, gitPort);
  step(`git daemon serving git://127.0.0.1:${gitPort}/infra.git`);
  const kube = KubeClient.fromFile(cp.kubeconfig);
  step('applying the CRDs (crds/), the GitRepository "infra" and the GitSync "apps" (path ./clusters/dev) in capstan-system');
  await applyCrds(kube);
  await applySourceAndSync(kube, gitPort);
  const healthPort = await freePort();
  const operatorPid = startOperator(cp.kubeconfig, healthPort);
  const state: DemoState = { kubeconfig: cp.kubeconfig, ...(cp.started ? { controlPlane: cp.started } : {}), gitDaemonPid, gitPort, operatorPid, healthPort };
  writeFileSync(stateFile, JSON.stringify(state, null, 2));
  step(`operator running (pid ${operatorPid}, log ${join(dir, 'operator.log')}); waiting for the shop to converge`);
  const t0 = Date.now();
  const noGitSync = (): boolean => Date.now() - t0 > 10_000 && missingGitSyncController();
  const converged = await watchConvergence(kube, { timeoutMs: 5 * 60_000, alive: () => alive(operatorPid) && !noGitSync(), print: (l) => say(`    ${l}`) });
  if (!converged) {
    say();
    if (noGitSync()) {
      say('The operator runs no GitSync controller: register it in src/cli/operator-setup.ts (see src/reconcilers/gitsync/register.ts).');
    } else {
      say(alive(operatorPid) ? 'The shop did not converge within 5 minutes.' : 'The operator stopped.');
    }
    say(`Last lines of ${join(dir, 'operator.log')}:\n${logTail(join(dir, 'operator.log'))}`);
    say('Stop everything: npm run demo -- down');
    return 1;
  }
  step(`converged in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  say();
  show(kubectl, ['get', 'helmreleases', '-A'], cp.kubeconfig);
  show(helm, ['list', '-A'], cp.kubeconfig);
  nextSteps(state);
  return 0;
}

function stopPid(pid: number, what: string): void {
  if (!alive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
    step(`stopped ${what} (pid ${pid})`);
  } catch {
    // gone meanwhile
  }
}

async function down(): Promise<number> {
  const s = readJson<DemoState>(stateFile);
  if (s === undefined) {
    say('the demo is not running');
    return 0;
  }
  stopPid(s.operatorPid, 'the operator');
  stopPid(s.gitDaemonPid, 'git daemon');
  for (let i = 0; i < 50 && (alive(s.operatorPid) || alive(s.gitDaemonPid)); i++) await new Promise((r) => setTimeout(r, 100));
  if (s.controlPlane) {
    await stopControlPlane(s.controlPlane);
    step('stopped the control plane the demo started');
  }
  rmSync(dir, { recursive: true, force: true });
  step(`removed ${dir}`);
  return 0;
}

function status(): number {
  const s = readJson<DemoState>(stateFile);
  if (s === undefined) {
    say('the demo is not running');
    return 0;
  }
  say(`operator pid ${s.operatorPid}: ${alive(s.operatorPid) ? 'running' : 'stopped'}`);
  say(`git daemon pid ${s.gitDaemonPid} (git://127.0.0.1:${s.gitPort}/infra.git): ${alive(s.gitDaemonPid) ? 'running' : 'stopped'}`);
  say(`kubeconfig ${s.kubeconfig}${s.controlPlane ? ' (control plane started by the demo)' : ''}`);
  show(kubectlBinary(), ['get', 'gitrepositories,gitsyncs,helmreleases', '-A'], s.kubeconfig);
  return 0;
}

const cmd = process.argv[2] ?? 'up';
const commands: Record<string, () => number | Promise<number>> = { up, down, status };
const fn = commands[cmd];
if (fn === undefined) {
  process.stderr.write('usage: npm run demo [-- up|down|status]\n');
  process.exitCode = 2;
} else {
  process.exitCode = await fn();
}
