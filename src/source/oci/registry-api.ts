/**
 * The few calls of the registry v2 HTTP API a chart pull needs: the tag list (paginated through `Link`
 * headers), manifests by tag or digest, and blobs, each checked against its digest. Authentication is handled
 * by RegistryAuth on a 401.
 */
import { createHash } from 'node:crypto';
import type { HttpClient, HttpResponse } from '../helm-repository/http-client.ts';
import { HttpError, readBody } from '../helm-repository/http-client.ts';
import type { RegistryAuth } from './auth.ts';
import { OciRegistryError } from './errors.ts';

export const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_MANIFEST_MEDIA_TYPE = 'application/vnd.docker.distribution.manifest.v2+json';
const MAX_MANIFEST_SIZE = 4 * 1024 * 1024;
const MAX_TAG_PAGES = 1000;

export interface RegistryApiOptions {
  /** `http:` or `https:` */
  readonly protocol: string;
  /** `host[:port]` */
  readonly registry: string;
  readonly http: HttpClient;
  readonly auth: RegistryAuth;
  /** `n` of each tag list page */
  readonly tagPageSize: number;
}

export interface FetchedManifest {
  readonly bytes: Buffer;
  /** `sha256:<hex>` of `bytes` */
  readonly digest: string;
  readonly mediaType: string;
}

export class RegistryApi {
  readonly #o: RegistryApiOptions;
  readonly #base: string;

  constructor(o: RegistryApiOptions) {
    this.#o = o;
    this.#base = `${o.protocol}//${o.registry}`;
  }

  /** All tags of a repository, in the registry's order; `[]` when the repository does not exist. */
  async tags(repo: string, signal?: AbortSignal): Promise<string[]> {
    const out: string[] = [];
    let next: URL | undefined = new URL(`${this.#base}/v2/${repo}/tags/list?n=${this.#o.tagPageSize}`);
    for (let page = 0; next !== undefined; page++) {
      if (page >= MAX_TAG_PAGES) throw new OciRegistryError('RegistryError', next.href, `${repo}: more than ${MAX_TAG_PAGES} pages of tags`);
      const res = await this.#get(next, repo, {}, signal);
      if (res.status === 404 && page === 0) {
        res.body.resume();
        return [];
      }
      const body = await this.#ok(res, 'GET', MAX_MANIFEST_SIZE);
      const json = parseJson(body, next.href) as { tags?: unknown };
      if (Array.isArray(json.tags)) for (const t of json.tags) if (typeof t === 'string') out.push(t);
      next = nextLink(res, next);
      if (next !== undefined && next.origin !== new URL(this.#base).origin) {
        throw new OciRegistryError('RegistryError', next.href, `${repo}: the tag list's next page is on another host`);
      }
    }
    return out;
  }

  /**
   * The manifest at a tag or digest, with its digest computed from the bytes. When `ref` is a digest, or the
   * registry names one in `Docker-Content-Digest`, the bytes must hash to it. Undefined on 404.
   */
  async manifest(repo: string, ref: string, signal?: AbortSignal): Promise<FetchedManifest | undefined> {
    const url = new URL(`${this.#base}/v2/${repo}/manifests/${ref}`);
    const res = await this.#get(url, repo, { accept: `${OCI_MANIFEST_MEDIA_TYPE}, ${DOCKER_MANIFEST_MEDIA_TYPE}` }, signal);
    if (res.status === 404) {
      res.body.resume();
      return undefined;
    }
    const bytes = await this.#ok(res, 'GET', MAX_MANIFEST_SIZE);
    const digest = sha256(bytes);
    const claimed = ref.startsWith('sha256:') ? ref : header(res, 'docker-content-digest');
    if (claimed !== undefined && claimed.startsWith('sha256:') && claimed !== digest) {
      throw new OciRegistryError('DigestMismatch', url.href, `${repo}@${claimed}: the manifest's content has digest ${digest}`);
    }
    const mediaType = (parseJson(bytes, url.href) as { mediaType?: unknown }).mediaType;
    const ct = header(res, 'content-type') ?? '';
    return { bytes, digest, mediaType: typeof mediaType === 'string' ? mediaType : ct.split(';')[0]?.trim() ?? '' };
  }

  /** The digest a tag points at (a HEAD; falls back to GET when the registry names none). Undefined on 404. */
  async resolveTag(repo: string, tag: string, signal?: AbortSignal): Promise<string | undefined> {
    const url = new URL(`${this.#base}/v2/${repo}/manifests/${tag}`);
    const res = await this.#get(url, repo, { accept: `${OCI_MANIFEST_MEDIA_TYPE}, ${DOCKER_MANIFEST_MEDIA_TYPE}` }, signal, 'HEAD');
    res.body.resume();
    if (res.status === 404) return undefined;
    if (res.status !== 200) await this.#ok(res, 'HEAD', 0);
    const d = header(res, 'docker-content-digest');
    if (d !== undefined && d.startsWith('sha256:')) return d;
    return (await this.manifest(repo, tag, signal))?.digest;
  }

  /** A blob, checked against its digest (and size, when given). */
  async blob(repo: string, digest: string, size: number | undefined, maxSize: number, signal?: AbortSignal): Promise<Buffer> {
    const url = new URL(`${this.#base}/v2/${repo}/blobs/${digest}`);
    if (size !== undefined && size > maxSize) {
      throw new OciRegistryError('TooLarge', url.href, `${repo}@${digest}: ${size} bytes is more than the limit of ${maxSize}`);
    }
    const res = await this.#get(url, repo, {}, signal);
    if (res.status === 404) {
      res.body.resume();
      throw new OciRegistryError('ChartNotFound', url.href, `${repo}@${digest}: blob not found`, { httpStatus: 404 });
    }
    const bytes = await this.#ok(res, 'GET', maxSize);
    const got = sha256(bytes);
    if (got !== digest || (size !== undefined && bytes.length !== size)) {
      throw new OciRegistryError('DigestMismatch', url.href,
        `${repo}@${digest}: digest mismatch: the registry sent ${bytes.length} bytes with digest ${got}`);
    }
    return bytes;
  }

  /** A GET (or HEAD) with the known authorization; on 401, answers the challenge and tries once more. */
  async #get(url: URL, repo: string, headers: Record<string, string>, signal?: AbortSignal, method: 'GET' | 'HEAD' = 'GET'): Promise<HttpResponse> {
    const scope = `repository:${repo}:pull`;
    const send = async (authorization: string | undefined): Promise<HttpResponse> => {
      try {
        return await this.#o.http.request({
          url, method, headers,
          ...(authorization !== undefined ? { authorization, authOrigin: url.origin } : {}),
          ...(signal !== undefined ? { signal } : {}),
        });
      } catch (e) {
        throw new OciRegistryError('RegistryError', url.href, `${method} ${url.href}: ${(e as Error).message}`, { cause: e });
      }
    };
    const first = this.#o.auth.header(scope);
    const res = await send(first);
    if (res.status !== 401) return res;
    res.body.resume();
    if (first !== undefined) this.#o.auth.forget(scope);
    return send(await this.#o.auth.answer(header(res, 'www-authenticate'), scope, url.href, signal));
  }

  /** The body of a 200, or the registry's error in oras's words (`response status code 401: unauthorized: …`). */
  async #ok(res: HttpResponse, method: string, limit: number): Promise<Buffer> {
    if (res.status === 200) {
      try {
        return await readBody(res, limit);
      } catch (e) {
        if (e instanceof HttpError && e.code === 'TooLarge') throw new OciRegistryError('TooLarge', res.url.href, e.message, { cause: e });
        throw new OciRegistryError('RegistryError', res.url.href, `${method} ${res.url.href}: ${(e as Error).message}`, { cause: e });
      }
    }
    let detail = '';
    try {
      const errs = (JSON.parse((await readBody(res, 64 * 1024)).toString('utf8')) as { errors?: { code?: string; message?: string }[] }).errors;
      detail = (errs ?? []).map((x) => `: ${(x.code ?? '').toLowerCase()}: ${x.message ?? ''}`).join('');
    } catch {
      // no JSON error body
    }
    const code = res.status === 401 || res.status === 403 ? 'Unauthorized' : 'RegistryError';
    throw new OciRegistryError(code, res.url.href, `${method} "${res.url.href}": response status code ${res.status}${detail}`, { httpStatus: res.status });
  }
}

function header(res: HttpResponse, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The `rel="next"` target of a `Link` header, resolved against the page URL. */
export function nextLink(res: HttpResponse, page: URL): URL | undefined {
  const link = header(res, 'link');
  if (link === undefined) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>\s*(.*)$/.exec(part);
    if (m !== null && /(?:^|;)\s*rel="?next"?\s*(?:;|$)/.test(m[2] ?? '')) return new URL(m[1] ?? '', page);
  }
  return undefined;
}

export function sha256(b: Uint8Array): string {
  return `sha256:${createHash('sha256').update(b).digest('hex')}`;
}

function parseJson(b: Buffer, url: string): unknown {
  try {
    return JSON.parse(b.toString('utf8'));
  } catch (e) {
    throw new OciRegistryError('InvalidManifest', url, `${url}: the answer is not JSON`, { cause: e });
  }
}
