/**
 * Sprig v3.3.0's crypto.go as Helm 3.17 exposes it: digests, bcrypt/htpasswd/derivePassword, private
 * keys and certificates, AES, randBytes and uuidv4.
 */
import type { FuncDef } from '../value.ts';
import { aesFuncs } from './crypto-aes.ts';
import { certFuncs } from './crypto-cert.ts';
import { hashFuncs } from './crypto-hash.ts';
import { generatePrivateKey } from './crypto-keys.ts';
import { passwordFuncs } from './crypto-password.ts';
import { randomCryptoFuncs } from './crypto-random.ts';
import { def } from '../value.ts';

export const cryptoFuncs: Record<string, FuncDef> = {
  ...hashFuncs,
  ...passwordFuncs,
  genPrivateKey: def(['string'], 'string', ([t]) => generatePrivateKey(t as string)),
  ...certFuncs,
  ...aesFuncs,
  ...randomCryptoFuncs,
};
