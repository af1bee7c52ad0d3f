/**
 * Safe unpacking of (gzip-compressed) tar archives with the `tar` package. Every entry is checked by
 * `EntryChecker` in a first pass that writes nothing; only an archive that passes whole is extracted, into
 * a directory that must be empty or absent, with `tar`'s own protections (no absolute paths, no `..`, no
 * writing through symbolic links) left on as a second line.
 */
import { createReadStream } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { Parser, extract, type ReadEntry } from 'tar';
import { EntryChecker } from './entry-safety.ts';
import { ArtifactError } from './errors.ts';
import { DEFAULT_ARTIFACT_LIMITS, type ArtifactLimits } from './limits.ts';

export type UnpackLimits = Pick<ArtifactLimits, 'file' | 'unpacked' | 'entries'>;

export interface ArchiveEntryInfo {
  /** normalised relative path */
  path: string;
  type: string;
  size: number;
  linkpath?: string;
}

export interface ArchiveSummary {
  entries: ArchiveEntryInfo[];
  /** total bytes of the regular files */
  bytes: number;
}

function limitsOf(l: Partial<UnpackLimits>): UnpackLimits {
  return {
    file: l.file ?? DEFAULT_ARTIFACT_LIMITS.file,
    unpacked: l.unpacked ?? DEFAULT_ARTIFACT_LIMITS.unpacked,
    entries: l.entries ?? DEFAULT_ARTIFACT_LIMITS.entries,
  };
}

/**
 * Reads the archive's headers and checks every entry, writing nothing. Throws `UnsafeArchive` naming the
 * first offending entry, `TooLarge` for a size limit, `InvalidArchive` for a damaged file.
 */
export async function inspectArchive(file: string, limits: Partial<UnpackLimits> = {}): Promise<ArchiveSummary> {
  const checker = new EntryChecker(limitsOf(limits));
  const entries: ArchiveEntryInfo[] = [];
  let refused: ArtifactError | undefined;
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        if (refused === undefined) {
          const v = checker.check(entry);
          if (v.ok) {
            entries.push(info(entry, v.path));
          } else {
            refused = new ArtifactError(/larger than|more than/.test(v.reason) ? 'TooLarge' : 'UnsafeArchive', file, v.reason);
            parser.abort(refused);
          }
        }
        entry.resume();
      },
    });
    parser.on('error', (e: Error) => reject(refused ?? new ArtifactError('InvalidArchive', file, `reading archive: ${e.message}`, e)));
    parser.on('close', () => resolve());
    const input = createReadStream(file);
    input.on('error', (e) => reject(new ArtifactError('StorageFailed', file, `reading archive: ${e.message}`, e)));
    input.pipe(parser);
  });
  if (refused !== undefined) throw refused;
  return { entries, bytes: checker.bytes };
}

/**
 * Checks the archive (see `inspectArchive`) and then extracts it into `dest`, which must be absent or empty.
 * Modes are kept without setuid/setgid/sticky bits; owners are not restored. On failure `dest` may hold a
 * partial tree: the caller removes it.
 */
export async function unpackArchive(file: string, dest: string, limits: Partial<UnpackLimits> = {}): Promise<ArchiveSummary> {
  const summary = await inspectArchive(file, limits);
  await mkdir(dest, { recursive: true, mode: 0o700 });
  if ((await readdir(dest)).length > 0) throw new ArtifactError('StorageFailed', dest, `unpack target ${dest} is not empty`);
  const second = new EntryChecker(limitsOf(limits));
  let refused: string | undefined;
  try {
    await extract({
      file,
      cwd: dest,
      strict: true,
      preservePaths: false,
      preserveOwner: false,
      noMtime: true,
      filter: (_path, entry) => {
        const v = second.check(entry as ReadEntry);
        if (!v.ok) refused ??= v.reason;
        return v.ok && refused === undefined;
      },
    });
  } catch (e) {
    throw new ArtifactError('InvalidArchive', file, `extracting archive: ${(e as Error).message}`, e);
  }
  if (refused !== undefined) throw new ArtifactError('UnsafeArchive', file, refused);
  return summary;
}

function info(e: ReadEntry, path: string): ArchiveEntryInfo {
  const out: ArchiveEntryInfo = { path, type: e.type, size: e.size };
  if (e.linkpath !== undefined && e.linkpath !== '') out.linkpath = e.linkpath;
  return out;
}
