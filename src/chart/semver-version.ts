/**
 * Version parsing as Masterminds/semver v3.3.0 `NewVersion` does it (the loose form Helm uses to
 * validate `version:` in Chart.yaml). Constraint checking is not done here: it is injected by the
 * caller (see `ChartHooks.isCompatibleRange`), since the template layer owns the semver port.
 */

const VERSION_RE =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

const UINT64_MAX = (1n << 64n) - 1n;

function segmentOk(s: string | undefined): boolean {
  if (s === undefined || s === '') return true;
  return BigInt(s.replace(/^\./, '')) <= UINT64_MAX;
}

/** Whether Masterminds' semver.NewVersion accepts `v`. */
export function isValidSemver(v: string): boolean {
  const m = VERSION_RE.exec(v);
  if (!m) return false;
  if (!segmentOk(m[1]) || !segmentOk(m[2]) || !segmentOk(m[3])) return false;
  const pre = m[5];
  if (pre) {
    for (const p of pre.split('.')) {
      if (/^[0-9]+$/.test(p) && p.length > 1 && p[0] === '0') return false;
    }
  }
  return true;
}
