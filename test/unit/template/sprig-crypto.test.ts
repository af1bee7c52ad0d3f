/**
 * Sprig's crypto functions (src/template/funcs/crypto*.ts). Deterministic results are checked against
 * values produced by sprig v3.3.0 under Go (and Helm 3.17.2's conformance cases); random ones by shape
 * and by parsing what we produce with node:crypto (X509Certificate, createPrivateKey) and, where
 * available, openssl.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cryptoFuncs } from '../../../src/template/funcs/crypto.ts';
import { bcryptHash, decodeBcryptBase64 } from '../../../src/template/funcs/crypto-bcrypt.ts';
import { children, oidString, parseDer, type Node } from '../../../src/template/funcs/crypto-der.ts';
import { pemDecode } from '../../../src/template/funcs/crypto-pem.ts';
import { networkFuncs, dnsNetworkFuncs, makeGetHostByName } from '../../../src/template/funcs/network.ts';
import { GoFuncError, GoNumber, GoStruct, typeName, type GoValue } from '../../../src/template/value.ts';

const ctx = { templateName: 't', charge: (): void => {} };

function call(name: string, ...args: GoValue[]): GoValue {
  const f = cryptoFuncs[name];
  assert.ok(f, name);
  return f.fn(args, ctx);
}

const u32 = (n: bigint): GoNumber => new GoNumber('uint32', n);

const cases = new Map<string, { snippet: string; expect?: string; expectError?: string; expectRegex?: string }>(
  readFileSync(new URL('../../../../shared/conformance/cases.jsonl', import.meta.url), 'utf8')
    .trim().split('\n').map((l) => JSON.parse(l) as { id: string; snippet: string }).map((c) => [c.id, c]),
);

function conformance(id: string, snippet: string, got: string): void {
  const c = cases.get(id);
  assert.ok(c, id);
  assert.equal(c.snippet, snippet, id);
  if (c.expect !== undefined) assert.equal(got, c.expect, id);
  else if (c.expectRegex !== undefined) assert.match(got, new RegExp(c.expectRegex), id);
  else assert.fail(`${id} expects an error`);
}

test('digests (values from Go)', () => {
  const rows: [string, string, string][] = [
    ['sha1sum', 'hello', 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d'],
    ['sha1sum', 'héllo ✓', 'b7c2a1aa52961195ac19331417a20a8b4f202ddb'],
    ['sha256sum', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['sha512sum', 'abc', 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f'],
    ['adler32sum', 'hello', '103547413'],
    ['adler32sum', 'Wikipedia', '300286872'],
    ['adler32sum', 'héllo ✓', '483722573'],
    ['adler32sum', 'a'.repeat(100000), '2036730701'],
    ['adler32sum', '', '1'],
  ];
  for (const [f, input, want] of rows) assert.equal(call(f, input), want, `${f} ${input.slice(0, 20)}`);
  conformance('sprig.encoding.018', '{{ sha1sum "hello" }}', call('sha1sum', 'hello') as string);
  conformance('sprig.encoding.021', '{{ adler32sum "hello" }}', call('adler32sum', 'hello') as string);
  conformance('sprig.encoding.022', '{{ sha256sum "" }}', call('sha256sum', '') as string);
});

test('derivePassword is the Master Password algorithm, byte for byte', () => {
  const rows: [bigint, string, string, string, string, string][] = [
    [1n, 'long', 'password', 'user', 'example.com', 'ZedaFaxcZaso9*'],
    [1n, 'pin', 'p', 'u', 's', '2461'],
    [1n, 'short', 'p', 'u', 's', 'Rud1'],
    [1n, 'medium', 'p', 'u', 's', 'Rud1@Nel'],
    [1n, 'name', 'p', 'u', 's', 'cannot find password template name'],
    [7n, 'maximum', 'secret', 'alice', 'example.org', 'HWQ5j0M^eDoHB&m!qe6%'],
    [0n, 'basic', 'pässwörd', 'ünïcode', 'sïte', 'wHX42rRP'],
    [4294967295n, 'long', '', '', '', 'WuhpJifuYucu5['],
  ];
  for (const [counter, type, password, user, site, want] of rows) {
    assert.equal(call('derivePassword', u32(counter), type, password, user, site), want, `${type} ${password}`);
  }
  conformance('sprig.crypto.015', '{{ derivePassword 1 "long" "password" "user" "example.com" }}',
    call('derivePassword', u32(1n), 'long', 'password', 'user', 'example.com') as string);
  conformance('sprig.crypto.021', '{{ derivePassword 1 "name" "p" "u" "s" }}',
    call('derivePassword', u32(1n), 'name', 'p', 'u', 's') as string);
  assert.deepEqual(cryptoFuncs['derivePassword']?.params, ['uint32', 'string', 'string', 'string', 'string']);
});

test('bcrypt: golang.org/x/crypto vectors, cost 10, $2a$, 72-byte limit', () => {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  assert.equal(bcryptHash(enc('allmine'), 10, decodeBcryptBase64('XajjQvNhvvRt5GSeFk1xFe')),
    '$2a$10$XajjQvNhvvRt5GSeFk1xFeyqRrsxkhBkUiQeg0dt.wU1qD4aFDcga');
  assert.equal(bcryptHash(enc('passw0rd'), 10, decodeBcryptBase64('LK9XRuhNxHHCvjX3tdkRKe')),
    '$2a$10$LK9XRuhNxHHCvjX3tdkRKei1QiCDUKrJRhZv7WWZPuQGRUM92rOUa');
  const h = call('bcrypt', 'password') as string;
  conformance('sprig.crypto.011', '{{ bcrypt "password" }}', h);
  // re-hashing with the salt it chose gives the same hash
  assert.equal(bcryptHash(enc('password'), 10, decodeBcryptBase64(h.slice(7, 29))), h);
  assert.equal(call('bcrypt', 'a'.repeat(73)), 'failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes');
  assert.match(call('bcrypt', 'a'.repeat(72)) as string, /^\$2a\$10\$/);
});

test('htpasswd', () => {
  conformance('sprig.crypto.012', '{{ htpasswd "user" "password" }}', call('htpasswd', 'user', 'password') as string);
  conformance('sprig.crypto.013', '{{ htpasswd "us:er" "password" }}', call('htpasswd', 'us:er', 'password') as string);
  assert.equal((call('htpasswd', '', '') as string).length, 61);
  assert.equal(cryptoFuncs['htpasswd']?.params.length, 2);
});

test('encryptAES / decryptAES: sprig\'s scheme and Go\'s errors and panics', () => {
  assert.equal(call('decryptAES', 'secretkey', 'toVSWuAKXTPoE79O6HFSPzn2PltenWJO9G1gC39mOLk='), 'hello world', 'Go-made ciphertext');
  const c = call('encryptAES', 'key', 'plain') as string;
  conformance('sprig.crypto.024', '{{ encryptAES "key" "plain" }}', c);
  assert.equal(call('decryptAES', 'key', c), 'plain');
  assert.equal(call('decryptAES', 'a much longer password than thirty-two bytes ✓', call('encryptAES', 'a much longer password than thirty-two bytes ✓', 'ü')), 'ü');
  assert.equal(call('encryptAES', 'k', ''), '');
  assert.equal(call('decryptAES', 'k', ''), '');
  const goError = (f: () => unknown, msg: string): void =>
    assert.throws(f, (e: unknown) => e instanceof GoFuncError && e.message === msg, msg);
  const panic = (f: () => unknown, msg: string): void =>
    assert.throws(f, (e: unknown) => e instanceof Error && !(e instanceof GoFuncError) && e.message === msg, msg);
  goError(() => call('decryptAES', 'k', '!!'), 'illegal base64 data at input byte 0');
  goError(() => call('decryptAES', 'key', 'bad'), 'illegal base64 data at input byte 0');
  panic(() => call('decryptAES', 'k', 'AAAA'), 'runtime error: slice bounds out of range [:16] with capacity 3');
  panic(() => call('decryptAES', 'k', 'A'.repeat(55) + '='), 'crypto/cipher: input not full blocks');
  panic(() => call('decryptAES', 'k', 'A'.repeat(22) + '=='), 'runtime error: index out of range [-1]');
  panic(() => call('decryptAES', '0123456789abcdef0123456789abcdefXYZ', 'A'.repeat(43) + '='), 'runtime error: slice bounds out of range [:-20]');
  assert.match(cases.get('err.argtype.048')?.expectError ?? '', /error calling decryptAES: illegal base64 data at input byte 0$/);
  assert.match(cases.get('sprig.crypto.025')?.expectError ?? '', /error calling decryptAES: illegal base64 data at input byte 0$/);
});

test('randBytes and uuidv4', () => {
  const b = call('randBytes', 10n) as string;
  assert.equal(Buffer.from(b, 'base64').length, 10);
  assert.equal(call('randBytes', 0n), '');
  assert.throws(() => call('randBytes', -1n), { message: 'runtime error: makeslice: len out of range' });
  conformance('sprig.rand.008', '{{ uuidv4 }}', call('uuidv4') as string);
  assert.notEqual(call('uuidv4'), call('uuidv4'));
});

test('genPrivateKey: PEM types and the structures Go writes', () => {
  conformance('sprig.crypto.005', '{{ genPrivateKey "bogus" }}', call('genPrivateKey', 'bogus') as string);
  const ed = call('genPrivateKey', 'ed25519') as string;
  conformance('sprig.crypto.003', '{{ genPrivateKey "ed25519" }}', ed);
  assert.equal(createPrivateKey(ed).asymmetricKeyType, 'ed25519');
  assert.equal(pemDecode(ed)?.bytes.length, 48, 'PKCS#8 without public key, as Go marshals it');

  const ec = call('genPrivateKey', 'ecdsa') as string;
  assert.match(ec, /^-----BEGIN EC PRIVATE KEY-----\n/);
  assert.equal(createPrivateKey(ec).asymmetricKeyDetails?.namedCurve, 'prime256v1');

  const dsa = call('genPrivateKey', 'dsa') as string;
  conformance('sprig.crypto.004', '{{ genPrivateKey "dsa" | trunc 31 }}', dsa.slice(0, 31));
  const fields = children(parseDer(pemDecode(dsa)?.bytes as Uint8Array));
  assert.equal(fields.length, 6, 'sprig\'s DSAKeyFormat: Version, P, Q, G, Y, X');
  const big = (n: Node): bigint => BigInt('0x' + Buffer.from(n.content).toString('hex'));
  const [version, p, q, g, y, x] = fields.map(big) as [bigint, bigint, bigint, bigint, bigint, bigint];
  assert.equal(version, 0n);
  assert.equal(p.toString(2).length, 2048);
  assert.equal(q.toString(2).length, 256);
  let r = 1n;
  for (let b = g % p, e = x; e > 0n; e >>= 1n, b = (b * b) % p) if (e & 1n) r = (r * b) % p;
  assert.equal(r, y, 'Y = G^X mod P');

  for (const t of ['', 'rsa']) {
    const rsa = call('genPrivateKey', t) as string;
    assert.match(rsa, /^-----BEGIN RSA PRIVATE KEY-----\n([A-Za-z0-9+/=]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END RSA PRIVATE KEY-----\n$/);
    assert.equal(createPrivateKey(rsa).asymmetricKeyDetails?.modulusLength, 4096);
  }
});

function certOf(v: GoValue): { cert: string; key: string; x509: X509Certificate } {
  assert.ok(v instanceof GoStruct);
  assert.equal(typeName(v), 'sprig.certificate');
  const cert = v.fields.get('Cert');
  const key = v.fields.get('Key');
  assert.ok(typeof cert === 'string' && typeof key === 'string');
  assert.deepEqual(v.json(), new Map([['Cert', cert], ['Key', key]]));
  return { cert, key, x509: new X509Certificate(cert) };
}

/** Extensions of a PEM certificate: oid → [critical, value hex]. */
function extensions(pem: string): Map<string, [boolean, string]> {
  const tbs = children(parseDer(pemDecode(pem)?.bytes as Uint8Array))[0] as Node;
  const wrap = children(tbs).find((n) => n.tag === 0xa3) as Node;
  const out = new Map<string, [boolean, string]>();
  for (const ext of children(children(wrap)[0] as Node)) {
    const parts = children(ext);
    out.set(oidString(parts[0] as Node), [parts.length === 3, Buffer.from((parts[parts.length - 1] as Node).content).toString('hex')]);
  }
  return out;
}

// Extension values Go's x509.CreateCertificate writes for sprig's templates (from sprig under Go 1.23).
const KU_LEAF = '030205a0';
const KU_CA = '030202a4';
const EKU = '301406082b0601050507030106082b06010505070302';
const BC_CA = '30030101ff';
const BC_LEAF = '3000';

test('genCA: a self-signed RSA 2048 CA with Go\'s extensions', () => {
  const ca = call('genCA', 'my-ca', 365n);
  const { cert, key, x509 } = certOf(ca);
  assert.match(`${cert.slice(0, 27)}|${key.slice(0, 31)}`, new RegExp(cases.get('sprig.crypto.006')?.expectRegex ?? 'x'));
  assert.equal(x509.ca, true);
  assert.equal(x509.subject, 'CN=my-ca');
  assert.equal(x509.issuer, 'CN=my-ca');
  assert.ok(x509.verify(x509.publicKey));
  assert.equal(createPrivateKey(key).asymmetricKeyDetails?.modulusLength, 2048);
  assert.equal((Date.parse(x509.validTo) - Date.parse(x509.validFrom)) / 86400000, 365);
  assert.ok(Math.abs(Date.parse(x509.validFrom) - Date.now()) < 5000);
  const ext = extensions(cert);
  assert.deepEqual([...ext.keys()], ['2.5.29.15', '2.5.29.37', '2.5.29.19', '2.5.29.14']);
  assert.deepEqual(ext.get('2.5.29.15'), [true, KU_CA]);
  assert.deepEqual(ext.get('2.5.29.37'), [false, EKU]);
  assert.deepEqual(ext.get('2.5.29.19'), [true, BC_CA]);
  assert.equal(ext.get('2.5.29.14')?.[1].length, 44, 'OCTET STRING of a SHA-1');
  assert.ok(BigInt('0x' + x509.serialNumber) < 1n << 128n);
});

test('genSelfSignedCert and genSignedCert: SANs, issuer, AKID, signature', () => {
  const ss = certOf(call('genSelfSignedCert', 'foo.com', ['10.0.0.1', '::1', '::ffff:1.2.3.4'], ['foo.com', 'www.foo.com'], 30n));
  assert.equal(ss.x509.ca, false);
  assert.equal(ss.x509.subjectAltName, 'DNS:foo.com, DNS:www.foo.com, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1, IP Address:1.2.3.4');
  const ssExt = extensions(ss.cert);
  assert.deepEqual([...ssExt.keys()], ['2.5.29.15', '2.5.29.37', '2.5.29.19', '2.5.29.17']);
  assert.deepEqual(ssExt.get('2.5.29.15'), [true, KU_LEAF]);
  assert.deepEqual(ssExt.get('2.5.29.19'), [true, BC_LEAF]);
  assert.deepEqual(ssExt.get('2.5.29.17'),
    [false, '30348207666f6f2e636f6d820b7777772e666f6f2e636f6d87040a000001871000000000000000000000000000000001870401020304']);

  const ca = call('genCA', 'my-ca', 10n);
  const sc = certOf(call('genSignedCert', 'bar.com', null, ['bar.com'], 10n, ca));
  const caCert = certOf(ca).x509;
  assert.equal(sc.x509.issuer, 'CN=my-ca');
  assert.ok(sc.x509.verify(caCert.publicKey));
  assert.ok(sc.x509.checkIssued(caCert));
  const scExt = extensions(sc.cert);
  assert.deepEqual([...scExt.keys()], ['2.5.29.15', '2.5.29.37', '2.5.29.19', '2.5.29.35', '2.5.29.17']);
  assert.equal(scExt.get('2.5.29.35')?.[1], '30168014' + extensions(certOf(ca).cert).get('2.5.29.14')?.[1].slice(4));
  assert.deepEqual(scExt.get('2.5.29.17'), [false, '300982076261722e636f6d']);
  assert.equal(sc.x509.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
  assert.equal(createPublicKey(sc.key).export({ format: 'pem', type: 'spki' }), sc.x509.publicKey.export({ format: 'pem', type: 'spki' }));
});

test('...WithKey variants use the given key (ECDSA and Ed25519 signers too)', () => {
  const eck = call('genPrivateKey', 'ecdsa') as string;
  const edk = call('genPrivateKey', 'ed25519') as string;
  const caec = certOf(call('genCAWithKey', 'ec-ca', 5n, eck));
  assert.equal(caec.key, eck);
  assert.ok(caec.x509.verify(caec.x509.publicKey));
  const leaf = certOf(call('genSignedCertWithKey', '*.x.io', ['1.2.3.4'], [], 5n, call('genCAWithKey', 'ec-ca', 5n, eck), edk));
  assert.equal(leaf.key, edk);
  assert.equal(leaf.x509.subject, 'CN=*.x.io');
  assert.ok(leaf.x509.verify(caec.x509.publicKey));
  const empty = certOf(call('genSelfSignedCertWithKey', '', [], ['a.b'], 5n, edk));
  assert.equal(empty.x509.subject ?? '', '');
  assert.deepEqual(extensions(empty.cert).get('2.5.29.17')?.[0], true, 'SAN is critical when the subject is empty');
});

test('certificate errors are sprig\'s/Go\'s texts', () => {
  const dsa = call('genPrivateKey', 'dsa') as string;
  const ca = call('genCA', 'ca', 1n);
  const other = call('genCA', 'other', 1n) as GoStruct;
  const mixed = new GoStruct({
    typeName: 'sprig.certificate',
    fields: new Map([['Cert', (ca as GoStruct).fields.get('Cert') as string], ['Key', other.fields.get('Key') as string]]),
    json: () => null,
  });
  const b64 = (s: string): string => Buffer.from(s).toString('base64');
  const rows: [string, GoValue[], string][] = [
    ['genCAWithKey', ['x', 1n, dsa], 'error creating certificate: x509: certificate private key does not implement crypto.Signer'],
    ['genSignedCertWithKey', ['x', null, null, 1n, ca, dsa], 'error creating certificate: x509: unsupported public key type: *dsa.PublicKey'],
    ['genSelfSignedCert', ['x', ['1.02.3.4'], null, 1n], 'error parsing ip: 1.02.3.4'],
    ['genSelfSignedCert', ['x', [1n], null, 1n], 'error parsing ip: 1 is not a string'],
    ['genSelfSignedCert', ['x', null, ['héllo'], 1n], 'error creating certificate: x509: "héllo" cannot be encoded as an IA5String'],
    ['genCAWithKey', ['x', 1n, 'garbage'], 'parsing private key: no PEM data in input'],
    ['genCAWithKey', ['x', 1n, (ca as GoStruct).fields.get('Cert') as string], 'parsing private key: no private key data in PEM block of type CERTIFICATE'],
    ['genSignedCert', ['x', null, null, 1n, mixed], 'error creating certificate: x509: provided PrivateKey doesn\'t match parent\'s PublicKey'],
    ['buildCustomCert', [b64('notacert'), b64('notakey')], 'unable to decode certificate'],
    ['buildCustomCert', ['!!', b64('notakey')], 'unable to decode base64 certificate'],
    ['buildCustomCert', [b64((ca as GoStruct).fields.get('Cert') as string), b64('notakey')], 'error parsing private key: no PEM data in input'],
  ];
  for (const [name, args, msg] of rows) {
    assert.throws(() => call(name, ...args), (e: unknown) => e instanceof GoFuncError && e.message === msg, `${name}: ${msg}`);
  }
  assert.match(cases.get('sprig.crypto.027')?.expectError ?? '', /error calling buildCustomCert: unable to decode certificate$/);
  const built = call('buildCustomCert', b64((ca as GoStruct).fields.get('Cert') as string), b64((ca as GoStruct).fields.get('Key') as string));
  assert.equal(certOf(built).cert, (ca as GoStruct).fields.get('Cert'));
});

test('signatures of the certificate functions', () => {
  const sig = (n: string): string => {
    const f = cryptoFuncs[n];
    assert.ok(f);
    return `(${f.params.join(', ')}) ${f.result}${f.returnsError ? ', error' : ''}`;
  };
  assert.equal(sig('genCA'), '(string, int) sprig.certificate, error');
  assert.equal(sig('genSelfSignedCert'), '(string, []interface {}, []interface {}, int) sprig.certificate, error');
  assert.equal(sig('genSignedCertWithKey'), '(string, []interface {}, []interface {}, int, sprig.certificate, string) sprig.certificate, error');
  assert.equal(sig('genPrivateKey'), '(string) string');
  assert.equal(sig('randBytes'), '(int) string, error');
});

test('openssl reads the certificates', (t) => {
  try {
    execFileSync('openssl', ['version']);
  } catch {
    t.skip('no openssl');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'capstan-cert-'));
  try {
    const ca = call('genCA', 'my-ca', 3n) as GoStruct;
    const leaf = call('genSignedCert', 'svc.ns', ['10.1.2.3'], ['svc.ns', 'svc.ns.svc'], 3n, ca) as GoStruct;
    writeFileSync(join(dir, 'ca.crt'), ca.fields.get('Cert') as string);
    writeFileSync(join(dir, 'leaf.crt'), leaf.fields.get('Cert') as string);
    const text = execFileSync('openssl', ['x509', '-in', join(dir, 'leaf.crt'), '-noout', '-text'], { encoding: 'utf8' });
    assert.match(text, /Issuer: CN ?= ?my-ca/);
    assert.match(text, /TLS Web Server Authentication, TLS Web Client Authentication/);
    assert.match(text, /DNS:svc\.ns, DNS:svc\.ns\.svc, IP Address:10\.1\.2\.3/);
    assert.match(execFileSync('openssl', ['verify', '-CAfile', join(dir, 'ca.crt'), join(dir, 'leaf.crt')], { encoding: 'utf8' }), /OK/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('getHostByName: Helm\'s default returns ""; sprig\'s resolver picks an address or panics', () => {
  assert.equal(networkFuncs['getHostByName']?.fn(['localhost'], ctx), '');
  conformance('sprig.misc.003', '{{ getHostByName "localhost" | typeOf }}', typeName(networkFuncs['getHostByName']?.fn(['localhost'], ctx)));
  const fixed = makeGetHostByName((n) => (n === 'a.test' ? ['10.0.0.1'] : []));
  assert.equal(fixed.fn(['a.test'], ctx), '10.0.0.1');
  assert.throws(() => fixed.fn(['nope.test'], ctx), { message: 'invalid argument to Intn' });
  assert.ok(dnsNetworkFuncs['getHostByName']);
});

test('digests: the @noble/hashes path for short inputs equals node:crypto, lone surrogates included', async () => {
  const { createHash } = await import('node:crypto');
  const inputs = ['', 'a', 'héllo', 'x\ud800y', '😀'.repeat(100), 'z'.repeat(64 * 1024 - 1), 'z'.repeat(64 * 1024 + 5)];
  for (let i = 0; i < 50; i++) inputs.push(Array.from({ length: i * 37 }, (_, j) => String.fromCharCode((j * 7919 + i) % 0x2fff)).join(''));
  for (const s of inputs) {
    for (const alg of ['sha1', 'sha256', 'sha512']) {
      assert.equal(call(`${alg}sum`, s), createHash(alg).update(s, 'utf8').digest('hex'), `${alg} of ${s.length} chars`);
    }
  }
});
