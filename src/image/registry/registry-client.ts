/**
 * The registry v2 API calls an image scan needs: the tag list (`GET /v2/<name>/tags/list?n=…`, pages followed
 * through `Link: <…>; rel="next"`) and a tag's manifest digest (`HEAD /v2/<name>/manifests/<tag>` →
 * `Docker-Content-Digest`). Authentication is distribution's: a `401` with `WWW-Authenticate: Bearer …` is
 * answered with a token from the realm (asked with the basic credentials, or anonymously), `Basic` with the
 * credentials; both through the OCI source's RegistryAuth, over its HttpClient (per-registry TLS: CA, client
 * certificate, insecureSkipVerify).
 *
 * Plain HTTP is used only when `insecure` is set (Flux's `spec.insecure`), never guessed from the host.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { HttpClient, HttpError, readBody, type HttpResponse, type TlsOptions } from '../../source/helm-repository/http-client.ts';
import { redactUrl } from '../../source/helm-repository/redact.ts';
import { RegistryAuth } from '../../source/oci/auth.ts';
import { OciRegistryError } from '../../source/oci/errors.ts';
import type { RegistryCredentials } from './docker-config.ts';
import { ImageRegistryError, type ImageRegistryErrorCode } from './errors.ts';
import { parseImageName, type ImageName } from './image-name.ts';
import { nextPageUrl } from './link-header.ts';

/** What a manifest HEAD accepts: single-platform manifests and multi-platform indexes, OCI and Docker. */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

const MAX_PAGES = 1000;
const MAX_PAGE_BYTES = 8 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const TAG = /^[\w][\w.-]{0,127}$/;

export interface RegistryClientOptions {
  /** `[host[:port]/]path`, without tag */
  readonly image: string;
  readonly logger: Logger;
  /** basic credentials, for the registry or its token service; anonymous without */
  readonly credentials?: RegistryCredentials | undefined;
  readonly tls?: TlsOptions | undefined;
  /** talk plain HTTP (Flux's `insecure: true`) */
  readonly insecure?: boolean | undefined;
  /** socket idle timeout per request, ms (default 60 s) */
  readonly timeoutMs?: number | undefined;
  /** `n` asked of each tag list page (default 1000) */
  readonly pageSize?: number | undefined;
}

export class ImageRegistryClient {
  readonly name: ImageName;
  readonly #http: HttpClient;
  readonly #auth: RegistryAuth;
  readonly #base: string;
  readonly #pageSize: number;
  readonly #log: Logger;

  /** Throws `InvalidImage` for a bad image name. */
  constructor(o: RegistryClientOptions) {
    this.name = parseImageName(o.image);
    this.#http = new HttpClient({
      ...(o.tls !== undefined ? { tls: o.tls } : {}),
      ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
    });
    this.#auth = new RegistryAuth(this.#http, o.credentials);
    this.#base = `${o.insecure === true ? 'http' : 'https'}://${this.name.apiHost}`;
    this.#pageSize = o.pageSize ?? 1000;
    this.#log = o.logger.child({ component: 'image-registry', image: this.name.image });
  }

  /** Every tag, in the registry's order. Throws ImageRegistryError (`NotFound` when the repository is unknown). */
  async listTags(signal?: AbortSignal): Promise<string[]> {
    const tags: string[] = [];
    let url: URL | undefined = new URL(`${this.#base}/v2/${this.name.repository}/tags/list?n=${this.#pageSize}`);
    for (let page = 0; url !== undefined; page++) {
      if (page >= MAX_PAGES) throw this.#error('InvalidResponse', `more than ${MAX_PAGES} pages of tags`, url);
      const res = await this.#send(url, 'GET', {}, signal);
      if (res.status !== 200) throw await this.#failure(res, 'listing tags');
      const body = await this.#body(res, MAX_PAGE_BYTES);
      for (const t of this.#tagsOf(body, url)) tags.push(t);
      const next = nextPageUrl(res.headers.link, url);
      if (next !== undefined && next.origin !== url.origin) throw this.#error('InvalidResponse', 'the next page of tags is on another host', next);
      this.#log.debug({ page, tags: tags.length, next: next?.href }, 'tag page read');
      url = next;
    }
    return tags;
  }

  /**
   * The `sha256:…` digest of the manifest (or index) `tag` points at: the `Docker-Content-Digest` of a HEAD, or,
   * when the registry sends none, the hash of the manifest's bytes. Throws `NotFound` for an unknown tag.
   */
  async manifestDigest(tag: string, signal?: AbortSignal): Promise<string> {
    if (!TAG.test(tag)) throw new ImageRegistryError('InvalidImage', this.name.image, `${this.name.image}: invalid tag ${JSON.stringify(tag)}`);
    const url = new URL(`${this.#base}/v2/${this.name.repository}/manifests/${tag}`);
    const head = await this.#send(url, 'HEAD', { accept: MANIFEST_ACCEPT }, signal);
    head.body.resume();
    if (head.status !== 200) throw await this.#failure(head, `looking up tag ${tag}`);
    const claimed = header(head, 'docker-content-digest');
    if (claimed !== undefined && /^sha256:[a-f0-9]{64}$/.test(claimed)) return claimed;
    const res = await this.#send(url, 'GET', { accept: MANIFEST_ACCEPT }, signal);
    if (res.status !== 200) throw await this.#failure(res, `reading the manifest of tag ${tag}`);
    const bytes = await this.#body(res, MAX_MANIFEST_BYTES);
    return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  }

  close(): void {
    this.#http.close();
  }

  /** One request; on a 401 the challenge is answered and the request sent once more. */
  async #send(url: URL, method: 'GET' | 'HEAD', headers: Record<string, string>, signal: AbortSignal | undefined): Promise<HttpResponse> {
    const scope = `repository:${this.name.repository}:pull`;
    const first = this.#auth.header(scope);
    const res = await this.#request(url, method, headers, first, signal);
    if (res.status !== 401) return res;
    res.body.resume();
    if (first !== undefined) this.#auth.forget(scope);
    let authorization: string;
    try {
      authorization = await this.#auth.answer(header(res, 'www-authenticate'), scope, url.href, signal);
    } catch (e) {
      throw this.#fromAuth(e, url);
    }
    return this.#request(url, method, headers, authorization, signal);
  }

  async #request(url: URL, method: 'GET' | 'HEAD', headers: Record<string, string>, authorization: string | undefined,
    signal: AbortSignal | undefined): Promise<HttpResponse> {
    try {
      return await this.#http.request({
        url, method, headers,
        ...(authorization !== undefined ? { authorization, authOrigin: url.origin } : {}),
        ...(signal !== undefined ? { signal } : {}),
      });
    } catch (e) {
      throw this.#error('Unreachable', `${method} ${redactUrl(url)}: ${(e as Error).message}`, url, { cause: e });
    }
  }

  async #body(res: HttpResponse, limit: number): Promise<Buffer> {
    try {
      return await readBody(res, limit);
    } catch (e) {
      const code = e instanceof HttpError && e.code === 'TooLarge' ? 'InvalidResponse' : 'Unreachable';
      throw this.#error(code, `reading ${redactUrl(res.url)}: ${(e as Error).message}`, res.url, { cause: e });
    }
  }

  #tagsOf(body: Buffer, url: URL): string[] {
    let doc: { tags?: unknown };
    try {
      doc = JSON.parse(body.toString('utf8')) as { tags?: unknown };
    } catch (e) {
      throw this.#error('InvalidResponse', 'the tag list is not JSON', url, { cause: e });
    }
    if (doc.tags === null || doc.tags === undefined) return [];
    if (!Array.isArray(doc.tags)) throw this.#error('InvalidResponse', 'the tag list has no "tags" array', url);
    return doc.tags.filter((t): t is string => typeof t === 'string');
  }

  /** The error for a non-200 answer, with the registry's own error codes and messages. */
  async #failure(res: HttpResponse, doing: string): Promise<ImageRegistryError> {
    let detail = '';
    try {
      const errs = (JSON.parse((await readBody(res, 64 * 1024)).toString('utf8')) as { errors?: { code?: string; message?: string }[] }).errors;
      detail = (errs ?? []).map((x) => `: ${x.code ?? ''} ${x.message ?? ''}`.trimEnd()).join('');
    } catch {
      // a HEAD, or no JSON error body
    }
    const s = res.status;
    const code: ImageRegistryErrorCode = s === 401 || s === 403 ? 'Unauthorized' : s === 404 ? 'NotFound' : 'RegistryError';
    return this.#error(code, `${doing}: ${redactUrl(res.url)} answered ${s} ${res.statusText}${detail}`, res.url, { httpStatus: s });
  }

  #fromAuth(e: unknown, url: URL): ImageRegistryError {
    if (e instanceof OciRegistryError) {
      const unreachable = e.cause instanceof HttpError;
      const code: ImageRegistryErrorCode = e.code === 'Unauthorized' ? 'Unauthorized' : unreachable ? 'Unreachable' : 'RegistryError';
      return this.#error(code, e.message, url, { cause: e, httpStatus: e.httpStatus });
    }
    return this.#error('RegistryError', (e as Error).message, url, { cause: e });
  }

  #error(code: ImageRegistryErrorCode, message: string, url: URL, o: { cause?: unknown; httpStatus?: number | undefined } = {}): ImageRegistryError {
    return new ImageRegistryError(code, this.name.image, `${this.name.image}: ${message}`, { ...o, url: redactUrl(url) });
  }
}

function header(res: HttpResponse, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
