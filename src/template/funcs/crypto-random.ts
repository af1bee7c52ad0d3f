/** Sprig v3.3.0's randBytes (crypto/rand, base64) and uuidv4 (github.com/google/uuid). */
import { secureRandomBytes, secureRandomUUID } from './secure-random.ts';
import { def, GoFuncError, type FuncDef } from '../value.ts';

export const randomCryptoFuncs: Record<string, FuncDef> = {
  randBytes: def(['int'], 'string', ([n]) => {
    const count = n as bigint;
    // make([]byte, count) panics for a negative length
    if (count < 0n) throw new Error('runtime error: makeslice: len out of range');
    if (count > 1n << 30n) throw new GoFuncError('runtime: out of memory');
    return Buffer.from(secureRandomBytes(Number(count))).toString('base64');
  }, { returnsError: true }),
  uuidv4: def([], 'string', () => secureRandomUUID()),
};
