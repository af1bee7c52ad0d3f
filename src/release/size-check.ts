/**
 * A Secret holds at most 1 MiB of data. The encoded size is computed before any write; a release over the limit
 * is refused with an error naming its biggest parts, and nothing is written.
 */
import { ReleaseError } from './errors.ts';
import type { Release } from './model.ts';

export const secretDataLimit = 1024 * 1024;

function jsonSize(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v, (_k, x: unknown) => (x instanceof Uint8Array ? Buffer.from(x).toString('base64') : typeof x === 'bigint' ? x.toString() : x)) ?? '');
}

/** Throws ReleaseTooLarge when `encoded` (the base64 text stored in the Secret) exceeds the limit. */
export function checkReleaseSize(r: Release, encoded: string, limit = secretDataLimit): void {
  if (encoded.length <= limit) return;
  const parts: [string, number][] = [
    ['templates', jsonSize(r.chart?.templates ?? [])],
    ['files', jsonSize(r.chart?.files ?? [])],
    ['chart values', jsonSize(r.chart?.values ?? {})],
    ['schema', r.chart?.schema?.length ?? 0],
    ['values', jsonSize(r.config ?? {})],
    ['manifest', Buffer.byteLength(r.manifest ?? '')],
    ['hooks', jsonSize(r.hooks ?? [])],
  ];
  parts.sort((a, b) => b[1] - a[1]);
  const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  throw new ReleaseError('ReleaseTooLarge',
    `release ${r.name} revision ${r.version} is ${kib(encoded.length)} when encoded, over the ${kib(limit)} limit of a Secret; ` +
    `biggest parts before compression: ${parts.slice(0, 3).map(([n, s]) => `${n} ${kib(s)}`).join(', ')}`);
}
