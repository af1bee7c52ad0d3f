/**
 * Reproducible tar.gz archives of a list of files with the `tar` package: entries in the given order, no
 * owners, no time stamps, modes normalised to 0644/0755 (`portable`), so the same tree always packs to the
 * same bytes and so to the same digest.
 */
import { Readable } from 'node:stream';
import { create } from 'tar';

/**
 * A gzip-compressed tar stream of `files` (paths relative to `cwd`, `/`-separated). Only the listed paths
 * are packed: directories are implied by the file paths and symbolic links are not followed. Sort the list
 * for a reproducible archive.
 */
export function packFiles(cwd: string, files: readonly string[]): Readable {
  const pack = create(
    { cwd, gzip: { level: 6 }, portable: true, noMtime: true, follow: false, noDirRecurse: true, strict: true, jobs: 16 },
    [...files],
  );
  return Readable.from(pack as AsyncIterable<Buffer>);
}
