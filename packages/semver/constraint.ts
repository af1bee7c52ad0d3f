/**
 * Version constraints as github.com/Masterminds/semver/v3 v3.3.0 parses and checks them:
 * `>= 1.2, < 2 || ^3`, `~1.2`, `1.2.x`, `*`, `1 - 2.3` hyphen ranges, prereleases only matched when the
 * constraint itself names one. Error texts are the library's (`improper constraint: foo`).
 */
import { SemverError, Version, comparePrerelease, parseStrictVersion, parseVersion } from './version.ts';

// Go's \s is [\t\n\f\r ] (ASCII only); spelled out so that JS's Unicode \s does not leak in.
const S = '[\\t\\n\\f\\r ]';
const OPS = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';
const CV =
  'v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?' +
  '(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?' +
  '(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';

const CONSTRAINT_RE = new RegExp(`^${S}*(${OPS})${S}*(${CV})${S}*$`);
const RANGE_RE = new RegExp(`${S}*(${CV})${S}+-${S}+(${CV})${S}*`, 'g');
const FIND_RE = new RegExp(`(${OPS})${S}*(${CV})`, 'g');
const VALID_RE = new RegExp(`^(${S}*(${OPS})${S}*(${CV})${S}*)((?:${S}+|,${S}*)(${OPS})${S}*(${CV})${S}*)*$`);

type Op = '' | '=' | '!=' | '>' | '<' | '>=' | '=>' | '<=' | '=<' | '~' | '~>' | '^';

/** One comparison, e.g. `>=1.2` (Go's unexported `constraint`). */
interface Single {
  readonly con: Version;
  readonly orig: string;
  readonly op: Op;
  readonly minorDirty: boolean;
  readonly patchDirty: boolean;
  readonly dirty: boolean;
}

/** Parsed constraints: an OR of ANDs (Go's semver.Constraints). */
export class Constraint {
  private readonly ors: readonly (readonly Single[])[];
  constructor(ors: readonly (readonly Single[])[]) {
    this.ors = ors;
  }

  /** Constraints.Check: true when some OR branch has every comparison satisfied. */
  check(v: Version): boolean {
    return this.ors.some((and) => and.every((c) => checkSingle(v, c) === null));
  }

  /** Constraints.Validate: whether `v` passes, and the reasons it does not (Go's error texts). */
  validate(v: Version): { ok: boolean; errors: string[] } {
    const errors: string[] = [];
    let preReported = false;
    for (const and of this.ors) {
      let joy = true;
      for (const c of and) {
        if (c.con.pre === '' && v.pre !== '') {
          if (!preReported) {
            errors.push(`${v.toString()} is a prerelease version and the constraint is only looking for release versions`);
            preReported = true;
          }
          joy = false;
        } else {
          const err = checkSingle(v, c);
          if (err !== null) {
            errors.push(err);
            joy = false;
          }
        }
      }
      if (joy) return { ok: true, errors: [] };
    }
    return { ok: false, errors };
  }

  /** Constraints.String(): ANDs joined by a space, ORs by ` || `. */
  toString(): string {
    return this.ors.map((and) => and.map((c) => c.op + c.orig).join(' ')).join(' || ');
  }
}

function isX(s: string): boolean {
  return s === 'x' || s === '*' || s === 'X';
}

function rewriteRange(input: string): string {
  const matches = [...input.matchAll(RANGE_RE)];
  let out = input;
  for (const m of matches) {
    out = out.replace(m[0], () => `>= ${m[1] ?? ''}, <= ${m[11] ?? ''} `);
  }
  return out;
}

/** NewConstraint: parses a constraint string; throws SemverError (`improper constraint: …`). */
export function parseConstraint(input: string): Constraint {
  const c = rewriteRange(input);
  const ors: Single[][] = [];
  for (const part of c.split('||')) {
    if (!VALID_RE.test(part)) throw new SemverError(`improper constraint: ${part}`);
    const found = [...part.matchAll(FIND_RE)].map((m) => m[0]);
    const list = found.length > 0 ? found : [part];
    ors.push(list.map(parseSingle));
  }
  return new Constraint(ors);
}

function parseSingle(c: string): Single {
  if (c.length === 0) {
    return { con: parseStrictVersion('0.0.0'), orig: c, op: '', minorDirty: false, patchDirty: false, dirty: true };
  }
  const m = CONSTRAINT_RE.exec(c);
  if (!m) throw new SemverError(`improper constraint: ${c}`);
  const op = (m[1] ?? '') as Op;
  const orig = m[2] ?? '';
  const major = m[3] ?? '';
  const minor = m[4] ?? '';
  const patch = m[5] ?? '';
  const pre = m[6] ?? '';
  let ver = orig;
  let minorDirty = false;
  let patchDirty = false;
  let dirty = false;
  if (isX(major) || major === '') {
    ver = `0.0.0${pre}`;
    dirty = true;
  } else if (isX(minor.replace(/^\./, '')) || minor === '') {
    minorDirty = true;
    dirty = true;
    ver = `${major}.0.0${pre}`;
  } else if (isX(patch.replace(/^\./, '')) || patch === '') {
    dirty = true;
    patchDirty = true;
    ver = `${major}${minor}.0${pre}`;
  }
  let con: Version;
  try {
    con = parseVersion(ver);
  } catch {
    throw new SemverError('constraint Parser Error');
  }
  return { con, orig, op, minorDirty, patchDirty, dirty };
}

const prereleaseMsg = (v: Version): string =>
  `${v.toString()} is a prerelease version and the constraint is only looking for release versions`;

/** Runs one comparison: null when satisfied, else the library's reason. */
function checkSingle(v: Version, c: Single): string | null {
  switch (c.op) {
    case '': case '=': return tildeOrEqual(v, c);
    case '!=': return notEqual(v, c);
    case '>': return greaterThan(v, c);
    case '<': return lessThan(v, c);
    case '>=': case '=>': return greaterThanEqual(v, c);
    case '<=': case '=<': return lessThanEqual(v, c);
    case '~': case '~>': return tilde(v, c);
    case '^': return caret(v, c);
  }
}

const excludesPre = (v: Version, c: Single): boolean => v.pre !== '' && c.con.pre === '';

function notEqual(v: Version, c: Single): string | null {
  const eqMsg = `${v.toString()} is equal to ${c.orig}`;
  if (c.dirty) {
    if (excludesPre(v, c)) return prereleaseMsg(v);
    if (c.con.major !== v.major) return null;
    if (c.con.minor !== v.minor && !c.minorDirty) return null;
    else if (c.minorDirty) return eqMsg;
    else if (c.con.patch !== v.patch && !c.patchDirty) return null;
    else if (c.patchDirty) {
      if (v.pre !== '' || c.con.pre !== '') {
        return comparePrerelease(v.pre, c.con.pre) !== 0 ? null : eqMsg;
      }
      return eqMsg;
    }
  }
  return v.equal(c.con) ? eqMsg : null;
}

function greaterThan(v: Version, c: Single): string | null {
  if (excludesPre(v, c)) return prereleaseMsg(v);
  const fail = `${v.toString()} is less than or equal to ${c.orig}`;
  if (!c.dirty) return v.compare(c.con) === 1 ? null : fail;
  if (v.major > c.con.major) return null;
  if (v.major < c.con.major) return fail;
  if (c.minorDirty) return fail;
  if (c.patchDirty) return v.minor > c.con.minor ? null : fail;
  return v.compare(c.con) === 1 ? null : fail;
}

function lessThan(v: Version, c: Single): string | null {
  if (excludesPre(v, c)) return prereleaseMsg(v);
  return v.compare(c.con) < 0 ? null : `${v.toString()} is greater than or equal to ${c.orig}`;
}

function greaterThanEqual(v: Version, c: Single): string | null {
  if (excludesPre(v, c)) return prereleaseMsg(v);
  return v.compare(c.con) >= 0 ? null : `${v.toString()} is less than ${c.orig}`;
}

function lessThanEqual(v: Version, c: Single): string | null {
  if (excludesPre(v, c)) return prereleaseMsg(v);
  const fail = `${v.toString()} is greater than ${c.orig}`;
  if (!c.dirty) return v.compare(c.con) <= 0 ? null : fail;
  if (v.major > c.con.major) return fail;
  if (v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty) return fail;
  return null;
}

function tilde(v: Version, c: Single): string | null {
  if (excludesPre(v, c)) return prereleaseMsg(v);
  if (v.lessThan(c.con)) return `${v.toString()} is less than ${c.orig}`;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) return null;
  if (v.major !== c.con.major) return `${v.toString()} does not have same major version as ${c.orig}`;
  if (v.minor !== c.con.minor && !c.minorDirty) {
    return `${v.toString()} does not have same major and minor version as ${c.orig}`;
  }
  return null;
}

function tildeOrEqual(v: Version, c: Single): string | null {
  if (excludesPre(v, c)) return prereleaseMsg(v);
  if (c.dirty) return tilde(v, c);
  return v.equal(c.con) ? null : `${v.toString()} is not equal to ${c.orig}`;
}

function caret(v: Version, c: Single): string | null {
  if (excludesPre(v, c)) return prereleaseMsg(v);
  if (v.lessThan(c.con)) return `${v.toString()} is less than ${c.orig}`;
  if (c.con.major > 0n || c.minorDirty) {
    return v.major === c.con.major ? null : `${v.toString()} does not have same major version as ${c.orig}`;
  }
  if (c.con.major === 0n && v.major > 0n) return `${v.toString()} does not have same major version as ${c.orig}`;
  if (c.con.minor > 0n || c.patchDirty) {
    return v.minor === c.con.minor
      ? null
      : `${v.toString()} does not have same minor version as ${c.orig}. Expected minor versions to match when constraint major version is 0`;
  }
  if (c.con.minor === 0n && v.minor > 0n) return `${v.toString()} does not have same minor version as ${c.orig}`;
  return c.con.patch === v.patch
    ? null
    : `${v.toString()} does not equal ${c.orig}. Expect version and constraint to equal when major and minor versions are 0`;
}
