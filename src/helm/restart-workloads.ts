/**
 * `helm rollback --recreate-pods`, the way `kubectl rollout restart` does it: Helm 3 deletes the pods of the
 * release's workloads; Capstan instead stamps a pod-template annotation on each Deployment, StatefulSet and
 * DaemonSet, so their controllers replace the pods with their own rollout strategy (no availability gap).
 * The stamp is a JSON merge patch under its own field manager, so the next server-side apply by `capstan`
 * (which does not own the field) leaves it alone and does not restart the pods again.
 */
import { rawRequest, toKubeError, type KubeClient, type KubeObject } from '../kube/index.ts';

export const restartedAtAnnotation = 'capstan.dev/restartedAt';
export const restartFieldManager = 'capstan-restart';

const restartableKinds = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

export const isRestartable = (o: KubeObject): boolean => o.apiVersion.startsWith('apps/') && restartableKinds.has(o.kind);

/** Restarts the pods of every workload among `objs`; returns `Kind name` of each one restarted. */
export async function restartWorkloads(kube: KubeClient, objs: readonly KubeObject[], at: Date = new Date()): Promise<string[]> {
  const body = JSON.stringify({ spec: { template: { metadata: { annotations: { [restartedAtAnnotation]: at.toISOString() } } } } });
  const out: string[] = [];
  for (const o of objs.filter(isRestartable)) {
    try {
      const path = await kube.resourcePath(o.apiVersion, o.kind, o.metadata.name, o.metadata.namespace);
      await rawRequest(kube.kc, 'PATCH', `${path}?fieldManager=${restartFieldManager}`, body, 'application/merge-patch+json');
      out.push(`${o.kind} ${o.metadata.name}`);
    } catch (e) {
      throw toKubeError(e, `restart ${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`);
    }
  }
  return out;
}
