/**
 * A throw-away certificate authority with a server certificate for 127.0.0.1 and a client certificate, made
 * with the openssl CLI (Debian's `openssl`), for TLS tests on loopback.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPki {
  readonly caCert: string;
  readonly serverKey: string;
  readonly serverCert: string;
  readonly clientKey: string;
  readonly clientCert: string;
  /** a second CA that signed nothing here: trusting it alone must fail */
  readonly otherCaCert: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

function ca(dir: string, name: string): void {
  openssl(dir, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
    '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.crt`]);
}

function leaf(dir: string, name: string, ext: string): void {
  openssl(dir, ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', `/CN=${name}`,
    '-keyout', `${name}.key`, '-out', `${name}.csr`]);
  writeFileSync(join(dir, `${name}.ext`), ext);
  openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial',
    '-days', '2', '-extfile', `${name}.ext`, '-out', `${name}.crt`]);
}

/** Creates the CA and certificates (a few hundred ms). */
export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'capstan-pki-'));
  try {
    ca(dir, 'ca');
    ca(dir, 'other');
    leaf(dir, 'server', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
    leaf(dir, 'client', 'extendedKeyUsage=clientAuth\n');
    const r = (f: string): string => readFileSync(join(dir, f), 'utf8');
    return {
      caCert: r('ca.crt'), serverKey: r('server.key'), serverCert: r('server.crt'),
      clientKey: r('client.key'), clientCert: r('client.crt'), otherCaCert: r('other.crt'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
