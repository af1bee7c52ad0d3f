/**
 * A small synchronous reader for gzip-compressed tar archives (chart .tgz files), following Go's
 * archive/tar: ustar prefixes, GNU long names (`L`/`K`), PAX headers (`x` applied to the next entry,
 * `g` returned as an entry), base-256 sizes, checksum verification.
 *
 * Synchronous on purpose: subchart archives are unpacked in the middle of loading a chart.
 */


export interface TarEntry {
  name: string;
  /** tar type flag: '0' file, '5' dir, '2' symlink, 'g' global PAX header, … */
  typeflag: string;
  mode: number;
  data: Uint8Array;
}

export class TarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarError';
  }
}

/** Decompresses gzip data, with Go's error words for a bad header. */
export function gunzip(data: Uint8Array): Uint8Array {
  if (data.length === 0) throw new TarError('EOF');
  if (data.length < 10) throw new TarError('unexpected EOF');
  if (data[0] !== 0x1f || data[1] !== 0x8b || data[2] !== 8) throw new TarError('gzip: invalid header');
  try {
    // node:zlib is loaded here, not at start-up (~2 ms of every CLI run that has no .tgz to open)
    return process.getBuiltinModule('node:zlib').gunzipSync(data);
  } catch (e) {
    const msg = (e as Error).message;
    if (/unexpected end/i.test(msg)) throw new TarError('unexpected EOF');
    if (/check/i.test(msg)) throw new TarError('gzip: invalid checksum');
    throw new TarError(`flate: corrupt input (${msg})`);
  }
}

function cstr(b: Uint8Array, start: number, len: number): string {
  let end = start;
  while (end < start + len && b[end] !== 0) end++;
  return Buffer.from(b.subarray(start, end)).toString('utf8');
}

function parseNumeric(b: Uint8Array, start: number, len: number): number {
  const first = b[start]!;
  if (first & 0x80) {
    // base-256
    let n = BigInt(first & 0x7f);
    for (let i = start + 1; i < start + len; i++) n = (n << 8n) | BigInt(b[i]!);
    return Number(n);
  }
  const s = cstr(b, start, len).replace(/[ \0]+$/, '').trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarError('archive/tar: invalid tar header');
  return parseInt(s, 8);
}

function isZero(b: Uint8Array, off: number): boolean {
  for (let i = off; i < off + 512; i++) if (b[i] !== 0) return false;
  return true;
}

function checksumOk(b: Uint8Array, off: number): boolean {
  const want = parseNumeric(b, off + 148, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < 512; i++) {
    const c = i >= 148 && i < 156 ? 0x20 : b[off + i]!;
    unsigned += c;
    signed += c > 127 ? c - 256 : c;
  }
  return want === unsigned || want === signed;
}

function parsePax(data: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  let s = Buffer.from(data).toString('utf8');
  while (s.length > 0) {
    const sp = s.indexOf(' ');
    if (sp < 0) throw new TarError('archive/tar: invalid tar header');
    const len = parseInt(s.slice(0, sp), 10);
    // lengths are in bytes; the records are ASCII-keyed and usually ASCII-valued
    const recBytes = Buffer.from(s, 'utf8').subarray(0, len).toString('utf8');
    const rec = recBytes.slice(sp + 1, recBytes.endsWith('\n') ? -1 : undefined);
    const eq = rec.indexOf('=');
    if (eq >= 0) out.set(rec.slice(0, eq), rec.slice(eq + 1));
    s = s.slice(recBytes.length);
  }
  return out;
}

/** Lists the entries of an uncompressed tar stream. */
export function readTar(tar: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  let off = 0;
  let longName: string | null = null;
  let pax: Map<string, string> | null = null;
  while (true) {
    if (off + 512 > tar.length) {
      if (off === tar.length) return out; // io.EOF
      throw new TarError('unexpected EOF');
    }
    if (isZero(tar, off)) {
      if (off + 1024 > tar.length) {
        if (off + 512 === tar.length) return out;
        throw new TarError('unexpected EOF');
      }
      if (isZero(tar, off + 512)) return out;
      throw new TarError('archive/tar: invalid tar header');
    }
    if (!checksumOk(tar, off)) throw new TarError('archive/tar: invalid tar header');
    let name = cstr(tar, off, 100);
    const mode = parseNumeric(tar, off + 100, 8);
    const size = parseNumeric(tar, off + 124, 12);
    let typeflag = String.fromCharCode(tar[off + 156]!);
    const magic = cstr(tar, off + 257, 6);
    const version = Buffer.from(tar.subarray(off + 263, off + 265)).toString('latin1');
    if (magic === 'ustar' && version === '00') {
      const prefix = cstr(tar, off + 345, 155);
      if (prefix !== '') name = `${prefix}/${name}`;
    }
    const dataStart = off + 512;
    if (dataStart + size > tar.length) throw new TarError('unexpected EOF');
    const data = tar.subarray(dataStart, dataStart + size);
    off = dataStart + Math.ceil(size / 512) * 512;

    if (typeflag === 'L') {
      longName = cstr(data, 0, data.length);
      continue;
    }
    if (typeflag === 'K') continue;
    if (typeflag === 'x' || typeflag === 'X') {
      pax = parsePax(data);
      continue;
    }
    if (longName !== null) name = longName;
    if (pax?.has('path')) name = pax.get('path')!;
    if (typeflag === '\0') typeflag = name.endsWith('/') ? '5' : '0';
    longName = null;
    pax = null;
    out.push({ name, typeflag, mode, data });
  }
}

/** Whether an entry is a directory as Go's Header.FileInfo().IsDir() says. */
export function isDirEntry(e: TarEntry): boolean {
  return e.typeflag === '5' || (e.mode & 0o170000) === 0o040000;
}
