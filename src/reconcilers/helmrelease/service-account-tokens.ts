/**
 * Acting as a HelmRelease's `serviceAccountName`: a token for that ServiceAccount from the TokenRequest API
 * and a KubeConfig that uses it against the same API server, so the ServiceAccount's RBAC decides what the
 * release may do. Tokens are cached and renewed well before they expire.
 */
import { KubeConfig, type CoreV1Api } from '@kubernetes/client-node';
import { toKubeError } from '../../kube/index.ts';

const lifetimeSeconds = 3600;
const renewBeforeMs = 15 * 60_000;

interface Entry { kc: KubeConfig; expiresAt: number }

export class ServiceAccountTokens {
  readonly #core: CoreV1Api;
  readonly #base: KubeConfig;
  readonly #now: () => number;
  readonly #cache = new Map<string, Entry>();

  constructor(opts: { core: CoreV1Api; kubeConfig: KubeConfig; now?: () => number }) {
    this.#core = opts.core;
    this.#base = opts.kubeConfig;
    this.#now = opts.now ?? Date.now;
  }

  /** A KubeConfig authenticating as `system:serviceaccount:<namespace>:<name>`, and until when to use it. */
  async kubeConfig(namespace: string, name: string): Promise<Entry> {
    const key = `${namespace}/${name}`;
    const have = this.#cache.get(key);
    if (have !== undefined && have.expiresAt - renewBeforeMs > this.#now()) return have;
    let token: string | undefined;
    let expires: Date | undefined;
    try {
      const tr = await this.#core.createNamespacedServiceAccountToken({ name, namespace, body: { spec: { audiences: [], expirationSeconds: lifetimeSeconds } } });
      token = tr.status?.token;
      expires = tr.status?.expirationTimestamp;
    } catch (e) {
      throw toKubeError(e, `request a token for ServiceAccount ${key}`);
    }
    if (!token) throw toKubeError(new Error('the TokenRequest returned no token'), `request a token for ServiceAccount ${key}`);
    const cluster = this.#base.getCurrentCluster();
    if (cluster === null) throw toKubeError(new Error('no current cluster in the kubeconfig'), 'build a ServiceAccount client');
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ ...cluster, name: 'cluster' }],
      users: [{ name: `${namespace}-${name}`, token }],
      contexts: [{ name: 'sa', cluster: 'cluster', user: `${namespace}-${name}`, namespace }],
      currentContext: 'sa',
    });
    const entry = { kc, expiresAt: expires ? new Date(expires).getTime() : this.#now() + lifetimeSeconds * 1000 };
    this.#cache.set(key, entry);
    return entry;
  }
}
