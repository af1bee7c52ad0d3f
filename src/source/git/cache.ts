/**
 * The working cache of one GitRepository: `<cacheDir>/repos/<key hash>-<url hash>/` holding a git working
 * copy (`repo/`, shallow where possible, reused between fetches) and `state.json` (the last artifact made
 * from it). Each object has its own cache, so one tenant's credentials never stand in for another's: every
 * fetch talks to the server with the requesting object's credentials before the cache is used.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What the last successful fetch made. */
export interface CacheState {
  commit: string;
  /** the inputs besides the commit that shape the artifact (ignore rules, limits) */
  inputs: string;
  digest: string;
  size: number;
  files: number;
  bytes: number;
}

export interface CachePaths {
  dir: string;
  repo: string;
  state: string;
}

function hash16(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

export function cachePaths(cacheDir: string, cacheKey: string, url: string): CachePaths {
  const dir = join(cacheDir, 'repos', `${hash16(cacheKey)}-${hash16(url)}`);
  return { dir, repo: join(dir, 'repo'), state: join(dir, 'state.json') };
}

/** Removes every cache of `cacheKey` except `keep` (the caches of URLs the object no longer uses). */
export async function removeCaches(cacheDir: string, cacheKey: string, keep?: string): Promise<number> {
  const prefix = `${hash16(cacheKey)}-`;
  let names: string[];
  try {
    names = await readdir(join(cacheDir, 'repos'));
  } catch {
    return 0;
  }
  let n = 0;
  for (const name of names) {
    const dir = join(cacheDir, 'repos', name);
    if (!name.startsWith(prefix) || dir === keep) continue;
    await rm(dir, { recursive: true, force: true });
    n++;
  }
  return n;
}

export async function readState(p: CachePaths): Promise<CacheState | undefined> {
  try {
    const v = JSON.parse(await readFile(p.state, 'utf8')) as Partial<CacheState>;
    if (typeof v.commit === 'string' && typeof v.digest === 'string' && typeof v.inputs === 'string') return v as CacheState;
  } catch {
    // absent or damaged: start afresh
  }
  return undefined;
}

export async function writeState(p: CachePaths, s: CacheState): Promise<void> {
  await mkdir(p.dir, { recursive: true, mode: 0o700 });
  const tmp = `${p.state}.tmp`;
  await writeFile(tmp, JSON.stringify(s), { mode: 0o600 });
  await rename(tmp, p.state);
}

/** The inputs key: changes when anything but the commit would change the artifact. */
export function inputsKey(parts: Record<string, string | number | undefined>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}
