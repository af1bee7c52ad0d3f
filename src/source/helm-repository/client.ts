/**
 * HelmRepositoryClient: one HTTP(S) chart repository (`index.yaml` + chart archives), as Helm's repo and
 * getter packages (v3.17) use it, with a memory bound: only the charts asked for are kept from the index.
 */
import type { Logger } from '../../observability/logger.ts';
import { downloadChart, type ChartDownload } from './download.ts';
import { HelmRepositoryError } from './errors.ts';
import { HttpClient, type TlsOptions } from './http-client.ts';
import type { ChartVersionEntry } from './index-entry.ts';
import { fetchIndex } from './index-fetch.ts';
import { redactUrl } from './redact.ts';
import { resolveChartVersion, sortNewestFirst } from './resolve.ts';
import { indexUrl, originOf } from './url.ts';

/** Flux's defaults: `--helm-index-max-size` 50 MiB and `--helm-chart-max-size` 10 MiB. */
export const DEFAULT_MAX_INDEX_SIZE = 50 * 1024 * 1024;
export const DEFAULT_MAX_CHART_SIZE = 10 * 1024 * 1024;

export interface HelmRepositoryClientOptions {
  /** repository URL (`https://charts.example.com/stable`); the index is `<url>/index.yaml` */
  readonly url: string;
  readonly logger: Logger;
  /** basic auth; sent only when both are non-empty, as Helm does */
  readonly username?: string;
  readonly password?: string;
  /**
   * Helm's `pass_credentials_all`: also send the credentials to archive URLs on other hosts. Off by default:
   * credentials go only to the repository's own scheme, host and port.
   */
  readonly passCredentialsAll?: boolean;
  readonly tls?: TlsOptions;
  readonly maxIndexSize?: number;
  readonly maxChartSize?: number;
  /** socket idle timeout, ms */
  readonly timeoutMs?: number;
}

/** The part of an index that was asked for. */
export interface HelmIndex {
  /** index URL, credentials removed */
  readonly url: string;
  readonly apiVersion: string;
  readonly generated: string | undefined;
  /** the wanted charts found in the index, versions newest first */
  readonly entries: ReadonlyMap<string, readonly ChartVersionEntry[]>;
  /** how many charts and versions the whole index lists */
  readonly chartCount: number;
  readonly versionCount: number;
  /** `sha256:<hex>` of the index text: the repository's revision */
  readonly digest: string;
  readonly etag: string | undefined;
  readonly lastModified: string | undefined;
  /** true when the server answered 304 and the cached result was reused */
  readonly fromCache: boolean;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
}

interface Cached {
  readonly index: HelmIndex;
  readonly scanned: ReadonlySet<string>;
}

export class HelmRepositoryClient {
  /** the repository URL as configured (may hold credentials: never log it, use `redactedUrl`) */
  readonly url: string;
  readonly redactedUrl: string;
  readonly #opts: HelmRepositoryClientOptions;
  readonly #http: HttpClient;
  readonly #log: Logger;
  readonly #authorization: string | undefined;
  #cache: Cached | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  /** Throws HelmRepositoryError `InvalidURL` unless `opts.url` is an http(s) URL. */
  constructor(opts: HelmRepositoryClientOptions) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(opts.url);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      const scheme = parsed?.protocol.replace(/:$/, '') ?? '';
      throw new HelmRepositoryError('InvalidURL', opts.url, parsed === undefined
        ? `invalid chart URL format: ${redactUrl(opts.url)}`
        : `could not find protocol handler for: ${scheme}`);
    }
    this.url = opts.url;
    this.redactedUrl = redactUrl(opts.url);
    this.#opts = opts;
    this.#http = new HttpClient({ ...(opts.tls !== undefined ? { tls: opts.tls } : {}), ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}) });
    this.#log = opts.logger.child({ component: 'helm-repository', url: this.redactedUrl });
    const { username, password } = opts;
    this.#authorization = username && password ? `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` : undefined;
  }

  /**
   * Fetches the index and keeps the versions of the `wanted` charts only (pass every chart name this
   * repository must serve: names not passed are not kept). When a previous call already read all of `wanted`,
   * the GET is conditional (ETag / Last-Modified) and a 304 reuses the cached result without reading anything.
   * Calls are serialised. Throws HelmRepositoryError (`IndexFetchFailed`, `IndexInvalid`, `IndexTooLarge`).
   */
  fetchIndex(wanted: Iterable<string>, opts: CallOptions = {}): Promise<HelmIndex> {
    const names = new Set(wanted);
    return this.#serial(() => this.#fetchIndex(names, opts));
  }

  /**
   * Resolves `chart` at a semver `constraint` (`""`/`*` = latest stable; an exact version string wins; pre-releases
   * only when the constraint names one). The index is refreshed with a conditional GET and scanned for this chart
   * together with the charts already cached. Throws HelmRepositoryError `ChartNotFound` with Helm's message
   * (`chart "x" version "y" not found in <url> repository`, cause `no chart version found for x-y`), or
   * `InvalidConstraint`.
   */
  async resolve(chart: string, constraint: string, opts: CallOptions = {}): Promise<ChartVersionEntry> {
    const names = new Set(this.#cache?.scanned ?? []);
    names.add(chart);
    const index = await this.fetchIndex(names, opts);
    return resolveChartVersion(index.entries, chart, constraint, this.url);
  }

  /**
   * Downloads the archive of `entry` (its first URL, resolved against the repository URL) and checks its
   * sha256 against the entry's digest when the index gives one. Does not unpack it.
   * Throws HelmRepositoryError (`NoChartURL`, `ChartDownloadFailed`, `ChartTooLarge`, `DigestMismatch`).
   */
  download(entry: ChartVersionEntry, opts: CallOptions = {}): Promise<ChartDownload> {
    return downloadChart(this.#http, {
      repoUrl: this.url,
      entry,
      maxSize: this.#opts.maxChartSize ?? DEFAULT_MAX_CHART_SIZE,
      ...(this.#authorization !== undefined ? { authorization: this.#authorization, authOrigin: this.#authOrigin() } : {}),
      ...(opts.signal !== undefined ? { signal: opts.signal } : {}),
    }, this.#log);
  }

  /** The cached index, if any (no network). */
  cached(): HelmIndex | undefined {
    return this.#cache?.index;
  }

  /** Closes pooled connections. */
  close(): void {
    this.#http.close();
  }

  #authOrigin(): string {
    return this.#opts.passCredentialsAll === true ? '*' : originOf(this.url);
  }

  async #fetchIndex(wanted: ReadonlySet<string>, opts: CallOptions): Promise<HelmIndex> {
    const cache = this.#cache;
    const covered = cache !== undefined && [...wanted].every((n) => cache.scanned.has(n));
    const url = indexUrl(this.url);
    const t0 = performance.now();
    const res = await fetchIndex(this.#http, {
      repoUrl: this.url,
      indexUrl: url,
      wanted,
      maxSize: this.#opts.maxIndexSize ?? DEFAULT_MAX_INDEX_SIZE,
      ...(this.#authorization !== undefined ? { authorization: this.#authorization, authOrigin: this.#authOrigin() } : {}),
      ...(covered && cache.index.etag !== undefined ? { etag: cache.index.etag } : {}),
      ...(covered && cache.index.lastModified !== undefined ? { lastModified: cache.index.lastModified } : {}),
      ...(opts.signal !== undefined ? { signal: opts.signal } : {}),
    }, this.#log);
    if (res.notModified) {
      if (cache === undefined) throw new HelmRepositoryError('IndexFetchFailed', url, `${redactUrl(url)}: 304 Not Modified without a cached copy`);
      this.#log.debug({ ms: Math.round(performance.now() - t0) }, 'index.yaml not modified; reusing the cached result');
      return { ...cache.index, entries: pick(cache.index.entries, wanted), fromCache: true };
    }
    const entries = new Map<string, readonly ChartVersionEntry[]>();
    for (const [name, list] of res.scan.entries) entries.set(name, sortNewestFirst(list));
    if (res.scan.skipped.length > 0) this.#log.warn({ skipped: res.scan.skipped }, 'skipping invalid index entries');
    const index: HelmIndex = {
      url: redactUrl(url),
      apiVersion: res.scan.apiVersion ?? '',
      generated: res.scan.generated,
      entries,
      chartCount: res.scan.chartCount,
      versionCount: res.scan.versionCount,
      digest: res.digest,
      etag: res.etag,
      lastModified: res.lastModified,
      fromCache: false,
    };
    this.#cache = { index, scanned: wanted };
    this.#log.debug({ bytes: res.bytes, charts: index.chartCount, kept: entries.size, whole: res.wholeDocument, ms: Math.round(performance.now() - t0) }, 'index.yaml fetched');
    return index;
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

function pick<V>(m: ReadonlyMap<string, V>, names: ReadonlySet<string>): Map<string, V> {
  const out = new Map<string, V>();
  for (const n of names) {
    const v = m.get(n);
    if (v !== undefined) out.set(n, v);
  }
  return out;
}
