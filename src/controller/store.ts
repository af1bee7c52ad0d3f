/**
 * The in-memory cache behind one informer: objects keyed `namespace/name`, with named indexes (client-go's
 * ThreadSafeStore + Indexers). Only the informer writes to it; readers must treat returned objects as
 * read-only (copy with `structuredClone` before changing one).
 */
import type { KubeObject } from '../kube/index.ts';
import { ControllerError } from './errors.ts';
import { objectKey } from './kind.ts';

/** Maps an object to the index values it is filed under (e.g. the Secrets a release refers to). */
export type IndexFunc<T extends KubeObject = KubeObject> = (obj: T) => readonly string[];

/** The index every store has: objects by namespace. */
export const namespaceIndex = 'namespace';

/** What a full relist changed, for the informer to turn into events. */
export interface ReplaceDelta<T> {
  added: T[];
  updated: [old: T, cur: T][];
  deleted: T[];
}

/** Read access to one informer's cache. */
export interface StoreReader<T extends KubeObject = KubeObject> {
  get(key: string): T | undefined;
  list(namespace?: string): T[];
  byIndex(index: string, value: string): T[];
  keys(): string[];
  readonly size: number;
}

export class Store<T extends KubeObject = KubeObject> implements StoreReader<T> {
  readonly #items = new Map<string, T>();
  readonly #indexers = new Map<string, IndexFunc<T>>();
  /** index name → value → keys */
  readonly #indices = new Map<string, Map<string, Set<string>>>();

  constructor() {
    this.addIndexer(namespaceIndex, (o) => [o.metadata.namespace ?? '']);
  }

  /** Adds a named index; existing objects are indexed at once. A name can be registered only once. */
  addIndexer(name: string, fn: IndexFunc<T>): void {
    if (this.#indexers.has(name)) throw new ControllerError('IndexExists', `index "${name}" is already registered`, { subject: name });
    this.#indexers.set(name, fn);
    this.#indices.set(name, new Map());
    for (const [key, obj] of this.#items) this.#indexOne(name, fn, key, obj);
  }

  get(key: string): T | undefined {
    return this.#items.get(key);
  }

  list(namespace?: string): T[] {
    return namespace === undefined ? [...this.#items.values()] : this.byIndex(namespaceIndex, namespace);
  }

  /** Objects filed under `value` in the named index. */
  byIndex(index: string, value: string): T[] {
    const idx = this.#indices.get(index);
    if (idx === undefined) throw new ControllerError('IndexExists', `no index "${index}"`, { subject: index });
    const keys = idx.get(value);
    if (keys === undefined) return [];
    const out: T[] = [];
    for (const k of keys) {
      const o = this.#items.get(k);
      if (o !== undefined) out.push(o);
    }
    return out;
  }

  keys(): string[] {
    return [...this.#items.keys()];
  }

  get size(): number {
    return this.#items.size;
  }

  /** Inserts or replaces an object; returns the one it replaced. */
  upsert(obj: T): T | undefined {
    const key = objectKey(obj);
    const old = this.#items.get(key);
    if (old !== undefined) this.#unindex(key, old);
    this.#items.set(key, obj);
    for (const [name, fn] of this.#indexers) this.#indexOne(name, fn, key, obj);
    return old;
  }

  /** Removes an object by key; returns it. */
  delete(key: string): T | undefined {
    const old = this.#items.get(key);
    if (old === undefined) return undefined;
    this.#unindex(key, old);
    this.#items.delete(key);
    return old;
  }

  /**
   * Replaces the whole content with a fresh list. An object counts as updated only when its resourceVersion
   * changed, so a relist after a watch gap reports what was missed, not everything.
   */
  replace(items: readonly T[]): ReplaceDelta<T> {
    const delta: ReplaceDelta<T> = { added: [], updated: [], deleted: [] };
    const seen = new Set<string>();
    for (const obj of items) {
      const key = objectKey(obj);
      seen.add(key);
      const old = this.upsert(obj);
      if (old === undefined) delta.added.push(obj);
      else if (old.metadata.resourceVersion !== obj.metadata.resourceVersion) delta.updated.push([old, obj]);
    }
    for (const key of this.keys()) {
      if (seen.has(key)) continue;
      const old = this.delete(key);
      if (old !== undefined) delta.deleted.push(old);
    }
    return delta;
  }

  #indexOne(name: string, fn: IndexFunc<T>, key: string, obj: T): void {
    const idx = this.#indices.get(name);
    if (idx === undefined) return;
    for (const value of fn(obj)) {
      let keys = idx.get(value);
      if (keys === undefined) idx.set(value, (keys = new Set()));
      keys.add(key);
    }
  }

  #unindex(key: string, obj: T): void {
    for (const [name, fn] of this.#indexers) {
      const idx = this.#indices.get(name);
      if (idx === undefined) continue;
      for (const value of fn(obj)) {
        const keys = idx.get(value);
        keys?.delete(key);
        if (keys?.size === 0) idx.delete(value);
      }
    }
  }
}
