/**
 * Waits until every object is healthy (kstatus Current). On timeout or failure the error names every object
 * that is not ready and why, down to the pods of a workload ("Deployment apps/web: Available: 1/3; pod
 * web-5d9c-x: container web: ImagePullBackOff").
 */
import { KubeError } from './errors.ts';
import { health, podProblem, type Health } from './health.ts';
import { describeRef, type KubeObject, type ObjectRef } from './object.ts';
import type { KubeClient } from './client.ts';

export interface NotReady { ref: ObjectRef; health: Health; pods: string[] }

export class WaitError extends KubeError {
  readonly notReady: NotReady[];
  constructor(kind: 'timeout' | 'failed', notReady: NotReady[], timeoutMs: number) {
    const lines = notReady.map((n) => `${describeRef(n.ref)}: ${n.health.message}${n.pods.length > 0 ? `; ${n.pods.join('; ')}` : ''}`);
    super(kind === 'timeout' ? 'Timeout' : 'Invalid',
      `${kind === 'timeout' ? `timed out after ${Math.round(timeoutMs / 1000)}s waiting for` : 'failed:'} ${lines.join(', ')}`);
    this.name = 'WaitError';
    this.notReady = notReady;
  }
}

const workloadKinds = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

async function podProblems(client: KubeClient, o: KubeObject): Promise<string[]> {
  if (!workloadKinds.has(o.kind) || !o.metadata.namespace) return [];
  const sel = ((o.spec ?? {}) as { selector?: { matchLabels?: Record<string, string> } }).selector?.matchLabels;
  if (!sel) return [];
  const selector = Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(',');
  const pods = await client.list('v1', 'Pod', o.metadata.namespace, selector).catch(() => []);
  const out: string[] = [];
  for (const p of pods) {
    const problem = podProblem((p.status ?? {}) as Record<string, unknown>);
    if (problem) out.push(`pod ${p.metadata.name}: ${problem}`);
    if (out.length >= 3) break;
  }
  return out;
}

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  signal?: AbortSignal;
}

/** Resolves when all objects are Current; throws WaitError on timeout or when one has Failed. */
export async function waitForReady(client: KubeClient, refs: readonly ObjectRef[], opts: WaitOptions): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  const interval = opts.intervalMs ?? 1000;
  let pending = [...refs];
  for (;;) {
    const notReady: NotReady[] = [];
    const failed: NotReady[] = [];
    for (const ref of pending) {
      const o = await client.get(ref);
      const h: Health = o ? health(o) : { status: 'InProgress', message: 'not found' };
      if (h.status === 'Current') continue;
      const entry: NotReady = { ref, health: h, pods: [] };
      if (h.status === 'Failed') failed.push(entry);
      notReady.push(entry);
    }
    if (failed.length > 0) {
      for (const f of failed) {
        const o = await client.get(f.ref);
        if (o) f.pods = await podProblems(client, o);
      }
      throw new WaitError('failed', failed, opts.timeoutMs);
    }
    if (notReady.length === 0) return;
    pending = notReady.map((n) => n.ref);
    if (Date.now() >= deadline || opts.signal?.aborted) {
      for (const n of notReady) {
        const o = await client.get(n.ref);
        if (o) n.pods = await podProblems(client, o);
      }
      throw new WaitError('timeout', notReady, opts.timeoutMs);
    }
    await new Promise((r) => setTimeout(r, Math.min(interval, Math.max(0, deadline - Date.now()))));
  }
}
