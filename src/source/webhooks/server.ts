/**
 * The push webhook receiver: a node:http server (or a handler for an existing one) that, on a verified push,
 * calls `requestReconcile({kind: 'GitRepository', namespace, name})` for each GitRepository whose URL and
 * ref the push concerns. It only asks for reconciles; fetching stays with the controller and its queue.
 *
 * Requests are POSTs to a receiver's path (`receiverPath`), bodies are capped (413), unsigned requests get
 * 401 and wrongly signed ones 403, with constant-time comparisons; nothing of an unverified body is read
 * beyond its bytes. Answers carry counts only, never object names.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../observability/logger.ts';
import { matchPush, type ReconcileTarget, type WatchedGitRepository } from './match.ts';
import { receiverPath, validateReceiver, type ReceiverConfig } from './receivers.ts';
import { verifyRequest } from './verify-request.ts';

export interface WebhookReceiverOptions {
  /** the receivers, read on every request (so they can change without a restart) */
  receivers: () => readonly ReceiverConfig[];
  /** the GitRepositories to match pushes against (from the informer cache) */
  listGitRepositories: () => Iterable<WatchedGitRepository> | Promise<Iterable<WatchedGitRepository>>;
  requestReconcile: (target: ReconcileTarget) => void | Promise<void>;
  log: Logger;
  /** largest accepted body (default 5 MiB; GitHub caps payloads at 25 MB) */
  maxBodyBytes?: number;
}

const DEFAULT_MAX_BODY = 5 * 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > max) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function reply(res: http.ServerResponse, status: number, body: Record<string, unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export class WebhookReceiver {
  readonly #opts: WebhookReceiverOptions;
  readonly #log: Logger;
  #server: http.Server | undefined;

  constructor(opts: WebhookReceiverOptions) {
    this.#opts = opts;
    this.#log = opts.log.child({ component: 'webhook-receiver' });
  }

  /** The request handler, for mounting on a server of the caller's. */
  readonly handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    this.#handle(req, res).catch((e: unknown) => {
      this.#log.error({ err: (e as Error).message }, 'webhook handling failed');
      if (!res.headersSent) reply(res, 500, { error: 'internal error' });
    });
  };

  /** Listens on `host:port` (port 0 picks a free one) and returns the bound address. */
  async listen(port: number, host = '127.0.0.1'): Promise<AddressInfo> {
    const server = http.createServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, this.handle);
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return server.address() as AddressInfo;
  }

  async close(): Promise<void> {
    const s = this.#server;
    this.#server = undefined;
    if (s === undefined) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://receiver').pathname;
    const receiver = this.#opts.receivers().find((r) => validateReceiver(r).length === 0 && receiverPath(r) === path);
    if (receiver === undefined) {
      reply(res, 404, { error: 'no such receiver' });
      req.resume();
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      reply(res, 405, { error: 'POST only' });
      req.resume();
      return;
    }
    const log = this.#log.child({ receiver: `${receiver.namespace}/${receiver.name}`, type: receiver.type });
    let body: Buffer;
    try {
      body = await readBody(req, this.#opts.maxBodyBytes ?? DEFAULT_MAX_BODY);
    } catch (e) {
      if (!(e instanceof BodyTooLarge)) throw e;
      res.setHeader('Connection', 'close');
      reply(res, 413, { error: 'body too large' });
      return;
    }
    const outcome = verifyRequest(receiver, req.headers, body);
    switch (outcome.kind) {
      case 'rejected':
        log.warn({ status: outcome.status, reason: outcome.reason }, 'webhook request rejected');
        reply(res, outcome.status, { error: outcome.reason });
        return;
      case 'ping':
        reply(res, 200, { message: 'pong' });
        return;
      case 'ignored':
        reply(res, 202, { message: `event "${outcome.event}" ignored` });
        return;
      case 'push': {
        const targets = matchPush(outcome.event, await this.#opts.listGitRepositories(), receiver.namespaces);
        for (const t of targets) await this.#opts.requestReconcile(t);
        log.info({ ref: outcome.event.ref, reconciles: targets.length }, 'push received');
        reply(res, 200, { reconciles: targets.length });
      }
    }
  }
}
