/**
 * A process-wide cache of parse results, so that re-rendering the same chart (an operator's
 * reconcile loop, `tpl` over the same text) does not parse its templates again. Parsed trees are
 * immutable after parse (execution only reads them), so one tree may serve many template sets.
 *
 * An entry is keyed by the template text and name (TemplateSet always uses the default delimiters
 * and mode). The parse also depends on which function names are defined: the entry keeps every
 * name the parser asked about, with the answer, and is only reused when the current function set
 * gives the same answers. Failed parses are not cached. Least recently used entries go first, within
 * this cache's part of the text-cache budget (@capstan/text-cache).
 */
import { TextCache } from '@capstan/text-cache';
import { parse, type FuncCheck, type Tree } from './parse.ts';

interface Entry {
  readonly name: string;
  readonly trees: Map<string, Tree>;
  /** function names the parser checked, and whether each was defined */
  readonly funcs: ReadonlyMap<string, boolean>;
}

/** parse trees take about 8.9 bytes per character of template source (measured over the shared corpus) */
const BYTES_PER_CHAR = 8.9;

/**
 * Entries by text (then by name: one text is usually parsed under one name). Keyed by the text
 * alone so that a lookup hashes the caller's string rather than a new concatenation.
 */
const cache = new TextCache<Entry[]>({ name: 'template-parses', bytesPerChar: BYTES_PER_CHAR, share: 0.5, maxEntryChars: 2 * 1024 * 1024 });

function sameFuncs(e: { readonly funcs: ReadonlyMap<string, boolean> }, funcs: FuncCheck): boolean {
  for (const [name, defined] of e.funcs) if (funcs(name) !== defined) return false;
  return true;
}

/**
 * parse(name, text, funcs) with the default delimiters and mode, through the cache. The returned
 * map is the caller's own; its trees are shared and must not be modified.
 */
export function parseCached(name: string, text: string, funcs: FuncCheck): Map<string, Tree> {
  const list = cache.get(text);
  if (list !== undefined) {
    for (const e of list) if (e.name === name && sameFuncs(e, funcs)) return new Map(e.trees);
  }
  const stored = store?.get(name, text);
  if (stored !== undefined && sameFuncs(stored, funcs)) {
    remember(list, { name, trees: new Map(stored.trees), funcs: stored.funcs }, text);
    return stored.trees;
  }
  const asked = new Map<string, boolean>();
  const trees = parse(name, text, (fn) => {
    const defined = funcs(fn);
    asked.set(fn, defined);
    return defined;
  });
  remember(list, { name, trees: new Map(trees), funcs: asked }, text);
  store?.put(name, text, asked, trees);
  return trees;
}

/** one entry per name: a new answer about the functions replaces the old one */
function remember(list: Entry[] | undefined, entry: Entry, text: string): void {
  const next = (list ?? []).filter((e) => e.name !== entry.name);
  next.push(entry);
  cache.set(text, next);
}

/**
 * A second level behind the in-memory cache, kept by the caller (the CLI keeps one per chart on disk,
 * src/cli/template-parse-store.ts): asked on a miss, told about every new parse.
 */
export interface ParseStore {
  get(name: string, text: string): { trees: Map<string, Tree>; funcs: ReadonlyMap<string, boolean> } | undefined;
  put(name: string, text: string, funcs: ReadonlyMap<string, boolean>, trees: ReadonlyMap<string, Tree>): void;
}

let store: ParseStore | null = null;

/** Installs (or with null removes) the second-level store. */
export function setParseStore(s: ParseStore | null): void {
  store = s;
}

/** Empties the cache (tests). */
export function clearParseCache(): void {
  cache.clear();
}

/** Number of cached parses and the total size of their texts in characters (tests, diagnostics). */
export function parseCacheStats(): { entries: number; chars: number } {
  let entries = 0;
  for (const list of cache.values()) entries += list.length;
  return { entries, chars: cache.stats().chars };
}
