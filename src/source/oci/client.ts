/**
 * OciRepositoryClient: Helm charts in an OCI registry (`oci://host[:port]/path`), read through the registry v2
 * API the way Helm 3.17's registry client reads them, with every manifest and blob checked against its digest.
 */
import type { Logger } from '../../observability/logger.ts';
import { HttpClient, type TlsOptions } from '../helm-repository/http-client.ts';
import { RegistryAuth } from './auth.ts';
import { readChartConfig, readChartManifest, type ChartConfig } from './chart-manifest.ts';
import { OciRegistryError } from './errors.ts';
import { chartRepository, parseOciRepositoryUrl, splitDigest, versionToTag, OCI_SCHEME, type OciRepositoryUrl } from './reference.ts';
import { RegistryApi } from './registry-api.ts';
import { isExactVersion, matchVersion, versionsFromTags } from './resolve.ts';

/** Flux's default chart size limit (`--helm-chart-max-size`), 10 MiB. */
export const DEFAULT_MAX_OCI_CHART_SIZE = 10 * 1024 * 1024;
const MAX_CONFIG_SIZE = 1024 * 1024;

export interface OciRepositoryClientOptions {
  /** `oci://host[:port]/path`; charts are `<path>/<chart>` in the registry */
  readonly url: string;
  readonly logger: Logger;
  /** for `Basic` challenges and for asking the token service (`Bearer` challenges); anonymous without */
  readonly username?: string;
  readonly password?: string;
  readonly tls?: TlsOptions;
  /** talk plain HTTP instead of HTTPS (Helm's `--plain-http`, Flux's `insecure: true`) */
  readonly plainHttp?: boolean;
  readonly maxChartSize?: number;
  /** socket idle timeout, ms */
  readonly timeoutMs?: number;
  /** page size asked of the tag list (`n`), default 1000 */
  readonly tagPageSize?: number;
}

/** A resolved chart version, pinned to its manifest digest. */
export interface OciChartVersion {
  readonly chart: string;
  readonly version: string;
  /** the registry tag (`+` written as `_`) */
  readonly tag: string;
  /** `sha256:<hex>` of the manifest */
  readonly digest: string;
  /** `oci://host/path/chart:tag@digest` */
  readonly ref: string;
}

/** A pulled chart. */
export interface OciChartPull extends OciChartVersion {
  /** the chart `.tgz`, as pushed */
  readonly tgz: Uint8Array;
  /** `sha256:<hex>` of `tgz` (the chart layer's digest, verified) */
  readonly chartDigest: string;
  /** Chart.yaml metadata from the manifest's config */
  readonly config: ChartConfig;
}

export interface OciCallOptions {
  readonly signal?: AbortSignal;
}

export class OciRepositoryClient {
  /** the repository URL, `oci://host[:port]/path` */
  readonly url: string;
  readonly #repo: OciRepositoryUrl;
  readonly #http: HttpClient;
  readonly #api: RegistryApi;
  readonly #log: Logger;
  readonly #maxChartSize: number;

  constructor(opts: OciRepositoryClientOptions) {
    this.#repo = parseOciRepositoryUrl(opts.url);
    this.url = `${OCI_SCHEME}${this.#repo.registry}${this.#repo.prefix !== '' ? `/${this.#repo.prefix}` : ''}`;
    this.#http = new HttpClient({ ...(opts.tls !== undefined ? { tls: opts.tls } : {}), ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}) });
    const creds = opts.username !== undefined && opts.username !== '' ? { username: opts.username, password: opts.password ?? '' } : undefined;
    this.#api = new RegistryApi({
      protocol: opts.plainHttp === true ? 'http:' : 'https:',
      registry: this.#repo.registry,
      http: this.#http,
      auth: new RegistryAuth(this.#http, creds),
      tagPageSize: opts.tagPageSize ?? 1000,
    });
    this.#log = opts.logger.child({ component: 'oci-repository', url: this.url });
    this.#maxChartSize = opts.maxChartSize ?? DEFAULT_MAX_OCI_CHART_SIZE;
  }

  /** The chart's versions from its tags (strict semver only, `_` read as `+`), newest first. */
  async tags(chart: string, opts: OciCallOptions = {}): Promise<string[]> {
    return versionsFromTags(await this.#api.tags(chartRepository(this.#repo, chart), opts.signal));
  }

  /**
   * Resolves a version to a manifest digest. `constraint` is an exact version (used as the tag directly, as Helm
   * does), a semver range (`""`/`*` = latest stable) matched against the tags, or a pin `1.2.3@sha256:…` /
   * `@sha256:…` (the tag, when named, must point at that digest). Throws OciRegistryError with Helm's words:
   * `host/path/chart:1.2.3: not found`, `Unable to locate any tags in provided repository: oci://…`,
   * `Could not locate a version matching provided version string ^2`.
   */
  async resolve(chart: string, constraint: string, opts: OciCallOptions = {}): Promise<OciChartVersion> {
    const repo = chartRepository(this.#repo, chart);
    const where = `${this.#repo.registry}/${repo}`;
    const { version, digest } = splitDigest(constraint, `${OCI_SCHEME}${where}`);
    const signal = opts.signal;
    if (digest !== undefined) return this.#resolvePinned(chart, repo, version, digest, signal);
    let chosen = version;
    if (!isExactVersion(version)) {
      const versions = await this.tags(chart, opts);
      if (versions.length === 0) {
        throw new OciRegistryError('ChartNotFound', `${OCI_SCHEME}${where}`, `Unable to locate any tags in provided repository: ${OCI_SCHEME}${where}`);
      }
      let m: string | { notFound: string };
      try {
        m = matchVersion(versions, version);
      } catch (e) {
        throw new OciRegistryError('InvalidConstraint', `${OCI_SCHEME}${where}`, `${chart}: invalid version constraint "${version}": ${(e as Error).message}`, { cause: e });
      }
      if (typeof m !== 'string') throw new OciRegistryError('ChartNotFound', `${OCI_SCHEME}${where}`, m.notFound);
      chosen = m;
    }
    const tag = versionToTag(chosen);
    const d = await this.#api.resolveTag(repo, tag, signal);
    if (d === undefined) throw new OciRegistryError('ChartNotFound', `${OCI_SCHEME}${where}:${tag}`, `${where}:${tag}: not found`, { httpStatus: 404 });
    this.#log.debug({ chart, constraint, version: chosen, digest: d }, 'chart version resolved');
    return { chart, version: chosen, tag, digest: d, ref: `${OCI_SCHEME}${where}:${tag}@${d}` };
  }

  /**
   * Pulls a chart: resolves `version` as `resolve` does, then fetches the manifest by digest, the config and the
   * chart layer, each verified against its digest and size. Throws OciRegistryError (`ChartNotFound`,
   * `DigestMismatch`, `InvalidManifest`, `TooLarge`, `Unauthorized`, `RegistryError`).
   */
  async pull(chart: string, version: string, opts: OciCallOptions = {}): Promise<OciChartPull> {
    const r = await this.resolve(chart, version, opts);
    const repo = chartRepository(this.#repo, chart);
    const m = await this.#api.manifest(repo, r.digest, opts.signal);
    if (m === undefined) throw new OciRegistryError('ChartNotFound', r.ref, `${r.ref}: not found`, { httpStatus: 404 });
    const cm = readChartManifest(m.bytes, r.ref);
    const config = readChartConfig(await this.#api.blob(repo, cm.config.digest, cm.config.size, MAX_CONFIG_SIZE, opts.signal), r.ref);
    const tgz = await this.#api.blob(repo, cm.chart.digest, cm.chart.size, this.#maxChartSize, opts.signal);
    this.#log.debug({ chart, version: r.version, digest: r.digest, bytes: tgz.length }, 'chart pulled');
    return { ...r, tgz: new Uint8Array(tgz.buffer, tgz.byteOffset, tgz.byteLength), chartDigest: cm.chart.digest, config };
  }

  /** Closes pooled connections. */
  close(): void {
    this.#http.close();
  }

  async #resolvePinned(chart: string, repo: string, version: string, digest: string, signal: AbortSignal | undefined): Promise<OciChartVersion> {
    const where = `${this.#repo.registry}/${repo}`;
    if (version !== '') {
      // Helm's ValidateReference: the tag need not exist, but if it does it must point at the pinned digest
      const tagged = await this.#api.resolveTag(repo, versionToTag(version), signal);
      if (tagged !== undefined && tagged !== digest) {
        throw new OciRegistryError('DigestMismatch', `${OCI_SCHEME}${where}:${versionToTag(version)}`, `chart reference digest mismatch: ${tagged} is not ${digest}`);
      }
    }
    const m = await this.#api.manifest(repo, digest, signal);
    if (m === undefined) throw new OciRegistryError('ChartNotFound', `${OCI_SCHEME}${where}@${digest}`, `${where}@${digest}: not found`, { httpStatus: 404 });
    let v = version;
    if (v === '') {
      const cm = readChartManifest(m.bytes, `${where}@${digest}`);
      v = readChartConfig(await this.#api.blob(repo, cm.config.digest, cm.config.size, MAX_CONFIG_SIZE, signal), `${where}@${digest}`).version;
    }
    const tag = versionToTag(v);
    return { chart, version: v, tag, digest, ref: `${OCI_SCHEME}${where}:${tag}@${digest}` };
  }
}
