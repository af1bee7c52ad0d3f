/**
 * The GitSync controller running in-process against the test cluster, for the gitops-gitsync tests: a
 * Manager watching one namespace with only the GitSync controller (no source controllers: SourceArtifacts
 * fetches the GitRepositories itself from a real `git http-backend`), a KubeClient that counts its writes,
 * and helpers to commit, create GitRepository/GitSync objects and wait for conditions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import type { LevelWithSilent } from 'pino';
import { Manager } from '../../src/controller/index.ts';
import { KubeClient, rawRequest, type ApplyOptions, type KubeObject, type ObjectRef } from '../../src/kube/index.ts';
import { createRootLogger, type Logger } from '../../src/observability/logger.ts';
import { KubeEventRecorder } from '../../src/reconcilers/shared/events.ts';
import { ServiceAccountTokens } from '../../src/reconcilers/helmrelease/service-account-tokens.ts';
import { ArtifactSourceTrees, register } from '../../src/reconcilers/gitsync/index.ts';
import { SourceArtifacts } from '../../src/reconcilers/source/index.ts';
import { ArtifactStore } from '../../src/source/artifacts/index.ts';
import { GitSource } from '../../src/source/git/index.ts';
import { eventually } from './cluster.ts';
import { applyCrds } from './operator.ts';

export const testLog: Logger = createRootLogger({ level: (process.env['CAPSTAN_TEST_LOG_LEVEL'] ?? 'silent') as LevelWithSilent });

/** A KubeClient recording the real writes (applies that are not dry-runs, deletes). */
export class CountingKubeClient extends KubeClient {
  readonly writes: string[] = [];

  override async apply(obj: KubeObject, opts: ApplyOptions = {}): Promise<KubeObject> {
    if (opts.dryRun !== true) this.writes.push(`apply ${obj.kind} ${obj.metadata.namespace ?? ''}/${obj.metadata.name}`);
    return super.apply(obj, opts);
  }

  override async delete(ref: ObjectRef): Promise<boolean> {
    this.writes.push(`delete ${ref.kind} ${ref.namespace ?? ''}/${ref.name}`);
    return super.delete(ref);
  }
}

/** Applies Capstan's CRDs (once per process) and waits until they are served. */
export const ensureCrds = (_kube: KubeClient): Promise<void> => applyCrds();

export interface GitSyncHarness {
  kube: CountingKubeClient;
  stop(): Promise<void>;
}

/** Starts a Manager with the GitSync controller, watching `namespace`. */
export async function startGitSyncController(kc: KubeConfig, namespace: string, opts: { healthPollMs?: number } = {}): Promise<GitSyncHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'capstan-gitsync-'));
  const kube = new CountingKubeClient(kc);
  const store = await ArtifactStore.open({ root: join(dir, 'artifacts'), log: testLog });
  const git = new GitSource({ cacheDir: join(dir, 'git'), store, log: testLog });
  const events = new KubeEventRecorder({ core: kube.core, component: 'capstan-gitsync', instance: 'test', log: testLog });
  const mgr = new Manager({ kubeConfig: kc, log: testLog, namespace, metricsAddr: '0', healthAddr: '0', concurrent: 2 });
  const tokens = new ServiceAccountTokens({ core: kube.core, kubeConfig: kc });
  register(mgr, {
    kube, log: testLog, events, requeueDependencyMs: 1000, healthPollMs: opts.healthPollMs ?? 500,
    impersonate: async (ns, sa) => new KubeClient((await tokens.kubeConfig(ns, sa)).kc),
    sources: new ArtifactSourceTrees(new SourceArtifacts({ store, kube, log: testLog, git, dir: join(dir, 'trees') })),
  });
  const running = mgr.start();
  return {
    kube,
    async stop() {
      await mgr.stop();
      await running;
      await events.flush();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Cond { type: string; status: string; reason: string; message: string; observedGeneration?: number }
export type GitSyncStatusView = { conditions?: Cond[]; inventory?: { entries: { id: string; v: string }[] }; lastAppliedRevision?: string; lastAttemptedRevision?: string; observedGeneration?: number };

export async function gitSyncStatus(kube: KubeClient, namespace: string, name: string): Promise<{ obj: KubeObject; status: GitSyncStatusView } | undefined> {
  const obj = await kube.get({ apiVersion: 'sync.capstan.dev/v1', kind: 'GitSync', name, namespace });
  return obj === undefined ? undefined : { obj, status: (obj.status ?? {}) as GitSyncStatusView };
}

export const condition = (s: GitSyncStatusView, type: string): Cond | undefined => s.conditions?.find((c) => c.type === type);

/** Waits until the GitSync's Ready condition satisfies `check` for its current generation. */
export async function waitForGitSync(kube: KubeClient, namespace: string, name: string, what: string, check: (ready: Cond, s: GitSyncStatusView) => boolean, timeoutMs = 60_000): Promise<GitSyncStatusView> {
  let last = '';
  try {
    return await eventually(`GitSync ${namespace}/${name}: ${what}`, timeoutMs, async () => {
      const r = await gitSyncStatus(kube, namespace, name);
      const ready = r && condition(r.status, 'Ready');
      last = JSON.stringify(r?.status.conditions ?? []);
      return r && ready && r.status.observedGeneration === r.obj.metadata.generation && check(ready, r.status) ? r.status : undefined;
    });
  } catch (e) {
    throw new Error(`${(e as Error).message}; conditions: ${last}`);
  }
}

/** Sets `capstan.dev/reconcile-requested-at` on an object (a reconcile now). */
export async function requestReconcile(kube: KubeClient, ref: ObjectRef): Promise<string> {
  const at = new Date().toISOString() + Math.random().toString(36).slice(2, 6);
  const path = await kube.resourcePath(ref.apiVersion, ref.kind, ref.name, ref.namespace);
  await rawRequest(kube.kc, 'PATCH', path, JSON.stringify({ metadata: { annotations: { 'capstan.dev/reconcile-requested-at': at } } }), 'application/merge-patch+json');
  return at;
}
