/**
 * kstatus-style health of an object: Current (ready), InProgress (not yet, with the reason), or Failed.
 * Built-in kinds follow their controllers' status fields; anything else uses observedGeneration and the
 * `Ready` (or Stalled/Reconciling) conditions.
 */
import type { KubeObject } from './object.ts';

export type HealthStatus = 'Current' | 'InProgress' | 'Failed';
export interface Health { status: HealthStatus; message: string }

interface Condition { type: string; status: string; reason?: string; message?: string }
type Status = Record<string, unknown> & { conditions?: Condition[]; observedGeneration?: number };

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const cond = (s: Status, type: string): Condition | undefined => s.conditions?.find((c) => c.type === type);
const current = (message = 'Resource is current'): Health => ({ status: 'Current', message });
const progress = (message: string): Health => ({ status: 'InProgress', message });

export function health(o: KubeObject): Health {
  const status = (o.status ?? {}) as Status;
  const spec = (o.spec ?? {}) as Record<string, unknown>;
  const generation = o.metadata.generation;
  const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
  if (generation !== undefined && status.observedGeneration !== undefined && status.observedGeneration < generation) {
    return progress(`${o.kind} generation is ${generation}, but latest observed generation is ${status.observedGeneration}`);
  }
  switch (`${group}/${o.kind}`) {
    case 'apps/Deployment': return deployment(spec, status);
    case 'apps/StatefulSet': return statefulSet(spec, status);
    case 'apps/DaemonSet': return daemonSet(status);
    case 'apps/ReplicaSet': return replicas(num(spec['replicas'] ?? 1), num(status['readyReplicas']), num(status['availableReplicas']));
    case 'batch/Job': return job(status);
    case '/Pod': return pod(status);
    case '/PersistentVolumeClaim':
      return status['phase'] === 'Bound' ? current('PVC is Bound') : progress(`PVC is not Bound: phase ${String(status['phase'] ?? 'Pending')}`);
    case '/Service': return service(spec, status);
    case 'apiextensions.k8s.io/CustomResourceDefinition': {
      const est = cond(status, 'Established');
      if (est?.status === 'True') return current('CRD is established');
      const names = cond(status, 'NamesAccepted');
      if (names?.status === 'False') return { status: 'Failed', message: `CRD names not accepted: ${names.message ?? names.reason ?? ''}` };
      return progress('CRD is not established yet');
    }
    default: return generic(status);
  }
}

function deployment(spec: Record<string, unknown>, s: Status): Health {
  const want = num(spec['replicas'] ?? 1);
  const progressing = cond(s, 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { status: 'Failed', message: `Progress deadline exceeded: ${progressing.message ?? ''}` };
  if (num(s['updatedReplicas']) < want) return progress(`Updated: ${num(s['updatedReplicas'])}/${want}`);
  if (num(s['replicas']) > num(s['updatedReplicas'])) return progress(`Pending termination: ${num(s['replicas']) - num(s['updatedReplicas'])}`);
  if (num(s['availableReplicas']) < want) return progress(`Available: ${num(s['availableReplicas'])}/${want}`);
  if (num(s['readyReplicas']) < want) return progress(`Ready: ${num(s['readyReplicas'])}/${want}`);
  return current(`Deployment is available. Replicas: ${want}`);
}

function statefulSet(spec: Record<string, unknown>, s: Status): Health {
  const want = num(spec['replicas'] ?? 1);
  if (num(s['readyReplicas']) < want) return progress(`Ready: ${num(s['readyReplicas'])}/${want}`);
  const strategy = (spec['updateStrategy'] ?? {}) as { type?: string; rollingUpdate?: { partition?: number } };
  if (strategy.type !== 'OnDelete') {
    const partition = num(strategy.rollingUpdate?.partition);
    if (num(s['updatedReplicas']) < want - partition) return progress(`Updated: ${num(s['updatedReplicas'])}/${want - partition}`);
    if (partition === 0 && s['currentRevision'] !== s['updateRevision']) return progress('Rolling update in progress');
  }
  return current(`All replicas scheduled as expected. Replicas: ${want}`);
}

function daemonSet(s: Status): Health {
  const want = num(s['desiredNumberScheduled']);
  if (num(s['updatedNumberScheduled']) < want) return progress(`Updated: ${num(s['updatedNumberScheduled'])}/${want}`);
  if (num(s['numberAvailable']) < want) return progress(`Available: ${num(s['numberAvailable'])}/${want}`);
  return current(`All replicas scheduled as expected. Replicas: ${want}`);
}

function replicas(want: number, ready: number, available: number): Health {
  if (ready < want) return progress(`Ready: ${ready}/${want}`);
  if (available < want) return progress(`Available: ${available}/${want}`);
  return current();
}

function job(s: Status): Health {
  const failed = cond(s, 'Failed');
  if (failed?.status === 'True') return { status: 'Failed', message: `Job failed: ${failed.reason ?? ''} ${failed.message ?? ''}`.trim() };
  if (cond(s, 'Complete')?.status === 'True') return current(`Job Completed. succeeded: ${num(s['succeeded'])}`);
  return progress(`Job in progress: active ${num(s['active'])}, succeeded ${num(s['succeeded'])}, failed ${num(s['failed'])}`);
}

interface ContainerStatus { name: string; ready?: boolean; state?: { waiting?: { reason?: string; message?: string }; terminated?: { reason?: string; exitCode?: number } } }

/** Why a pod is not ready, as a person would say it (ImagePullBackOff, CrashLoopBackOff, Pending…). */
export function podProblem(s: Status): string | undefined {
  const statuses = [...(s['initContainerStatuses'] as ContainerStatus[] | undefined ?? []), ...(s['containerStatuses'] as ContainerStatus[] | undefined ?? [])];
  for (const c of statuses) {
    const w = c.state?.waiting;
    if (w?.reason) return `container ${c.name}: ${w.reason}${w.message ? ` (${w.message})` : ''}`;
    const t = c.state?.terminated;
    if (t && t.exitCode !== 0) return `container ${c.name}: terminated (${t.reason ?? 'Error'}, exit code ${t.exitCode})`;
  }
  const scheduled = cond(s, 'PodScheduled');
  if (scheduled?.status === 'False') return `not scheduled: ${scheduled.message ?? scheduled.reason ?? ''}`;
  if (s['phase'] === 'Pending') return 'Pending';
  return undefined;
}

function pod(s: Status): Health {
  if (s['phase'] === 'Succeeded') return current('Pod has completed successfully');
  if (s['phase'] === 'Failed') return { status: 'Failed', message: `Pod failed: ${podProblem(s) ?? String(s['reason'] ?? '')}` };
  if (cond(s, 'Ready')?.status === 'True') return current('Pod is Ready');
  return progress(podProblem(s) ?? 'Pod is not Ready');
}

function service(spec: Record<string, unknown>, s: Status): Health {
  if (spec['type'] !== 'LoadBalancer') return current('Service is ready');
  const ingress = ((s['loadBalancer'] ?? {}) as { ingress?: unknown[] }).ingress ?? [];
  return ingress.length > 0 ? current('Service is ready') : progress('LoadBalancer has no external address yet');
}

function generic(s: Status): Health {
  const stalled = cond(s, 'Stalled');
  if (stalled?.status === 'True') return { status: 'Failed', message: stalled.message ?? stalled.reason ?? 'Stalled' };
  const ready = cond(s, 'Ready');
  if (ready?.status === 'False') {
    const reconciling = cond(s, 'Reconciling')?.status === 'True';
    return reconciling ? progress(ready.message ?? 'Reconciling') : { status: 'Failed', message: ready.message ?? ready.reason ?? 'Ready=False' };
  }
  if (ready?.status === 'Unknown' || cond(s, 'Reconciling')?.status === 'True') return progress(ready?.message ?? 'Reconciling');
  return current();
}
