/**
 * A recording HTTP proxy on 127.0.0.1 in front of the test API server. Tests point a client at it (its
 * `kubeConfig`) to count the requests the client makes (e.g. "a no-op reconcile writes nothing") or to change
 * requests on the way (`rewrite`, e.g. watch from a resourceVersion that is too old, to get a real 410 Gone
 * from the real server). The proxy adds the credentials; the client needs none.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';

export interface ProxiedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
}

export interface ApiProxy {
  kubeConfig: KubeConfig;
  /** every request seen, in order */
  requests: ProxiedRequest[];
  /** changes a request's URL before it goes upstream (set and unset at will) */
  rewrite: ((url: URL, req: IncomingMessage) => void) | undefined;
  /** requests that change state (POST, PUT, PATCH, DELETE), optionally only those whose path matches */
  writes(pathPattern?: RegExp): ProxiedRequest[];
  close(): Promise<void>;
}

export async function startApiProxy(upstream: KubeConfig): Promise<ApiProxy> {
  const cluster = upstream.getCurrentCluster();
  if (!cluster) throw new Error('no current cluster');
  const auth: RequestOptions = {};
  await upstream.applyToHTTPSOptions(auth);
  const proxy: ApiProxy = {
    kubeConfig: new KubeConfig(),
    requests: [],
    rewrite: undefined,
    writes: (p) => proxy.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD' && (p === undefined || p.test(r.path))),
    close: async () => {},
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', cluster.server);
    proxy.rewrite?.(url, req);
    proxy.requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams });
    const headers = { ...req.headers, ...auth.headers };
    delete headers.host;
    const up = httpsRequest(url, { ...auth, method: req.method ?? 'GET', headers }, (upRes) => {
      res.writeHead(upRes.statusCode ?? 502, upRes.headers);
      upRes.pipe(res);
    });
    up.on('error', (e) => {
      if (!res.headersSent) res.writeHead(502);
      res.end(String(e));
    });
    res.on('close', () => up.destroy());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  proxy.kubeConfig.loadFromOptions({
    clusters: [{ name: 'proxy', server: `http://127.0.0.1:${port}`, skipTLSVerify: true }],
    users: [{ name: 'proxy' }],
    contexts: [{ name: 'proxy', cluster: 'proxy', user: 'proxy' }],
    currentContext: 'proxy',
  });
  proxy.close = () => new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return proxy;
}
