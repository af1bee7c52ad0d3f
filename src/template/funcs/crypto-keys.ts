/**
 * Private keys as sprig's crypto.go handles them: genPrivateKey's generation (RSA 4096, DSA L2048N256,
 * ECDSA P-256, Ed25519), pemBlockForKey's encodings (PKCS#1, sprig's DSA structure, SEC 1, PKCS#8) and
 * parsePrivateKeyPEM with Go's error texts. Keys are node:crypto KeyObjects (DSA keys keep their numbers,
 * as Go cannot sign with them anyway).
 */
import { nodeCrypto } from './node-builtins.ts';
import type { KeyObject } from 'node:crypto';
import { children, integer, parseDer, seq, toBigInt, oidString, DerError, TAG, type Node } from './crypto-der.ts';
import { pemDecode, pemEncode } from './crypto-pem.ts';

export interface DsaNumbers {
  p: bigint;
  q: bigint;
  g: bigint;
  y: bigint;
  x: bigint;
}

/** A private key of one of the kinds Go's x509 parsers return. */
export type PrivateKey =
  | { kind: 'rsa' | 'ecdsa' | 'ed25519' | 'x25519'; key: KeyObject }
  | { kind: 'dsa'; dsa: DsaNumbers };

/** Go's %T of the key, for error texts. */
export function keyTypeName(k: PrivateKey): string {
  switch (k.kind) {
    case 'rsa': return '*rsa.PrivateKey';
    case 'ecdsa': return '*ecdsa.PrivateKey';
    case 'ed25519': return 'ed25519.PrivateKey';
    case 'x25519': return '*ecdh.PrivateKey';
    case 'dsa': return '*dsa.PrivateKey';
  }
}

/** Go's %T of the key's public half. */
export function publicKeyTypeName(k: PrivateKey): string {
  switch (k.kind) {
    case 'rsa': return '*rsa.PublicKey';
    case 'ecdsa': return '*ecdsa.PublicKey';
    case 'ed25519': return 'ed25519.PublicKey';
    case 'x25519': return '*ecdh.PublicKey';
    case 'dsa': return '*dsa.PublicKey';
  }
}

function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}

const toU8 = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** DSA numbers of a node DSA key (from its PKCS#8 encoding). */
function dsaNumbers(key: KeyObject): DsaNumbers {
  const der = toU8(key.export({ format: 'der', type: 'pkcs8' }));
  const top = children(parseDer(der));
  const alg = children(top[1] as Node);
  const params = children(alg[1] as Node).map(toBigInt) as [bigint, bigint, bigint];
  const x = toBigInt(parseDer((top[2] as Node).content));
  const [p, q, g] = params;
  return { p, q, g, y: modPow(g, x, p), x };
}

/** sprig's generatePrivateKey: the PEM text, or sprig's message for an unknown type. */
export function generatePrivateKey(typ: string): string {
  switch (typ) {
    case '': case 'rsa':
      return pemForKey({ kind: 'rsa', key: nodeCrypto().generateKeyPairSync('rsa', { modulusLength: 4096 }).privateKey });
    case 'dsa': {
      const { privateKey } = nodeCrypto().generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 });
      return pemForKey({ kind: 'dsa', dsa: dsaNumbers(privateKey) });
    }
    case 'ecdsa':
      return pemForKey({ kind: 'ecdsa', key: nodeCrypto().generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey });
    case 'ed25519':
      return pemForKey({ kind: 'ed25519', key: nodeCrypto().generateKeyPairSync('ed25519').privateKey });
    default:
      return `Unknown type ${typ}`;
  }
}

/** A fresh RSA key as sprig's certificate functions make (2048 bits). */
export function generateRsa2048(): PrivateKey {
  return { kind: 'rsa', key: nodeCrypto().generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey };
}

/** pemBlockForKey + pem.EncodeToMemory. */
export function pemForKey(k: PrivateKey): string {
  switch (k.kind) {
    case 'rsa':
      return pemEncode('RSA PRIVATE KEY', toU8(k.key.export({ format: 'der', type: 'pkcs1' })));
    case 'dsa': {
      const d = k.dsa;
      return pemEncode('DSA PRIVATE KEY', seq(integer(0n), integer(d.p), integer(d.q), integer(d.g), integer(d.y), integer(d.x)));
    }
    case 'ecdsa':
      return pemEncode('EC PRIVATE KEY', toU8(k.key.export({ format: 'der', type: 'sec1' })));
    default:
      return pemEncode('PRIVATE KEY', toU8(k.key.export({ format: 'der', type: 'pkcs8' })));
  }
}

/** The DER SubjectPublicKeyInfo of a key (undefined for DSA, which Go's x509 cannot marshal). */
export function spkiOf(k: PrivateKey): Uint8Array | undefined {
  if (k.kind === 'dsa') return undefined;
  return toU8(nodeCrypto().createPublicKey(k.key).export({ format: 'der', type: 'spki' }));
}

/** A parse failure with Go's message. */
export class KeyError extends Error {}

const EC_CURVES: Record<string, string> = {
  '1.3.132.0.33': 'P-224',
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};

function tryImport(der: Uint8Array, type: 'pkcs1' | 'pkcs8' | 'sec1'): KeyObject | undefined {
  try {
    return nodeCrypto().createPrivateKey({ key: Buffer.from(der), format: 'der', type });
  } catch {
    return undefined;
  }
}

/** Looks like (parses as) the outer structure of a PKCS#8 key. */
function isPkcs8(der: Uint8Array): boolean {
  try {
    const c = children(parseDer(der));
    return c.length >= 3 && c[0]?.tag === TAG.INTEGER && c[1]?.tag === TAG.SEQUENCE && c[2]?.tag === TAG.OCTET_STRING;
  } catch {
    return false;
  }
}

function isSec1(der: Uint8Array): boolean {
  try {
    const c = children(parseDer(der));
    return c.length >= 2 && c[0]?.tag === TAG.INTEGER && c[1]?.tag === TAG.OCTET_STRING;
  } catch {
    return false;
  }
}

function parsePkcs1(der: Uint8Array): PrivateKey {
  const key = tryImport(der, 'pkcs1');
  if (key) return { kind: 'rsa', key };
  if (isSec1(der) && !isPkcs8(der)) throw new KeyError('x509: failed to parse private key (use ParseECPrivateKey instead for this key format)');
  if (isPkcs8(der)) throw new KeyError('x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)');
  throw new KeyError('asn1: structure error: tags don\'t match');
}

function parseSec1(der: Uint8Array): PrivateKey {
  let curve: string | undefined;
  try {
    const c = children(parseDer(der));
    const params = c.find((n) => n.tag === 0xa0);
    if (params) curve = EC_CURVES[oidString(children(params)[0] as Node)];
    if (params && !curve) throw new KeyError('x509: unknown elliptic curve');
  } catch (e) {
    if (e instanceof KeyError) throw e;
  }
  const key = tryImport(der, 'sec1');
  if (key) return { kind: 'ecdsa', key };
  if (isPkcs8(der)) throw new KeyError('x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)');
  if (tryImport(der, 'pkcs1')) throw new KeyError('x509: failed to parse private key (use ParsePKCS1PrivateKey instead for this key format)');
  throw new KeyError('x509: failed to parse EC private key: asn1: structure error: tags don\'t match');
}

function parsePkcs8(der: Uint8Array): PrivateKey {
  let algo: string;
  try {
    const c = children(parseDer(der));
    algo = oidString(children(c[1] as Node)[0] as Node);
  } catch (e) {
    if (tryImport(der, 'sec1')) throw new KeyError('x509: failed to parse private key (use ParseECPrivateKey instead for this key format)');
    if (tryImport(der, 'pkcs1')) throw new KeyError('x509: failed to parse private key (use ParsePKCS1PrivateKey instead for this key format)');
    throw new KeyError(e instanceof DerError ? e.message : 'asn1: syntax error');
  }
  const kinds: Record<string, PrivateKey['kind']> = {
    '1.2.840.113549.1.1.1': 'rsa',
    '1.2.840.10045.2.1': 'ecdsa',
    '1.3.101.112': 'ed25519',
    '1.3.101.110': 'x25519',
  };
  const kind = kinds[algo];
  if (!kind || kind === 'dsa') {
    throw new KeyError(`x509: PKCS#8 wrapping contained private key with unknown algorithm: ${algo}`);
  }
  const key = tryImport(der, 'pkcs8');
  if (!key) {
    const what = { rsa: 'RSA', ecdsa: 'EC', ed25519: 'Ed25519', x25519: 'X25519' }[kind];
    throw new KeyError(kind === 'rsa' || kind === 'ecdsa'
      ? `x509: failed to parse ${what} private key embedded in PKCS#8: asn1: structure error`
      : `x509: invalid ${what} private key`);
  }
  return { kind, key };
}

function parseDsa(der: Uint8Array): PrivateKey {
  try {
    const c = children(parseDer(der));
    const [, p, q, g, y, x] = c.map(toBigInt) as [bigint, bigint, bigint, bigint, bigint, bigint];
    if (c.length < 6) throw new DerError('asn1: syntax error: sequence truncated');
    return { kind: 'dsa', dsa: { p, q, g, y, x } };
  } catch (e) {
    throw new KeyError(`parsing DSA private key from PEM: ${(e as Error).message}`);
  }
}

/** sprig's parsePrivateKeyPEM; throws KeyError with sprig's/Go's message. */
export function parsePrivateKeyPem(text: string): PrivateKey {
  const block = pemDecode(text);
  if (!block) throw new KeyError('no PEM data in input');
  if (block.type === 'PRIVATE KEY') {
    try {
      return parsePkcs8(block.bytes);
    } catch (e) {
      throw new KeyError(`decoding PEM as PKCS#8: ${(e as Error).message}`);
    }
  }
  if (!block.type.endsWith(' PRIVATE KEY')) throw new KeyError(`no private key data in PEM block of type ${block.type}`);
  switch (block.type.slice(0, -12)) {
    case 'RSA':
      try {
        return parsePkcs1(block.bytes);
      } catch (e) {
        throw new KeyError(`parsing RSA private key from PEM: ${(e as Error).message}`);
      }
    case 'EC':
      try {
        return parseSec1(block.bytes);
      } catch (e) {
        throw new KeyError(`parsing EC private key from PEM: ${(e as Error).message}`);
      }
    case 'DSA':
      return parseDsa(block.bytes);
    default:
      throw new KeyError(`invalid private key type ${block.type}`);
  }
}
