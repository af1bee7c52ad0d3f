/**
 * Request verification with constant-time comparison: HMAC signatures (`sha256=<hex>`) over the raw body,
 * and shared tokens compared through their digests so that neither content nor length leaks by timing.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type Verdict = 'ok' | 'missing' | 'invalid';

const ALGORITHMS: Readonly<Record<string, string>> = { sha256: 'sha256', sha512: 'sha512' };

/**
 * Checks `header` (`<alg>=<hex>`, alg `sha256` or `sha512`, or only those listed in `allowed`) against the
 * HMAC of `body` keyed by `key`.
 */
export function verifyHmac(body: Uint8Array, header: string | undefined, key: Uint8Array, allowed: readonly string[] = ['sha256', 'sha512']): Verdict {
  if (header === undefined || header.trim() === '') return 'missing';
  const m = /^([a-z0-9]+)=([0-9a-fA-F]+)$/.exec(header.trim());
  if (!m) return 'invalid';
  const alg = ALGORITHMS[m[1] ?? ''];
  if (alg === undefined || !allowed.includes(alg)) return 'invalid';
  const given = Buffer.from(m[2] ?? '', 'hex');
  const want = createHmac(alg, key).update(body).digest();
  return given.length === want.length && timingSafeEqual(given, want) ? 'ok' : 'invalid';
}

/** Compares a presented token with the expected one in constant time. */
export function verifyToken(presented: string | undefined, expected: Uint8Array): Verdict {
  if (presented === undefined || presented === '') return 'missing';
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) ? 'ok' : 'invalid';
}

/** `sha256=<hex>` for a body: what a sender puts in the signature header. */
export function signBody(body: Uint8Array | string, key: Uint8Array | string, alg: 'sha256' | 'sha512' = 'sha256'): string {
  return `${alg}=${createHmac(alg, key).update(body).digest('hex')}`;
}
