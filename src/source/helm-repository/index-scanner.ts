/**
 * A streaming, line-oriented reader for chart repository indexes that keeps only the charts asked for.
 *
 * Why not the `yaml` library on the whole file: it (like every general YAML parser here) builds the entire
 * document in memory before handing anything back. A 26 MB index becomes a few hundred MiB of nodes, the very
 * out-of-memory failure Flux's source-controller and Helm suffer on big indexes. An index has one regular
 * shape, as Helm and every repository server write it:
 *
 *     apiVersion: v1
 *     entries:
 *       <chart>:
 *       - apiVersion: v2            # one block per version; the dash may also be indented under the name
 *         version: 1.2.3
 *         urls: [...]
 *         digest: <sha256>
 *     generated: "…"
 *
 * so the structure is found from indentation alone, line by line, as the text streams in. Each version block of
 * a wanted chart (a few hundred bytes) is handed to the `yaml` library to read its values exactly; every other
 * chart's lines are skipped without being copied. Anything off that shape (flow style, anchors, a mapping where
 * a list belongs, a block the library rejects) raises `IndexScanUnsupported`, and the caller reads the whole
 * document with the general parser instead (bounded by the index size limit).
 */
import { parse } from 'yaml';
import { toChartVersionEntry, type ChartVersionEntry } from './index-entry.ts';

/** What one pass over an index found. */
export interface IndexScan {
  /** `apiVersion` of the index (Helm refuses an index without one) */
  apiVersion: string | undefined;
  /** `generated` timestamp, as written */
  generated: string | undefined;
  /** wanted charts present in the index, versions in index order */
  entries: Map<string, ChartVersionEntry[]>;
  /** number of charts in the index (wanted or not) */
  chartCount: number;
  /** number of chart versions in the index (wanted or not) */
  versionCount: number;
  /** wanted entries left out as invalid, as `chart version: reason` (at most 20 kept) */
  skipped: string[];
}

/** The text is not of the regular shape the scanner reads; `line` is 1-based. */
export class IndexScanUnsupported extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'IndexScanUnsupported';
    this.line = line;
  }
}

const SP = 32;
const DASH = 45;
const HASH = 35;
const CR = 13;
const MAX_SKIPPED = 20;

type Section = 'top' | 'entries' | 'other' | 'done';

/** Feed text with `push` (any chunking), then call `end` once. */
export class IndexScanner {
  readonly #wanted: ReadonlySet<string>;
  readonly #out: IndexScan = { apiVersion: undefined, generated: undefined, entries: new Map(), chartCount: 0, versionCount: 0, skipped: [] };
  #rest = '';
  #line = 0;
  #started = false;
  #section: Section = 'top';
  /** indentation of the chart names under `entries:` */
  #nameIndent: number | undefined;
  /** the chart whose versions are being read, and whether it is wanted */
  #chart: string | undefined;
  #chartWanted = false;
  /** indentation of the dashes of the current chart's version list */
  #itemIndent: number | undefined;
  /** lines of the current wanted version block */
  #block: string[] | undefined;
  #blockLine = 0;

  constructor(wanted: Iterable<string>) {
    this.#wanted = new Set(wanted);
  }

  push(text: string): void {
    let s = this.#rest.length > 0 ? this.#rest + text : text;
    if (!this.#started && s.length > 0) {
      this.#started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    let start = 0;
    for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', start)) {
      this.#onLine(s, start, nl);
      start = nl + 1;
    }
    this.#rest = start < s.length ? s.slice(start) : '';
  }

  end(): IndexScan {
    if (this.#rest.length > 0) this.#onLine(this.#rest, 0, this.#rest.length);
    this.#rest = '';
    this.#closeChart();
    return this.#out;
  }

  #onLine(s: string, start: number, end: number): void {
    this.#line++;
    if (this.#section === 'done') return;
    if (end > start && s.charCodeAt(end - 1) === CR) end--;
    let i = start;
    while (i < end && s.charCodeAt(i) === SP) i++;
    const indent = i - start;
    if (i === end) {
      this.#block?.push('');
      return;
    }
    const c = s.charCodeAt(i);
    if (c === HASH) {
      if (this.#block !== undefined && indent > (this.#itemIndent ?? 0)) this.#block.push(s.slice(start, end));
      return;
    }
    if (indent === 0) return this.#onTopLine(s.slice(i, end));
    if (this.#section === 'entries') this.#onEntriesLine(s, start, i, end);
  }

  /** A line at column 0: a top-level key, a document marker, or an item of a top-level list. */
  #onTopLine(line: string): void {
    if (line === '-' || line.startsWith('- ')) {
      if (this.#section === 'entries') throw this.#unsupported('a list item at column 0 inside entries');
      return;
    }
    if (line.startsWith('---') || line.startsWith('...')) {
      if (this.#out.apiVersion !== undefined || this.#section !== 'top') {
        this.#closeChart();
        this.#section = 'done';
      }
      return;
    }
    this.#closeChart();
    const kv = splitKey(line);
    if (kv === undefined) throw this.#unsupported(`expected "key:" at the top level, found ${JSON.stringify(line.slice(0, 40))}`);
    this.#section = 'other';
    if (kv.key === 'apiVersion') this.#out.apiVersion = scalarText(kv.rest);
    else if (kv.key === 'generated') this.#out.generated = scalarText(kv.rest);
    else if (kv.key === 'entries') {
      const rest = stripComment(kv.rest);
      if (rest === '') this.#section = 'entries';
      else if (rest !== '{}' && rest !== '~' && rest !== 'null') throw this.#unsupported('entries is not a block mapping');
      this.#nameIndent = undefined;
    }
  }

  /** A line inside `entries:`: a chart name, the dash that opens a version, or a line of a version's block. */
  #onEntriesLine(s: string, start: number, i: number, end: number): void {
    const indent = i - start;
    this.#nameIndent ??= indent;
    if (indent < this.#nameIndent) throw this.#unsupported('a line indented less than the chart names');
    const dash = s.charCodeAt(i) === DASH && (i + 1 === end || s.charCodeAt(i + 1) === SP);
    if (indent === this.#nameIndent && !dash) return this.#onChartName(s.slice(i, end));
    if (this.#chart === undefined) throw this.#unsupported('a version before any chart name');
    this.#itemIndent ??= dash ? indent : undefined;
    if (this.#itemIndent === undefined) throw this.#unsupported(`chart "${this.#chart}": its versions are not a block list`);
    if (dash && indent === this.#itemIndent) {
      this.#closeItem();
      this.#out.versionCount++;
      if (this.#chartWanted) {
        this.#block = [s.slice(start, end)];
        this.#blockLine = this.#line;
      }
      return;
    }
    if (indent <= this.#itemIndent) throw this.#unsupported(`chart "${this.#chart}": unexpected indentation`);
    this.#block?.push(s.slice(start, end));
  }

  #onChartName(line: string): void {
    this.#closeChart();
    const kv = splitKey(line);
    if (kv === undefined) throw this.#unsupported(`expected "<chart>:" in entries, found ${JSON.stringify(line.slice(0, 40))}`);
    const rest = stripComment(kv.rest);
    if (rest !== '' && rest !== '[]') throw this.#unsupported(`chart "${kv.key}": versions in flow style`);
    this.#out.chartCount++;
    this.#chart = kv.key;
    this.#chartWanted = this.#wanted.has(kv.key);
    if (this.#chartWanted && !this.#out.entries.has(kv.key)) this.#out.entries.set(kv.key, []);
  }

  #closeChart(): void {
    this.#closeItem();
    this.#chart = undefined;
    this.#chartWanted = false;
    this.#itemIndent = undefined;
  }

  /** Reads the finished block of a wanted version with the `yaml` library (failsafe schema: all scalars stay text). */
  #closeItem(): void {
    const block = this.#block;
    const chart = this.#chart;
    if (block === undefined || chart === undefined) return;
    this.#block = undefined;
    const cut = this.#itemIndent ?? 0;
    const text = block.map((l) => (l.length >= cut ? l.slice(cut) : '')).join('\n');
    let doc: unknown;
    try {
      doc = parse(text, { schema: 'failsafe' });
    } catch (e) {
      throw new IndexScanUnsupported(this.#blockLine, `chart "${chart}": ${(e as Error).message.split('\n')[0] ?? ''}`);
    }
    if (!Array.isArray(doc) || doc.length !== 1) throw new IndexScanUnsupported(this.#blockLine, `chart "${chart}": unexpected version block`);
    const entry = toChartVersionEntry(chart, doc[0]);
    if (typeof entry === 'string') {
      if (this.#out.skipped.length < MAX_SKIPPED) this.#out.skipped.push(`${chart} (line ${this.#blockLine}): ${entry}`);
      return;
    }
    this.#out.entries.get(chart)?.push(entry);
  }

  #unsupported(message: string): IndexScanUnsupported {
    return new IndexScanUnsupported(this.#line, message);
  }
}

/** `key: rest` with a plain or quoted key; undefined when the line is not a simple mapping entry. */
export function splitKey(line: string): { key: string; rest: string } | undefined {
  const q = line[0];
  if (q === '"' || q === "'") {
    const close = closingQuote(line, q);
    if (close < 0 || line[close + 1] !== ':') return undefined;
    const after = line.slice(close + 2);
    if (after !== '' && after[0] !== ' ') return undefined;
    const key = parse(line.slice(0, close + 1), { schema: 'failsafe' }) as unknown;
    return typeof key === 'string' ? { key, rest: after.trim() } : undefined;
  }
  if (q === undefined || '?[]{}&*!|>%@`,'.includes(q)) return undefined;
  for (let i = line.indexOf(':'); i >= 0; i = line.indexOf(':', i + 1)) {
    if (i + 1 === line.length || line[i + 1] === ' ') {
      const key = line.slice(0, i).trimEnd();
      return key.includes(' #') ? undefined : { key, rest: line.slice(i + 1).trim() };
    }
  }
  return undefined;
}

function closingQuote(line: string, q: string): number {
  for (let i = 1; i < line.length; i++) {
    const c = line[i];
    if (q === '"' && c === '\\') i++;
    else if (c === q) {
      if (q === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

function stripComment(rest: string): string {
  if (rest.startsWith('#')) return '';
  const i = rest.indexOf(' #');
  return (i >= 0 ? rest.slice(0, i) : rest).trim();
}

/** The text of a single-line scalar value (`v1`, `"2024-01-01T00:00:00Z"`, `'x'`). */
function scalarText(rest: string): string {
  const r = rest[0] === '"' || rest[0] === "'" ? rest : stripComment(rest);
  if (r === '') return '';
  try {
    const v = parse(r, { schema: 'failsafe' }) as unknown;
    return typeof v === 'string' ? v : r;
  } catch {
    return r;
  }
}
