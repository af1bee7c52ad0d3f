/**
 * Loading a chart directory held in memory (path → content) exactly as loader.LoadDir reads one
 * from disk: `.helmignore` rules (plus Helm's default `templates/.?*`), directories walked in
 * byte order, a UTF-8 BOM stripped from every file.
 */
import { loadChartFiles } from '../chart/loader.ts';
import type { BufferedFile, LoadOptions } from '../chart/loader.ts';
import { IgnoreRules, HELM_IGNORE } from '../chart/ignore.ts';
import type { Chart } from '../chart/chart.ts';

interface Dir {
  dirs: Map<string, Dir>;
  files: Map<string, Uint8Array>;
}

function trimBom(data: Uint8Array): Uint8Array {
  return data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** The files loader.LoadDir would pass to LoadFiles for this directory content. */
export function dirFiles(files: ReadonlyMap<string, Uint8Array>): BufferedFile[] {
  const root: Dir = { dirs: new Map(), files: new Map() };
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
  const ignoreText = root.files.get(HELM_IGNORE);
  const rules = ignoreText ? IgnoreRules.parse(new TextDecoder().decode(ignoreText)) : IgnoreRules.empty();
  rules.addDefaults();

  const out: BufferedFile[] = [];
  const walk = (d: Dir, rel: string): void => {
    const names = [...new Set([...d.dirs.keys(), ...d.files.keys()])].sort(byteOrder);
    for (const name of names) {
      const n = rel === '' ? name : `${rel}/${name}`;
      const sub = d.dirs.get(name);
      if (sub) {
        if (rules.ignore(n, true)) continue;
        walk(sub, n);
        continue;
      }
      if (rules.ignore(n, false)) continue;
      out.push({ name: n, data: trimBom(d.files.get(name)!) });
    }
  };
  walk(root, '');
  return out;
}

/** loader.LoadDir on an in-memory directory. */
export function loadMemoryChartDir(files: ReadonlyMap<string, Uint8Array>, opts: LoadOptions = {}): Chart {
  return loadChartFiles(dirFiles(files), opts);
}
