/**
 * The operator for the GitOps end-to-end tests: the operator's own wiring (src/cli/operator-setup.ts:
 * HelmRelease, GitRepository and HelmRepository controllers) with the GitSync controller registered on the
 * same Manager, reading GitRepository artifacts through the operator's SourceArtifacts, watching one test namespace; and a
 * push webhook receiver (src/source/webhooks) that sets `capstan.dev/reconcile-requested-at` on the pushed
 * GitRepository, as the operator's does.
 */
import { KubeClient, type KubeObject } from '../../src/kube/index.ts';
import { createOperator } from '../../src/cli/operator-setup.ts';
import { ArtifactSourceTrees, register } from '../../src/reconcilers/gitsync/index.ts';
import { WebhookReceiver, type ReceiverConfig } from '../../src/source/webhooks/index.ts';
import type { GitRef } from '../../src/api/index.ts';
import { gitRepositoryGvk } from '../../src/reconcilers/shared/kinds.ts';
import { testCluster } from './cluster.ts';
import { requestReconcile } from './gitsync-harness.ts';
import { rmTemp, tempDir } from './git-server.ts';
import { testLogger } from './operator.ts';

export interface GitOpsOperator {
  /** base URL of the webhook receiver */
  webhookUrl: string;
  stop(): Promise<void>;
}

export async function startGitOpsOperator(o: { namespace: string; receivers?: readonly ReceiverConfig[] }): Promise<GitOpsOperator> {
  const { kc } = await testCluster();
  const log = testLogger();
  const cacheDir = tempDir('gitops-operator');
  const op = await createOperator({
    kubeConfig: kc, log, metricsAddr: '0', healthAddr: '0', cacheDir, concurrent: 4, namespace: o.namespace,
    gracefulShutdownTimeoutMs: 5_000, requeueDependencyMs: 1_000, noGitSync: true,
  });
  const kube = new KubeClient(kc);
  register(op.manager, {
    kube, log: log.child({ controller: 'gitsync' }), events: op.events, healthPollMs: 500, requeueDependencyMs: 1_000,
    sources: new ArtifactSourceTrees(op.sources),
  });
  const running = op.manager.start();
  // as the operator's receiver does: a verified push sets reconcile-requested-at on the matching GitRepositories
  const hooks = new WebhookReceiver({
    receivers: () => o.receivers ?? [],
    listGitRepositories: () => op.manager.cache.list<KubeObject & { spec?: { url?: string; ref?: GitRef } }>(gitRepositoryGvk)
      .map((r) => ({ namespace: r.metadata.namespace ?? '', name: r.metadata.name, url: r.spec?.url ?? '', ref: r.spec?.ref })),
    requestReconcile: async (t) => {
      await requestReconcile(kube, { apiVersion: gitRepositoryGvk.apiVersion, kind: gitRepositoryGvk.kind, name: t.name, namespace: t.namespace });
    },
    log,
  });
  const bound = await hooks.listen(0, '127.0.0.1');
  return {
    webhookUrl: `http://127.0.0.1:${bound.port}`,
    stop: async () => {
      await hooks.close();
      await op.manager.stop();
      await running.catch(() => undefined);
      await op.close();
      rmTemp(cacheDir);
    },
  };
}
