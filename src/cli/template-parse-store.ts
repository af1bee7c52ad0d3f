/**
 * The CLI's template parse store: the parse trees of one chart's templates kept on disk between
 * `capstan template` runs, like Python's __pycache__. A short process spends much of its time lexing
 * and parsing templates with code the JIT has not optimised yet; rebuilding the trees from their
 * encoding (src/template/tree-codec.ts) is several times cheaper. Only the trees are kept, never a
 * rendered output: values, flags and Capabilities are applied afresh on every run.
 *
 * One JSON file per chart directory, in $CAPSTAN_TEMPLATE_CACHE (a directory; `0` turns the store off),
 * else $XDG_CACHE_HOME/capstan/templates, else ~/.cache/capstan/templates. An entry is used only when
 * its template text is identical to the one being parsed, the function names its parse depended on
 * have the same answers, and the file was written by the same build of Capstan (the bundle's id; from
 * TypeScript sources the store is off). The file is rewritten, atomically, only after a run that had to
 * parse something, and then holds the entries that run used. The directory keeps the 256 most recently
 * written files.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { decodeTrees, encodeTrees, TREE_CODEC_VERSION, type ParseStore, type Tree } from '../template/index.ts';

const MAX_FILES = 256;

interface StoredEntry {
  text: string;
  funcs: [string, boolean][];
  trees: unknown;
}

interface StoreFile {
  format: number;
  build: string;
  chart: string;
  /** [template name, entry]; one name may have several texts (`tpl` parses every string as "gotpl") */
  entries: [string, StoredEntry][];
}

type Fresh = { text: string; funcs: ReadonlyMap<string, boolean>; trees: ReadonlyMap<string, Tree> };

/** The bundle's build id (set by bin/capstan.js), or undefined when running from sources. */
function buildId(): string | undefined {
  return (globalThis as { __capstanBuild?: string }).__capstanBuild;
}

/** The store directory, or undefined when the store is off. */
export function parseStoreDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env['CAPSTAN_TEMPLATE_CACHE'];
  if (dir === '0' || dir === 'off') return undefined;
  if (dir !== undefined && dir !== '') return dir;
  const xdg = env['XDG_CACHE_HOME'];
  return join(xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.cache'), 'capstan', 'templates');
}

function byName<V>(m: Map<string, Map<string, V>>, name: string): Map<string, V> {
  let texts = m.get(name);
  if (texts === undefined) m.set(name, (texts = new Map()));
  return texts;
}

/** FNV-1a over UTF-16 code units: a short file name for a chart path (collisions are checked). */
function pathHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

export class TemplateParseStore implements ParseStore {
  readonly file: string;
  private readonly dir: string;
  private readonly chart: string;
  private readonly build: string;
  /** entries read from the file, by name and text */
  private readonly loaded = new Map<string, Map<string, StoredEntry>>();
  /** what this run used, by name and text: entries read from the file, and trees parsed now (encoded at flush) */
  private readonly used = new Map<string, Map<string, { stored: StoredEntry } | Fresh>>();
  private dirty = false;

  /** The store for the chart at `chartPath` (absolute), or undefined when the store is off. */
  static open(chartPath: string, env: NodeJS.ProcessEnv = process.env): TemplateParseStore | undefined {
    const build = buildId();
    const dir = parseStoreDir(env);
    if (build === undefined || dir === undefined) return undefined;
    return new TemplateParseStore(dir, chartPath, build);
  }

  private constructor(dir: string, chart: string, build: string) {
    this.dir = dir;
    this.chart = chart;
    this.build = build;
    this.file = join(dir, `${basename(chart).replace(/[^A-Za-z0-9._-]/g, '_')}-${pathHash(chart)}.json`);
    let data: StoreFile;
    try {
      data = JSON.parse(readFileSync(this.file, 'utf8')) as StoreFile;
    } catch {
      return; // none yet, or unreadable: parse as usual
    }
    if (data.format !== TREE_CODEC_VERSION || data.build !== build || data.chart !== chart || !Array.isArray(data.entries)) return;
    for (const [name, e] of data.entries) byName(this.loaded, name).set(e.text, e);
  }

  get(name: string, text: string): { trees: Map<string, Tree>; funcs: ReadonlyMap<string, boolean> } | undefined {
    const e = this.loaded.get(name)?.get(text);
    if (e === undefined) return undefined;
    let trees: Map<string, Tree>;
    try {
      trees = decodeTrees(e.trees, text);
    } catch {
      return undefined; // damaged: parse again (and rewrite)
    }
    byName(this.used, name).set(text, { stored: e });
    return { trees, funcs: new Map(e.funcs) };
  }

  put(name: string, text: string, funcs: ReadonlyMap<string, boolean>, trees: ReadonlyMap<string, Tree>): void {
    byName(this.used, name).set(text, { text, funcs, trees });
    this.dirty = true;
  }

  /** Writes the entries this run used, when it parsed anything. Never throws: the store is only a cache. */
  flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    try {
      const entries: [string, StoredEntry][] = [];
      for (const [name, texts] of this.used) {
        for (const e of texts.values()) {
          if ('stored' in e) {
            entries.push([name, e.stored]);
            continue;
          }
          const encoded = encodeTrees(e.trees, e.text);
          if (encoded !== undefined) entries.push([name, { text: e.text, funcs: [...e.funcs], trees: encoded }]);
        }
      }
      const body: StoreFile = { format: TREE_CODEC_VERSION, build: this.build, chart: this.chart, entries };
      mkdirSync(this.dir, { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(body));
      renameSync(tmp, this.file);
      this.prune();
    } catch {
      // a read-only or full disk: the next run parses again
    }
  }

  /** keeps the MAX_FILES most recently written files */
  private prune(): void {
    const names = readdirSync(this.dir).filter((n) => n.endsWith('.json'));
    if (names.length <= MAX_FILES) return;
    const byAge = names.map((n) => ({ n, t: statSync(join(this.dir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
    for (const { n } of byAge.slice(0, names.length - MAX_FILES)) rmSync(join(this.dir, n), { force: true });
  }
}
