/**
 * The HTTP(S) transport for chart repositories and OCI registries: one GET (or HEAD) with per-repository TLS
 * options, credentials sent only where they belong, redirects followed by hand, optional gzip decoding and a
 * streamed body.
 *
 * Built on node:http/node:https rather than the global fetch: fetch takes no per-request CA, client
 * certificate or insecureSkipVerify without the separate undici package, and node:https takes them directly
 * while still streaming the body (a 26 MB index must never sit in memory whole).
 */
import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { redactUrl } from './redact.ts';

/** TLS settings of one repository (PEM contents, not file paths: the caller reads its Secret). */
export interface TlsOptions {
  /** extra CA certificates (PEM) trusted besides the system ones */
  readonly ca?: string | Uint8Array;
  /** client certificate (PEM) for mutual TLS */
  readonly cert?: string | Uint8Array;
  /** client key (PEM) for mutual TLS */
  readonly key?: string | Uint8Array;
  /** skip server certificate verification (Helm's `insecure_skip_tls_verify`) */
  readonly insecureSkipVerify?: boolean;
}

export interface HttpRequest {
  readonly url: URL;
  readonly method?: 'GET' | 'HEAD';
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * An `Authorization` value, sent only to `authOrigin` (and, across redirects, only while the target stays on
   * that host or a subdomain of it, as Go's http client does).
   */
  readonly authorization?: string;
  /** `scheme://host:port` the authorization belongs to; `'*'` sends it to every origin (`pass_credentials_all`) */
  readonly authOrigin?: string;
  /** ask for and transparently decode `Content-Encoding: gzip` */
  readonly acceptGzip?: boolean;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: http.IncomingHttpHeaders;
  /** the URL that answered, after redirects */
  readonly url: URL;
  /** the (decoded) body; the caller must consume or destroy it */
  readonly body: Readable;
  /** whether `body` is the gunzipped form of what the server sent */
  readonly decoded: boolean;
}

export type HttpErrorCode = 'Network' | 'Timeout' | 'TooLarge' | 'TooManyRedirects' | 'Aborted';

/** A transport failure (no usable HTTP answer); the URL in the message has its credentials removed. */
export class HttpError extends Error {
  readonly code: HttpErrorCode;
  readonly url: string;
  constructor(code: HttpErrorCode, url: URL | string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HttpError';
    this.code = code;
    this.url = redactUrl(url);
  }
}

const MAX_REDIRECTS = 10;

export interface HttpClientOptions {
  readonly tls?: TlsOptions;
  /** idle time on the socket before the request fails, ms (default 60 s) */
  readonly timeoutMs?: number;
  readonly userAgent?: string;
}

/** A keep-alive HTTP client bound to one repository's TLS settings. Call `close()` when done. */
export class HttpClient {
  readonly #httpAgent: http.Agent;
  readonly #httpsAgent: https.Agent;
  readonly #timeoutMs: number;
  readonly #userAgent: string;

  constructor(opts: HttpClientOptions = {}) {
    const tls = opts.tls ?? {};
    this.#httpAgent = new http.Agent({ keepAlive: true });
    this.#httpsAgent = new https.Agent({
      keepAlive: true,
      rejectUnauthorized: tls.insecureSkipVerify !== true,
      // like Flux, a repository's CA is added to the system roots rather than replacing them
      ...(tls.ca !== undefined ? { ca: [...rootCertificates, toPem(tls.ca)] } : {}),
      ...(tls.cert !== undefined ? { cert: toPem(tls.cert) } : {}),
      ...(tls.key !== undefined ? { key: toPem(tls.key) } : {}),
    });
    this.#timeoutMs = opts.timeoutMs ?? 60_000;
    this.#userAgent = opts.userAgent ?? 'capstan';
  }

  /** Sends the request, following up to 10 redirects; resolves once the final response's headers arrived. */
  async request(req: HttpRequest): Promise<HttpResponse> {
    let url = req.url;
    let authorized = req.authorization !== undefined && allowedOrigin(req.authOrigin, url);
    const authHost = url.hostname;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const res = await this.#once(req, url, authorized);
      const location = res.headers.location;
      if (!isRedirect(res.statusCode ?? 0) || location === undefined) return this.#wrap(res, url, req);
      res.resume();
      const next = new URL(location, url);
      // Go keeps sensitive headers only for the same host or a subdomain of it
      authorized = authorized && (next.hostname === authHost || next.hostname.endsWith(`.${authHost}`));
      url = next;
    }
    throw new HttpError('TooManyRedirects', req.url, `GET ${redactUrl(req.url)}: stopped after ${MAX_REDIRECTS} redirects`);
  }

  /** Releases pooled sockets. */
  close(): void {
    this.#httpAgent.destroy();
    this.#httpsAgent.destroy();
  }

  #once(req: HttpRequest, url: URL, authorized: boolean): Promise<http.IncomingMessage> {
    const headers: Record<string, string> = { 'user-agent': this.#userAgent, ...req.headers };
    if (authorized && req.authorization !== undefined) headers['authorization'] = req.authorization;
    if (req.acceptGzip === true) headers['accept-encoding'] = 'gzip';
    const isHttps = url.protocol === 'https:';
    const mod = isHttps ? https : http;
    return new Promise((resolve, reject) => {
      const r = mod.request(url, {
        method: req.method ?? 'GET',
        headers,
        agent: isHttps ? this.#httpsAgent : this.#httpAgent,
        // credentials in the URL itself are never sent implicitly: they are redacted everywhere
        auth: null,
        ...(req.signal !== undefined ? { signal: req.signal } : {}),
      }, resolve);
      r.setTimeout(this.#timeoutMs, () => {
        r.destroy(new HttpError('Timeout', url, `GET ${redactUrl(url)}: no answer within ${this.#timeoutMs} ms`));
      });
      r.on('error', (e) => reject(toHttpError(e, url)));
      r.end();
    });
  }

  #wrap(res: http.IncomingMessage, url: URL, req: HttpRequest): HttpResponse {
    res.setTimeout(this.#timeoutMs, () => {
      res.destroy(new HttpError('Timeout', url, `GET ${redactUrl(url)}: body stalled for ${this.#timeoutMs} ms`));
    });
    const gz = req.acceptGzip === true && /^\s*gzip\s*$/i.test(String(res.headers['content-encoding'] ?? ''));
    let body: Readable = res;
    if (gz) {
      const gunzip = createGunzip();
      res.on('error', (e) => gunzip.destroy(e));
      body = res.pipe(gunzip);
    }
    return { status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: res.headers, url, body, decoded: gz };
  }
}

function allowedOrigin(origin: string | undefined, url: URL): boolean {
  return origin === '*' || origin === url.origin;
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function toPem(v: string | Uint8Array): string | Buffer {
  return typeof v === 'string' ? v : Buffer.from(v);
}

function toHttpError(e: unknown, url: URL): HttpError {
  if (e instanceof HttpError) return e;
  const name = (e as { name?: string }).name;
  if (name === 'AbortError') return new HttpError('Aborted', url, `GET ${redactUrl(url)}: aborted`, { cause: e });
  const msg = e instanceof Error ? e.message : String(e);
  return new HttpError('Network', url, `GET ${redactUrl(url)}: ${msg}`, { cause: e });
}

/**
 * Reads a whole body into memory, failing with `TooLarge` once it passes `limit` bytes (the stream is destroyed
 * at that point, so a hostile server cannot make us buffer more).
 */
export async function readBody(res: HttpResponse, limit: number): Promise<Buffer> {
  const declared = Number(res.headers['content-length'] ?? NaN);
  if (!res.decoded && Number.isFinite(declared) && declared > limit) {
    res.body.destroy();
    throw tooLarge(res.url, limit);
  }
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > limit) {
      res.body.destroy();
      throw tooLarge(res.url, limit);
    }
    parts.push(b);
  }
  return Buffer.concat(parts, size);
}

export function tooLarge(url: URL, limit: number): HttpError {
  return new HttpError('TooLarge', url, `GET ${redactUrl(url)}: response is larger than the limit of ${limit} bytes`);
}
