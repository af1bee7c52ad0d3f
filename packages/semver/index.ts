/** Masterminds/semver v3 (v3.3.0) in TypeScript: versions, ordering and constraints. */
export {
  Version,
  SemverError,
  parseVersion,
  parseStrictVersion,
  comparePrerelease,
  ERR_INVALID_SEMVER,
  ERR_EMPTY_STRING,
  ERR_INVALID_CHARACTERS,
  ERR_SEGMENT_STARTS_ZERO,
  ERR_INVALID_METADATA,
  ERR_INVALID_PRERELEASE,
} from './version.ts';
export { Constraint, parseConstraint } from './constraint.ts';
