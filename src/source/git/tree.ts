/**
 * The files of a checkout that make up the artifact: regular files only (symbolic links, as in Flux, are
 * left out; `.git` is never walked), filtered by the ignore rules, sorted, and within the size limit.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatBytes } from '../artifacts/limits.ts';
import { GitSourceError } from './errors.ts';
import { SOURCE_IGNORE_FILE, SourceIgnore } from './ignore.ts';

export interface TreeSelection {
  /** `/`-separated paths relative to the root, sorted */
  files: string[];
  /** total size of the files */
  bytes: number;
}

interface Found { path: string; size: number }

async function walk(root: string, rel: string, out: Found[]): Promise<void> {
  const entries = await readdir(join(root, rel), { withFileTypes: true });
  const files: Promise<Found>[] = [];
  for (const e of entries) {
    if (e.name === '.git') continue;
    const path = rel === '' ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) await walk(root, path, out);
    else if (e.isFile()) files.push(lstat(join(root, path)).then((st) => ({ path, size: st.size })));
  }
  out.push(...await Promise.all(files));
}

/**
 * Selects the files under `root`. Throws `GitSourceError('TooLarge')` when the selected files add up to
 * more than `maxBytes`.
 */
export async function selectFiles(root: string, opts: { ignore?: string | undefined; maxBytes: number; url: string }): Promise<TreeSelection> {
  const found: Found[] = [];
  await walk(root, '', found);
  const ignoreFiles = new Map<string, string>();
  for (const f of found) {
    if (f.path === SOURCE_IGNORE_FILE || f.path.endsWith(`/${SOURCE_IGNORE_FILE}`)) {
      ignoreFiles.set(f.path, await readFile(join(root, f.path), 'utf8'));
    }
  }
  const rules = SourceIgnore.from(ignoreFiles, opts.ignore);
  const files: string[] = [];
  let bytes = 0;
  for (const f of found) {
    if (rules.ignores(f.path)) continue;
    bytes += f.size;
    if (bytes > opts.maxBytes) {
      throw new GitSourceError('TooLarge', opts.url, `the files selected from ${opts.url} add up to more than the limit of ${formatBytes(opts.maxBytes)}: exclude some with spec.ignore or .sourceignore`);
    }
    files.push(f.path);
  }
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, bytes };
}
