/**
 * Watching the demo converge: one line per change of what matters (the GitRepository's revision, the
 * GitSync's and the HelmRelease's Ready conditions, the shop's pods), until the GitSync and the HelmRelease
 * are Ready and every pod runs.
 */
import type { KubeClient, KubeObject } from '../src/kube/index.ts';

interface Cond { type: string; status: string; reason?: string; message?: string }
const ready = (o: KubeObject | undefined): Cond | undefined =>
  ((o?.status ?? {}) as { conditions?: Cond[] }).conditions?.find((c) => c.type === 'Ready');
const short = (s: string | undefined, n = 110): string => (s === undefined ? '' : s.length > n ? `${s.slice(0, n - 1)}…` : s);
const state = (c: Cond | undefined): string => (c === undefined ? 'waiting' : `${c.status === 'True' ? 'Ready' : c.status === 'False' ? 'NotReady' : 'Progressing'}: ${short(c.message)}`);

export interface Converged {
  done: boolean;
  lines: string[];
}

/** The current picture, one line per object. */
export async function observe(kube: KubeClient): Promise<Converged> {
  const [repo, sync, hr, pods] = await Promise.all([
    kube.get({ apiVersion: 'source.capstan.dev/v1', kind: 'GitRepository', name: 'infra', namespace: 'capstan-system' }),
    kube.get({ apiVersion: 'sync.capstan.dev/v1', kind: 'GitSync', name: 'apps', namespace: 'capstan-system' }),
    kube.get({ apiVersion: 'helm.capstan.dev/v1', kind: 'HelmRelease', name: 'shop', namespace: 'shop' }).catch(() => undefined),
    kube.list('v1', 'Pod', 'shop').catch(() => [] as KubeObject[]),
  ]);
  const revision = ((repo?.status ?? {}) as { artifact?: { revision?: string } }).artifact?.revision;
  const podsReady = pods.filter((p) => ((p.status ?? {}) as { conditions?: Cond[] }).conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
  const lines = [
    `GitRepository capstan-system/infra  ${revision !== undefined ? `revision ${revision}` : state(ready(repo))}`,
    `GitSync capstan-system/apps         ${state(ready(sync))}`,
    `HelmRelease shop/shop               ${hr === undefined ? 'not applied yet' : state(ready(hr))}`,
    `pods in namespace shop              ${podsReady}/${pods.length} ready`,
  ];
  const done = ready(sync)?.status === 'True' && ready(hr)?.status === 'True' && pods.length > 0 && podsReady === pods.length;
  return { done, lines };
}

/** Polls `observe` until done, printing changed lines; false on timeout or when `alive()` turns false. */
export async function watchConvergence(kube: KubeClient, opts: { timeoutMs: number; alive: () => boolean; print: (line: string) => void }): Promise<boolean> {
  const t0 = Date.now();
  let shown: string[] = [];
  while (Date.now() - t0 < opts.timeoutMs) {
    if (!opts.alive()) return false;
    const now = await observe(kube).catch((e: unknown) => ({ done: false, lines: [`(reading status: ${e instanceof Error ? e.message : String(e)})`] }));
    const secs = `${((Date.now() - t0) / 1000).toFixed(0).padStart(3)}s`;
    now.lines.forEach((line, i) => {
      if (line !== shown[i]) opts.print(`${secs}  ${line}`);
    });
    shown = now.lines;
    if (now.done) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}
