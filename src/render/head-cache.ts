/**
 * A process-wide cache of manifest heads (releaseutil.SimpleHead) by manifest text and YAML
 * decoder: re-rendering the same chart (an operator's reconcile loop) yields the same manifests,
 * and decoding each one in full only to read its head is most of the sorting cost. A head depends
 * only on the text and the decoder; callers must not modify a cached head. Failed decodes are not
 * cached. Least recently used entries go first, within this cache's part of the text-cache budget
 * (@capstan/text-cache).
 */
import { TextCache } from '@capstan/text-cache';
import { decodeSimpleHead } from './simple-head.ts';
import type { JsonLike, SimpleHead } from './simple-head.ts';

type Decoder = (doc: string) => JsonLike;


interface Entry {
  readonly decode: Decoder;
  readonly head: SimpleHead;
}

/** a head is small: the cost is mostly the manifest text kept as the key (1.3 bytes per character, measured) */
const BYTES_PER_CHAR = 1.3;

const cache = new TextCache<Entry>({ name: 'manifest-heads', bytesPerChar: BYTES_PER_CHAR, share: 0.15, maxEntryChars: 1024 * 1024 });

/** decodeSimpleHead(decode(doc)), through the cache. */
export function cachedSimpleHead(decode: Decoder, doc: string): SimpleHead {
  const hit = cache.get(doc);
  if (hit !== undefined && hit.decode === decode) return hit.head;
  const useStore = store !== null && store.decode === decode;
  const stored = useStore ? store!.getHead(doc) : undefined;
  if (stored !== undefined) {
    cache.set(doc, { decode, head: stored });
    return stored;
  }
  const head = decodeSimpleHead(decode(doc));
  cache.set(doc, { decode, head });
  if (useStore) store!.putHead(doc, head);
  return head;
}

/**
 * A second level behind the in-memory cache for one decoder, kept by the caller (the CLI keeps the heads
 * of a chart's large manifests on disk, src/cli/template-parse-store.ts): asked on a miss, told about
 * every new head. It may decline any document.
 */
export interface HeadStore {
  readonly decode: Decoder;
  getHead(doc: string): SimpleHead | undefined;
  putHead(doc: string, head: SimpleHead): void;
}

let store: HeadStore | null = null;

/** Installs (or with null removes) the second-level store. */
export function setHeadStore(s: HeadStore | null): void {
  store = s;
}

/** Empties the cache (tests). */
export function clearHeadCache(): void {
  cache.clear();
}
