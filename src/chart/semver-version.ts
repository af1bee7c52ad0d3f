/** Whether Masterminds' semver.NewVersion accepts a version (Helm's check of `version:` in Chart.yaml). */
import { parseVersion } from '@capstan/semver';

export function isValidSemver(v: string): boolean {
  try {
    parseVersion(v);
    return true;
  } catch {
    return false;
  }
}
