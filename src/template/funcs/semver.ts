/**
 * Sprig v3.3.0's semver.go: `semver` (a *semver.Version from Masterminds/semver v3.3.0) and
 * `semverCompare` (constraint check), on the implementation in ../semver.
 */
import { parseConstraint, parseVersion, SemverError, type Version } from '../semver/index.ts';
import { def, GoFuncError, GoNumber, GoStruct, type FuncDef, type GoMethods, type GoValue } from '../value.ts';
import { valueReceivers } from './receiver.ts';

const PTR = '*semver.Version';

/** A semver.Version template value (`pointer` for the *semver.Version that `semver` returns). */
export class GoSemver extends GoStruct {
  readonly version: Version;
  constructor(v: Version, pointer: boolean) {
    super({
      typeName: 'semver.Version',
      pointer,
      fields: new Map<string, GoValue>([
        ['major', new GoNumber('uint64', v.major)],
        ['minor', new GoNumber('uint64', v.minor)],
        ['patch', new GoNumber('uint64', v.patch)],
        ['pre', v.pre],
        ['metadata', v.metadata],
        ['original', v.original],
      ]),
      methods: versionMethods(v, pointer),
      json: () => v.toString(),
    });
    this.version = v;
  }
}

function other(v: GoValue): Version {
  if (v instanceof GoSemver && v.pointer) return v.version;
  // a nil *Version: Go dereferences it and panics
  throw new Error('runtime error: invalid memory address or nil pointer dereference');
}

function wrapErr<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof SemverError) throw new GoFuncError(e.message);
    throw e;
  }
}

/** The method set: value receivers for semver.Version, plus the pointer ones (unmarked) for *semver.Version. */
function versionMethods(v: Version, pointer: boolean): GoMethods {
  const u64 = (n: bigint): GoNumber => new GoNumber('uint64', n);
  const value: Record<string, FuncDef> = valueReceivers({
    String: def([], 'string', () => v.toString()),
    Major: def([], 'uint64', () => u64(v.major)),
    Minor: def([], 'uint64', () => u64(v.minor)),
    Patch: def([], 'uint64', () => u64(v.patch)),
    Prerelease: def([], 'string', () => v.pre),
    Metadata: def([], 'string', () => v.metadata),
    IncPatch: def([], 'semver.Version', () => new GoSemver(v.incPatch(), false)),
    IncMinor: def([], 'semver.Version', () => new GoSemver(v.incMinor(), false)),
    IncMajor: def([], 'semver.Version', () => new GoSemver(v.incMajor(), false)),
    SetPrerelease: def(['string'], 'semver.Version',
      ([p]) => wrapErr(() => new GoSemver(v.setPrerelease(p as string), false)), { returnsError: true }),
    SetMetadata: def(['string'], 'semver.Version',
      ([m]) => wrapErr(() => new GoSemver(v.setMetadata(m as string), false)), { returnsError: true }),
  });
  if (!pointer) return value;
  return {
    ...value,
    Original: def([], 'string', () => v.original),
    LessThan: def([PTR], 'bool', ([o]) => v.compare(other(o)) < 0),
    LessThanEqual: def([PTR], 'bool', ([o]) => v.compare(other(o)) <= 0),
    GreaterThan: def([PTR], 'bool', ([o]) => v.compare(other(o)) > 0),
    GreaterThanEqual: def([PTR], 'bool', ([o]) => v.compare(other(o)) >= 0),
    Equal: def([PTR], 'bool', ([o]) => (o instanceof GoSemver && o.pointer ? v.compare(o.version) === 0 : false)),
    Compare: def([PTR], 'int', ([o]) => BigInt(v.compare(other(o)))),
  };
}

export const semverFuncs: Record<string, FuncDef> = {
  semver: def(['string'], PTR, ([s]) => wrapErr(() => new GoSemver(parseVersion(s as string), true)), {
    returnsError: true,
  }),
  semverCompare: def(['string', 'string'], 'bool', ([c, s]) => wrapErr(() => {
    const con = parseConstraint(c as string);
    return con.check(parseVersion(s as string));
  }), { returnsError: true }),
};
