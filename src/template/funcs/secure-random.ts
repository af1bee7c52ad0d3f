/**
 * Cryptographically secure random numbers for the random template functions (randAlphaNum, randBytes,
 * uuidv4, …), as Go's crypto/rand gives them. On Linux the bytes come straight from /dev/urandom, the
 * kernel generator Go reads too (through getrandom(2)), in 4 KiB blocks: loading node:crypto only for
 * them costs about 4 ms, a large share of a `capstan template` run that makes one password. Elsewhere,
 * or once node:crypto is loaded anyway, node:crypto's randomBytes.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { cryptoLoaded, nodeCrypto } from './node-builtins.ts';

const BLOCK = 4096;
let pool: Uint8Array = new Uint8Array(0);
let used = 0;
let urandom: boolean | undefined;

function fromDevice(n: number): Uint8Array | undefined {
  if (urandom === false || process.platform !== 'linux') return undefined;
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      const buf = new Uint8Array(Math.max(n, BLOCK));
      let off = 0;
      while (off < buf.length) {
        const r = readSync(fd, buf, off, buf.length - off, null);
        if (r <= 0) throw new Error('short read from /dev/urandom');
        off += r;
      }
      urandom = true;
      return buf;
    } finally {
      closeSync(fd);
    }
  } catch {
    urandom = false;
    return undefined;
  }
}

/** `n` random bytes, each byte handed out once. */
export function secureRandomBytes(n: number): Uint8Array {
  if (n <= pool.length - used) {
    const out = pool.slice(used, used + n);
    used += n;
    return out;
  }
  if (!cryptoLoaded()) {
    const block = fromDevice(n);
    if (block !== undefined) {
      pool = block;
      used = n;
      return block.slice(0, n);
    }
  }
  return new Uint8Array(nodeCrypto().randomBytes(n));
}

/** A uniformly random integer in [0, max), 0 < max ≤ 2^48 (node:crypto's randomInt range), by rejection. */
export function secureRandomInt(max: number): number {
  if (!Number.isSafeInteger(max) || max <= 0 || max > 2 ** 48) throw new RangeError(`secureRandomInt: max out of range: ${max}`);
  const bytes = max <= 2 ** 32 ? 4 : 6;
  const range = 2 ** (8 * bytes);
  const limit = range - (range % max);
  for (;;) {
    const b = secureRandomBytes(bytes);
    let v = 0;
    for (const x of b) v = v * 256 + x;
    if (v < limit) return v % max;
  }
}

/** A version 4 UUID (RFC 4122), as github.com/google/uuid's NewRandom. */
export function secureRandomUUID(): string {
  const b = secureRandomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Buffer.from(b).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
