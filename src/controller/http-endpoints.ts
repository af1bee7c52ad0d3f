/**
 * The manager's small HTTP servers: probes (`/healthz`, `/readyz`) and Prometheus `/metrics`. Addresses are
 * written as controller-runtime's flags take them: `:8080` (all interfaces), `127.0.0.1:8080`, `[::1]:8080`;
 * port 0 picks a free port; `0` or the empty string turns the server off.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../observability/logger.ts';
import { ControllerError } from './errors.ts';

export interface Reply {
  status: number;
  contentType?: string;
  body: string;
}

/** Routes by exact path (the query string is ignored); only GET and HEAD are answered. */
export type Routes = Record<string, () => Reply | Promise<Reply>>;

export interface ListenAddr {
  host: string | undefined;
  port: number;
}

/** Parses `host:port`; undefined means "disabled". */
export function parseListenAddr(addr: string): ListenAddr | undefined {
  if (addr === '' || addr === '0') return undefined;
  const i = addr.lastIndexOf(':');
  const host = (i < 0 ? '' : addr.slice(0, i)).replace(/^\[(.*)\]$/, '$1');
  const port = Number(i < 0 ? addr : addr.slice(i + 1));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ControllerError('InvalidOptions', `invalid listen address "${addr}": want [host]:port`, { subject: addr });
  }
  return { host: host === '' ? undefined : host, port };
}

export interface HttpEndpoint {
  /** the bound address, e.g. `127.0.0.1:41234` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Starts a server answering `routes` on `addr`; rejects with ServerFailed when it cannot bind. */
export function serve(addr: ListenAddr, routes: Routes, log: Logger): Promise<HttpEndpoint> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = routes[path];
    const send = (r: Reply): void => {
      res.writeHead(r.status, { 'content-type': r.contentType ?? 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : r.body);
    };
    if (route === undefined) return send({ status: 404, body: 'not found\n' });
    if (req.method !== 'GET' && req.method !== 'HEAD') return send({ status: 405, body: 'method not allowed\n' });
    Promise.resolve()
      .then(route)
      .then(send, (e: unknown) => {
        log.error({ err: e instanceof Error ? e.message : String(e), path }, 'HTTP handler failed');
        send({ status: 500, body: 'internal error\n' });
      });
  });
  return new Promise((resolve, reject) => {
    server.once('error', (e) => reject(new ControllerError('ServerFailed', `listen on ${addr.host ?? ''}:${addr.port}: ${e.message}`, { subject: `${addr.host ?? ''}:${addr.port}`, cause: e })));
    server.listen(addr.port, addr.host, () => {
      const a = server.address() as AddressInfo;
      const host = a.family === 'IPv6' ? `[${a.address}]` : a.address;
      resolve({ url: `http://${host}:${a.port}`, port: a.port, close: () => closeServer(server) });
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
