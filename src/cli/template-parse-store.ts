/**
 * The CLI's template parse store: the parse trees of one chart's templates, the parsed YAML of its
 * values and Chart.yaml files, and the heads (apiVersion, kind, name, annotations) of its large rendered
 * manifests, kept on disk between `capstan template` runs, like Python's __pycache__.
 * A short process spends much of its time lexing and parsing with code the JIT has not optimised yet;
 * rebuilding trees from their encoding (src/template/tree-codec.ts) and YAML data from JSON is several
 * times cheaper. Only what parsing a text yields is kept, never a rendered output: values, flags and
 * Capabilities are applied afresh on every run. A manifest's head is found by the SHA-256 of its text:
 * a chart's CRDs, often megabytes of YAML, are otherwise decoded in full only to read their kind.
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
import type { YamlParseStore } from '../chart/index.ts';
import { decodeManifestYaml, goYamlParser, type HeadStore, type SimpleHead } from '../render/index.ts';
import { TPL_TEMPLATE_NAME } from '../render/helm-funcs.ts';
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
  /** [YAML text, its parse encoded by encodeYaml] */
  yaml: [string, unknown][];
  /** [SHA-256 of a manifest (base64), its head] */
  heads: [string, StoredHead][];
}

type StoredHead = [apiVersion: string, kind: string, metadata: [name: string, annotations: [string, string][] | null] | null];

/** manifests shorter than this are decoded each time: hashing them would save little */
const HEAD_MIN_CHARS = 8 * 1024;

function sha256(text: string): string {
  return process.getBuiltinModule('node:crypto').hash('sha256', text, 'base64');
}

/** bumped when the file's layout or the YAML encoding changes */
const STORE_FORMAT = 2;

/**
 * A YAML document as goYamlParser returns it (JSON data: null, booleans, strings, finite numbers, arrays,
 * Maps with string keys) as JSON: a Map becomes {m: [key, value, …]} (a JSON object would reorder keys that
 * look like array indexes), -0 becomes {z: 1}. Undefined for anything else.
 */
function encodeYaml(v: unknown): unknown {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new NotStorable();
    return Object.is(v, -0) ? { z: 1 } : v;
  }
  if (Array.isArray(v)) return v.map(encodeYaml);
  if (v instanceof Map) {
    const m: unknown[] = [];
    for (const [k, x] of v) {
      if (typeof k !== 'string') throw new NotStorable();
      m.push(k, encodeYaml(x));
    }
    return { m };
  }
  throw new NotStorable();
}

class NotStorable extends Error {}

function decodeYaml(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(decodeYaml);
  const o = v as { m?: unknown[]; z?: number };
  if (o.z === 1) return -0;
  const m = new Map<string, unknown>();
  const items = o.m ?? [];
  for (let i = 0; i < items.length; i += 2) m.set(items[i] as string, decodeYaml(items[i + 1]));
  return m;
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

export class TemplateParseStore implements ParseStore, YamlParseStore, HeadStore {
  readonly parser = goYamlParser;
  readonly decode = decodeManifestYaml;
  readonly file: string;
  private readonly dir: string;
  private readonly chart: string;
  private readonly build: string;
  /** entries read from the file, by name and text */
  private readonly loaded = new Map<string, Map<string, StoredEntry>>();
  /** what this run used, by name and text: entries read from the file, and trees parsed now (encoded at flush) */
  private readonly used = new Map<string, Map<string, { stored: StoredEntry } | Fresh>>();
  /** YAML parses read from the file, and those this run used (parsed now: not yet encoded) */
  private readonly yamlLoaded = new Map<string, unknown>();
  private readonly yamlUsed = new Map<string, { encoded: unknown } | { raw: unknown }>();
  /** heads read from the file, and those this run used */
  private readonly headsLoaded = new Map<string, StoredHead>();
  private readonly headsUsed = new Map<string, StoredHead>();
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
    if (data.format !== STORE_FORMAT * 1000 + TREE_CODEC_VERSION || data.build !== build || data.chart !== chart) return;
    if (!Array.isArray(data.entries) || !Array.isArray(data.yaml) || !Array.isArray(data.heads)) return;
    for (const [key, h] of data.heads) this.headsLoaded.set(key, h);
    for (const [name, e] of data.entries) byName(this.loaded, name).set(e.text, e);
    for (const [text, encoded] of data.yaml) this.yamlLoaded.set(text, encoded);
  }

  private getTrees(name: string, text: string): { trees: Map<string, Tree>; funcs: ReadonlyMap<string, boolean> } | undefined {
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

  /** ParseStore: the trees of a template, from the file. */
  get(name: string, text: string): { trees: Map<string, Tree>; funcs: ReadonlyMap<string, boolean> } | undefined {
    return this.getTrees(name, text);
  }

  /** ParseStore: a new parse of a template. */
  put(name: string, text: string, funcs: ReadonlyMap<string, boolean>, trees: ReadonlyMap<string, Tree>): void {
    byName(this.used, name).set(text, { text, funcs, trees });
    // a `tpl` string alone does not make the file worth rewriting: it may hold a value generated afresh on
    // every run (a random password); it is written along with the next change that is
    if (name !== TPL_TEMPLATE_NAME) this.dirty = true;
  }

  /** YamlParseStore: a new parse of a YAML text. */
  putYaml(text: string, raw: unknown): void {
    this.yamlUsed.set(text, { raw });
    this.dirty = true;
  }

  /** HeadStore: the head of a large manifest, from the file. */
  getHead(doc: string): SimpleHead | undefined {
    if (doc.length < HEAD_MIN_CHARS) return undefined;
    const key = sha256(doc);
    const h = this.headsLoaded.get(key);
    if (h === undefined) return undefined;
    this.headsUsed.set(key, h);
    const [apiVersion, kind, md] = h;
    return { apiVersion, kind, metadata: md === null ? null : { name: md[0], annotations: md[1] === null ? null : new Map(md[1]) } };
  }

  /**
   * HeadStore: a newly decoded head, written with the next change to the file (a head alone does not make
   * the file worth rewriting: the manifest may hold a value generated afresh on every run).
   */
  putHead(doc: string, head: SimpleHead): void {
    if (doc.length < HEAD_MIN_CHARS) return;
    const md = head.metadata;
    this.headsUsed.set(sha256(doc), [head.apiVersion, head.kind, md === null ? null : [md.name, md.annotations === null ? null : [...md.annotations]]]);
  }

  /** YamlParseStore: a YAML text's parse, from the file. */
  getYaml(text: string): { raw: unknown } | undefined {
    const encoded = this.yamlLoaded.get(text);
    if (encoded === undefined) return undefined;
    this.yamlUsed.set(text, { encoded });
    return { raw: decodeYaml(encoded) };
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
      const yaml: [string, unknown][] = [];
      for (const [text, e] of this.yamlUsed) {
        if ('encoded' in e) {
          yaml.push([text, e.encoded]);
          continue;
        }
        try {
          yaml.push([text, encodeYaml(e.raw)]);
        } catch (err) {
          if (!(err instanceof NotStorable)) throw err;
        }
      }
      const body: StoreFile = {
        format: STORE_FORMAT * 1000 + TREE_CODEC_VERSION, build: this.build, chart: this.chart, entries, yaml, heads: [...this.headsUsed],
      };
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
