/**
 * One conditional GET of a repository's `index.yaml`, read as a stream through the IndexScanner so that only
 * the wanted charts are kept. JSON indexes, and YAML the scanner does not read, are fetched again and read
 * whole (bounded by the size limit).
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../../observability/logger.ts';
import { HelmRepositoryError } from './errors.ts';
import { HttpError, readBody, type HttpClient, type HttpResponse } from './http-client.ts';
import { IndexDocumentError, looksLikeJson, parseIndexDocument } from './index-document.ts';
import { IndexScanUnsupported, IndexScanner, type IndexScan } from './index-scanner.ts';
import { redactUrl } from './redact.ts';

export interface IndexRequest {
  readonly repoUrl: string;
  readonly indexUrl: string;
  readonly wanted: ReadonlySet<string>;
  readonly maxSize: number;
  readonly authorization?: string;
  readonly authOrigin?: string;
  /** validators of the cached copy; when given, a 304 answer is possible */
  readonly etag?: string;
  readonly lastModified?: string;
  readonly signal?: AbortSignal;
}

export type IndexFetchResult =
  | { readonly notModified: true }
  | {
    readonly notModified: false;
    readonly scan: IndexScan;
    readonly etag: string | undefined;
    readonly lastModified: string | undefined;
    /** `sha256:<hex>` of the index text */
    readonly digest: string;
    readonly bytes: number;
    /** whether the whole document had to be parsed (the scanner could not read it) */
    readonly wholeDocument: boolean;
  };

/** Fetches and scans the index; throws HelmRepositoryError. */
export async function fetchIndex(http: HttpClient, req: IndexRequest, log: Logger): Promise<IndexFetchResult> {
  const res = await get(http, req, true);
  if (res.status === 304) {
    res.body.resume();
    return { notModified: true };
  }
  try {
    return await scanStream(res, req);
  } catch (e) {
    if (!(e instanceof NeedsWholeDocument)) throw e;
    res.body.destroy();
    // JSON indexes are legitimate (Helm reads them too); irregular YAML is worth a warning
    log[e.message === JSON_INDEX ? 'debug' : 'warn']({ reason: e.message }, 'reading index.yaml whole instead of streaming it');
    return await readWhole(await get(http, req, false), req);
  }
}

class NeedsWholeDocument extends Error {}
const JSON_INDEX = 'the index is JSON';

async function get(http: HttpClient, req: IndexRequest, conditional: boolean): Promise<HttpResponse> {
  const headers: Record<string, string> = { accept: 'application/yaml, application/json;q=0.9, */*;q=0.8' };
  if (conditional && req.etag !== undefined) headers['if-none-match'] = req.etag;
  if (conditional && req.lastModified !== undefined) headers['if-modified-since'] = req.lastModified;
  let res: HttpResponse;
  try {
    res = await http.request({
      url: new URL(req.indexUrl),
      headers,
      acceptGzip: true,
      ...(req.authorization !== undefined ? { authorization: req.authorization } : {}),
      ...(req.authOrigin !== undefined ? { authOrigin: req.authOrigin } : {}),
      ...(req.signal !== undefined ? { signal: req.signal } : {}),
    });
  } catch (e) {
    throw unreachable(req, (e as Error).message, e);
  }
  if (res.status === 200 || (res.status === 304 && conditional)) return res;
  res.body.resume();
  throw unreachable(req, `failed to fetch ${redactUrl(req.indexUrl)} : ${res.status} ${res.statusText}`, undefined, res.status);
}

/** Helm's words: `looks like "<repo>" is not a valid chart repository or cannot be reached: <why>`. */
function unreachable(req: IndexRequest, why: string, cause?: unknown, httpStatus?: number): HelmRepositoryError {
  return new HelmRepositoryError('IndexFetchFailed', req.repoUrl,
    `looks like "${redactUrl(req.repoUrl)}" is not a valid chart repository or cannot be reached: ${why}`,
    { ...(cause !== undefined ? { cause } : {}), ...(httpStatus !== undefined ? { httpStatus } : {}) });
}

function validators(res: HttpResponse): { etag: string | undefined; lastModified: string | undefined } {
  const etag = res.headers.etag;
  const lm = res.headers['last-modified'];
  return { etag: typeof etag === 'string' ? etag : undefined, lastModified: typeof lm === 'string' ? lm : undefined };
}

async function scanStream(res: HttpResponse, req: IndexRequest): Promise<IndexFetchResult> {
  const scanner = new IndexScanner(req.wanted);
  const decoder = new TextDecoder('utf-8');
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of res.body) {
      const b = chunk as Buffer;
      if (bytes === 0 && looksLikeJson(b.subarray(0, 64).toString('utf8'))) throw new NeedsWholeDocument(JSON_INDEX);
      bytes += b.length;
      if (bytes > req.maxSize) throw tooLarge(req);
      hash.update(b);
      scanner.push(decoder.decode(b, { stream: true }));
    }
    scanner.push(decoder.decode());
    const scan = scanner.end();
    return finish(scan, req, { ...validators(res), digest: `sha256:${hash.digest('hex')}`, bytes, wholeDocument: false });
  } catch (e) {
    if (e instanceof IndexScanUnsupported) throw new NeedsWholeDocument(e.message);
    throw streamError(e, req);
  } finally {
    res.body.destroy();
  }
}

async function readWhole(res: HttpResponse, req: IndexRequest): Promise<IndexFetchResult> {
  let body: Buffer;
  try {
    body = await readBody(res, req.maxSize);
  } catch (e) {
    throw e instanceof HttpError && e.code === 'TooLarge' ? tooLarge(req) : streamError(e, req);
  }
  let scan: IndexScan;
  try {
    scan = parseIndexDocument(body.toString('utf8'), req.wanted);
  } catch (e) {
    const msg = e instanceof IndexDocumentError ? e.message : String(e);
    throw new HelmRepositoryError('IndexInvalid', req.indexUrl, `error loading ${redactUrl(req.indexUrl)}: ${msg}`, { cause: e });
  }
  const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
  return finish(scan, req, { ...validators(res), digest, bytes: body.length, wholeDocument: true });
}

function finish(scan: IndexScan, req: IndexRequest, meta: Omit<Extract<IndexFetchResult, { notModified: false }>, 'notModified' | 'scan'>): IndexFetchResult {
  if (meta.bytes === 0) {
    throw new HelmRepositoryError('IndexInvalid', req.indexUrl, `error loading ${redactUrl(req.indexUrl)}: empty index.yaml file`);
  }
  if (scan.apiVersion === undefined || scan.apiVersion === '') {
    throw new HelmRepositoryError('IndexInvalid', req.indexUrl, `error loading ${redactUrl(req.indexUrl)}: no API version specified`);
  }
  return { notModified: false, scan, ...meta };
}

function tooLarge(req: IndexRequest): HelmRepositoryError {
  return new HelmRepositoryError('IndexTooLarge', req.indexUrl,
    `${redactUrl(req.indexUrl)}: the index is larger than the limit of ${req.maxSize} bytes`);
}

function streamError(e: unknown, req: IndexRequest): Error {
  if (e instanceof HelmRepositoryError || e instanceof NeedsWholeDocument) return e;
  return unreachable(req, `reading ${redactUrl(req.indexUrl)}: ${(e as Error).message}`, e);
}
