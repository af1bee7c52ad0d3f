/**
 * The slow path: reads a whole index with a general parser, for indexes the streaming scanner does not read
 * (JSON indexes, which Helm accepts too, flow style, anchors). Memory is then proportional to the index, which
 * the caller bounds with its size limit; the result has the same compact shape as a scan.
 */
import { parse } from 'yaml';
import { toChartVersionEntry } from './index-entry.ts';
import type { IndexScan } from './index-scanner.ts';

/** Thrown when the text is not a chart repository index at all. */
export class IndexDocumentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IndexDocumentError';
  }
}

/** Whether the text is JSON (Helm's loadIndex tries JSON first, then YAML). */
export function looksLikeJson(head: string): boolean {
  return /^\uFEFF?\s*[{[]/.test(head);
}

/** Parses the whole index and keeps only the wanted charts. */
export function parseIndexDocument(text: string, wanted: Iterable<string>): IndexScan {
  const doc = readDocument(text);
  if (doc === null || doc === undefined) {
    throw new IndexDocumentError('empty index.yaml file');
  }
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new IndexDocumentError('the index is not a mapping');
  const o = doc as Record<string, unknown>;
  const entries = o['entries'] ?? {};
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
    throw new IndexDocumentError('entries is not a mapping of chart names');
  }
  const all = entries as Record<string, unknown>;
  const out: IndexScan = {
    apiVersion: text2(o['apiVersion']),
    generated: text2(o['generated']),
    entries: new Map(),
    chartCount: Object.keys(all).length,
    versionCount: 0,
    skipped: [],
  };
  for (const versions of Object.values(all)) if (Array.isArray(versions)) out.versionCount += versions.length;
  for (const name of wanted) {
    if (!Object.hasOwn(all, name)) continue;
    const versions = all[name];
    const list = Array.isArray(versions) ? versions : [];
    const kept = [];
    for (const raw of list) {
      const e = toChartVersionEntry(name, raw);
      if (typeof e === 'string') {
        if (out.skipped.length < 20) out.skipped.push(`${name}: ${e}`);
      } else {
        kept.push(e);
      }
    }
    out.entries.set(name, kept);
  }
  return out;
}

function readDocument(text: string): unknown {
  if (looksLikeJson(text.slice(0, 64))) {
    try {
      return JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      // not valid JSON: Helm falls through to YAML, and so do we
    }
  }
  try {
    return parse(text, { schema: 'failsafe' });
  } catch (e) {
    throw new IndexDocumentError(`error converting YAML to JSON: ${(e as Error).message.split('\n')[0] ?? ''}`, { cause: e });
  }
}

function text2(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}
