/**
 * Sprig v3.3.0 random functions: randAlphaNum/randAlpha/randNumeric/randAscii
 * (goutils.CryptoRandom* from github.com/Masterminds/goutils v1.1.1) and randInt
 * (math/rand.Intn). randBytes lives with the crypto functions.
 *
 * goutils draws characters uniformly from ' '..'z' (or 32..126 for randAscii) and rejects those
 * outside the class, so every character of the class is equally likely.
 */
import { secureRandomBytes, secureRandomInt } from './secure-random.ts';
import { def } from '../value.ts';
import type { FuncContext, FuncDef, GoValue } from '../value.ts';

/** make([]rune, count) panics past maxAlloc (1<<48 on amd64) / 4 bytes. */
const MAX_RUNES = 2n ** 46n;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** goutils.CryptoRandom(count, start, end, letters, numbers) restricted to ASCII ranges. */
function cryptoRandom(
  countArg: bigint,
  start: number,
  end: number,
  letters: boolean,
  numbers: boolean,
  ctx: FuncContext,
): string {
  // Sprig ignores the error for a negative count, returning "".
  if (countArg <= 0n) return '';
  if (countArg > MAX_RUNES) throw new Error('runtime error: makeslice: len out of range');
  const count = Number(countArg);
  ctx.charge(count);
  const gap = end - start;
  const out: string[] = [];
  while (out.length < count) {
    const ch = secureRandomInt(gap) + start;
    if ((letters && isLetter(ch)) || (numbers && isDigit(ch)) || (!letters && !numbers)) {
      out.push(String.fromCharCode(ch));
    }
  }
  return out.join('');
}

/** A uniformly random bigint in [0, n) for n > 0. */
function randomBelow(n: bigint): bigint {
  if (n <= 0xffffffffffffn) return BigInt(secureRandomInt(Number(n)));
  const bits = n.toString(2).length;
  const bytes = Math.ceil(bits / 8);
  const mask = (1n << BigInt(bits)) - 1n;
  for (;;) {
    const r = BigInt('0x' + Buffer.from(secureRandomBytes(bytes)).toString('hex')) & mask;
    if (r < n) return r;
  }
}

function randString(letters: boolean, numbers: boolean, start = 0, end = 0): FuncDef {
  return def(['int'], 'string', (a: GoValue[], ctx) => {
    const s = start === 0 && end === 0 ? 32 : start;
    const e = start === 0 && end === 0 ? 123 : end;
    return cryptoRandom(a[0] as bigint, s, e, letters, numbers, ctx);
  });
}

export const randomFuncs: Record<string, FuncDef> = {
  randAlphaNum: randString(true, true),
  randAlpha: randString(true, false),
  randNumeric: randString(false, true),
  randAscii: randString(false, false, 32, 127),
  /** func(min, max int) int { return rand.Intn(max-min) + min } */
  randInt: def(['int', 'int'], 'int', (a) => {
    const min = a[0] as bigint;
    const n = BigInt.asIntN(64, (a[1] as bigint) - min);
    if (n <= 0n) throw new Error('invalid argument to Intn');
    return BigInt.asIntN(64, randomBelow(n) + min);
  }),
};
