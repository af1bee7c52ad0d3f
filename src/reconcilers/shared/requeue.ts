/** Requeue intervals with jitter, so that many objects with one interval do not reconcile in step. */

/** `ms` spread by ±`fraction` (default 5 %, Flux's `--interval-jitter-percentage`). */
export function withJitter(ms: number, fraction = 0.05, random: () => number = Math.random): number {
  const f = Math.min(Math.max(fraction, 0), 1);
  return Math.max(1, Math.round(ms * (1 + f * (2 * random() - 1))));
}
