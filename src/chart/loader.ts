/**
 * Loading charts (pkg/chart/loader): from in-memory files, a directory (honouring .helmignore) or a
 * .tgz archive (top-level folder stripped), with subcharts under charts/ as directories or archives.
 * Error messages are Helm's.
 */

import { readFileSync, readdirSync, statSync, lstatSync, realpathSync, type Dirent } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { Chart, type ChartFile } from './chart.ts';
import { unmarshalStruct } from './go-struct-decode.ts';
import { HELM_IGNORE, IgnoreRules } from './ignore.ts';
import {
  API_VERSION_V1,
  LOCK_SPEC,
  METADATA_SPEC,
  validateMetadata,
  type Lock,
  type Metadata,
} from './metadata.ts';
import { gunzip, isDirEntry, readTar } from './tar.ts';
import { goQuote } from './values.ts';
import { parseValuesYaml, parseYamlValue, type YamlOptions } from './yaml-values.ts';

export interface LoadOptions extends YamlOptions {
  /** Receives what Helm logs while loading (e.g. the requirements.yaml deprecation warning). */
  readonly warn?: (message: string, origin: string) => void;
}

export interface BufferedFile {
  name: string;
  data: Uint8Array;
}

/** An error while loading a chart; the message is Helm's. */
export class ChartLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChartLoadError';
  }
}

function wrap(prefix: string, e: unknown): ChartLoadError {
  return new ChartLoadError(`${prefix}: ${(e as Error).message}`);
}

const BOM = [0xef, 0xbb, 0xbf];

function trimBom(data: Uint8Array): Uint8Array {
  return data.length >= 3 && data[0] === BOM[0] && data[1] === BOM[1] && data[2] === BOM[2] ? data.subarray(3) : data;
}

const decoder = new TextDecoder('utf-8');

function text(data: Uint8Array): string {
  return decoder.decode(data);
}

function decodeMetadataInto(data: Uint8Array, md: Metadata, opts: LoadOptions): void {
  const doc = parseYamlValue(text(data), opts);
  unmarshalStruct<Metadata>(doc, METADATA_SPEC, md);
}

function newMetadata(): Metadata {
  return unmarshalStruct<Metadata>(null, METADATA_SPEC);
}

function extname(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const i = base.lastIndexOf('.');
  return i >= 0 ? base.slice(i) : '';
}

/** loader.LoadFiles: builds a chart from files named relative to the chart root. */
export function loadChartFiles(files: readonly BufferedFile[], opts: LoadOptions = {}): Chart {
  let metadata: Metadata | null = null;
  const raw: ChartFile[] = [];
  const subcharts = new Map<string, BufferedFile[]>();

  for (const f of files) {
    raw.push({ name: f.name, data: f.data });
    if (f.name === 'Chart.yaml') {
      metadata ??= newMetadata();
      try {
        decodeMetadataInto(f.data, metadata, opts);
      } catch (e) {
        throw wrap('cannot load Chart.yaml', e);
      }
      if (metadata.apiVersion === '') metadata.apiVersion = API_VERSION_V1;
    }
  }

  let lock: Lock | null = null;
  let values: Chart['values'] = null;
  let schema: Uint8Array | null = null;
  const templates: ChartFile[] = [];
  const other: ChartFile[] = [];

  const readLock = (f: BufferedFile, what: string): Lock | null => {
    try {
      const doc = parseYamlValue(text(f.data), opts);
      if (doc === null) return null;
      return unmarshalStruct<Lock>(doc, LOCK_SPEC);
    } catch (e) {
      throw wrap(`cannot load ${what}`, e);
    }
  };

  for (const f of files) {
    const name = f.name;
    if (name === 'Chart.yaml') continue;
    if (name === 'Chart.lock') {
      lock = readLock(f, 'Chart.lock');
    } else if (name === 'values.yaml') {
      try {
        values = parseValuesYaml(text(f.data), 'values.yaml', opts);
      } catch (e) {
        throw wrap('cannot load values.yaml', e);
      }
    } else if (name === 'values.schema.json') {
      schema = f.data;
    } else if (name === 'requirements.yaml') {
      metadata ??= newMetadata();
      if (metadata.apiVersion !== API_VERSION_V1) {
        opts.warn?.(
          'Warning: Dependencies are handled in Chart.yaml since apiVersion "v2". We recommend migrating dependencies to Chart.yaml.',
          'load.go:120',
        );
      }
      try {
        decodeMetadataInto(f.data, metadata, opts);
      } catch (e) {
        throw wrap('cannot load requirements.yaml', e);
      }
      if (metadata.apiVersion === API_VERSION_V1) other.push({ name, data: f.data });
    } else if (name === 'requirements.lock') {
      lock = readLock(f, 'requirements.lock');
      metadata ??= newMetadata();
      if (metadata.apiVersion !== API_VERSION_V1) {
        opts.warn?.(
          'Warning: Dependency locking is handled in Chart.lock since apiVersion "v2". We recommend migrating to Chart.lock.',
          'load.go:138',
        );
      }
      if (metadata.apiVersion === API_VERSION_V1) other.push({ name, data: f.data });
    } else if (name.startsWith('templates/')) {
      templates.push({ name, data: f.data });
    } else if (name.startsWith('charts/')) {
      if (extname(name) === '.prov') {
        other.push({ name, data: f.data });
        continue;
      }
      const fname = name.slice('charts/'.length);
      const cname = fname.split('/')[0]!;
      let list = subcharts.get(cname);
      if (!list) subcharts.set(cname, (list = []));
      list.push({ name: fname, data: f.data });
    } else {
      other.push({ name, data: f.data });
    }
  }

  if (metadata === null) throw new ChartLoadError('Chart.yaml file is missing');
  validateMetadata(metadata);

  const c = new Chart(metadata);
  c.raw = raw;
  c.lock = lock;
  c.templates = templates;
  c.values = values;
  c.schema = schema;
  c.files = other;

  for (const [n, sfiles] of subcharts) {
    if (n.startsWith('_') || n.startsWith('.')) continue;
    let sc: Chart;
    try {
      if (extname(n) === '.tgz') {
        const file = sfiles[0]!;
        if (file.name !== n) {
          throw new ChartLoadError(`error unpacking subchart tar in ${c.name()}: expected ${n}, got ${file.name}`);
        }
        sc = loadChartArchive(file.data, opts);
      } else {
        const buff: BufferedFile[] = [];
        for (const f of sfiles) {
          const i = f.name.indexOf('/');
          if (i < 0) continue;
          buff.push({ name: f.name.slice(i + 1), data: f.data });
        }
        sc = loadChartFiles(buff, opts);
      }
    } catch (e) {
      if (e instanceof ChartLoadError && e.message.startsWith('error unpacking subchart tar in ')) throw e;
      throw wrap(`error unpacking subchart ${n} in ${c.name()}`, e);
    }
    c.addDependency(sc);
  }
  return c;
}

function cleanPath(p: string): string {
  // path.Clean
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const s = (abs ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

/** loader.LoadArchiveFiles: the files of a chart archive, top-level directory stripped, paths checked. */
export function loadArchiveFiles(data: Uint8Array): BufferedFile[] {
  const entries = readTar(gunzip(data));
  const files: BufferedFile[] = [];
  for (const hd of entries) {
    if (isDirEntry(hd)) continue;
    if (hd.typeflag === 'g' || hd.typeflag === 'x') continue;
    const delimiter = hd.name.includes('\\') ? '\\' : '/';
    const parts = hd.name.split(delimiter);
    let n = parts.slice(1).join(delimiter);
    n = n.split(delimiter).join('/');
    if (n.startsWith('/')) throw new ChartLoadError('chart illegally contains absolute paths');
    n = cleanPath(n);
    if (n === '.') {
      throw new ChartLoadError(`chart illegally contains content outside the base directory: ${goQuote(hd.name)}`);
    }
    if (n.startsWith('..')) throw new ChartLoadError('chart illegally references parent directory');
    if (/^[a-zA-Z]:\//.test(n)) throw new ChartLoadError('chart contains illegally named files');
    if (parts[0] === 'Chart.yaml') throw new ChartLoadError('chart yaml not in base directory');
    files.push({ name: n, data: trimBom(hd.data) });
  }
  if (files.length === 0) throw new ChartLoadError('no files in chart archive');
  return files;
}

/** loader.LoadArchive: a chart from .tgz bytes. */
export function loadChartArchive(data: Uint8Array, opts: LoadOptions = {}): Chart {
  let files: BufferedFile[];
  try {
    files = loadArchiveFiles(data);
  } catch (e) {
    if (e instanceof ChartLoadError) throw e;
    throw new ChartLoadError((e as Error).message);
  }
  return loadChartFiles(files, opts);
}

function goStatError(op: string, name: string, e: unknown): ChartLoadError {
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    ENOTDIR: 'not a directory',
    ELOOP: 'too many levels of symbolic links',
  };
  return new ChartLoadError(`${op} ${name}: ${(code && words[code]) ?? (e as Error).message}`);
}

/** A directory as loader.LoadDir's walk sees it: on disk, or held in memory. */
interface WalkDir {
  /** the entry names, in any order */
  names(): string[];
  /** a subdirectory, or a file read only when it is not ignored */
  entry(name: string): { dir: WalkDir } | { read: () => Uint8Array };
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * loader.LoadDir's walk: `.helmignore` rules (plus Helm's default `templates/.?*`), directories
 * walked in byte order, a UTF-8 BOM stripped from every file.
 */
function walkChartDir(root: WalkDir, ignoreText: string | null): BufferedFile[] {
  let rules: IgnoreRules;
  try {
    rules = ignoreText === null ? IgnoreRules.empty() : IgnoreRules.parse(ignoreText);
  } catch (e) {
    throw new ChartLoadError((e as Error).message);
  }
  rules.addDefaults();
  const files: BufferedFile[] = [];
  const walk = (d: WalkDir, rel: string): void => {
    for (const name of d.names().sort(byteOrder)) {
      const n = rel === '' ? name : `${rel}/${name}`;
      const e = d.entry(name);
      if ('dir' in e) {
        if (!rules.ignore(n, true)) walk(e.dir, n);
      } else if (!rules.ignore(n, false)) {
        files.push({ name: n, data: trimBom(e.read()) });
      }
    }
  };
  walk(root, '');
  return files;
}

function diskDir(abs: string, rel: string, opts: LoadOptions): WalkDir {
  /** the entries' types as readdir reported them (Node lstats an entry whose type the OS left unknown) */
  let types: Map<string, Dirent> | null = null;
  return {
    names: () => {
      let dirents: Dirent[];
      try {
        dirents = readdirSync(abs, { withFileTypes: true });
      } catch (e) {
        throw goStatError('open', abs, e);
      }
      types = new Map(dirents.map((d) => [d.name, d]));
      return Array.from(types.keys());
    },
    entry: (name) => {
      const childAbs = `${abs}/${name}`;
      const n = rel === '' ? name : `${rel}/${name}`;
      const d = types?.get(name);
      // a directory or regular file as readdir saw it needs no lstat
      if (d !== undefined && d.isDirectory()) return { dir: diskDir(childAbs, n, opts) };
      if (d !== undefined && d.isFile()) return { read: () => readDiskFile(childAbs, n, true) };
      let st = lstatSync(childAbs);
      if (st.isSymbolicLink()) {
        let resolved: string;
        try {
          resolved = realpathSync(childAbs);
        } catch (e) {
          throw wrap(`error evaluating symlink ${childAbs}`, goStatError('lstat', childAbs, e));
        }
        opts.warn?.(
          `found symbolic link in path: ${childAbs} resolves to ${resolved}. Contents of linked file included and used`,
          'walk.go:75',
        );
        st = statSync(resolved);
      }
      if (st.isDirectory()) return { dir: diskDir(childAbs, n, opts) };
      const isFile = st.isFile();
      return { read: () => readDiskFile(childAbs, n, isFile) };
    },
  };
}

function readDiskFile(abs: string, name: string, isFile: boolean): Uint8Array {
  if (!isFile) throw new ChartLoadError(`cannot load irregular file ${abs} as it has file mode type bits set`);
  try {
    return new Uint8Array(readFileSync(abs));
  } catch (e) {
    throw wrap(`error reading ${name}`, e);
  }
}

/** loader.LoadDir: a chart from a directory, honouring .helmignore. */
export function loadChartDir(dir: string, opts: LoadOptions = {}): Chart {
  const topdir = resolvePath(dir);
  return loadChartFiles(walkChartDir(diskDir(topdir, '', opts), readIgnoreFile(`${topdir}/${HELM_IGNORE}`)), opts);
}

/** The text of a chart's .helmignore, or null when there is none. */
function readIgnoreFile(path: string): string | null {
  try {
    statSync(path);
  } catch {
    return null;
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new ChartLoadError((e as Error).message);
  }
}

interface MemoryDir {
  dirs: Map<string, MemoryDir>;
  files: Map<string, Uint8Array>;
}

function memoryDir(d: MemoryDir): WalkDir {
  return {
    names: () => [...new Set([...d.dirs.keys(), ...d.files.keys()])],
    entry: (name) => {
      const sub = d.dirs.get(name);
      return sub ? { dir: memoryDir(sub) } : { read: () => d.files.get(name)! };
    },
  };
}

/** The files loader.LoadDir would pass to LoadFiles for a directory held in memory (path → content). */
export function dirFilesFromMemory(files: ReadonlyMap<string, Uint8Array>): BufferedFile[] {
  const root: MemoryDir = { dirs: new Map(), files: new Map() };
  for (const [path, data] of files) {
    const parts = path.split('/').filter((p) => p !== '' && p !== '.');
    let d = root;
    for (const p of parts.slice(0, -1)) {
      let sub = d.dirs.get(p);
      if (!sub) {
        sub = { dirs: new Map(), files: new Map() };
        d.dirs.set(p, sub);
      }
      d = sub;
    }
    const last = parts[parts.length - 1];
    if (last !== undefined) d.files.set(last, data);
  }
  const ignore = root.files.get(HELM_IGNORE);
  return walkChartDir(memoryDir(root), ignore ? text(ignore) : null);
}

/** loader.LoadDir on a chart directory held in memory (path → content, relative to the chart root). */
export function loadChartFilesLikeDir(files: ReadonlyMap<string, Uint8Array>, opts: LoadOptions = {}): Chart {
  return loadChartFiles(dirFilesFromMemory(files), opts);
}

/**
 * http.DetectContentType of the first 512 bytes as Helm calls it: on a zero-filled 512-byte buffer,
 * so shorter files always look binary unless a signature matches first.
 */
function detectContentType(buf: Uint8Array): string {
  const head = new Uint8Array(512);
  head.set(buf.subarray(0, 512));
  if (head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08) return 'application/x-gzip';
  const ascii = Buffer.from(head).toString('latin1');
  let i = 0;
  while (i < ascii.length && /[\t\n\x0c\r ]/.test(ascii[i]!)) i++;
  const rest = ascii.slice(i);
  const htmlTags = ['<!DOCTYPE HTML', '<HTML', '<HEAD', '<SCRIPT', '<IFRAME', '<H1', '<DIV', '<FONT', '<TABLE', '<A', '<STYLE', '<TITLE', '<B', '<BODY', '<BR', '<P', '<!--'];
  for (const t of htmlTags) {
    const c = rest.charAt(t.length);
    if (rest.slice(0, t.length).toUpperCase() === t && (c === ' ' || c === '>')) return 'text/html; charset=utf-8';
  }
  if (rest.startsWith('<?xml')) return 'text/xml; charset=utf-8';
  if (ascii.startsWith('%PDF-')) return 'application/pdf';
  if (ascii.startsWith('PK\x03\x04')) return 'application/zip';
  if (ascii.startsWith('\xef\xbb\xbf')) return 'text/plain; charset=utf-8';
  for (const b of head) {
    if (b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) return 'application/octet-stream';
  }
  return 'text/plain; charset=utf-8';
}

/** loader.LoadFile: a chart from a .tgz path, with Helm's checks that it is an archive. */
export function loadChartFile(name: string, opts: LoadOptions = {}): Chart {
  let st;
  try {
    st = statSync(name);
  } catch (e) {
    throw goStatError('stat', name, e);
  }
  if (st.isDirectory()) throw new ChartLoadError('cannot load a directory');
  const data = new Uint8Array(readFileSync(name));
  const ct = detectContentType(data);
  if (ct !== 'application/x-gzip') {
    if (name.endsWith('.yml') || name.endsWith('.yaml')) {
      throw new ChartLoadError(`file '${name}' seems to be a YAML file, but expected a gzipped archive`);
    }
    throw new ChartLoadError(`file '${name}' does not appear to be a gzipped archive; got '${ct}'`);
  }
  try {
    return loadChartArchive(data, opts);
  } catch (e) {
    if ((e as Error).message === 'gzip: invalid header') {
      throw new ChartLoadError(`file '${name}' does not appear to be a valid chart file (details: gzip: invalid header)`);
    }
    throw e;
  }
}

/** loader.Load: a chart from a directory or a .tgz file. */
export function loadChart(path: string, opts: LoadOptions = {}): Chart {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw goStatError('stat', path, e);
  }
  return st.isDirectory() ? loadChartDir(path, opts) : loadChartFile(path, opts);
}
