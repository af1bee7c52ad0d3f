/**
 * Natural ("version-aware") order, used by the `glob` and `regex` policies, which Flux v1 ordered by image
 * creation time and Flux v2 does not have. A tag is split into runs of ASCII digits and runs of anything else;
 * runs are compared pairwise: two digit runs by their numeric value (any length: `10` > `9`,
 * `20240102` > `20231231`), anything else by UTF-16 code units; a tag that is a prefix of the other (in runs)
 * sorts first. Equal tags by that measure (`v01` and `v1`) fall back to plain code-unit order, so the order is
 * total and deterministic.
 *
 * Known limit, by design: `1.0.0-rc.1` sorts after `1.0.0` (it has more runs). Use the `semver` policy for
 * semantic versions with pre-releases.
 */

const RUN = /[0-9]+|[^0-9]+/g;

function runs(s: string): string[] {
  return s.match(RUN) ?? [];
}

function isDigits(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two digit runs by value without converting them to numbers (no precision limit). */
function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  return x.length !== y.length ? x.length - y.length : compareCodeUnits(x, y);
}

/** Negative when `a` sorts before `b`, positive after, 0 only for identical strings. */
export function compareNatural(a: string, b: string): number {
  const ra = runs(a);
  const rb = runs(b);
  const n = Math.min(ra.length, rb.length);
  for (let i = 0; i < n; i++) {
    const x = ra[i] as string;
    const y = rb[i] as string;
    const d = isDigits(x) && isDigits(y) ? compareDigits(x, y) : compareCodeUnits(x, y);
    if (d !== 0) return Math.sign(d);
  }
  if (ra.length !== rb.length) return ra.length < rb.length ? -1 : 1;
  return compareCodeUnits(a, b);
}
