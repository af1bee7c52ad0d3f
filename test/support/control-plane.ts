/**
 * A real Kubernetes control plane on loopback for tests: etcd → kube-apiserver → kube-controller-manager →
 * kube-scheduler → kwok (fake nodes that run pods), all built from their Go modules (see cluster-binaries.ts).
 *
 * Every component listens on a free 127.0.0.1 port and logs into the run directory. A reaper process watches
 * the owner (the test runner) and kills the components and removes the run directory when the owner dies,
 * so a crashed test run leaves no stray processes and no ports in use.
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ensureClusterBinaries } from './cluster-binaries.ts';
import { freePorts } from './ports.ts';
import { apiRequest, waitFor } from './api-request.ts';

export interface ControlPlaneInfo {
  dir: string;
  kubeconfig: string;
  server: string;
  token: string;
  caFile: string;
  pids: Record<string, number>;
  reaperPid?: number;
}

export interface StartOptions {
  /** fake nodes to create (default 2) */
  nodes?: number;
  /** keep running after this process exits (for `npm run testenv -- up`); no reaper is attached */
  detached?: boolean;
  log?: (line: string) => void;
}

const reaperScript = join(import.meta.dirname, 'reaper.ts');
const kwokStages = join(import.meta.dirname, '..', 'cluster', 'kwok-stages.yaml');

export async function startControlPlane(opts: StartOptions = {}): Promise<ControlPlaneInfo> {
  const log = opts.log ?? (() => {});
  const bin = await ensureClusterBinaries(log);
  const dir = mkdtempSync(join(tmpdir(), 'capstan-cp-'));
  const pids: Record<string, number> = {};
  const info: ControlPlaneInfo = { dir, kubeconfig: join(dir, 'kubeconfig'), server: '', token: '', caFile: join(dir, 'certs', 'apiserver.crt'), pids };
  const stopOnError = async (e: unknown): Promise<never> => {
    await stopControlPlane(info);
    throw e;
  };
  try {
    const [etcdPort, etcdPeer, apiPort, kcmPort, schedPort, kwokPort] = await freePorts(6) as [number, number, number, number, number, number];
    mkdirSync(join(dir, 'certs'));
    const saKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' });
    writeFileSync(join(dir, 'sa.key'), saKey, { mode: 0o600 });
    const token = randomBytes(24).toString('hex');
    writeFileSync(join(dir, 'tokens.csv'), `${token},admin,admin-uid,system:masters\n`, { mode: 0o600 });
    info.token = token;
    info.server = `https://127.0.0.1:${apiPort}`;

    const run = (name: string, file: string, args: string[]): void => {
      const out = openSync(join(dir, `${name}.log`), 'a');
      const child = spawn(join(bin, file), args, { detached: true, stdio: ['ignore', out, out] });
      if (child.pid === undefined) throw new Error(`could not start ${name}`);
      child.unref();
      pids[name] = child.pid;
    };

    if (!opts.detached) {
      // The reaper learns the component pids through the pid file, which is rewritten as each one starts.
      const reaper = spawn(process.execPath, [reaperScript, String(process.pid), dir], { detached: true, stdio: 'ignore' });
      reaper.unref();
      if (reaper.pid !== undefined) info.reaperPid = reaper.pid;
    }
    const savePids = (): void => writeFileSync(join(dir, 'pids.json'), JSON.stringify(pids));

    const t0 = Date.now();
    run('etcd', 'etcd', [
      '--name=capstan-test', `--data-dir=${join(dir, 'etcd')}`,
      `--listen-client-urls=http://127.0.0.1:${etcdPort}`, `--advertise-client-urls=http://127.0.0.1:${etcdPort}`,
      `--listen-peer-urls=http://127.0.0.1:${etcdPeer}`, `--initial-advertise-peer-urls=http://127.0.0.1:${etcdPeer}`,
      `--initial-cluster=capstan-test=http://127.0.0.1:${etcdPeer}`,
      '--unsafe-no-fsync', '--logger=zap', '--log-level=warn', '--quota-backend-bytes=4294967296',
    ]);
    savePids();
    await waitFor('etcd healthy', 30_000, async () => {
      const res = await fetch(`http://127.0.0.1:${etcdPort}/health`).catch(() => undefined);
      return res?.ok === true;
    });
    log(`etcd ready in ${Date.now() - t0} ms`);

    run('kube-apiserver', 'kube-apiserver', [
      `--etcd-servers=http://127.0.0.1:${etcdPort}`,
      '--bind-address=127.0.0.1', '--advertise-address=127.0.0.1', `--secure-port=${apiPort}`,
      `--cert-dir=${join(dir, 'certs')}`, '--service-cluster-ip-range=10.96.0.0/16',
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      `--service-account-key-file=${join(dir, 'sa.key')}`, `--service-account-signing-key-file=${join(dir, 'sa.key')}`,
      `--token-auth-file=${join(dir, 'tokens.csv')}`,
      '--authorization-mode=Node,RBAC', '--disable-admission-plugins=ServiceAccount',
      '--allow-privileged=true', '--endpoint-reconciler-type=none', '--profiling=false',
      '--enable-priority-and-fairness=false',
      // compact etcd history every 10 s (default 5 min) and serve ConfigMap watches from etcd, so tests of expired
      // resourceVersions (410 Gone) do not
      // depend on how long the control plane has been up (the watch cache replays a young cluster from any RV)
      '--etcd-compaction-interval=10s', '--watch-cache-sizes=configmaps#0',
    ]);
    savePids();
    await waitFor('kube-apiserver ready', 90_000, async () => {
      if (!existsSync(info.caFile)) return false;
      const r = await apiRequest(info, 'GET', '/readyz').catch(() => undefined);
      if (r?.status !== 200) return false;
      const ns = await apiRequest(info, 'GET', '/api/v1/namespaces/default').catch(() => undefined);
      return ns?.status === 200;
    });
    log(`kube-apiserver ready in ${Date.now() - t0} ms`);
    writeKubeconfig(info);

    const kc = info.kubeconfig;
    run('kube-controller-manager', 'kube-controller-manager', [
      `--kubeconfig=${kc}`, `--authentication-kubeconfig=${kc}`, `--authorization-kubeconfig=${kc}`,
      '--leader-elect=false', '--bind-address=127.0.0.1', `--secure-port=${kcmPort}`,
      `--service-account-private-key-file=${join(dir, 'sa.key')}`, `--root-ca-file=${info.caFile}`,
      '--controllers=*', '--kube-api-qps=200', '--kube-api-burst=400', '--concurrent-deployment-syncs=10',
      '--concurrent-replicaset-syncs=10', '--use-service-account-credentials=false', '--profiling=false',
    ]);
    run('kube-scheduler', 'kube-scheduler', [
      `--kubeconfig=${kc}`, `--authentication-kubeconfig=${kc}`, `--authorization-kubeconfig=${kc}`,
      '--leader-elect=false', '--bind-address=127.0.0.1', `--secure-port=${schedPort}`, '--profiling=false',
    ]);
    run('kwok', 'kwok', [
      `--kubeconfig=${kc}`, '--manage-all-nodes=false',
      '--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake', '--manage-nodes-with-label-selector=',
      '--cidr=10.244.0.1/16', '--node-ip=10.0.0.1', '--node-lease-duration-seconds=40',
      `--server-address=127.0.0.1:${kwokPort}`, `--config=${kwokStages}`,
    ]);
    savePids();

    const nodes = opts.nodes ?? 2;
    for (let i = 0; i < nodes; i++) await createFakeNode(info, `kwok-node-${i}`);
    await waitFor('fake nodes Ready', 60_000, async () => {
      const r = await apiRequest(info, 'GET', '/api/v1/nodes');
      const items = (r.body as { items?: NodeLike[] }).items ?? [];
      return items.filter(nodeReady).length >= nodes;
    });
    await waitFor('controller-manager running (default ServiceAccount)', 60_000, async () => {
      const r = await apiRequest(info, 'GET', '/api/v1/namespaces/default/serviceaccounts/default');
      return r.status === 200;
    });
    log(`control plane ready in ${Date.now() - t0} ms`);
    writeFileSync(join(dir, 'info.json'), JSON.stringify(info, null, 2));
    return info;
  } catch (e) {
    return stopOnError(e);
  }
}

interface NodeLike { status?: { conditions?: { type: string; status: string }[] } }
function nodeReady(n: NodeLike): boolean {
  return n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

async function createFakeNode(info: ControlPlaneInfo, name: string): Promise<void> {
  const node = {
    apiVersion: 'v1', kind: 'Node',
    metadata: {
      name,
      annotations: { 'kwok.x-k8s.io/node': 'fake', 'node.alpha.kubernetes.io/ttl': '0' },
      labels: {
        'kubernetes.io/arch': 'amd64', 'kubernetes.io/os': 'linux', 'kubernetes.io/hostname': name,
        'kubernetes.io/role': 'agent', type: 'kwok',
      },
    },
    status: {
      allocatable: { cpu: '32', memory: '256Gi', pods: '110' },
      capacity: { cpu: '32', memory: '256Gi', pods: '110' },
    },
  };
  const r = await apiRequest(info, 'POST', '/api/v1/nodes', node);
  if (r.status !== 201 && r.status !== 409) throw new Error(`creating node ${name}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
}

function writeKubeconfig(info: ControlPlaneInfo): void {
  const ca = readFileSync(info.caFile).toString('base64');
  writeFileSync(info.kubeconfig, [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: capstan-test',
    `  cluster: {server: "${info.server}", certificate-authority-data: "${ca}"}`,
    'users:',
    '- name: admin',
    `  user: {token: "${info.token}"}`,
    'contexts:',
    '- name: capstan-test',
    '  context: {cluster: capstan-test, user: admin, namespace: default}',
    'current-context: capstan-test',
    '',
  ].join('\n'), { mode: 0o600 });
}

/** Stops every component (SIGTERM, then SIGKILL after 10 s) and removes the run directory. */
export async function stopControlPlane(info: Pick<ControlPlaneInfo, 'dir' | 'pids' | 'reaperPid'>): Promise<void> {
  if (info.reaperPid !== undefined) signal(info.reaperPid, 'SIGKILL');
  const order = ['kwok', 'kube-scheduler', 'kube-controller-manager', 'kube-apiserver', 'etcd'];
  const pids = order.map((n) => info.pids[n]).filter((p): p is number => p !== undefined);
  await killAll(pids);
  rmSync(info.dir, { recursive: true, force: true });
}

export async function killAll(pids: number[]): Promise<void> {
  for (const pid of pids) signal(pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const pid of pids) if (alive(pid)) signal(pid, 'SIGKILL');
  while (pids.some(alive)) await new Promise((r) => setTimeout(r, 50));
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try { process.kill(-pid, sig); } catch { try { process.kill(pid, sig); } catch { /* gone */ } }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // a zombie still answers kill(0); treat it as gone
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

/** Resident memory of each component in MiB (from /proc). */
export function memoryMiB(info: Pick<ControlPlaneInfo, 'pids'>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, pid] of Object.entries(info.pids)) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m?.[1] !== undefined) out[name] = Math.round(Number(m[1]) / 1024);
    } catch { /* gone */ }
  }
  return out;
}
