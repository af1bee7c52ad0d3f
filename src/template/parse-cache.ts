/**
 * A process-wide cache of parse results, so that re-rendering the same chart (an operator's
 * reconcile loop, `tpl` over the same text) does not parse its templates again. Parsed trees are
 * immutable after parse (execution only reads them), so one tree may serve many template sets.
 *
 * An entry is keyed by the template text and name (TemplateSet always uses the default delimiters
 * and mode). The parse also depends on which function names are defined: the entry keeps every
 * name the parser asked about, with the answer, and is only reused when the current function set
 * gives the same answers. Failed parses are not cached. Bounded by the total size of the texts
 * (least recently used entries go first).
 */
import { parse, type FuncCheck, type Tree } from './parse.ts';

interface Entry {
  readonly name: string;
  readonly trees: Map<string, Tree>;
  /** function names the parser checked, and whether each was defined */
  readonly funcs: ReadonlyMap<string, boolean>;
}

/** total characters of cached texts */
const MAX_CHARS = 8 * 1024 * 1024;
/** texts larger than this are never cached */
const MAX_ENTRY_CHARS = 2 * 1024 * 1024;

/**
 * Entries by text (then by name: one text is usually parsed under one name). Keyed by the text
 * alone so that a lookup hashes the caller's string rather than a new concatenation.
 */
const entries = new Map<string, Entry[]>();
let totalChars = 0;
let entryCount = 0;

function sameFuncs(e: Entry, funcs: FuncCheck): boolean {
  for (const [name, defined] of e.funcs) if (funcs(name) !== defined) return false;
  return true;
}

/**
 * parse(name, text, funcs) with the default delimiters and mode, through the cache. The returned
 * map is the caller's own; its trees are shared and must not be modified.
 */
export function parseCached(name: string, text: string, funcs: FuncCheck): Map<string, Tree> {
  let list = entries.get(text);
  if (list !== undefined) {
    for (const e of list) {
      if (e.name === name && sameFuncs(e, funcs)) {
        entries.delete(text);
        entries.set(text, list);
        return new Map(e.trees);
      }
    }
  }
  const asked = new Map<string, boolean>();
  const trees = parse(name, text, (fn) => {
    const defined = funcs(fn);
    asked.set(fn, defined);
    return defined;
  });
  if (text.length <= MAX_ENTRY_CHARS) {
    const entry: Entry = { name, trees: new Map(trees), funcs: asked };
    if (list === undefined) {
      list = [];
      totalChars += text.length;
    } else {
      // one entry per name: a new answer about the functions replaces the old one
      const at = list.findIndex((e) => e.name === name);
      if (at >= 0) {
        list.splice(at, 1);
        entryCount--;
      }
      entries.delete(text);
    }
    list.push(entry);
    entryCount++;
    entries.set(text, list);
    for (const [t, l] of entries) {
      if (totalChars <= MAX_CHARS) break;
      entries.delete(t);
      totalChars -= t.length;
      entryCount -= l.length;
    }
  }
  return trees;
}

/** Empties the cache (tests). */
export function clearParseCache(): void {
  entries.clear();
  totalChars = 0;
  entryCount = 0;
}

/** Number of cached parses and the total size of their texts in characters (tests, diagnostics). */
export function parseCacheStats(): { entries: number; chars: number } {
  return { entries: entryCount, chars: totalChars };
}
