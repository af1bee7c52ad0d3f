/**
 * `capstan operator`: runs the controllers (HelmRelease, GitRepository, HelmRepository) under one Manager
 * with leader election, probes and metrics, until SIGTERM/SIGINT; the same code runs in the image and out
 * of cluster (`--kubeconfig`).
 */
import { shutdownSignal } from '../../controller/index.ts';
import type { Command } from '../commands.ts';
import { bool, parse, parseDuration, str, UsageError } from '../flags.ts';
import { loadKubeConfig } from '../kube-env.ts';
import { createOperator } from '../operator-setup.ts';
import { KubeClient } from '../../kube/index.ts';
import { ReceiversConfig, startSourceWebhooks } from '../../reconcilers/source/index.ts';

const flags = {
  concurrent: { type: 'string' }, 'metrics-addr': { type: 'string' }, 'health-addr': { type: 'string' },
  'leader-elect': { type: 'boolean' }, 'leader-election-namespace': { type: 'string' }, 'leader-election-id': { type: 'string' },
  'watch-label-selector': { type: 'string' }, 'watch-namespace': { type: 'string' }, 'watch-configs-label-selector': { type: 'string' },
  'no-cross-namespace-refs': { type: 'boolean' }, 'default-service-account': { type: 'string' }, 'requeue-dependency': { type: 'string' },
  'cache-dir': { type: 'string' }, 'no-source-controllers': { type: 'boolean' }, 'graceful-shutdown-timeout': { type: 'string' },
  'webhook-addr': { type: 'string' }, 'no-image-automation': { type: 'boolean' }, 'no-gitsync': { type: 'boolean' }, 'webhook-receivers-secret': { type: 'string' }, 'webhook-receivers-file': { type: 'string' },
  'render-cache-size': { type: 'string' },
} as const;

export const usageText = `Run the Capstan controllers.

Usage:
  capstan operator [flags]

Flags:
      --kubeconfig string                      kubeconfig file (default: in-cluster, then $KUBECONFIG, then ~/.kube/config)
      --concurrent int                         reconciles run at once per controller (default 4)
      --metrics-addr string                    Prometheus /metrics address, 0 to disable (default ":8080")
      --health-addr string                     /healthz and /readyz address, 0 to disable (default ":8081")
      --leader-elect                           elect a leader with a Lease: only the leader reconciles
      --leader-election-namespace string       namespace of the Lease (default: the pod's, else capstan-system)
      --leader-election-id string              name of the Lease (default "capstan-leader-election")
      --watch-label-selector string            reconcile only objects with these labels (sharding)
      --watch-namespace string                 watch one namespace only (default: all)
      --watch-configs-label-selector string    ConfigMaps/Secrets watched for valuesFrom changes (default "owner!=helm")
      --no-cross-namespace-refs                refuse chart sourceRefs into other namespaces
      --default-service-account string         ServiceAccount to act as for HelmReleases that name none
      --requeue-dependency duration            how soon to look again at a HelmRelease waiting on dependencies (default 10s)
      --graceful-shutdown-timeout duration     how long in-flight reconciles may finish on shutdown (default 30s)
      --cache-dir string                       artifacts and Git caches (default $CAPSTAN_CACHE, else the OS temp dir)
      --no-source-controllers                  do not run the GitRepository and HelmRepository controllers
      --no-gitsync                             do not run the GitSync controller
      --no-image-automation                    do not run the image automation controllers
      --webhook-addr string                    push webhook receiver address, e.g. ":9292" (default: off)
      --webhook-receivers-secret string        Secret (ns/name, key receivers.yaml) listing the receivers
                                               (default "capstan-system/capstan-webhook-receivers")
      --webhook-receivers-file string          read the receivers from this file instead
      --render-cache-size int                  MiB kept for parsed templates, values, schemas and manifest heads
                                               between reconciles, 0 to disable (default 64)
`;

function int(v: string | undefined, name: string, def: number): number {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`invalid argument "${v}" for "--${name}" flag: must be a positive integer`);
  return n;
}

export const operatorCommand: Command = {
  name: 'operator',
  summary: 'Run the Capstan operator (HelmRelease and source controllers)',
  async run(args, { log }) {
    const p = parse(args, flags);
    if (bool(p, 'help')) {
      process.stdout.write(usageText);
      return 0;
    }
    const kc = loadKubeConfig(p);
    const watchNamespace = str(p, 'watch-namespace');
    const selector = str(p, 'watch-label-selector');
    const leaderNamespace = str(p, 'leader-election-namespace');
    const leaderId = str(p, 'leader-election-id');
    const grace = str(p, 'graceful-shutdown-timeout');
    const cacheDir = str(p, 'cache-dir');
    const sa = str(p, 'default-service-account');
    const dependency = str(p, 'requeue-dependency');
    const configs = str(p, 'watch-configs-label-selector');
    const renderCache = str(p, 'render-cache-size');
    const op = await createOperator({
      kubeConfig: kc, log, concurrent: int(str(p, 'concurrent'), 'concurrent', 4),
      metricsAddr: str(p, 'metrics-addr') ?? ':8080', healthAddr: str(p, 'health-addr') ?? ':8081',
      leaderElect: bool(p, 'leader-elect'),
      ...(leaderNamespace !== undefined ? { leaderElectionNamespace: leaderNamespace } : inPod() ? {} : { leaderElectionNamespace: 'capstan-system' }),
      ...(leaderId !== undefined ? { leaderElectionID: leaderId } : {}),
      ...(selector !== undefined ? { watchLabelSelector: selector } : {}),
      ...(watchNamespace !== undefined ? { namespace: watchNamespace } : {}),
      ...(grace !== undefined ? { gracefulShutdownTimeoutMs: parseDuration(grace) } : {}),
      ...(cacheDir !== undefined ? { cacheDir } : {}),
      ...(sa !== undefined ? { defaultServiceAccount: sa } : {}),
      ...(dependency !== undefined ? { requeueDependencyMs: parseDuration(dependency) } : {}),
      ...(configs !== undefined ? { watchConfigsLabelSelector: configs } : {}),
      noCrossNamespaceRefs: bool(p, 'no-cross-namespace-refs'), noSourceControllers: bool(p, 'no-source-controllers'),
      noGitSync: bool(p, 'no-gitsync'), noImageAutomation: bool(p, 'no-image-automation'),
      ...(renderCache !== undefined ? { renderCacheBytes: mebibytes(renderCache, 'render-cache-size') } : {}),
    });
    const webhookAddr = str(p, 'webhook-addr');
    let hooks: { close(): Promise<void> } | undefined;
    let receivers: ReceiversConfig | undefined;
    if (webhookAddr !== undefined && webhookAddr !== '0') {
      const kube = new KubeClient(kc);
      const file = str(p, 'webhook-receivers-file');
      receivers = new ReceiversConfig({
        source: file !== undefined ? { file } : { secret: str(p, 'webhook-receivers-secret') ?? 'capstan-system/capstan-webhook-receivers' },
        kube, log,
      });
      await receivers.start();
      const r = receivers;
      const started = await startSourceWebhooks({ addr: webhookAddr, receivers: () => r.receivers, cache: op.manager.cache, kube, log });
      log.info({ url: started.url }, 'push webhook receiver listening');
      hooks = started;
    }
    try {
      await op.manager.start(shutdownSignal());
    } finally {
      receivers?.stop();
      await hooks?.close();
      await op.close();
    }
    return 0;
  },
};

function mebibytes(v: string, name: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n) || n < 0) throw new UsageError(`invalid argument "${v}" for "--${name}" flag: must be a whole number of MiB (0 or more)`);
  return n * 1024 * 1024;
}

function inPod(): boolean {
  return process.env['KUBERNETES_SERVICE_HOST'] !== undefined;
}
