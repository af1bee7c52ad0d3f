/**
 * X.509 certificate creation as Go 1.23's x509.CreateCertificate does it for sprig's templates:
 * same TBSCertificate fields, extension order and criticality, SubjectKeyId for CAs (SHA-1 of the
 * public key bits), AuthorityKeyId from the parent, string and time encodings of encoding/asn1.
 * Signing uses node:crypto. Also the few fields sprig needs from a parsed parent certificate.
 */
import { nodeCrypto } from './node-builtins.ts';
import { quote } from '@capstan/strconv';
import {
  bitString, boolean, children, contextTag, goString, goTime, integer, nullValue, octetString, oid, oidString,
  parseDer, seq, set, TAG, type Node,
} from './crypto-der.ts';
import { publicKeyTypeName, spkiOf, type PrivateKey } from './crypto-keys.ts';

export interface CertTemplate {
  serial: bigint;
  commonName: string;
  ipAddresses: Uint8Array[];
  dnsNames: string[];
  notBefore: number;
  notAfter: number;
  /** Go's x509.KeyUsage bits */
  keyUsage: number;
  isCA: boolean;
}

/** What CreateCertificate uses of the parent certificate. */
export interface ParentCert {
  rawSubject: Uint8Array;
  subjectKeyId: Uint8Array | undefined;
  spki: Uint8Array;
}

export const KEY_USAGE_DIGITAL_SIGNATURE = 1;
export const KEY_USAGE_KEY_ENCIPHERMENT = 4;
export const KEY_USAGE_CERT_SIGN = 32;

/** An error from CreateCertificate (Go's text). */
export class X509Error extends Error {}

const OID_SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const OID_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

function subjectBytes(cn: string): Uint8Array {
  if (cn.length === 0) return seq();
  return seq(set(seq(oid('2.5.4.3'), goString(cn))));
}

function reverseBits(b: number): number {
  let r = 0;
  for (let i = 0; i < 8; i++) if (b & (1 << i)) r |= 1 << (7 - i);
  return r;
}

function keyUsageExt(ku: number): Uint8Array {
  const a = [reverseBits(ku & 0xff), reverseBits((ku >> 8) & 0xff)];
  const bytes = Uint8Array.from(a[1] !== 0 ? a : [a[0] as number]);
  let unused = 0;
  const last = bytes[bytes.length - 1] as number;
  if (last === 0) unused = 0;
  else while (((last >> unused) & 1) === 0) unused++;
  return extension('2.5.29.15', true, bitString(bytes, unused));
}

function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical ? seq(oid(id), boolean(true), octetString(value)) : seq(oid(id), octetString(value));
}

/** The signature algorithm (AlgorithmIdentifier DER and node digest) for a signing key. */
function signingParams(k: PrivateKey): { algId: Uint8Array; digest: string | null } {
  if (k.kind === 'rsa') return { algId: seq(oid('1.2.840.113549.1.1.11'), nullValue()), digest: 'sha256' };
  if (k.kind === 'ed25519') return { algId: seq(oid('1.3.101.112')), digest: null };
  if (k.kind === 'ecdsa') {
    const curve = k.key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'secp384r1') return { algId: seq(oid('1.2.840.10045.4.3.3')), digest: 'sha384' };
    if (curve === 'secp521r1') return { algId: seq(oid('1.2.840.10045.4.3.4')), digest: 'sha512' };
    if (curve === 'prime256v1' || curve === 'secp224r1') return { algId: seq(oid('1.2.840.10045.4.3.2')), digest: 'sha256' };
    throw new X509Error('x509: unsupported elliptic curve');
  }
  throw new X509Error('x509: only RSA, ECDSA and Ed25519 keys supported');
}

/** The subjectPublicKey BIT STRING contents (without the unused-bits byte) of an SPKI. */
function publicKeyBits(spki: Uint8Array): Uint8Array {
  const bits = children(parseDer(spki))[1] as Node;
  return bits.content.subarray(1);
}

function isIA5(s: string): void {
  for (const ch of s) {
    if ((ch.codePointAt(0) as number) > 0x7f) throw new X509Error(`x509: ${quote(s)} cannot be encoded as an IA5String`);
  }
}

/**
 * x509.CreateCertificate(rand, template, parent, pub(signee), signer). `parent` undefined means
 * self-signed (parent is the template). Returns the DER certificate.
 */
export function createCertificate(tpl: CertTemplate, signee: PrivateKey, parent: ParentCert | undefined, signer: PrivateKey): Uint8Array {
  if (signer.kind === 'dsa' || signer.kind === 'x25519') {
    throw new X509Error('x509: certificate private key does not implement crypto.Signer');
  }
  const { algId, digest } = signingParams(signer);
  const spki = spkiOf(signee);
  if (!spki || signee.kind === 'x25519') throw new X509Error(`x509: unsupported public key type: ${publicKeyTypeName(signee)}`);
  const subject = subjectBytes(tpl.commonName);
  const issuer = parent ? parent.rawSubject : subject;
  const sameName = Buffer.from(issuer).equals(Buffer.from(subject));
  const authorityKeyId = !sameName && parent?.subjectKeyId && parent.subjectKeyId.length > 0 ? parent.subjectKeyId : undefined;
  const subjectKeyId = tpl.isCA ? new Uint8Array(nodeCrypto().createHash('sha1').update(publicKeyBits(spki)).digest()) : undefined;
  if (parent) {
    const signerSpki = spkiOf(signer) as Uint8Array;
    if (!Buffer.from(signerSpki).equals(Buffer.from(parent.spki))) {
      throw new X509Error("x509: provided PrivateKey doesn't match parent's PublicKey");
    }
  }

  const exts: Uint8Array[] = [];
  if (tpl.keyUsage !== 0) exts.push(keyUsageExt(tpl.keyUsage));
  exts.push(extension('2.5.29.37', false, seq(oid(OID_SERVER_AUTH), oid(OID_CLIENT_AUTH))));
  exts.push(extension('2.5.29.19', true, tpl.isCA ? seq(boolean(true)) : seq()));
  if (subjectKeyId) exts.push(extension('2.5.29.14', false, octetString(subjectKeyId)));
  if (authorityKeyId) exts.push(extension('2.5.29.35', false, seq(contextTag(0, authorityKeyId, false))));
  if (tpl.dnsNames.length > 0 || tpl.ipAddresses.length > 0) {
    const names: Uint8Array[] = [];
    for (const d of tpl.dnsNames) {
      isIA5(d);
      names.push(contextTag(2, new TextEncoder().encode(d), false));
    }
    for (const ip of tpl.ipAddresses) names.push(contextTag(7, ip, false));
    exts.push(extension('2.5.29.17', subject.length === 2, seq(...names)));
  }

  const tbs = seq(
    contextTag(0, integer(2n), true),
    integer(tpl.serial),
    algId,
    issuer,
    seq(goTime(tpl.notBefore), goTime(tpl.notAfter)),
    subject,
    spki,
    contextTag(3, seq(...exts), true),
  );
  const key = (signer as { key: Parameters<typeof import('node:crypto').sign>[2] }).key;
  const signature = new Uint8Array(nodeCrypto().sign(digest, tbs, key));
  return seq(tbs, algId, bitString(signature));
}

/** x509.ParseCertificate for what sprig needs; throws X509Error with a Go-like message. */
export function parseParentCert(der: Uint8Array): ParentCert {
  try {
    new (nodeCrypto().X509Certificate)(Buffer.from(der));
    const tbs = children(parseDer(der))[0] as Node;
    const f = children(tbs);
    let i = 0;
    if (f[0]?.tag === 0xa0) i++;
    const subject = f[i + 4] as Node;
    const spki = f[i + 5] as Node;
    let subjectKeyId: Uint8Array | undefined;
    const extsWrap = f.slice(i + 6).find((n) => n.tag === 0xa3);
    if (extsWrap) {
      for (const ext of children(children(extsWrap)[0] as Node)) {
        const parts = children(ext);
        if (oidString(parts[0] as Node) === '2.5.29.14') {
          const value = parts[parts.length - 1] as Node;
          const inner = parseDer(value.content);
          if (inner.tag === TAG.OCTET_STRING) subjectKeyId = inner.content;
        }
      }
    }
    // validate the key is one Go can parse
    nodeCrypto().createPublicKey({ key: Buffer.from(spki.full), format: 'der', type: 'spki' });
    return { rawSubject: subject.full, subjectKeyId, spki: spki.full };
  } catch (e) {
    if (e instanceof X509Error) throw e;
    throw new X509Error('x509: malformed certificate');
  }
}
