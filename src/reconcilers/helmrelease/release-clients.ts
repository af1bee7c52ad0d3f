/**
 * The clients a HelmRelease's release is handled with: the Kubernetes client (impersonating
 * `spec.serviceAccountName` through a TokenRequest token, so that ServiceAccount's RBAC applies to every
 * apply, read and storage write of the release; the controller's own identity otherwise), wrapped to
 * post-render when the spec has post-renderers, and the ActionConfig of the Helm actions. The operation
 * Lease is taken with the controller's identity: it is Capstan's coordination, not part of the release.
 *
 * Clients are kept for a while per (identity, storage namespace, history limit, post-render settings), so
 * discovery and `.Capabilities` are not fetched again on every reconcile.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import type { HelmRelease } from '../../api/index.ts';
import type { ActionConfig } from '../../helm/index.ts';
import { KubeClient, type LeaseClient } from '../../kube/index.ts';
import type { Logger } from '../../observability/logger.ts';
import { SecretsDriver, Storage } from '../../release/index.ts';
import { postRenderDigest } from './config-digest.ts';
import { PostRenderingKubeClient } from './postrender/kube-client.ts';
import { postRendererFor, type PostRender } from './postrender/post-renderer.ts';
import type { ReleaseTarget } from './release-name.ts';
import type { ServiceAccountTokens } from './service-account-tokens.ts';

export interface ReleaseClients {
  /** the release's objects, as the release's identity (no post-rendering) */
  kube: KubeClient;
  /** for the Helm actions (post-rendering kube, storage in the storage namespace, the operation lock) */
  cfg: ActionConfig;
  postRender: PostRender | undefined;
  /** `ServiceAccount ns/name` or `the controller`, for messages */
  identity: string;
}

export interface ReleaseClientFactoryOptions {
  kubeConfig: KubeConfig;
  leases: LeaseClient;
  tokens: ServiceAccountTokens;
  /** who performs actions (written on pending revisions) */
  holder: string;
  log: Logger;
  /** used when a HelmRelease names no serviceAccountName (Flux's `--default-service-account`) */
  defaultServiceAccount?: string | undefined;
  ttlMs?: number;
  now?: () => number;
}

interface Cached { clients: ReleaseClients; expiresAt: number }

export class ReleaseClientFactory {
  readonly #o: ReleaseClientFactoryOptions;
  readonly #cache = new Map<string, Cached>();

  constructor(opts: ReleaseClientFactoryOptions) {
    this.#o = opts;
  }

  /** The clients for `hr`. Throws PostRenderError for bad patches, KubeError when no token can be had. */
  async forRelease(hr: HelmRelease, target: ReleaseTarget): Promise<ReleaseClients> {
    const now = (this.#o.now ?? Date.now)();
    const sa = hr.spec.serviceAccountName ?? this.#o.defaultServiceAccount;
    const saNamespace = hr.metadata.namespace ?? 'default';
    const post = { postRenderers: hr.spec.postRenderers, commonMetadata: hr.spec.commonMetadata };
    const key = JSON.stringify([sa === undefined ? '' : `${saNamespace}/${sa}`, target.storageNamespace, hr.spec.maxHistory, postRenderDigest(hr.spec)]);
    const have = this.#cache.get(key);
    if (have !== undefined && have.expiresAt > now) return have.clients;
    const postRender = postRendererFor(post);
    let kc = this.#o.kubeConfig;
    let expiresAt = now + (this.#o.ttlMs ?? 5 * 60_000);
    if (sa !== undefined) {
      const t = await this.#o.tokens.kubeConfig(saNamespace, sa);
      kc = t.kc;
      expiresAt = Math.min(expiresAt, t.expiresAt - 15 * 60_000);
    }
    const kube = new KubeClient(kc);
    const actionKube = postRender === undefined ? kube : new PostRenderingKubeClient(kc, postRender);
    const clients: ReleaseClients = {
      kube, postRender,
      identity: sa === undefined ? 'the controller' : `ServiceAccount ${saNamespace}/${sa}`,
      cfg: {
        kube: actionKube,
        storage: new Storage(new SecretsDriver(actionKube.core, target.storageNamespace), hr.spec.maxHistory),
        storageNamespace: target.storageNamespace,
        leases: this.#o.leases,
        holder: this.#o.holder,
        log: this.#o.log,
      },
    };
    this.#cache.set(key, { clients, expiresAt });
    return clients;
  }
}
