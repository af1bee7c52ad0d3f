/**
 * The rules an archive entry must pass before anything is written: no absolute paths, no `..`, no symbolic
 * link that points (or lets a later entry write) outside the target, no hard link to anything but an earlier
 * regular file of the same archive, no devices or FIFOs, and size limits. Pure: fed one header at a time.
 *
 * Hand-written because `tar` only warns and skips (or silently rewrites) such entries; a source archive
 * with any of them is refused whole, with the entry named.
 */
import { posix } from 'node:path';
import { formatBytes, type ArtifactLimits } from './limits.ts';

/** The header fields the checks need (the `tar` package's `ReadEntry` has them all). */
export interface EntryHeader {
  path: string;
  type: string;
  size: number;
  linkpath?: string | undefined;
}

/** Entry types kept as files, directories and links; tar's metadata types never reach the checker. */
const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

export type EntryVerdict = { ok: true; path: string } | { ok: false; reason: string };

export class EntryChecker {
  readonly #limits: Pick<ArtifactLimits, 'file' | 'unpacked' | 'entries'>;
  readonly #files = new Set<string>();
  readonly #symlinks = new Set<string>();
  #entries = 0;
  #bytes = 0;

  constructor(limits: Pick<ArtifactLimits, 'file' | 'unpacked' | 'entries'>) {
    this.#limits = limits;
  }

  /** Total bytes of the file entries accepted so far. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Number of entries accepted so far. */
  get entries(): number {
    return this.#entries;
  }

  /** Checks one entry; on success returns its normalised relative path ('' for the root directory). */
  check(h: EntryHeader): EntryVerdict {
    const path = safeRelative(h.path);
    if (path === null) return bad(`entry "${h.path}" has an absolute path or a ".." element`);
    if (++this.#entries > this.#limits.entries) return bad(`archive has more than ${this.#limits.entries} entries`);
    const through = this.#throughSymlink(path);
    if (through !== undefined) return bad(`entry "${h.path}" lies below the symbolic link "${through}"`);
    if (FILE_TYPES.has(h.type)) return this.#file(h, path);
    if (h.type === 'Directory') return { ok: true, path };
    if (h.type === 'SymbolicLink') return this.#symlink(h, path);
    if (h.type === 'Link') return this.#hardlink(h, path);
    return bad(`entry "${h.path}" is of type ${h.type}, which is not allowed (only files, directories and links)`);
  }

  #file(h: EntryHeader, path: string): EntryVerdict {
    if (h.size > this.#limits.file) return bad(`file "${h.path}" is larger than the limit of ${formatBytes(this.#limits.file)}`);
    this.#bytes += h.size;
    if (this.#bytes > this.#limits.unpacked) return bad(`archive unpacks to more than ${formatBytes(this.#limits.unpacked)}`);
    this.#files.add(path);
    this.#symlinks.delete(path);
    return { ok: true, path };
  }

  #symlink(h: EntryHeader, path: string): EntryVerdict {
    const target = h.linkpath ?? '';
    if (target === '' || posix.isAbsolute(target) || /^[A-Za-z]:|^\\/.test(target)) {
      return bad(`symbolic link "${h.path}" points to "${target}", outside the archive`);
    }
    const resolved = posix.normalize(posix.join(posix.dirname(path), target.replaceAll('\\', '/')));
    if (resolved === '..' || resolved.startsWith('../')) {
      return bad(`symbolic link "${h.path}" points to "${target}", outside the archive`);
    }
    this.#symlinks.add(path);
    this.#files.delete(path);
    return { ok: true, path };
  }

  #hardlink(h: EntryHeader, path: string): EntryVerdict {
    const target = safeRelative(h.linkpath ?? '');
    if (target === null || target === '' || !this.#files.has(target)) {
      return bad(`hard link "${h.path}" points to "${h.linkpath ?? ''}", which is not an earlier file of the archive`);
    }
    this.#files.add(path);
    return { ok: true, path };
  }

  /** The symbolic link an entry would be written through, if any of its parents is one. */
  #throughSymlink(path: string): string | undefined {
    let dir = posix.dirname(path);
    while (dir !== '.' && dir !== '') {
      if (this.#symlinks.has(dir)) return dir;
      dir = posix.dirname(dir);
    }
    return undefined;
  }
}

function bad(reason: string): EntryVerdict {
  return { ok: false, reason };
}

/**
 * The entry path made relative and normalised (`./a//b/` → `a/b`), or null when it is absolute (also
 * Windows drive and UNC forms) or has a `..` element.
 */
export function safeRelative(raw: string): string | null {
  const p = raw.replaceAll('\\', '/');
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return null;
  const parts = p.split('/').filter((s) => s !== '' && s !== '.');
  if (parts.some((s) => s === '..')) return null;
  return parts.join('/');
}
