/**
 * Sprig v3.3.0's certificate functions: genCA, genCAWithKey, genSelfSignedCert(WithKey),
 * genSignedCert(WithKey) and buildCustomCert. They return sprig's `certificate` struct
 * ({Cert, Key} PEM strings), modelled as a GoStruct of type `sprig.certificate`.
 */
import { nodeCrypto } from './node-builtins.ts';
import { sprint } from '../fmt/index.ts';
import { def, GoFuncError, GoStruct, type FuncDef, type GoValue } from '../value.ts';
import { base64Decode } from './encoding.ts';
import { parseIPForSAN } from './crypto-ip.ts';
import { generateRsa2048, parsePrivateKeyPem, pemForKey, KeyError, type PrivateKey } from './crypto-keys.ts';
import { pemDecode, pemEncode } from './crypto-pem.ts';
import {
  createCertificate, parseParentCert, KEY_USAGE_CERT_SIGN, KEY_USAGE_DIGITAL_SIGNATURE, KEY_USAGE_KEY_ENCIPHERMENT,
  X509Error, type CertTemplate, type ParentCert,
} from './crypto-x509.ts';

const CERT = 'sprig.certificate';
const LIST = '[]interface {}';

/** sprig's certificate struct value. */
export function certificateValue(cert: string, key: string): GoStruct {
  return new GoStruct({
    typeName: CERT,
    fields: new Map<string, GoValue>([['Cert', cert], ['Key', key]]),
    json: () => new Map<string, GoValue>([['Cert', cert], ['Key', key]]),
  });
}

function fail(message: string): never {
  throw new GoFuncError(message);
}

function getNetIPs(ips: GoValue): Uint8Array[] {
  if (!Array.isArray(ips)) return [];
  return ips.map((ip) => {
    if (typeof ip !== 'string') fail(`error parsing ip: ${sprint([ip])} is not a string`);
    const parsed = parseIPForSAN(ip);
    if (!parsed) fail(`error parsing ip: ${ip}`);
    return parsed;
  });
}

function getAlternateDNSStrs(names: GoValue): string[] {
  if (!Array.isArray(names)) return [];
  return names.map((n) => {
    if (typeof n !== 'string') fail(`error processing alternate dns name: ${sprint([n])} is not a string`);
    return n;
  });
}

const NANOS_PER_DAY = 86400n * 1000000000n;

/** getBaseCertTemplate */
function baseTemplate(cn: string, ips: GoValue, dns: GoValue, daysValid: bigint): CertTemplate {
  const ipAddresses = getNetIPs(ips);
  const dnsNames = getAlternateDNSStrs(dns);
  const serial = BigInt('0x' + nodeCrypto().randomBytes(16).toString('hex'));
  const now = Date.now() / 1000;
  // time.Hour * 24 * time.Duration(daysValid) wraps around int64 as Go's multiplication does
  const validNanos = BigInt.asIntN(64, NANOS_PER_DAY * daysValid);
  return {
    serial,
    commonName: cn,
    ipAddresses,
    dnsNames,
    notBefore: Math.floor(now),
    notAfter: Math.floor(now + Number(validNanos / 1000000000n)),
    keyUsage: KEY_USAGE_KEY_ENCIPHERMENT | KEY_USAGE_DIGITAL_SIGNATURE,
    isCA: false,
  };
}

/** getCertAndKey: PEM certificate and PEM key of the signee. */
function certAndKey(tpl: CertTemplate, signee: PrivateKey, parent: ParentCert | undefined, signer: PrivateKey): GoStruct {
  let der: Uint8Array;
  try {
    der = createCertificate(tpl, signee, parent, signer);
  } catch (e) {
    if (e instanceof X509Error) fail(`error creating certificate: ${e.message}`);
    throw e;
  }
  return certificateValue(pemEncode('CERTIFICATE', der), pemForKey(signee));
}

function keyFromPem(pem: string): PrivateKey {
  try {
    return parsePrivateKeyPem(pem);
  } catch (e) {
    if (e instanceof KeyError) fail(`parsing private key: ${e.message}`);
    throw e;
  }
}

function caWithKey(cn: string, days: bigint, priv: PrivateKey): GoStruct {
  const tpl = baseTemplate(cn, null, null, days);
  tpl.keyUsage = KEY_USAGE_KEY_ENCIPHERMENT | KEY_USAGE_DIGITAL_SIGNATURE | KEY_USAGE_CERT_SIGN;
  tpl.isCA = true;
  return certAndKey(tpl, priv, undefined, priv);
}

function selfSignedWithKey(cn: string, ips: GoValue, dns: GoValue, days: bigint, priv: PrivateKey): GoStruct {
  return certAndKey(baseTemplate(cn, ips, dns, days), priv, undefined, priv);
}

function certField(ca: GoValue, name: 'Cert' | 'Key'): string {
  const v = ca instanceof GoStruct ? ca.fields.get(name) : undefined;
  return typeof v === 'string' ? v : '';
}

function signedWithKey(cn: string, ips: GoValue, dns: GoValue, days: bigint, ca: GoValue, priv: PrivateKey): GoStruct {
  const block = pemDecode(certField(ca, 'Cert'));
  if (!block) fail('unable to decode certificate');
  let parent: ParentCert;
  try {
    parent = parseParentCert(block.bytes);
  } catch (e) {
    fail(`error parsing certificate: decodedSignerCert.Bytes: ${(e as Error).message}`);
  }
  let signer: PrivateKey;
  try {
    signer = parsePrivateKeyPem(certField(ca, 'Key'));
  } catch (e) {
    if (e instanceof KeyError) fail(`error parsing private key: ${e.message}`);
    throw e;
  }
  return certAndKey(baseTemplate(cn, ips, dns, days), priv, parent, signer);
}

const latin1Bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

function buildCustomCert(b64cert: string, b64key: string): GoStruct {
  let cert: Uint8Array;
  let key: Uint8Array;
  try {
    cert = base64Decode(latin1Bytes(b64cert));
  } catch {
    fail('unable to decode base64 certificate');
  }
  try {
    key = base64Decode(latin1Bytes(b64key));
  } catch {
    fail('unable to decode base64 private key');
  }
  const certText = new TextDecoder().decode(cert);
  const keyText = new TextDecoder().decode(key);
  const block = pemDecode(certText);
  if (!block) fail('unable to decode certificate');
  try {
    parseParentCert(block.bytes);
  } catch (e) {
    fail(`error parsing certificate: decodedCert.Bytes: ${(e as Error).message}`);
  }
  try {
    parsePrivateKeyPem(keyText);
  } catch (e) {
    if (e instanceof KeyError) fail(`error parsing private key: ${e.message}`);
    throw e;
  }
  return certificateValue(certText, keyText);
}

const E = { returnsError: true } as const;

export const certFuncs: Record<string, FuncDef> = {
  buildCustomCert: def(['string', 'string'], CERT, ([c, k]) => buildCustomCert(c as string, k as string), E),
  genCA: def(['string', 'int'], CERT, ([cn, d]) => caWithKey(cn as string, d as bigint, generateRsa2048()), E),
  genCAWithKey: def(['string', 'int', 'string'], CERT,
    ([cn, d, k]) => caWithKey(cn as string, d as bigint, keyFromPem(k as string)), E),
  genSelfSignedCert: def(['string', LIST, LIST, 'int'], CERT,
    ([cn, ips, dns, d]) => selfSignedWithKey(cn as string, ips, dns, d as bigint, generateRsa2048()), E),
  genSelfSignedCertWithKey: def(['string', LIST, LIST, 'int', 'string'], CERT,
    ([cn, ips, dns, d, k]) => selfSignedWithKey(cn as string, ips, dns, d as bigint, keyFromPem(k as string)), E),
  genSignedCert: def(['string', LIST, LIST, 'int', CERT], CERT,
    ([cn, ips, dns, d, ca]) => signedWithKey(cn as string, ips, dns, d as bigint, ca, generateRsa2048()), E),
  genSignedCertWithKey: def(['string', LIST, LIST, 'int', CERT, 'string'], CERT,
    ([cn, ips, dns, d, ca, k]) => signedWithKey(cn as string, ips, dns, d as bigint, ca, keyFromPem(k as string)), E),
};
