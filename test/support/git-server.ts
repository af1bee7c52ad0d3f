/**
 * Real Git servers on loopback for the source tests, serving bare repositories the test makes:
 * - `startGitDaemon(root)`: `git daemon` (git://), every repository under `root` exported;
 * - `startGitHttpServer({ root, auth, tls })`: `git http-backend` (smart HTTP, protocol v2) behind a node:http
 *   (or node:https) server that checks basic or bearer auth first and records every request;
 * - `TestRepo`: a working repository with helpers to commit files, tag and push to a bare repository.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './ports.ts';

const execFileP = promisify(execFile);

/** git's environment for test fixtures: no user or system config, a fixed identity and clock. */
export function gitFixtureEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: tmpdir(),
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Capstan Test',
    GIT_AUTHOR_EMAIL: 'test@capstan.invalid',
    GIT_COMMITTER_NAME: 'Capstan Test',
    GIT_COMMITTER_EMAIL: 'test@capstan.invalid',
    ...extra,
  };
}

/** Runs git with the fixture environment and returns its stdout. */
export async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await execFileP('git', args, { cwd, env: gitFixtureEnv(), maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

/** A temporary directory removed by `rmTemp`. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `capstan-${prefix}-`));
}

export function rmTemp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * A working repository (branch `main`) pushing to a bare repository `<root>/<name>.git`, which the servers
 * serve. `write` + `commit` + `push` build history; `tag` makes lightweight or annotated tags.
 */
export class TestRepo {
  readonly work: string;
  readonly bare: string;
  readonly name: string;

  private constructor(root: string, name: string) {
    this.name = `${name}.git`;
    this.bare = join(root, this.name);
    this.work = join(root, `.work-${name}`);
  }

  static async create(root: string, name: string): Promise<TestRepo> {
    const r = new TestRepo(root, name);
    mkdirSync(r.work, { recursive: true });
    await git(root, ['init', '--quiet', '--bare', '--initial-branch=main', r.bare]);
    await git(r.work, ['init', '--quiet', '--initial-branch=main']);
    await git(r.work, ['remote', 'add', 'origin', r.bare]);
    return r;
  }

  /** Writes files (path → content) in the working tree. */
  write(files: Record<string, string | Uint8Array>): this {
    for (const [p, content] of Object.entries(files)) {
      const full = join(this.work, p);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
    return this;
  }

  /** Commits everything and returns the commit id. */
  async commit(message: string): Promise<string> {
    await git(this.work, ['add', '--all']);
    await git(this.work, ['commit', '--quiet', '--allow-empty', '-m', message]);
    return (await git(this.work, ['rev-parse', 'HEAD'])).trim();
  }

  async tag(name: string, opts: { annotated?: boolean; commit?: string } = {}): Promise<void> {
    const args = opts.annotated ? ['tag', '-a', '-m', name, name] : ['tag', name];
    if (opts.commit) args.push(opts.commit);
    await git(this.work, args);
  }

  async branch(name: string, from = 'HEAD'): Promise<void> {
    await git(this.work, ['branch', '--force', name, from]);
  }

  async checkout(branch: string): Promise<void> {
    await git(this.work, ['checkout', '--quiet', branch]);
  }

  /** Pushes every branch and tag to the bare repository. */
  async push(): Promise<void> {
    await git(this.work, ['push', '--quiet', '--force', '--all', 'origin']);
    await git(this.work, ['push', '--quiet', '--force', '--tags', 'origin']);
  }
}

async function waitForPort(port: number, child: ChildProcess, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.on('connect', () => { s.destroy(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${what} did not listen on ${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await done;
  clearTimeout(timer);
}

export interface GitDaemon {
  readonly port: number;
  /** `git://127.0.0.1:PORT/<name>` */
  url(name: string): string;
  stop(): Promise<void>;
}

/** `git daemon` exporting every repository under `root`. */
export async function startGitDaemon(root: string): Promise<GitDaemon> {
  const port = await freePort();
  const child = spawn('git', ['daemon', '--reuseaddr', '--export-all', '--informative-errors', `--base-path=${root}`,
    '--listen=127.0.0.1', `--port=${port}`, root], { env: gitFixtureEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.resume();
  await waitForPort(port, child, 'git daemon');
  return { port, url: (name) => `git://127.0.0.1:${port}/${name}`, stop: () => stopChild(child) };
}

export type HttpAuth = { basic: { username: string; password: string } } | { bearer: string };

export interface GitHttpServerOptions {
  root: string;
  auth?: HttpAuth;
  tls?: { key: string; cert: string };
}

export interface GitHttpRequest {
  method: string;
  path: string;
  status: number;
  authorization?: string;
}

export interface GitHttpServer {
  readonly port: number;
  /** `http(s)://127.0.0.1:PORT/<name>` */
  url(name: string): string;
  readonly requests: GitHttpRequest[];
  stop(): Promise<void>;
}

function authorized(auth: HttpAuth | undefined, header: string | undefined): boolean {
  if (auth === undefined) return true;
  const want = 'bearer' in auth
    ? `Bearer ${auth.bearer}`
    : `Basic ${Buffer.from(`${auth.basic.username}:${auth.basic.password}`).toString('base64')}`;
  return header === want;
}

/** `git http-backend` as a CGI behind node:http(s), with auth checked in front. */
export async function startGitHttpServer(opts: GitHttpServerOptions): Promise<GitHttpServer> {
  const requests: GitHttpRequest[] = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const rec: GitHttpRequest = { method: req.method ?? 'GET', path: req.url ?? '/', status: 0 };
    if (req.headers.authorization !== undefined) rec.authorization = req.headers.authorization;
    requests.push(rec);
    res.on('finish', () => { rec.status = res.statusCode; });
    if (!authorized(opts.auth, req.headers.authorization)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"', 'Content-Type': 'text/plain' });
      res.end('authentication required\n');
      req.resume();
      return;
    }
    cgi(opts.root, req, res);
  };
  const server = opts.tls ? https.createServer({ key: opts.tls.key, cert: opts.tls.cert }, handler) : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const scheme = opts.tls ? 'https' : 'http';
  return {
    port,
    requests,
    url: (name) => `${scheme}://127.0.0.1:${port}/${name}`,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function cgi(root: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  const u = new URL(req.url ?? '/', 'http://127.0.0.1');
  const env: NodeJS.ProcessEnv = {
    ...gitFixtureEnv(),
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: decodeURIComponent(u.pathname),
    QUERY_STRING: u.search.slice(1),
    REQUEST_METHOD: req.method ?? 'GET',
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    REMOTE_ADDR: '127.0.0.1',
    REMOTE_USER: 'test',
    GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
    HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
  };
  if (req.headers['content-length'] !== undefined) env['CONTENT_LENGTH'] = req.headers['content-length'];
  const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr.resume();
  req.pipe(child.stdin);
  child.stdin.on('error', () => undefined);
  let head = Buffer.alloc(0);
  let headersDone = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (headersDone) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    headersDone = true;
    let status = 200;
    const headers: Record<string, string> = {};
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const i = line.indexOf(':');
      if (i < 0) continue;
      const k = line.slice(0, i).trim();
      const v = line.slice(i + 1).trim();
      if (k.toLowerCase() === 'status') status = parseInt(v, 10);
      else headers[k] = v;
    }
    res.writeHead(status, headers);
    res.write(head.subarray(end + 4));
  });
  child.on('close', () => {
    if (!headersDone) res.writeHead(500);
    res.end();
  });
}
