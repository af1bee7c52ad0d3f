/** The cluster connection and action configuration for CLI commands, from the kubeconfig like kubectl. */
import { hostname } from 'node:os';
import { KubeConfig } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import type { ActionConfig } from '../helm/index.ts';
import { KubeClient, LeaseClient } from '../kube/index.ts';
import { SecretsDriver, Storage } from '../release/index.ts';
import { str, type Parsed } from './flags.ts';

export function loadKubeConfig(p: Parsed): KubeConfig {
  const kc = new KubeConfig();
  const file = str(p, 'kubeconfig') ?? process.env['KUBECONFIG'];
  if (file) kc.loadFromFile(file.split(':')[0] ?? file);
  else kc.loadFromDefault();
  const ctx = str(p, 'kube-context');
  if (ctx) kc.setCurrentContext(ctx);
  return kc;
}

export function namespaceOf(p: Parsed, kc: KubeConfig): string {
  return str(p, 'namespace') ?? kc.getContextObject(kc.getCurrentContext())?.namespace ?? 'default';
}

export function actionConfig(p: Parsed, log: Logger, maxHistory = 10): { cfg: ActionConfig; namespace: string } {
  const kc = loadKubeConfig(p);
  const namespace = namespaceOf(p, kc);
  const kube = new KubeClient(kc);
  return {
    namespace,
    cfg: {
      kube,
      storage: new Storage(new SecretsDriver(kube.core, namespace), maxHistory),
      storageNamespace: namespace,
      leases: new LeaseClient(kc),
      holder: `capstan-cli@${hostname()}:${process.pid}`,
      log,
    },
  };
}
