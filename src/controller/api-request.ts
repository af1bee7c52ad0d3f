/**
 * The two requests an informer makes, LIST (one page) and WATCH (a stream of events), as plain JSON over
 * node:http(s) with the kubeconfig's credentials.
 *
 * Written here rather than using client-node (v2.0.1), because:
 * - `KubernetesObjectApi.list` deserialises into typed models (timestamps become Date objects) while watch
 *   events arrive as plain JSON, and the informer's cache must hold one shape;
 * - `Watch.watch` hands out its AbortController only once the response headers have arrived, and a quiet
 *   watch behind some proxies gets its headers only with the first event or bookmark (up to a minute later),
 *   so stopping an informer could not cancel it. Here one AbortSignal cancels the request at any stage.
 */
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeObject } from '../kube/index.ts';

/** An HTTP failure of a LIST or WATCH, with the status code (410: the resourceVersion or continue token expired). */
export class ApiRequestError extends Error {
  readonly status: number;
  constructor(status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ApiRequestError';
    this.status = status;
  }
}

export interface ListPage {
  items: KubeObject[];
  resourceVersion: string;
  continueToken: string | undefined;
}

export type Query = Record<string, string | number | boolean | undefined>;

/** One page of a LIST. */
export async function listPage(kc: KubeConfig, path: string, query: Query, signal: AbortSignal): Promise<ListPage> {
  const res = await send(kc, path, query, signal);
  const text = await readAll(res);
  const body = JSON.parse(text) as { items?: KubeObject[] | null; metadata?: { resourceVersion?: string; continue?: string } };
  return {
    items: body.items ?? [],
    resourceVersion: body.metadata?.resourceVersion ?? '',
    continueToken: body.metadata?.continue || undefined,
  };
}

export interface WatchEvent {
  type: string;
  object: unknown;
}

/**
 * Streams WATCH events to `onEvent` until the server ends the watch (resolves), `signal` aborts (resolves),
 * nothing arrives for `inactivityMs` (resolves: the caller restarts from its last resourceVersion), or the
 * request fails (rejects with ApiRequestError or the network error).
 */
export async function watchEvents(kc: KubeConfig, path: string, query: Query, signal: AbortSignal, onEvent: (e: WatchEvent) => void, inactivityMs: number): Promise<void> {
  const stream = new AbortController();
  const both = AbortSignal.any([signal, stream.signal]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => stream.abort(), inactivityMs);
  };
  arm();
  try {
    const res = await send(kc, path, { ...query, watch: true }, both);
    await new Promise<void>((resolve, reject) => {
      let buffered = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        arm();
        buffered += chunk;
        try {
          let nl: number;
          while ((nl = buffered.indexOf('\n')) >= 0 && !both.aborted) {
            const line = buffered.slice(0, nl).trim();
            buffered = buffered.slice(nl + 1);
            if (line !== '') onEvent(JSON.parse(line) as WatchEvent);
          }
        } catch (e) {
          res.destroy();
          reject(e);
        }
      });
      res.on('end', resolve);
      res.on('error', (e) => (both.aborted ? resolve() : reject(e)));
      res.on('close', resolve);
    });
  } catch (e) {
    if (!both.aborted) throw e;
  } finally {
    clearTimeout(timer);
  }
}

async function send(kc: KubeConfig, path: string, query: Query, signal: AbortSignal): Promise<IncomingMessage> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new ApiRequestError(0, 'no current cluster in the kubeconfig');
  const url = new URL(path, cluster.server);
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  const opts: RequestOptions = {};
  await kc.applyToHTTPSOptions(opts);
  const request = url.protocol === 'http:' ? httpRequest : httpsRequest;
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = request(url, { ...opts, method: 'GET', signal, headers: { ...opts.headers, accept: 'application/json' } }, resolve);
    req.on('error', reject);
    req.end();
  });
  const status = res.statusCode ?? 0;
  if (status >= 200 && status < 300) return res;
  const text = await readAll(res).catch(() => '');
  let message = text.slice(0, 300);
  try { message = (JSON.parse(text) as { message?: string }).message ?? message; } catch { /* not JSON */ }
  throw new ApiRequestError(status, `GET ${url.pathname}: HTTP ${status}: ${message}`);
}

function readAll(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve(Buffer.concat(chunks).toString()));
    res.on('error', reject);
  });
}
