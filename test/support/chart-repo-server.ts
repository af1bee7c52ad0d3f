/**
 * A static Helm chart repository on loopback (node:http or node:https): serves the files of a directory
 * (`index.yaml`, `*.tgz`) as a web server would, with ETag / Last-Modified and 304 answers to conditional
 * GETs, optional gzip of YAML, optional basic auth and client-certificate checks, and a log of every request
 * (path, Authorization, conditional headers, status) for the tests to inspect.
 */
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly ifNoneMatch: string | undefined;
  readonly ifModifiedSince: string | undefined;
  readonly acceptEncoding: string | undefined;
  status: number;
}

export interface ChartRepoServerOptions {
  /** the directory whose files are served at the root */
  readonly dir: string;
  readonly basicAuth?: { readonly username: string; readonly password: string };
  /** gzip `.yaml` files when the client accepts it */
  readonly gzip?: boolean;
  /** serve HTTPS with this key and certificate; `ca` + `requireClientCert` ask for a client certificate */
  readonly tls?: { readonly key: string; readonly cert: string; readonly ca?: string; readonly requireClientCert?: boolean };
  /** send no ETag (Last-Modified only) */
  readonly noEtag?: boolean;
  /** redirect `GET /<from>` to another URL */
  readonly redirects?: Readonly<Record<string, string>>;
}

export interface ChartRepoServer {
  /** `http://127.0.0.1:PORT` (no trailing slash) */
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startChartRepoServer(opts: ChartRepoServerOptions): Promise<ChartRepoServer> {
  const requests: RecordedRequest[] = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      authorization: req.headers.authorization,
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
      acceptEncoding: header(req.headers['accept-encoding']),
      status: 0,
    };
    requests.push(rec);
    const writeHead = res.writeHead.bind(res) as (status: number, headers?: http.OutgoingHttpHeaders) => http.ServerResponse;
    res.writeHead = ((status: number, headers?: http.OutgoingHttpHeaders) => {
      rec.status = status;
      return writeHead(status, headers);
    }) as typeof res.writeHead;
    serve(opts, req, res);
  };
  const server = opts.tls !== undefined
    ? https.createServer({
      key: opts.tls.key, cert: opts.tls.cert,
      ...(opts.tls.ca !== undefined ? { ca: opts.tls.ca } : {}),
      requestCert: opts.tls.requireClientCert === true,
      rejectUnauthorized: opts.tls.requireClientCert === true,
    }, handler)
    : http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${opts.tls !== undefined ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join(', ') : v;
}

function serve(opts: ChartRepoServerOptions, req: http.IncomingMessage, res: http.ServerResponse): void {
  const u = new URL(req.url ?? '/', 'http://x');
  const target = opts.redirects?.[u.pathname];
  if (target !== undefined) {
    res.writeHead(302, { location: target }).end();
    return;
  }
  if (opts.basicAuth !== undefined) {
    const want = `Basic ${Buffer.from(`${opts.basicAuth.username}:${opts.basicAuth.password}`).toString('base64')}`;
    if (req.headers.authorization !== want) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="charts"', 'content-type': 'text/plain' }).end('unauthorized\n');
      return;
    }
  }
  const rel = normalize(decodeURIComponent(u.pathname)).replace(/^\/+/, '');
  if (rel.startsWith('..')) {
    res.writeHead(400).end();
    return;
  }
  const file = join(opts.dir, rel);
  let st;
  try {
    st = statSync(file);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found\n');
    return;
  }
  if (!st.isFile()) {
    res.writeHead(404).end();
    return;
  }
  const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
  const lastModified = new Date(Math.floor(st.mtimeMs / 1000) * 1000).toUTCString();
  const headers: Record<string, string> = {
    'last-modified': lastModified,
    'content-type': rel.endsWith('.yaml') ? 'text/yaml' : 'application/gzip',
  };
  if (opts.noEtag !== true) headers['etag'] = etag;
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  const notModified = inm !== undefined && opts.noEtag !== true
    ? inm.split(',').map((s) => s.trim()).includes(etag)
    : ims !== undefined && Date.parse(ims) >= Date.parse(lastModified);
  if (notModified) {
    res.writeHead(304, headers).end();
    return;
  }
  const gzip = opts.gzip === true && rel.endsWith('.yaml') && /\bgzip\b/.test(header(req.headers['accept-encoding']) ?? '');
  if (gzip) {
    res.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
    createReadStream(file).pipe(createGzip()).pipe(res);
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': String(st.size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
