/**
 * Debian's `docker-registry` (distribution v2.8) on a loopback port, with filesystem storage in a temp dir and,
 * optionally, htpasswd (bcrypt, from apache2-utils' `htpasswd -B`) or token authentication. For token auth a
 * small node:http token service on loopback issues ES256 JWTs whose `x5c` certificate (made with openssl) is the
 * registry's `rootcertbundle`; it grants pull to anonymous callers when asked to, and pull+push to known users.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianPackages } from './debian-packages.ts';
import { freePort } from './ports.ts';

export interface RegistryUser {
  readonly username: string;
  readonly password: string;
}

export interface RegistryOptions {
  readonly auth?: 'none' | 'htpasswd' | 'token';
  readonly users?: readonly RegistryUser[];
  /** token auth: grant `pull` to callers without credentials */
  readonly anonymousPull?: boolean;
}

export interface TokenRequest {
  readonly scope: string[];
  readonly service: string | undefined;
  readonly user: string | undefined;
  readonly status: number;
}

export interface TestRegistry {
  /** `127.0.0.1:PORT` */
  readonly host: string;
  /** `oci://127.0.0.1:PORT` */
  readonly url: string;
  readonly dataDir: string;
  readonly tokenRequests: TokenRequest[];
  /** the file holding a blob's bytes in the filesystem storage */
  blobPath(digest: string): string;
  close(): Promise<void>;
}

const SERVICE = 'capstan-test-registry';
const ISSUER = 'capstan-test-issuer';

export async function startRegistry(opts: RegistryOptions = {}): Promise<TestRegistry> {
  const auth = opts.auth ?? 'none';
  await ensureDebianPackages(['docker-registry', ...(auth === 'htpasswd' ? ['apache2-utils'] : []), ...(auth === 'token' ? ['openssl'] : [])]);
  const dir = mkdtempSync(join(tmpdir(), 'capstan-registry-'));
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const tokenRequests: TokenRequest[] = [];
  let tokenServer: http.Server | undefined;
  let authYaml = '';
  if (auth === 'htpasswd') {
    const lines = (opts.users ?? []).map((u) => execFileSync('htpasswd', ['-Bbn', u.username, u.password], { encoding: 'utf8' }).trim());
    writeFileSync(join(dir, 'htpasswd'), `${lines.join('\n')}\n`);
    authYaml = `auth:\n  htpasswd:\n    realm: capstan-test\n    path: ${join(dir, 'htpasswd')}\n`;
  } else if (auth === 'token') {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
      '-subj', '/CN=capstan-token-issuer', '-keyout', join(dir, 'token.key'), '-out', join(dir, 'token.crt')], { stdio: 'ignore' });
    tokenServer = await startTokenServer(dir, opts, tokenRequests);
    const realm = `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/token`;
    authYaml = `auth:\n  token:\n    realm: ${realm}\n    service: ${SERVICE}\n    issuer: ${ISSUER}\n    rootcertbundle: ${join(dir, 'token.crt')}\n`;
  }
  writeFileSync(join(dir, 'config.yml'), `version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: ${dataDir}
  delete:
    enabled: true
http:
  addr: 127.0.0.1:${port}
${authYaml}`);
  const logFd = openSync(join(dir, 'registry.log'), 'a');
  const child = spawn('/usr/bin/docker-registry', ['serve', join(dir, 'config.yml')], { stdio: ['ignore', logFd, logFd] });
  const host = `127.0.0.1:${port}`;
  try {
    await waitUp(host, child, join(dir, 'registry.log'));
  } catch (e) {
    await stop(child);
    tokenServer?.close();
    throw e;
  }
  return {
    host,
    url: `oci://${host}`,
    dataDir,
    tokenRequests,
    blobPath: (digest) => {
      const hex = digest.replace(/^sha256:/, '');
      return join(dataDir, 'docker', 'registry', 'v2', 'blobs', 'sha256', hex.slice(0, 2), hex, 'data');
    },
    close: async () => {
      await stop(child);
      if (tokenServer !== undefined) await new Promise<void>((r) => { tokenServer.closeAllConnections(); tokenServer.close(() => r()); });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitUp(host: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited (${child.exitCode}): ${readFileSync(log, 'utf8')}`);
    const status = await new Promise<number>((resolve) => {
      const r = http.get(`http://${host}/v2/`, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
      r.on('error', () => resolve(0));
    });
    if (status === 200 || status === 401) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`docker-registry did not answer on ${host}: ${readFileSync(log, 'utf8')}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function b64url(b: Buffer | string): string {
  return Buffer.from(b).toString('base64url');
}

async function startTokenServer(dir: string, opts: RegistryOptions, log: TokenRequest[]): Promise<http.Server> {
  const key = createPrivateKey(readFileSync(join(dir, 'token.key')));
  const pem = readFileSync(join(dir, 'token.crt'), 'utf8');
  const der = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => { body += d; });
    req.on('end', () => {
      // GET (docker token spec, basic auth in the header) or POST (OAuth2 password grant, as oras-go sends)
      const u = new URL(req.url ?? '/', 'http://x');
      const form = new URLSearchParams(req.method === 'POST' ? body : '');
      const scopes = [...u.searchParams.getAll('scope'), ...form.getAll('scope')];
      const service = u.searchParams.get('service') ?? form.get('service') ?? undefined;
      const authorization = form.get('grant_type') === 'password'
        ? `Basic ${Buffer.from(`${form.get('username') ?? ''}:${form.get('password') ?? ''}`).toString('base64')}`
        : req.headers.authorization;
      const user = userOf(authorization, opts.users ?? []);
      const known = user !== undefined && user !== null;
      const reply = (status: number, json: unknown): void => {
        log.push({ scope: scopes, service, user: known ? user.username : undefined, status });
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      };
      if (user === null) return reply(401, { details: 'incorrect username or password' });
      if (!known && opts.anonymousPull !== true) return reply(401, { details: 'authentication required' });
      const access = scopes.flatMap((s) => s.split(' ')).map((s) => s.split(':')).filter((p) => p.length >= 3).map((p) => ({
        type: p[0], name: p.slice(1, -1).join(':'),
        actions: (p[p.length - 1] ?? '').split(',').filter((a) => a === 'pull' || (known && (a === 'push' || a === 'delete' || a === '*'))),
      }));
      const now = Math.floor(Date.now() / 1000);
      const header = { typ: 'JWT', alg: 'ES256', x5c: [der] };
      const claims = { iss: ISSUER, sub: known ? user.username : '', aud: SERVICE, exp: now + 300, nbf: now - 10, iat: now, jti: randomUUID(), access };
      const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
      const sig = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
      const token = `${input}.${b64url(sig)}`;
      reply(200, { token, access_token: token, expires_in: 300, issued_at: new Date().toISOString() });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return server;
}

/** undefined: no credentials; null: wrong ones. */
function userOf(authorization: string | undefined, users: readonly RegistryUser[]): RegistryUser | undefined | null {
  if (authorization === undefined || !authorization.startsWith('Basic ')) return undefined;
  const [name, ...rest] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
  return users.find((u) => u.username === name && u.password === rest.join(':')) ?? null;
}
