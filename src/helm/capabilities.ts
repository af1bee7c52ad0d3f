/** `.Capabilities` of the live cluster: server version and discovery, cached per action config. */
import { apiVersionSet, serverVersion } from '../kube/index.ts';
import { HELM_VERSION, type Capabilities } from '../render/capabilities.ts';
import type { ActionConfig } from './config.ts';

const cache = new WeakMap<ActionConfig, Promise<Capabilities>>();

export function clusterCapabilities(cfg: ActionConfig): Promise<Capabilities> {
  let c = cache.get(cfg);
  if (!c) {
    c = (async () => {
      const [v, apiVersions] = await Promise.all([serverVersion(cfg.kube.kc), apiVersionSet(cfg.kube.kc)]);
      return { kubeVersion: { version: v.gitVersion, major: v.major, minor: v.minor }, apiVersions, helmVersion: HELM_VERSION };
    })();
    c.catch(() => cache.delete(cfg));
    cache.set(cfg, c);
  }
  return c;
}

/** Forget cached discovery (after CRDs were installed). */
export function invalidateCapabilities(cfg: ActionConfig): void {
  cache.delete(cfg);
}
