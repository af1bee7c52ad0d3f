/**
 * Builds (or finds in the cache) etcd, kube-apiserver, kube-controller-manager, kube-scheduler and kwok
 * from their Go modules (test/cluster/build.sh) and returns the directory holding them.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const buildScript = join(import.meta.dirname, '..', 'cluster', 'build.sh');

export const clusterBinaries = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kwok'] as const;
export type ClusterBinary = (typeof clusterBinaries)[number];

/** Runs the build script (a no-op when the version-keyed cache entry is complete); resolves to the bin dir. */
export async function ensureClusterBinaries(log: (line: string) => void = () => {}): Promise<string> {
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('bash', [buildScript], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      for (const line of d.toString().split('\n')) if (line.trim() !== '') log(line);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`building the test control plane failed (exit ${code}):\n${stderr.slice(-4000)}`));
    });
  });
  const dir = out.trim().split('\n').pop() ?? '';
  for (const b of clusterBinaries) {
    if (!existsSync(join(dir, b))) throw new Error(`control-plane binary ${b} missing in ${dir}`);
  }
  return dir;
}
