/** Sprig v3.3.0's bcrypt, htpasswd and derivePassword (the Master Password algorithm, scrypt-based). */
import { nodeCrypto } from './node-builtins.ts';
import { def, GoNumber, type FuncDef } from '../value.ts';
import { BcryptError, generateFromPassword } from './crypto-bcrypt.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function bcrypt(input: string): string {
  try {
    return generateFromPassword(utf8(input), 10);
  } catch (e) {
    if (e instanceof BcryptError) return `failed to encrypt string with bcrypt: ${e.message}`;
    throw e;
  }
}

function htpasswd(username: string, password: string): string {
  if (username.includes(':')) return `invalid username: ${username}`;
  return `${username}:${bcrypt(password)}`;
}

const MASTER_PASSWORD_SEED = 'com.lyndir.masterpassword';

const PASSWORD_TYPE_TEMPLATES: Record<string, readonly string[]> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: [
    'CvcvnoCvcvCvcv', 'CvcvCvcvnoCvcv', 'CvcvCvcvCvcvno', 'CvccnoCvcvCvcv', 'CvccCvcvnoCvcv',
    'CvccCvcvCvcvno', 'CvcvnoCvccCvcv', 'CvcvCvccnoCvcv', 'CvcvCvccCvcvno', 'CvcvnoCvcvCvcc',
    'CvcvCvcvnoCvcc', 'CvcvCvcvCvccno', 'CvccnoCvccCvcv', 'CvccCvccnoCvcv', 'CvccCvccCvcvno',
    'CvcvnoCvccCvcc', 'CvcvCvccnoCvcc', 'CvcvCvccCvccno', 'CvccnoCvcvCvcc', 'CvccCvcvnoCvcc',
    'CvccCvcvCvccno',
  ],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};

const TEMPLATE_CHARACTERS: Record<string, string> = {
  V: 'AEIOU',
  C: 'BCDFGHJKLMNPQRSTVWXYZ',
  v: 'aeiou',
  c: 'bcdfghjklmnpqrstvwxyz',
  A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz',
  n: '0123456789',
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};

function be32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n >>> 0);
  return b;
}

function cat(...parts: Uint8Array[]): Buffer {
  return Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)));
}

/** derivePassword(counter, passwordType, password, user, site) — byte-exact with sprig. */
export function derivePassword(counter: number, passwordType: string, password: string, user: string, site: string): string {
  const templates = Object.hasOwn(PASSWORD_TYPE_TEMPLATES, passwordType) ? PASSWORD_TYPE_TEMPLATES[passwordType] : undefined;
  if (!templates) return `cannot find password template ${passwordType}`;
  const seed = utf8(MASTER_PASSWORD_SEED);
  const userB = utf8(user);
  const siteB = utf8(site);
  const salt = cat(seed, be32(userB.length), userB);
  const key = nodeCrypto().scryptSync(Buffer.from(utf8(password)), salt, 64, { N: 32768, r: 8, p: 2, maxmem: 256 * 1024 * 1024 });
  const mac = nodeCrypto().createHmac('sha256', key).update(cat(seed, be32(siteB.length), siteB, be32(counter))).digest();
  const tmpl = templates[(mac[0] as number) % templates.length] as string;
  let out = '';
  for (let i = 0; i < tmpl.length; i++) {
    const chars = TEMPLATE_CHARACTERS[tmpl[i] as string] as string;
    out += chars[(mac[i + 1] as number) % chars.length];
  }
  return out;
}

export const passwordFuncs: Record<string, FuncDef> = {
  bcrypt: def(['string'], 'string', ([s]) => bcrypt(s as string)),
  htpasswd: def(['string', 'string'], 'string', ([u, p]) => htpasswd(u as string, p as string)),
  derivePassword: def(['uint32', 'string', 'string', 'string', 'string'], 'string', ([c, t, p, u, s]) => {
    const counter = c instanceof GoNumber ? Number(c.value) : Number(c);
    return derivePassword(counter, t as string, p as string, u as string, s as string);
  }),
};
