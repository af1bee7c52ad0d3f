/**
 * A process-wide cache of manifest heads (releaseutil.SimpleHead) by manifest text and YAML
 * decoder: re-rendering the same chart (an operator's reconcile loop) yields the same manifests,
 * and decoding each one in full only to read its head is most of the sorting cost. A head depends
 * only on the text and the decoder; callers must not modify a cached head. Failed decodes are not
 * cached. Bounded by the total size of the texts (least recently used entries go first).
 */
import { decodeSimpleHead } from './simple-head.ts';
import type { JsonLike, SimpleHead } from './simple-head.ts';

type Decoder = (doc: string) => JsonLike;

const MAX_CHARS = 8 * 1024 * 1024;
const MAX_ENTRY_CHARS = 1024 * 1024;

interface Entry {
  readonly decode: Decoder;
  readonly head: SimpleHead;
}

const entries = new Map<string, Entry>();
let totalChars = 0;

/** decodeSimpleHead(decode(doc)), through the cache. */
export function cachedSimpleHead(decode: Decoder, doc: string): SimpleHead {
  const hit = entries.get(doc);
  if (hit !== undefined && hit.decode === decode) {
    entries.delete(doc);
    entries.set(doc, hit);
    return hit.head;
  }
  const head = decodeSimpleHead(decode(doc));
  if (doc.length <= MAX_ENTRY_CHARS) {
    if (hit === undefined) totalChars += doc.length;
    else entries.delete(doc);
    entries.set(doc, { decode, head });
    for (const [text] of entries) {
      if (totalChars <= MAX_CHARS) break;
      entries.delete(text);
      totalChars -= text.length;
    }
  }
  return head;
}

/** Empties the cache (tests). */
export function clearHeadCache(): void {
  entries.clear();
  totalChars = 0;
}
