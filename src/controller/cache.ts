/**
 * The manager's informers, one per kind, and read access to their caches for reconcilers
 * (controller-runtime's cache.Cache: a client.Reader over informers). Reconcilers read the objects they
 * reconcile from here, so a no-op reconcile costs no API request.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import type { Logger } from '../observability/logger.ts';
import type { KubeObject } from '../kube/index.ts';
import { ControllerError } from './errors.ts';
import { Informer } from './informer.ts';
import { kindId, type Kind } from './kind.ts';
import type { IndexFunc } from './store.ts';

/** Read access to cached objects of the kinds the manager watches. Returned objects are shared: do not change them. */
export interface CacheReader {
  /** the object with key `namespace/name` (or `name`), or undefined when it does not exist (or is filtered out) */
  get<T extends KubeObject = KubeObject>(kind: Kind, key: string): T | undefined;
  /** all cached objects of the kind, or those in one namespace */
  list<T extends KubeObject = KubeObject>(kind: Kind, namespace?: string): T[];
  /** the objects filed under `value` in an index added with `Manager.index` */
  byIndex<T extends KubeObject = KubeObject>(kind: Kind, index: string, value: string): T[];
  /** whether this kind is cached at all */
  has(kind: Kind): boolean;
}

export interface InformerCacheOptions {
  kubeConfig: KubeConfig;
  log: Logger;
  namespace?: string;
  resyncPeriodMs?: number;
}

export interface InformerFor {
  labelSelector?: string;
}

export class InformerCache implements CacheReader {
  readonly #opts: InformerCacheOptions;
  readonly #informers = new Map<string, { informer: Informer; labelSelector: string }>();
  #started = false;

  constructor(opts: InformerCacheOptions) {
    this.#opts = opts;
  }

  /**
   * The informer for a kind, made on first request (and started at once if the cache runs). One kind has one
   * informer, so asking again with a different label selector is an error.
   */
  informerFor(kind: Kind, opts: InformerFor = {}): Informer {
    const id = kindId(kind);
    const selector = opts.labelSelector ?? '';
    const have = this.#informers.get(id);
    if (have !== undefined) {
      if (have.labelSelector !== selector) {
        throw new ControllerError('SelectorConflict', `${id} is already watched with label selector "${have.labelSelector}", not "${selector}"`, { subject: id });
      }
      return have.informer;
    }
    const informer = new Informer({
      kubeConfig: this.#opts.kubeConfig, kind, log: this.#opts.log,
      ...(this.#opts.namespace ? { namespace: this.#opts.namespace } : {}),
      ...(selector ? { labelSelector: selector } : {}),
      ...(this.#opts.resyncPeriodMs ? { resyncPeriodMs: this.#opts.resyncPeriodMs } : {}),
    });
    this.#informers.set(id, { informer, labelSelector: selector });
    if (this.#started) informer.start();
    return informer;
  }

  /** The informer of a kind already watched (whatever its selector); throws KindNotCached otherwise. */
  informer(kind: Kind): Informer {
    return this.#informer(kind);
  }

  /** Adds an index on a kind's cache (controller-runtime's FieldIndexer.IndexField). */
  index<T extends KubeObject = KubeObject>(kind: Kind, name: string, fn: IndexFunc<T>): void {
    this.#informer(kind).addIndexer(name, fn as IndexFunc);
  }

  get<T extends KubeObject = KubeObject>(kind: Kind, key: string): T | undefined {
    return this.#informer(kind).store.get(key) as T | undefined;
  }

  list<T extends KubeObject = KubeObject>(kind: Kind, namespace?: string): T[] {
    return this.#informer(kind).store.list(namespace) as T[];
  }

  byIndex<T extends KubeObject = KubeObject>(kind: Kind, index: string, value: string): T[] {
    return this.#informer(kind).store.byIndex(index, value) as T[];
  }

  has(kind: Kind): boolean {
    return this.#informers.has(kindId(kind));
  }

  start(): void {
    this.#started = true;
    for (const { informer } of this.#informers.values()) informer.start();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.#informers.values()].map(({ informer }) => informer.stop()));
  }

  /** True when every informer has synced. */
  hasSynced(): boolean {
    return [...this.#informers.values()].every(({ informer }) => informer.hasSynced());
  }

  /** The kinds not synced yet (for /readyz). */
  unsynced(): string[] {
    return [...this.#informers.entries()].filter(([, v]) => !v.informer.hasSynced()).map(([id]) => id);
  }

  #informer(kind: Kind): Informer {
    const have = this.#informers.get(kindId(kind));
    if (have === undefined) throw new ControllerError('KindNotCached', `${kindId(kind)} is not watched by this manager: read it with a KubeClient, or watch it`, { subject: kindId(kind) });
    return have.informer;
  }
}
