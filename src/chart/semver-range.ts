/**
 * chartutil.IsCompatibleRange as a self-contained port of Masterminds/semver v3.3.0 constraints,
 * used as the default for dependency alias matching. Callers may inject the template layer's
 * semver implementation instead (DependencyOptions.isCompatibleRange).
 */

interface Version {
  major: bigint;
  minor: bigint;
  patch: bigint;
  pre: string;
}

const SEMVER = String.raw`v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const VERSION_RE = new RegExp(`^${SEMVER}$`);
const CV = String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const OPS = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`;
const CONSTRAINT_RE = new RegExp(String.raw`^\s*(${OPS})\s*(${CV})\s*$`);
const RANGE_RE = new RegExp(String.raw`\s*(${CV})\s+-\s+(${CV})\s*`, 'g');
const FIND_RE = new RegExp(String.raw`(${OPS})\s*(${CV})`, 'g');
const VALID_RE = new RegExp(String.raw`^(\s*(${OPS})\s*(${CV})\s*)((?:\s+|,\s*)(${OPS})\s*(${CV})\s*)*$`);

const U64 = (1n << 64n) - 1n;

function parseVersion(v: string): Version | null {
  const m = VERSION_RE.exec(v);
  if (!m) return null;
  const seg = (s: string | undefined) => (s ? BigInt(s.replace(/^\./, '')) : 0n);
  const ver = { major: seg(m[1]), minor: seg(m[2]), patch: seg(m[3]), pre: m[5] ?? '' };
  if (ver.major > U64 || ver.minor > U64 || ver.patch > U64) return null;
  if (ver.pre) {
    for (const p of ver.pre.split('.')) if (/^[0-9]+$/.test(p) && p.length > 1 && p[0] === '0') return null;
  }
  return ver;
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return o !== '' ? -1 : 1;
  if (o === '') return s !== '' ? 1 : -1;
  const sn = /^[0-9]+$/.test(s);
  const on = /^[0-9]+$/.test(o);
  if (!sn && !on) return s > o ? 1 : -1;
  if (!on) return -1;
  if (!sn) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}

function comparePrerelease(v: string, o: string): number {
  const a = v.split('.');
  const b = o.split('.');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = comparePrePart(a[i] ?? '', b[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

function compare(v: Version, o: Version): number {
  for (const k of ['major', 'minor', 'patch'] as const) {
    if (v[k] !== o[k]) return v[k] < o[k] ? -1 : 1;
  }
  if (v.pre === '' && o.pre === '') return 0;
  if (v.pre === '') return 1;
  if (o.pre === '') return -1;
  return comparePrerelease(v.pre, o.pre);
}

interface Constraint {
  con: Version;
  op: string;
  dirty: boolean;
  minorDirty: boolean;
  patchDirty: boolean;
}

const isX = (x: string) => x === 'x' || x === '*' || x === 'X';

function parseConstraint(c: string): Constraint | null {
  if (c.length === 0) return { con: { major: 0n, minor: 0n, patch: 0n, pre: '' }, op: '', dirty: true, minorDirty: false, patchDirty: false };
  const m = CONSTRAINT_RE.exec(c);
  if (!m) return null;
  const [, op = '', , m3 = '', m4 = '', m5 = '', m6 = ''] = m;
  let ver = m[2]!;
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(m3) || m3 === '') {
    ver = `0.0.0${m6}`;
    dirty = true;
  } else if (isX(m4.replace(/^\./, '')) || m4 === '') {
    minorDirty = dirty = true;
    ver = `${m3}.0.0${m6}`;
  } else if (isX(m5.replace(/^\./, '')) || m5 === '') {
    dirty = patchDirty = true;
    ver = `${m3}${m4}.0${m6}`;
  }
  const con = parseVersion(ver);
  if (!con) return null;
  return { con, op, dirty, minorDirty, patchDirty };
}

function tilde(v: Version, c: Constraint): boolean {
  if (compare(v, c.con) < 0) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.con.major) return false;
  if (v.minor !== c.con.minor && !c.minorDirty) return false;
  return true;
}

function check(v: Version, c: Constraint): boolean {
  const preBlocked = v.pre !== '' && c.con.pre === '';
  switch (c.op) {
    case '':
    case '=':
      if (preBlocked) return false;
      return c.dirty ? tilde(v, c) : compare(v, c.con) === 0;
    case '!=':
      if (c.dirty) {
        if (preBlocked) return false;
        if (c.con.major !== v.major) return true;
        if (c.con.minor !== v.minor && !c.minorDirty) return true;
        if (c.minorDirty) return false;
        if (c.con.patch !== v.patch && !c.patchDirty) return true;
        if (c.patchDirty) {
          if (v.pre !== '' || c.con.pre !== '') return comparePrerelease(v.pre, c.con.pre) !== 0;
          return false;
        }
      }
      return compare(v, c.con) !== 0;
    case '>':
      if (preBlocked) return false;
      if (!c.dirty) return compare(v, c.con) === 1;
      if (v.major > c.con.major) return true;
      if (v.major < c.con.major || c.minorDirty) return false;
      if (c.patchDirty) return v.minor > c.con.minor;
      return compare(v, c.con) === 1;
    case '<':
      return !preBlocked && compare(v, c.con) < 0;
    case '>=':
    case '=>':
      return !preBlocked && compare(v, c.con) >= 0;
    case '<=':
    case '=<':
      if (preBlocked) return false;
      if (!c.dirty) return compare(v, c.con) <= 0;
      if (v.major > c.con.major) return false;
      if (v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty) return false;
      return true;
    case '~':
    case '~>':
      return !preBlocked && tilde(v, c);
    case '^':
      if (preBlocked || compare(v, c.con) < 0) return false;
      if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
      if (c.con.major === 0n && v.major > 0n) return false;
      if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
      if (c.con.minor === 0n && v.minor > 0n) return false;
      return c.con.patch === v.patch;
  }
  return false;
}

function parseConstraints(input: string): Constraint[][] | null {
  let c = input;
  for (const m of input.matchAll(RANGE_RE)) c = c.replace(m[0], `>= ${m[1]}, <= ${m[11]} `);
  const or: Constraint[][] = [];
  for (const v of c.split('||')) {
    if (!VALID_RE.test(v)) return null;
    const found = [...v.matchAll(FIND_RE)].map((m) => m[0]);
    const cs = found.length > 0 ? found : [v];
    const group: Constraint[] = [];
    for (const s of cs) {
      const pc = parseConstraint(s);
      if (!pc) return null;
      group.push(pc);
    }
    or.push(group);
  }
  return or;
}

/** chartutil.IsCompatibleRange(constraint, version). */
export function defaultIsCompatibleRange(constraint: string, version: string): boolean {
  const v = parseVersion(version);
  if (!v) return false;
  const cs = parseConstraints(constraint);
  if (!cs) return false;
  return cs.some((group) => group.every((c) => check(v, c)));
}
