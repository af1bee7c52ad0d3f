/**
 * HelmRepositoryClient's TLS options against a real HTTPS chart repository on loopback, with a throw-away CA
 * (openssl): a custom CA, insecureSkipVerify, and a client certificate for a server that requires one.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HelmRepositoryClient, HelmRepositoryError, type TlsOptions } from '../../src/source/helm-repository/index.ts';
import { createRootLogger } from '../../src/observability/logger.ts';
import { startChartRepoServer, type ChartRepoServer } from '../support/chart-repo-server.ts';
import { ensureDebianPackages } from '../support/debian-packages.ts';
import { helmEnv, helmOk, packageChart } from '../support/helm-package.ts';
import { makeTestPki, type TestPki } from '../support/tls-certs.ts';

const logger = createRootLogger({ level: 'silent' });
let root: string;
let pki: TestPki;
let https: ChartRepoServer;
let mtls: ChartRepoServer;

before(async () => {
  await ensureDebianPackages(['openssl']);
  root = mkdtempSync(join(tmpdir(), 'capstan-helmtls-'));
  const env = helmEnv(join(root, 'helm'));
  const dir = join(root, 'repo');
  await packageChart(dir, 'demo', ['1.0.0'], env);
  await helmOk(['repo', 'index', dir], env);
  pki = makeTestPki();
  https = await startChartRepoServer({ dir, tls: { key: pki.serverKey, cert: pki.serverCert } });
  mtls = await startChartRepoServer({ dir, tls: { key: pki.serverKey, cert: pki.serverCert, ca: pki.caCert, requireClientCert: true } });
});

after(async () => {
  await https.close();
  await mtls.close();
  rmSync(root, { recursive: true, force: true });
});

async function pull(url: string, tls?: TlsOptions): Promise<number> {
  const c = new HelmRepositoryClient({ url, logger, ...(tls !== undefined ? { tls } : {}) });
  try {
    return (await c.download(await c.resolve('demo', ''))).tgz.length;
  } finally {
    c.close();
  }
}

const refused = (pattern: RegExp) => (e: unknown): boolean => {
  assert.ok(e instanceof HelmRepositoryError);
  assert.equal(e.code, 'IndexFetchFailed');
  assert.match(e.message, pattern);
  return true;
};

test('a server certificate from an unknown CA is refused', async () => {
  await assert.rejects(pull(https.url), refused(/self-signed certificate in certificate chain|unable to (get local issuer|verify)/));
  await assert.rejects(pull(https.url, { ca: pki.otherCaCert }), refused(/self-signed certificate in certificate chain|unable to (get local issuer|verify)/));
});

test('the repository CA makes the server trusted, for the index and the archive', async () => {
  assert.ok(await pull(https.url, { ca: pki.caCert }) > 0);
  assert.ok(await pull(https.url, { ca: new TextEncoder().encode(pki.caCert) }) > 0);
});

test('insecureSkipVerify accepts any server certificate', async () => {
  assert.ok(await pull(https.url, { insecureSkipVerify: true }) > 0);
});

test('a server that requires a client certificate gets one from cert + key', async () => {
  await assert.rejects(pull(mtls.url, { ca: pki.caCert }), (e: unknown) => e instanceof HelmRepositoryError && e.code === 'IndexFetchFailed');
  assert.ok(await pull(mtls.url, { ca: pki.caCert, cert: pki.clientCert, key: pki.clientKey }) > 0);
});
