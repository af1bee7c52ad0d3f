/**
 * chartutil.IsCompatibleRange(constraint, version) with Masterminds/semver v3 (the workspace package
 * @capstan/semver, shared with the template, source and image layers).
 */
import { parseConstraint, parseVersion } from '@capstan/semver';

export function defaultIsCompatibleRange(constraint: string, version: string): boolean {
  try {
    return parseConstraint(constraint).check(parseVersion(version));
  } catch {
    return false;
  }
}
