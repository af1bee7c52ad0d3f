/**
 * A content-addressed artifact store on disk, shared by the source controllers: chart archives and Git trees
 * (tar.gz) are kept once per content digest under `<root>/sha256/<2 hex>/<64 hex>`.
 *
 * Writes go to `<root>/tmp/` first and are renamed into place, so a reader never sees a half-written artifact
 * and two writers of the same content do not clash. Garbage collection removes what no object references
 * any more, except what was written (or re-put) within a grace period, which covers an artifact that a
 * reconcile has stored but not yet recorded in a status.
 */
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '../../observability/logger.ts';
import { digestHex, isDigest, newDigester, parseDigest, type Digest } from './digest.ts';
import { ArtifactError } from './errors.ts';
import { artifactLimits, formatBytes, type ArtifactKind, type ArtifactLimits } from './limits.ts';
import { Mutex } from './mutex.ts';

/** An artifact in the store. */
export interface StoredArtifact {
  digest: Digest;
  /** bytes */
  size: number;
  /** absolute path of the file; read it, never write it */
  path: string;
}

/** What `put` accepts: bytes in memory, a Node stream or any async iterable of chunks. */
export type ArtifactInput = Uint8Array | Readable | AsyncIterable<Uint8Array>;

export interface PutOptions {
  /** picks the size limit (`limits.chart` or `limits.tree`) */
  kind: ArtifactKind;
  /** overrides the kind's limit */
  maxBytes?: number;
  signal?: AbortSignal;
}

export interface GcOptions {
  /** artifacts written or re-put less than this long ago are kept even when not in `keep` (default 5 minutes) */
  graceMs?: number;
}

export interface GcResult {
  removed: Digest[];
  kept: number;
  freedBytes: number;
}

export interface ArtifactStoreOptions {
  /** the store's directory; created if missing */
  root: string;
  log: Logger;
  limits?: Partial<ArtifactLimits>;
}

const DEFAULT_GRACE_MS = 5 * 60_000;

export class ArtifactStore {
  readonly root: string;
  readonly limits: Readonly<ArtifactLimits>;
  readonly #log: Logger;
  /** serialises the rename/touch of a put against a gc run */
  readonly #finalize = new Mutex();

  constructor(opts: ArtifactStoreOptions) {
    this.root = opts.root;
    this.limits = Object.freeze(artifactLimits(opts.limits));
    this.#log = opts.log.child({ component: 'artifact-store' });
  }

  /** Creates the store's directories and returns the store. */
  static async open(opts: ArtifactStoreOptions): Promise<ArtifactStore> {
    const s = new ArtifactStore(opts);
    await mkdir(join(s.root, 'sha256'), { recursive: true, mode: 0o700 });
    await mkdir(join(s.root, 'tmp'), { recursive: true, mode: 0o700 });
    return s;
  }

  /** The path an artifact with this digest has (whether or not it exists). */
  pathOf(digest: Digest): string {
    const hex = digestHex(parseDigest(digest));
    return join(this.root, 'sha256', hex.slice(0, 2), hex);
  }

  /**
   * Stores the bytes and returns their digest. Fails with `TooLarge` as soon as more than the limit has been
   * read (nothing is kept). Storing content that is already there only refreshes its time stamp.
   */
  async put(input: ArtifactInput, opts: PutOptions): Promise<StoredArtifact> {
    const max = opts.maxBytes ?? this.limits[opts.kind];
    const tmp = join(this.root, 'tmp', `${Date.now()}-${randomBytes(8).toString('hex')}`);
    const d = newDigester();
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > max) {
          cb(new ArtifactError('TooLarge', opts.kind, `${opts.kind} artifact is larger than the limit of ${formatBytes(max)}`));
          return;
        }
        d.hash.update(chunk);
        cb(null, chunk);
      },
    });
    const source = input instanceof Uint8Array ? Readable.from([Buffer.from(input)]) : Readable.from(input);
    try {
      await mkdir(join(this.root, 'tmp'), { recursive: true, mode: 0o700 });
      await pipeline(source, meter, createWriteStream(tmp, { mode: 0o600 }), opts.signal ? { signal: opts.signal } : {});
    } catch (e) {
      await rm(tmp, { force: true });
      if (e instanceof ArtifactError) throw e;
      throw new ArtifactError('StorageFailed', opts.kind, `writing ${opts.kind} artifact: ${(e as Error).message}`, e);
    }
    const digest = d.digest();
    const path = this.pathOf(digest);
    await this.#finalize.run(async () => {
      await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
      if (await exists(path)) {
        await rm(tmp, { force: true });
        const now = new Date();
        await utimes(path, now, now);
      } else {
        await rename(tmp, path);
      }
    });
    this.#log.debug({ digest, size, kind: opts.kind }, 'artifact stored');
    return { digest, size, path };
  }

  /** The artifact, or undefined when the store does not hold it. */
  async get(digest: string): Promise<StoredArtifact | undefined> {
    const path = this.pathOf(parseDigest(digest));
    try {
      const st = await stat(path);
      return st.isFile() ? { digest: digest as Digest, size: st.size, path } : undefined;
    } catch {
      return undefined;
    }
  }

  async has(digest: string): Promise<boolean> {
    return (await this.get(digest)) !== undefined;
  }

  /** The artifact's bytes; `NotFound` when absent. */
  async read(digest: string): Promise<Buffer> {
    const a = await this.#require(digest);
    return readFile(a.path);
  }

  /** A stream of the artifact's bytes; `NotFound` when absent. */
  async openRead(digest: string): Promise<ReadStream> {
    const a = await this.#require(digest);
    return createReadStream(a.path);
  }

  /** Re-hashes the artifact; false when its bytes no longer match its digest. */
  async verify(digest: string): Promise<boolean> {
    const a = await this.#require(digest);
    const d = newDigester();
    await pipeline(createReadStream(a.path), d.hash);
    return d.digest() === a.digest;
  }

  /**
   * Removes every artifact whose digest is not in `keep` and that is older than the grace period, and
   * left-over temporary files. The caller passes the digests that objects still reference.
   */
  async gc(keep: ReadonlySet<string>, opts: GcOptions = {}): Promise<GcResult> {
    const cutoff = Date.now() - (opts.graceMs ?? DEFAULT_GRACE_MS);
    return this.#finalize.run(async () => {
      const result: GcResult = { removed: [], kept: 0, freedBytes: 0 };
      for (const file of await listFiles(join(this.root, 'sha256'), 2)) {
        const digest = `sha256:${file.name}`;
        if (!isDigest(digest)) continue;
        if (keep.has(digest) || file.mtimeMs > cutoff) {
          result.kept++;
          continue;
        }
        await rm(file.path, { force: true });
        result.removed.push(digest);
        result.freedBytes += file.size;
      }
      for (const file of await listFiles(join(this.root, 'tmp'), 1)) {
        if (file.mtimeMs <= cutoff) await rm(file.path, { force: true, recursive: true });
      }
      if (result.removed.length > 0) this.#log.info({ removed: result.removed.length, freedBytes: result.freedBytes }, 'artifact garbage collected');
      return result;
    });
  }

  async #require(digest: string): Promise<StoredArtifact> {
    const a = await this.get(digest);
    if (a === undefined) throw new ArtifactError('NotFound', digest, `artifact ${digest} not found in the store`);
    return a;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await (await open(path, 'r')).close();
    return true;
  } catch {
    return false;
  }
}

interface FileInfo { name: string; path: string; size: number; mtimeMs: number }

/** Files `depth` levels below `dir` (1 = direct children). */
async function listFiles(dir: string, depth: number): Promise<FileInfo[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const out: FileInfo[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (depth > 1) {
      out.push(...await listFiles(path, depth - 1));
      continue;
    }
    try {
      const st = await stat(path);
      out.push({ name, path, size: st.size, mtimeMs: st.mtimeMs });
    } catch {
      // removed meanwhile
    }
  }
  return out;
}
