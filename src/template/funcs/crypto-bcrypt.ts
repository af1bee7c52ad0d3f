/**
 * bcrypt as golang.org/x/crypto/bcrypt (v0.36) computes it: `$2a$`, eksblowfish with the key's trailing
 * NUL, 23 of the 24 cipher bytes encoded in bcrypt's base64 alphabet. Blowfish's initial P-array and
 * S-boxes are the hexadecimal digits of π, computed here once instead of tabulated.
 */
import { secureRandomBytes } from './secure-random.ts';

const WORDS = 18 + 4 * 256;

/** The first 1042 32-bit words of π's fractional part (Blowfish's P-array then S-boxes). */
function piWords(): Uint32Array {
  const bits = BigInt(WORDS * 32 + 64);
  const one = 1n << bits;
  const arctanInv = (x: bigint): bigint => {
    let sum = 0n;
    let term = one / x;
    const x2 = x * x;
    for (let k = 0n; term !== 0n; k++) {
      const t = term / (2n * k + 1n);
      sum += k % 2n === 0n ? t : -t;
      term /= x2;
    }
    return sum;
  };
  const pi = 16n * arctanInv(5n) - 4n * arctanInv(239n);
  let frac = (pi - 3n * one) >> 64n; // drop the guard bits
  const out = new Uint32Array(WORDS);
  for (let i = WORDS - 1; i >= 0; i--) {
    out[i] = Number(frac & 0xffffffffn);
    frac >>= 32n;
  }
  return out;
}

let PI: Uint32Array | undefined;

class Blowfish {
  readonly p: Uint32Array;
  readonly s: Uint32Array;
  constructor() {
    PI ??= piWords();
    this.p = PI.slice(0, 18);
    this.s = PI.slice(18);
  }

  encrypt(l: number, r: number): [number, number] {
    const p = this.p;
    const s = this.s;
    let xl = l ^ (p[0] as number);
    let xr = r;
    for (let i = 1; i <= 16; i += 2) {
      xr ^= ((((s[xl >>> 24] as number) + (s[256 | ((xl >>> 16) & 0xff)] as number)) ^ (s[512 | ((xl >>> 8) & 0xff)] as number)) +
        (s[768 | (xl & 0xff)] as number)) ^ (p[i] as number);
      xl ^= ((((s[xr >>> 24] as number) + (s[256 | ((xr >>> 16) & 0xff)] as number)) ^ (s[512 | ((xr >>> 8) & 0xff)] as number)) +
        (s[768 | (xr & 0xff)] as number)) ^ (p[i + 1] as number);
    }
    xr ^= p[17] as number;
    return [xr >>> 0, xl >>> 0];
  }
}

function nextWord(b: Uint8Array, pos: { j: number }): number {
  let w = 0;
  for (let i = 0; i < 4; i++) {
    w = (w << 8) | (b[pos.j] as number);
    pos.j = (pos.j + 1) % b.length;
  }
  return w >>> 0;
}

function expandKey(key: Uint8Array, c: Blowfish, salt?: Uint8Array): void {
  const kp = { j: 0 };
  for (let i = 0; i < 18; i++) c.p[i] = ((c.p[i] as number) ^ nextWord(key, kp)) >>> 0;
  const sp = { j: 0 };
  let l = 0;
  let r = 0;
  const fill = (arr: Uint32Array, n: number): void => {
    for (let i = 0; i < n; i += 2) {
      if (salt) {
        l ^= nextWord(salt, sp);
        r ^= nextWord(salt, sp);
      }
      [l, r] = c.encrypt(l, r);
      arr[i] = l;
      arr[i + 1] = r;
    }
  };
  fill(c.p, 18);
  fill(c.s, 1024);
}

const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const STD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function bcryptBase64(b: Uint8Array): string {
  const std = Buffer.from(b).toString('base64').replace(/=+$/, '');
  let out = '';
  for (const ch of std) out += BCRYPT_ALPHABET[STD_ALPHABET.indexOf(ch)];
  return out;
}

const MAGIC = new TextEncoder().encode('OrpheanBeholderScryDoubt');

/** Thrown for inputs Go's bcrypt rejects. */
export class BcryptError extends Error {}

/** The 23-byte hash and encodings for `password` with raw 16-byte `salt` and `cost` (exported for tests). */
export function bcryptHash(password: Uint8Array, cost: number, salt: Uint8Array): string {
  if (password.length > 72) throw new BcryptError('bcrypt: password length exceeds 72 bytes');
  if (cost < 4) cost = 10;
  if (cost > 31) throw new BcryptError(`crypto/bcrypt: cost ${cost} is outside allowed inclusive range 4..31`);
  const ckey = new Uint8Array(password.length + 1);
  ckey.set(password);
  const c = new Blowfish();
  expandKey(ckey, c, salt);
  const rounds = 2 ** cost;
  for (let i = 0; i < rounds; i++) {
    expandKey(ckey, c);
    expandKey(salt, c);
  }
  const data = new DataView(MAGIC.slice().buffer);
  for (let i = 0; i < 24; i += 8) {
    let l = data.getUint32(i);
    let r = data.getUint32(i + 4);
    for (let j = 0; j < 64; j++) [l, r] = c.encrypt(l, r);
    data.setUint32(i, l);
    data.setUint32(i + 4, r);
  }
  const hash = new Uint8Array(data.buffer).subarray(0, 23);
  return `$2a$${String(cost).padStart(2, '0')}$${bcryptBase64(salt)}${bcryptBase64(hash)}`;
}

/** bcrypt.GenerateFromPassword(password, cost) with a random salt. */
export function generateFromPassword(password: Uint8Array, cost = 10): string {
  return bcryptHash(password, cost, secureRandomBytes(16));
}

/** Decodes bcrypt's base64 (as in a hash's 22-character salt) to bytes. */
export function decodeBcryptBase64(s: string): Uint8Array {
  let std = '';
  for (const ch of s) std += STD_ALPHABET[BCRYPT_ALPHABET.indexOf(ch)];
  return new Uint8Array(Buffer.from(std, 'base64'));
}
