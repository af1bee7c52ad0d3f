/**
 * Durations as Flux writes them (`metav1.Duration`, restricted to ms/s/m/h the way Flux's CRDs are: `1m`, `1h30m`,
 * `2.5s`), and operation timeouts that also take Flux v1's integer seconds (`timeout: 300`).
 */
import { z } from 'zod';

export const durationPattern = /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/;

const durationMessage = 'must be a duration such as 30s, 5m or 1h30m (units ms, s, m, h)';

/** A Go duration string such as `5m0s`. */
export const Duration = z.string().regex(durationPattern, { message: durationMessage });

/**
 * An operation timeout: a duration string, or an integer number of seconds as Flux v1 wrote it. Parsing turns
 * the integer form into a duration string (`300` → `300s`), so consumers only ever see strings. In the CRD it is
 * `x-kubernetes-int-or-string`.
 */
export const Timeout = z
  .union([z.int().min(0), Duration])
  .meta({
    'x-kubernetes-validations': [{
      rule: `type(self) == int ? self >= 0 : self.matches(r'${durationPattern.source}')`,
      message: `${durationMessage}, or a number of seconds`,
    }],
  })
  .transform((v) => (typeof v === 'number' ? `${v}s` : v));

const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds in a duration string that matched `durationPattern` (`1h30m` → 5400000); throws on anything else. */
export function durationMs(d: string): number {
  if (!durationPattern.test(d)) throw new RangeError(`invalid duration ${JSON.stringify(d)}: ${durationMessage}`);
  let ms = 0;
  for (const m of d.matchAll(/([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)/g)) ms += Number(m[1]) * (unitMs[m[2] ?? ''] ?? 0);
  return Math.round(ms);
}
