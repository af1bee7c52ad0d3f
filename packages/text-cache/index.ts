/**
 * Process-wide caches of work derived from a text (a parsed template, a decoded YAML document, a
 * compiled schema, a manifest head), so that re-rendering the same chart — an operator's reconcile
 * loop, a `tpl` over the same string — does not repeat it. Each cache is least-recently-used and
 * keyed by the text itself (a lookup hashes the caller's string, no digest is computed).
 *
 * All caches share one memory budget ({@link setTextCacheBudget}, default 128 MiB). A cache's share
 * of it is fixed when it is created; its memory is estimated from the length of its texts times a
 * measured factor (bytes of derived data per character: a parsed template takes about 6.5 bytes
 * per character of source, measured over the 55 charts of the shared corpus).
 */

export interface TextCacheOptions {
  /** shown in {@link textCacheStats} */
  readonly name: string;
  /** estimated bytes of memory per character of a cached text (its derived data included) */
  readonly bytesPerChar: number;
  /** this cache's part of the budget (the parts of all caches are normalised) */
  readonly share: number;
  /** texts longer than this are never cached */
  readonly maxEntryChars: number;
}

export interface TextCacheStats {
  name: string;
  entries: number;
  chars: number;
  /** chars × bytesPerChar */
  estimatedBytes: number;
  limitBytes: number;
}

const DEFAULT_BUDGET = 128 * 1024 * 1024;
let budget = DEFAULT_BUDGET;
const caches: TextCache<unknown>[] = [];

/**
 * Sets the memory budget of all text caches together, in bytes (0 turns caching off). Caches over
 * their new limit drop their least recently used entries at once.
 */
export function setTextCacheBudget(bytes: number): void {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`text cache budget must be a non-negative number of bytes, got ${bytes}`);
  budget = bytes;
  for (const c of caches) c.evict();
}

/** The current budget in bytes. */
export function textCacheBudget(): number {
  return budget;
}

/** Every cache's size and limit. */
export function textCacheStats(): TextCacheStats[] {
  return caches.map((c) => c.stats());
}

/** Empties every cache (tests). */
export function clearTextCaches(): void {
  for (const c of caches) c.clear();
}

function totalShares(): number {
  let s = 0;
  for (const c of caches) s += c.options.share;
  return s;
}

export class TextCache<V> {
  readonly options: TextCacheOptions;
  private readonly entries = new Map<string, V>();
  private chars = 0;

  constructor(options: TextCacheOptions) {
    this.options = options;
    caches.push(this as TextCache<unknown>);
  }

  /** the most characters of text this cache may hold under the current budget */
  limitChars(): number {
    return Math.floor((budget * this.options.share) / totalShares() / this.options.bytesPerChar);
  }

  /** The value cached for `text` (now the most recently used), or undefined. */
  get(text: string): V | undefined {
    const hit = this.entries.get(text);
    if (hit !== undefined) {
      this.entries.delete(text);
      this.entries.set(text, hit);
    }
    return hit;
  }

  /** Caches `value` for `text` (replacing an earlier one), then evicts down to the limit. */
  set(text: string, value: V): void {
    if (text.length > this.options.maxEntryChars) return;
    if (this.entries.has(text)) this.entries.delete(text);
    else this.chars += text.length;
    this.entries.set(text, value);
    this.evict();
  }

  /** Drops least recently used entries until the cache is within its limit. */
  evict(): void {
    const limit = this.limitChars();
    if (this.chars <= limit) return;
    for (const t of this.entries.keys()) {
      this.entries.delete(t);
      this.chars -= t.length;
      if (this.chars <= limit) break;
    }
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }

  /** the cached values, least recently used first */
  values(): IterableIterator<V> {
    return this.entries.values();
  }

  /** number of entries */
  get size(): number {
    return this.entries.size;
  }

  stats(): TextCacheStats {
    return {
      name: this.options.name,
      entries: this.entries.size,
      chars: this.chars,
      estimatedBytes: Math.round(this.chars * this.options.bytesPerChar),
      limitBytes: Math.round(this.limitChars() * this.options.bytesPerChar),
    };
  }
}
