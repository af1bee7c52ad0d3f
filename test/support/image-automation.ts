/**
 * The image automation controllers running in process for the image-automation-* tests, watching one test
 * namespace: on their own Manager (`startImageControllers`), or registered on the operator's own wiring
 * (src/cli/operator-setup.ts: HelmRelease and source controllers) together with GitSync
 * (`startImageOperator`), which is how `capstan operator` is to run them. Plus helpers to read a bare
 * repository's branch and to wait on the image kinds' status.
 */
import { join } from 'node:path';
import type { Condition } from '../../src/api/index.ts';
import { createOperator } from '../../src/cli/operator-setup.ts';
import { Manager } from '../../src/controller/index.ts';
import { KubeClient, type KubeObject } from '../../src/kube/index.ts';
import { register as registerGitSync, ArtifactSourceTrees } from '../../src/reconcilers/gitsync/index.ts';
import { register, type ImageAutomationDeps, type ImageControllers } from '../../src/reconcilers/image/index.ts';
import { KubeEventRecorder } from '../../src/reconcilers/shared/events.ts';
import { eventually, testCluster } from './cluster.ts';
import { git, rmTemp, tempDir } from './git-server.ts';
import { testLogger } from './operator.ts';

export interface RunningControllers {
  controllers: ImageControllers;
  stop(): Promise<void>;
}

type Extra = Partial<Omit<ImageAutomationDeps, 'kube' | 'events' | 'workDir'>>;

/** Only the image controllers, on a Manager of their own. */
export async function startImageControllers(namespace: string, extra: Extra = {}): Promise<RunningControllers> {
  const { kc } = await testCluster();
  const log = testLogger();
  const workDir = tempDir('image-controllers');
  const kube = new KubeClient(kc);
  const events = new KubeEventRecorder({ core: kube.core, component: 'capstan-image-automation', instance: 'test', log });
  const mgr = new Manager({ kubeConfig: kc, log, namespace, metricsAddr: '0', healthAddr: '0', concurrent: 2, gracefulShutdownTimeoutMs: 5_000 });
  const controllers = register(mgr, { kube, events, workDir, scanRetryBaseMs: 200, ...extra });
  const running = mgr.start();
  return {
    controllers,
    stop: async () => {
      await mgr.stop();
      await running.catch(() => undefined);
      await events.flush();
      rmTemp(workDir);
    },
  };
}

/** The operator's wiring (HelmRelease, GitRepository, HelmRepository), GitSync and the image controllers on one Manager. */
export async function startImageOperator(namespace: string, extra: Extra = {}): Promise<RunningControllers> {
  const { kc } = await testCluster();
  const log = testLogger();
  const cacheDir = tempDir('image-operator');
  const op = await createOperator({
    kubeConfig: kc, log, metricsAddr: '0', healthAddr: '0', cacheDir, concurrent: 4, namespace,
    gracefulShutdownTimeoutMs: 5_000, requeueDependencyMs: 1_000, noGitSync: true, noImageAutomation: true,
  });
  const kube = new KubeClient(kc);
  registerGitSync(op.manager, {
    kube, log: log.child({ controller: 'gitsync' }), events: op.events, healthPollMs: 500, requeueDependencyMs: 1_000,
    sources: new ArtifactSourceTrees(op.sources),
  });
  const controllers = register(op.manager, { kube, events: op.events, workDir: join(cacheDir, 'image-automation'), scanRetryBaseMs: 200, ...extra });
  const running = op.manager.start();
  return {
    controllers,
    stop: async () => {
      await op.manager.stop();
      await running.catch(() => undefined);
      await op.close();
      rmTemp(cacheDir);
    },
  };
}

export const imageApi = 'image.capstan.dev/v1';

export interface StatusView {
  conditions?: Condition[];
  observedGeneration?: number;
  [k: string]: unknown;
}

export const conditionOf = (o: KubeObject | undefined, type: string): Condition | undefined =>
  (o?.status as StatusView | undefined)?.conditions?.find((c) => c.type === type);

/** Waits until the object satisfies `check`; the error shows its last status. */
export async function waitForObject(kube: KubeClient, ref: { apiVersion: string; kind: string; name: string; namespace: string }, what: string,
  check: (o: KubeObject) => boolean, timeoutMs = 30_000): Promise<KubeObject> {
  let last: KubeObject | undefined;
  try {
    return await eventually(`${ref.kind} ${ref.namespace}/${ref.name}: ${what}`, timeoutMs, async () => {
      last = await kube.get(ref);
      return last !== undefined && check(last) ? last : undefined;
    });
  } catch (e) {
    throw new Error(`${(e as Error).message}\nlast status: ${JSON.stringify(last?.status ?? {}, null, 1)}`);
  }
}

/** A file of a bare repository's branch. */
export async function branchFile(bare: string, path: string, branch = 'main'): Promise<string> {
  return git(bare, ['--git-dir', bare, 'show', `${branch}:${path}`]);
}

export interface CommitInfo { sha: string; author: string; subject: string; body: string; time: number }

/** The branch's commits, newest first. */
export async function branchLog(bare: string, branch = 'main'): Promise<CommitInfo[]> {
  const out = await git(bare, ['--git-dir', bare, 'log', '--format=%H%x1f%an <%ae>%x1f%s%x1f%b%x1f%ct%x1e', branch]);
  return out.split('\x1e').map((s) => s.trim()).filter((s) => s !== '').map((s) => {
    const [sha = '', author = '', subject = '', body = '', time = '0'] = s.split('\x1f');
    return { sha, author, subject, body: body.trim(), time: Number(time) * 1000 };
  });
}
