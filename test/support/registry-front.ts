/**
 * A front for a test registry on loopback: forwards every request to it unchanged (Authorization included, so
 * the registry itself still checks credentials and tokens), optionally
 * - terminates TLS with a test certificate (the shared registry helper starts docker-registry on plain HTTP), and
 * - pages the tag list as the OCI distribution spec (and distribution v3) does: `?n=&last=` on sorted tags and a
 *   `Link: <…>; rel="next"` header. Debian's docker-registry 2.8 ignores `n` and returns every tag at once, so
 *   without this front a client's pagination code would never run.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface RegistryFrontOptions {
  /** `host:port` of the registry behind */
  readonly upstream: string;
  readonly tls?: { readonly key: string; readonly cert: string };
  readonly paginate?: boolean;
}

export interface RegistryFront {
  /** `127.0.0.1:PORT` */
  readonly host: string;
  /** the tag list requests seen, as path + query */
  readonly tagListRequests: string[];
  close(): Promise<void>;
}

const TAGS_LIST = /^\/v2\/(.+)\/tags\/list$/;

function forward(upstream: string, req: http.IncomingMessage, path: string): Promise<http.IncomingMessage> {
  const [host, port] = upstream.split(':');
  return new Promise((resolve, reject) => {
    const up = http.request({ host, port: Number(port), path, method: req.method, headers: req.headers }, resolve);
    up.on('error', reject);
    req.pipe(up);
  });
}

async function pageTags(upstream: string, req: http.IncomingMessage, res: http.ServerResponse, url: URL, name: string): Promise<void> {
  const r = await forward(upstream, req, url.pathname);
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  if (r.statusCode !== 200) {
    res.writeHead(r.statusCode ?? 502, r.headers).end(Buffer.concat(chunks));
    return;
  }
  const all = ((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { tags?: string[] | null }).tags ?? []).sort();
  const n = Number(url.searchParams.get('n'));
  const last = url.searchParams.get('last');
  const after = last === null ? all : all.filter((t) => t > last);
  const page = after.slice(0, n);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (after.length > n && page.length > 0) {
    headers['link'] = `</v2/${name}/tags/list?n=${n}&last=${encodeURIComponent(page[page.length - 1] ?? '')}>; rel="next"`;
  }
  res.writeHead(200, headers).end(JSON.stringify({ name, tags: page }));
}

export async function startRegistryFront(o: RegistryFrontOptions): Promise<RegistryFront> {
  const tagListRequests: string[] = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://front');
    const m = TAGS_LIST.exec(url.pathname);
    if (m !== null) tagListRequests.push(url.pathname + url.search);
    const paged = o.paginate === true && m !== null && req.method === 'GET' && url.searchParams.has('n');
    const done = paged
      ? pageTags(o.upstream, req, res, url, m[1] ?? '')
      : forward(o.upstream, req, req.url ?? '/').then((r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
    done.catch(() => res.destroy());
  };
  const server = o.tls !== undefined ? https.createServer({ key: o.tls.key, cert: o.tls.cert }, handler) : http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    tagListRequests,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
