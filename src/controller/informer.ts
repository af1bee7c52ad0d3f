/**
 * An informer: LIST then WATCH one kind into a Store, telling event handlers what changed.
 *
 * Why not client-node's `makeInformer`/`ListWatch` (v2.0.1)? It stops for good on any watch error other than
 * 410 and leaves restarting to the caller, never asks for bookmarks (`allowWatchBookmarks`), has no resync,
 * no "has synced" signal, no custom indexes, passes only the new object to update handlers, and caches the
 * full objects including managedFields. Nor its `Watch`: see src/kube/raw.ts for why LIST and WATCH are made
 * there. This one:
 *
 * - LIST is paged (`limit`/`continue`) and fills the store; its resourceVersion starts the WATCH;
 * - WATCH asks for bookmarks, so a quiet kind still moves its resourceVersion forward and a restart does not
 *   replay or expire; the server ends each watch after a random 5–10 min (`timeoutSeconds`, as client-go);
 * - a watch that ends normally restarts at once from the last resourceVersion; one that fails restarts after
 *   an exponential backoff (800 ms → 30 s); one silent for 150 s (bookmarks come about once a minute) is
 *   presumed dead and restarted;
 * - 410 Gone (the resourceVersion fell out of the server's window, as an ERROR event or HTTP status) → relist:
 *   the store is replaced and only the differences become add/update/delete events;
 * - every `resyncPeriodMs` (±10%) each cached object is handed to `onUpdate(obj, obj)` again;
 * - label and field selectors are applied by the server (`--watch-label-selector` sharding).
 */
import type { KubeConfig } from '@kubernetes/client-node';
import type { Logger } from '../observability/logger.ts';
import { listPage, watchEvents, type KubeObject } from '../kube/index.ts';
import { Backoff, jitter, sleep } from './backoff.ts';
import { ControllerError } from './errors.ts';
import { kindId, objectKey, resourcePath, type Kind } from './kind.ts';
import { Store, type StoreReader } from './store.ts';

/** Callbacks for changes seen by an informer. They must not throw (a throw is logged and ignored) or block. */
export interface EventHandler<T extends KubeObject = KubeObject> {
  onAdd?(obj: T): void;
  onUpdate?(oldObj: T, newObj: T): void;
  onDelete?(obj: T): void;
}

export interface InformerOptions<T extends KubeObject = KubeObject> {
  kubeConfig: KubeConfig;
  kind: Kind;
  log: Logger;
  /** watch one namespace only (namespaced kinds); default all namespaces */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** re-deliver every cached object as an update this often (±10%); 0 or absent: never */
  resyncPeriodMs?: number;
  /** LIST page size (default 500) */
  pageSize?: number;
  /** what is cached for each object; the default drops metadata.managedFields to save memory */
  transform?: (obj: KubeObject) => T;
}

/** Counters for tests and debugging. */
export interface InformerStats {
  lists: number;
  watches: number;
  events: number;
  lastError: string | undefined;
}

interface WatchOutcome {
  expired: boolean;
  events: number;
}

// a watch that sees neither an event nor a bookmark for this long is presumed dead and restarted
const watchInactivityMs = 150_000;

export class Informer<T extends KubeObject = KubeObject> {
  readonly kind: Kind;
  readonly #opts: InformerOptions<T>;
  readonly #log: Logger;
  readonly #path: string;
  readonly #store = new Store<T>();
  readonly #handlers = new Set<EventHandler<T>>();
  readonly #abort = new AbortController();
  readonly #transform: (obj: KubeObject) => T;
  readonly #syncWaiters = new Set<(synced: boolean) => void>();
  #rv = '';
  #synced = false;
  #loop: Promise<void> | undefined;
  #resync: ReturnType<typeof setTimeout> | undefined;
  readonly #stats: InformerStats = { lists: 0, watches: 0, events: 0, lastError: undefined };

  constructor(opts: InformerOptions<T>) {
    this.kind = opts.kind;
    this.#opts = opts;
    this.#path = resourcePath(opts.kind, opts.namespace);
    this.#log = opts.log.child({ informer: kindId(opts.kind), ...(opts.labelSelector ? { labelSelector: opts.labelSelector } : {}) });
    this.#transform = opts.transform ?? (dropManagedFields as (o: KubeObject) => T);
  }

  /** The cache. Objects in it are shared: do not change them. */
  get store(): StoreReader<T> {
    return this.#store;
  }

  /** Adds an index to the cache (see Store.addIndexer); may be called before or after start. */
  addIndexer(name: string, fn: (obj: T) => readonly string[]): void {
    this.#store.addIndexer(name, fn);
  }

  /**
   * Registers handlers. If the informer has synced, `onAdd` is called at once for every cached object, so a
   * late handler sees the same world as an early one. Returns a function that removes the handlers.
   */
  addEventHandler(h: EventHandler<T>): () => void {
    this.#handlers.add(h);
    if (this.#synced) for (const obj of this.#store.list()) this.#call(h, 'onAdd', obj);
    return () => this.#handlers.delete(h);
  }

  /** Starts listing and watching in the background (idempotent). */
  start(): void {
    if (this.#loop !== undefined || this.#abort.signal.aborted) return;
    this.#loop = this.#run();
  }

  /** Stops watching and waits for the loop to end. The cache keeps its last content. */
  async stop(): Promise<void> {
    this.#abort.abort();
    clearTimeout(this.#resync);
    for (const w of this.#syncWaiters) w(false);
    this.#syncWaiters.clear();
    await this.#loop;
  }

  /** True once the first LIST has filled the cache (stays true across relists). */
  hasSynced(): boolean {
    return this.#synced;
  }

  /** Resolves true when synced; false if the informer is stopped or `signal` aborts first. */
  waitForSync(signal?: AbortSignal): Promise<boolean> {
    if (this.#synced) return Promise.resolve(true);
    if (this.#abort.signal.aborted || signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (synced: boolean): void => {
        this.#syncWaiters.delete(done);
        signal?.removeEventListener('abort', onAbort);
        resolve(synced);
      };
      const onAbort = (): void => done(false);
      this.#syncWaiters.add(done);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** The resourceVersion the next watch starts from ('' = relist first). */
  get resourceVersion(): string {
    return this.#rv;
  }

  stats(): Readonly<InformerStats> {
    return { ...this.#stats };
  }

  async #run(): Promise<void> {
    const backoff = new Backoff();
    const signal = this.#abort.signal;
    while (!signal.aborted) {
      try {
        if (this.#rv === '') await this.#relist();
        const started = Date.now();
        const outcome = await this.#watchOnce();
        if (outcome.expired) {
          this.#log.info({ resourceVersion: this.#rv }, 'resourceVersion expired (410 Gone): relisting');
          this.#rv = '';
          continue;
        }
        // a watch that ends at once with nothing to show is a failure in disguise: do not spin on it
        if (outcome.events > 0 || Date.now() - started > 1000) backoff.reset();
        else await sleep(backoff.next(), signal);
      } catch (e) {
        if (signal.aborted) break;
        if (statusOf(e) === 410) this.#rv = '';
        this.#stats.lastError = e instanceof Error ? e.message : String(e);
        const delay = backoff.next();
        this.#log.warn({ err: this.#stats.lastError, retryInMs: Math.round(delay) }, 'list/watch failed');
        await sleep(delay, signal);
      }
    }
  }

  async #relist(): Promise<void> {
    const items: T[] = [];
    let continueToken: string | undefined;
    let rv = '';
    do {
      const page = await listPage(this.#opts.kubeConfig, this.#path, {
        labelSelector: this.#opts.labelSelector,
        fieldSelector: this.#opts.fieldSelector,
        limit: this.#opts.pageSize ?? 500,
        continue: continueToken,
      }, this.#abort.signal);
      // items of a list carry no apiVersion/kind; the cache stores them as a GET would return them
      for (const o of page.items) items.push(this.#transform({ ...o, apiVersion: this.kind.apiVersion, kind: this.kind.kind }));
      continueToken = page.continueToken;
      rv = page.resourceVersion;
    } while (continueToken !== undefined);
    if (this.#abort.signal.aborted) return;
    const delta = this.#store.replace(items);
    this.#rv = rv;
    this.#stats.lists++;
    this.#log.debug({ objects: items.length, resourceVersion: rv, added: delta.added.length, updated: delta.updated.length, deleted: delta.deleted.length }, 'listed');
    for (const o of delta.added) this.#emit('onAdd', o);
    for (const [old, cur] of delta.updated) this.#emit('onUpdate', old, cur);
    for (const o of delta.deleted) this.#emit('onDelete', o);
    if (!this.#synced) {
      this.#synced = true;
      for (const w of this.#syncWaiters) w(true);
      this.#syncWaiters.clear();
      this.#scheduleResync();
    }
  }

  async #watchOnce(): Promise<WatchOutcome> {
    let expired = false;
    let events = 0;
    let failure: Error | undefined;
    const ended = new AbortController(); // ends this watch after an ERROR event
    const query = {
      resourceVersion: this.#rv,
      allowWatchBookmarks: true,
      timeoutSeconds: Math.floor(300 * (1 + Math.random())),
      labelSelector: this.#opts.labelSelector,
      fieldSelector: this.#opts.fieldSelector,
    };
    this.#stats.watches++;
    try {
      await watchEvents(this.#opts.kubeConfig, this.#path, query, AbortSignal.any([this.#abort.signal, ended.signal]), (e) => {
        events++;
        this.#stats.events++;
        if (e.type !== 'ERROR') return this.#apply(e.type, e.object as KubeObject);
        const st = e.object as { code?: number; message?: string; reason?: string };
        if (st.code === 410) expired = true;
        else failure = new ControllerError('WatchFailed', `watch ${this.#path}: ${st.message ?? st.reason ?? 'ERROR event'}`, { subject: this.#path });
        ended.abort();
      }, watchInactivityMs);
    } catch (e) {
      if (statusOf(e) === 410) return { expired: true, events };
      throw new ControllerError('WatchFailed', `watch ${this.#path}: ${e instanceof Error ? e.message : String(e)}`, { subject: this.#path, cause: e });
    }
    if (failure !== undefined) throw failure;
    return { expired, events };
  }

  #apply(type: string, raw: KubeObject): void {
    const rv = raw.metadata?.resourceVersion;
    if (type === 'ADDED' || type === 'MODIFIED') {
      const obj = this.#transform(raw);
      const old = this.#store.upsert(obj);
      if (old === undefined) this.#emit('onAdd', obj);
      else this.#emit('onUpdate', old, obj);
    } else if (type === 'DELETED') {
      const obj = this.#transform(raw);
      this.#store.delete(objectKey(obj));
      this.#emit('onDelete', obj);
    } // BOOKMARK: only moves the resourceVersion on
    if (rv) this.#rv = rv;
  }

  #scheduleResync(): void {
    const period = this.#opts.resyncPeriodMs ?? 0;
    if (period <= 0 || this.#abort.signal.aborted) return;
    this.#resync = setTimeout(() => {
      this.#log.debug({ objects: this.#store.size }, 'resync');
      for (const o of this.#store.list()) this.#emit('onUpdate', o, o);
      this.#scheduleResync();
    }, jitter(period, 0.1));
  }

  #emit(what: 'onAdd' | 'onDelete', obj: T): void;
  #emit(what: 'onUpdate', old: T, cur: T): void;
  #emit(what: keyof EventHandler<T>, a: T, b?: T): void {
    for (const h of this.#handlers) this.#call(h, what, a, b);
  }

  #call(h: EventHandler<T>, what: keyof EventHandler<T>, a: T, b?: T): void {
    try {
      if (what === 'onUpdate') h.onUpdate?.(a, b ?? a);
      else h[what]?.(a);
    } catch (e) {
      this.#log.error({ err: e instanceof Error ? e.message : String(e), key: objectKey(a) }, `event handler ${what} threw`);
    }
  }
}

function dropManagedFields(o: KubeObject): KubeObject {
  if (o.metadata.managedFields === undefined) return o;
  const { managedFields: _dropped, ...metadata } = o.metadata;
  return { ...o, metadata };
}

function statusOf(e: unknown): number | undefined {
  if (e === null || typeof e !== 'object') return undefined;
  const { httpStatus, statusCode, status, code } = e as { httpStatus?: unknown; statusCode?: unknown; status?: unknown; code?: unknown };
  for (const v of [httpStatus, statusCode, status, code]) if (typeof v === 'number') return v;
  return undefined;
}

