/**
 * Sprig v3.3.0's encryptAES / decryptAES: AES-256-CBC, key = the password's bytes zero-padded (or cut)
 * to 32, PKCS#7 padding, random IV prepended, standard base64. decryptAES strips as many bytes as the
 * last byte says without checking them, and panics where Go's slicing does.
 */
import { nodeCrypto } from './node-builtins.ts';
import { def, GoFuncError, type FuncDef } from '../value.ts';
import { base64Decode } from './encoding.ts';

function aesKey(password: string): Buffer {
  const key = Buffer.alloc(32);
  Buffer.from(password, 'utf8').copy(key, 0, 0, 32);
  return key;
}

export function encryptAES(password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const iv = nodeCrypto().randomBytes(16);
  const c = nodeCrypto().createCipheriv('aes-256-cbc', aesKey(password), iv);
  return Buffer.concat([iv, c.update(plaintext, 'utf8'), c.final()]).toString('base64');
}

export function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  let crypt: Uint8Array;
  try {
    crypt = base64Decode(new TextEncoder().encode(crypt64));
  } catch (e) {
    throw new GoFuncError((e as Error).message);
  }
  if (crypt.length < 16) throw new Error(`runtime error: slice bounds out of range [:16] with capacity ${crypt.length}`);
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new Error('crypto/cipher: input not full blocks');
  const d = nodeCrypto().createDecipheriv('aes-256-cbc', aesKey(password), crypt.subarray(0, 16));
  d.setAutoPadding(false);
  const out = Buffer.concat([d.update(body), d.final()]);
  if (out.length === 0) throw new Error('runtime error: index out of range [-1]');
  const end = out.length - (out[out.length - 1] as number);
  if (end < 0) throw new Error(`runtime error: slice bounds out of range [:${end}]`);
  return out.subarray(0, end).toString('utf8');
}

export const aesFuncs: Record<string, FuncDef> = {
  encryptAES: def(['string', 'string'], 'string', ([p, t]) => encryptAES(p as string, t as string), { returnsError: true }),
  decryptAES: def(['string', 'string'], 'string', ([p, c]) => decryptAES(p as string, c as string), { returnsError: true }),
};
