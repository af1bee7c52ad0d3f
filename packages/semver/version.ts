/**
 * Semantic versions as github.com/Masterminds/semver/v3 (v3.3.0, the version Helm 3.17 uses) parses,
 * prints and orders them. Error messages are the library's own (`Invalid Semantic Version`, …).
 * Knows nothing of templates, so chart dependency resolution and image policies can use it too.
 */

/** An error the semver library returns (its message is the Go error text). */
export class SemverError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SemverError';
  }
}

export const ERR_INVALID_SEMVER = 'Invalid Semantic Version';
export const ERR_EMPTY_STRING = 'Version string empty';
export const ERR_INVALID_CHARACTERS = 'Invalid characters in version';
export const ERR_SEGMENT_STARTS_ZERO = 'Version segment starts with 0';
export const ERR_INVALID_METADATA = 'Invalid Metadata string';
export const ERR_INVALID_PRERELEASE = 'Invalid Prerelease string';

const UINT64_MAX = (1n << 64n) - 1n;

/** The loose version pattern of NewVersion (groups as in the Go source). */
const VERSION_RE =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

const NUM = /^[0-9]*$/;
const ALLOWED = /^[0-9A-Za-z-]*$/;

/** An immutable semantic version (Go's semver.Version). */
export class Version {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  readonly pre: string;
  readonly metadata: string;
  readonly original: string;

  constructor(major: bigint, minor: bigint, patch: bigint, pre: string, metadata: string, original?: string) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.pre = pre;
    this.metadata = metadata;
    this.original = original ?? formatVersion(major, minor, patch, pre, metadata);
  }

  /** Version.String(): `MAJOR.MINOR.PATCH[-PRE][+META]`, without any leading `v`. */
  toString(): string {
    return formatVersion(this.major, this.minor, this.patch, this.pre, this.metadata);
  }

  /** -1, 0 or 1; metadata is ignored and a prerelease sorts before its release. */
  compare(o: Version): number {
    const d = cmp(this.major, o.major) || cmp(this.minor, o.minor) || cmp(this.patch, o.patch);
    if (d !== 0) return d;
    if (this.pre === '' && o.pre === '') return 0;
    if (this.pre === '') return 1;
    if (o.pre === '') return -1;
    return comparePrerelease(this.pre, o.pre);
  }

  lessThan(o: Version): boolean { return this.compare(o) < 0; }
  greaterThan(o: Version): boolean { return this.compare(o) > 0; }
  equal(o: Version): boolean { return this.compare(o) === 0; }

  private vPrefix(): string {
    return this.original.startsWith('v') ? 'v' : '';
  }

  private next(major: bigint, minor: bigint, patch: bigint, pre: string, metadata: string): Version {
    return new Version(major, minor, patch, pre, metadata,
      this.vPrefix() + formatVersion(major, minor, patch, pre, metadata));
  }

  /** IncPatch: drops prerelease/metadata; bumps the patch only when there was no prerelease. */
  incPatch(): Version {
    const patch = this.pre !== '' ? this.patch : wrap(this.patch + 1n);
    return this.next(this.major, this.minor, patch, '', '');
  }
  incMinor(): Version { return this.next(this.major, wrap(this.minor + 1n), 0n, '', ''); }
  incMajor(): Version { return this.next(wrap(this.major + 1n), 0n, 0n, '', ''); }

  /** SetPrerelease; throws SemverError for an invalid prerelease. */
  setPrerelease(pre: string): Version {
    if (pre.length > 0) validatePrerelease(pre);
    return this.next(this.major, this.minor, this.patch, pre, this.metadata);
  }

  /** SetMetadata; throws SemverError for invalid metadata. */
  setMetadata(meta: string): Version {
    if (meta.length > 0) validateMetadata(meta);
    return this.next(this.major, this.minor, this.patch, this.pre, meta);
  }
}

function wrap(n: bigint): bigint {
  return BigInt.asUintN(64, n);
}

function cmp(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function formatVersion(major: bigint, minor: bigint, patch: bigint, pre: string, metadata: string): string {
  let s = `${major}.${minor}.${patch}`;
  if (pre !== '') s += `-${pre}`;
  if (metadata !== '') s += `+${metadata}`;
  return s;
}

/** strconv.ParseUint(s, 10, 64) for a string of digits; throws Go's range error text. */
function parseUint(s: string): bigint {
  const n = BigInt(s);
  if (n > UINT64_MAX) throw new SemverError(`strconv.ParseUint: parsing "${s}": value out of range`);
  return n;
}

/**
 * NewVersion: parses a SemVer-ish version (`v` prefix, missing minor/patch and leading zeros allowed).
 * Throws SemverError with the library's message.
 */
export function parseVersion(v: string): Version {
  const m = VERSION_RE.exec(v);
  if (!m) throw new SemverError(ERR_INVALID_SEMVER);
  const seg = (s: string | undefined): bigint => {
    if (s === undefined || s === '') return 0n;
    try {
      return parseUint(s.startsWith('.') ? s.slice(1) : s);
    } catch (e) {
      throw new SemverError(`Error parsing version segment: ${(e as Error).message}`);
    }
  };
  const pre = m[5] ?? '';
  const metadata = m[8] ?? '';
  const major = seg(m[1]);
  const minor = seg(m[2]);
  const patch = seg(m[3]);
  if (pre !== '') validatePrerelease(pre);
  if (metadata !== '') validateMetadata(metadata);
  return new Version(major, minor, patch, pre, metadata, v);
}

/** StrictNewVersion: only exact `MAJOR.MINOR.PATCH[-PRE][+META]` without leading zeros or `v`. */
export function parseStrictVersion(v: string): Version {
  if (v.length === 0) throw new SemverError(ERR_EMPTY_STRING);
  const parts = splitN(v, '.', 3);
  if (parts.length !== 3) throw new SemverError(ERR_INVALID_SEMVER);
  let last = parts[2] as string;
  let metadata = '';
  let pre = '';
  if (last.includes('+')) {
    const i = last.indexOf('+');
    metadata = last.slice(i + 1);
    last = last.slice(0, i);
    validateMetadata(metadata);
  }
  if (last.includes('-')) {
    const i = last.indexOf('-');
    pre = last.slice(i + 1);
    last = last.slice(0, i);
    validatePrerelease(pre);
  }
  const nums = [parts[0] as string, parts[1] as string, last];
  for (const p of nums) {
    if (!NUM.test(p)) throw new SemverError(ERR_INVALID_CHARACTERS);
    if (p.length > 1 && p[0] === '0') throw new SemverError(ERR_SEGMENT_STARTS_ZERO);
  }
  const toUint = (p: string): bigint => {
    if (p === '') throw new SemverError('strconv.ParseUint: parsing "": invalid syntax');
    return parseUint(p);
  };
  return new Version(toUint(nums[0] as string), toUint(nums[1] as string), toUint(nums[2] as string), pre, metadata, v);
}

function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}

function validatePrerelease(p: string): void {
  for (const part of p.split('.')) {
    if (NUM.test(part)) {
      if (part.length > 1 && part[0] === '0') throw new SemverError(ERR_SEGMENT_STARTS_ZERO);
    } else if (!ALLOWED.test(part)) {
      throw new SemverError(ERR_INVALID_PRERELEASE);
    }
  }
}

function validateMetadata(m: string): void {
  for (const part of m.split('.')) {
    if (!ALLOWED.test(part)) throw new SemverError(ERR_INVALID_METADATA);
  }
}

/** Parses a prerelease identifier as Go's strconv.ParseUint would (undefined when it is not one). */
function asUint(s: string): bigint | undefined {
  if (!/^[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n > UINT64_MAX ? undefined : n;
}

/** comparePrerelease of the library (dot-separated identifiers; numbers sort before words). */
export function comparePrerelease(v: string, o: string): number {
  const sp = v.split('.');
  const op = o.split('.');
  const l = Math.max(sp.length, op.length);
  for (let i = 0; i < l; i++) {
    const d = comparePrePart(sp[i] ?? '', op[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  const oi = asUint(o);
  const si = asUint(s);
  if (oi === undefined && si === undefined) return s > o ? 1 : -1;
  if (oi === undefined) return -1;
  if (si === undefined) return 1;
  return si > oi ? 1 : -1;
}
