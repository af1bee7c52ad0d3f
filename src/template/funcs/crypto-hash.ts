/**
 * Sprig v3.3.0's digests: sha1sum, sha256sum, sha512sum (hex) and adler32sum (decimal), over UTF-8 bytes.
 *
 * Short inputs (the usual `checksum/config` annotation) are hashed by @noble/hashes while node:crypto is not
 * loaded: loading it takes about 4 ms, a large share of a `capstan template` run, where hashing a few
 * kilobytes in JavaScript takes well under one. Long inputs, and every input once node:crypto is loaded
 * (by another function), go to node:crypto.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { cryptoLoaded, nodeCrypto } from './node-builtins.ts';
import { def, type FuncDef } from '../value.ts';

const NODE_CRYPTO_FROM = 16 * 1024;
const NOBLE = { sha1, sha256, sha512 } as const;

const hex = (alg: keyof typeof NOBLE) => (s: string): string => {
  if (s.length >= NODE_CRYPTO_FROM || cryptoLoaded()) return nodeCrypto().createHash(alg).update(s, 'utf8').digest('hex');
  return bytesToHex(NOBLE[alg](new TextEncoder().encode(s)));
};

/** hash/adler32.Checksum */
export function adler32(data: Uint8Array): number {
  const MOD = 65521;
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length;) {
    // 5552 is the largest n with 255n(n+1)/2 + (n+1)(MOD-1) < 2^32 (zlib's NMAX)
    const end = Math.min(i + 5552, data.length);
    for (; i < end; i++) {
      a += data[i] as number;
      b += a;
    }
    a %= MOD;
    b %= MOD;
  }
  return ((b << 16) | a) >>> 0;
}

export const hashFuncs: Record<string, FuncDef> = {
  sha1sum: def(['string'], 'string', ([s]) => hex('sha1')(s as string)),
  sha256sum: def(['string'], 'string', ([s]) => hex('sha256')(s as string)),
  sha512sum: def(['string'], 'string', ([s]) => hex('sha512')(s as string)),
  adler32sum: def(['string'], 'string', ([s]) => String(adler32(new TextEncoder().encode(s as string)))),
};
