/**
 * Plain HTTP requests to the API server with the kubeconfig's credentials, JSON in and out as sent:
 * `rawRequest`/`rawGet` (discovery, /version, apply and merge patches, GETs that must keep every field), and
 * the two requests an informer makes, LIST (`listPage`, one page) and WATCH (`watchEvents`, a stream of
 * events).
 *
 * Written here rather than using client-node (v2.0.1), because:
 * - its typed clients round-trip objects through their models: unknown keys are dropped and timestamps
 *   become Date objects (`KubernetesObjectApi.list` too, while watch events arrive as plain JSON, and an
 *   informer's cache must hold one shape);
 * - `Watch.watch` hands out its AbortController only once the response headers have arrived, and a quiet
 *   watch behind some proxies gets its headers only with the first event or bookmark (up to a minute later),
 *   so stopping an informer could not cancel it. Here one AbortSignal cancels the request at any stage.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubeError, kubeErrorCode } from './errors.ts';
import type { KubeObject } from './object.ts';

/**
 * A raw request; `body` is sent as given (JSON text), so no key is dropped by typed models. A failure
 * rejects with an Error carrying the HTTP status as `code` and the response as `body`, as the typed client's
 * ApiException does (`toKubeError` and `isNotFound` read both).
 */
export async function rawRequest<T>(kc: KubeConfig, method: string, path: string, body?: string, contentType = 'application/json'): Promise<T> {
  const res = await send(kc, method, path, { body, contentType });
  const text = await readAll(res);
  const status = res.statusCode ?? 0;
  if (status >= 300) {
    // the API server's Status message, as the typed client reports it
    throw Object.assign(new Error(statusMessage(text, 2000)), { code: status, body: text });
  }
  return JSON.parse(text) as T;
}

export async function rawGet<T>(kc: KubeConfig, path: string): Promise<T> {
  return rawRequest<T>(kc, 'GET', path);
}

export interface ListPage {
  items: KubeObject[];
  resourceVersion: string;
  continueToken: string | undefined;
}

export type ListQuery = Record<string, string | number | boolean | undefined>;

/** One page of a LIST. Rejects with a KubeError (`httpStatus` 410: the continue token expired). */
export async function listPage(kc: KubeConfig, path: string, query: ListQuery, signal: AbortSignal): Promise<ListPage> {
  const res = await sendOk(kc, path, query, signal);
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
 * request fails (rejects with a KubeError carrying `httpStatus`, 410 when the resourceVersion expired, or the
 * network error).
 */
export async function watchEvents(kc: KubeConfig, path: string, query: ListQuery, signal: AbortSignal, onEvent: (e: WatchEvent) => void, inactivityMs: number): Promise<void> {
  const stream = new AbortController();
  const both = AbortSignal.any([signal, stream.signal]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => stream.abort(), inactivityMs);
  };
  arm();
  try {
    const res = await sendOk(kc, path, { ...query, watch: true }, both);
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

/** A GET with `query` that resolves only with a 2xx response; anything else rejects with a KubeError. */
async function sendOk(kc: KubeConfig, path: string, query: ListQuery, signal: AbortSignal): Promise<IncomingMessage> {
  const res = await send(kc, 'GET', path, { query, signal });
  const status = res.statusCode ?? 0;
  if (status >= 200 && status < 300) return res;
  const text = await readAll(res).catch(() => '');
  throw new KubeError(kubeErrorCode(status), `GET ${new URL(path, 'http://x').pathname}: HTTP ${status}: ${statusMessage(text, 300)}`, status);
}

interface SendOptions {
  query?: ListQuery;
  body?: string | undefined;
  contentType?: string;
  signal?: AbortSignal;
}

/** Sends one request to the kubeconfig's current cluster (http or https) and resolves with the response, whatever its status. */
async function send(kc: KubeConfig, method: string, path: string, o: SendOptions): Promise<IncomingMessage> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new KubeError('ServerError', 'no current cluster in the kubeconfig');
  const url = new URL(path, cluster.server);
  for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  const opts: RequestOptions = {};
  await kc.applyToHTTPSOptions(opts);
  const headers: Record<string, string | number> = { ...(opts.headers as Record<string, string> | undefined), accept: 'application/json' };
  if (o.body !== undefined) {
    headers['content-type'] = o.contentType ?? 'application/json';
    headers['content-length'] = Buffer.byteLength(o.body);
  }
  const request = url.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req = request(url, { ...opts, method, headers, ...(o.signal !== undefined ? { signal: o.signal } : {}) }, resolve);
    req.on('error', reject);
    req.end(o.body);
  });
}

function readAll(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve(Buffer.concat(chunks).toString()));
    res.on('error', reject);
  });
}

/** The `message` of a Status response, else the start of the text. */
function statusMessage(text: string, max: number): string {
  try {
    const m = (JSON.parse(text) as { message?: unknown }).message;
    if (typeof m === 'string') return m;
  } catch { /* not JSON */ }
  return text.slice(0, max);
}
