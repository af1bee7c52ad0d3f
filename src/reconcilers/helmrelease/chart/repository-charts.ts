/**
 * Charts from chart repositories: `chart.spec` with a HelmRepository `sourceRef`, and Flux v1's inline
 * `chart.repository{url, name, version, secretRef}`. HTTP repositories go through HelmRepositoryClient
 * (index.yaml, conditional GETs), OCI registries through OciRepositoryClient; the version is the semver range
 * resolved now, and the archive is downloaded once per digest.
 */
import { parseHelmRepository, type ChartRepositorySource, type HelmChartTemplateSpec, type HelmRepository } from '../../../api/index.ts';
import { loadChartArchive } from '../../../chart/index.ts';
import type { KubeClient } from '../../../kube/index.ts';
import type { Logger } from '../../../observability/logger.ts';
import { HelmRepositoryClient, redactUrl, type TlsOptions } from '../../../source/helm-repository/index.ts';
import { OciRepositoryClient } from '../../../source/oci/index.ts';
import { helmRepositoryGvk } from '../../shared/kinds.ts';
import { configReader } from '../../shared/object-reader.ts';
import { chartValuesFiles, resolvedChart } from './load.ts';
import { ChartResolveError, type ChartResolveContext, type ResolvedChart } from './resolver.ts';

interface RepoAccess {
  url: string;
  username?: string;
  password?: string;
  tls?: TlsOptions;
  insecure?: boolean;
}

type Client = { readonly kind: 'http'; readonly client: HelmRepositoryClient } | { readonly kind: 'oci'; readonly client: OciRepositoryClient };

/** The source controllers' clients per HelmRepository (src/reconcilers/source's SourceArtifacts). */
export interface HelmRepositoryClients {
  /** the object's client (shared with its controller, so the index cache serves both); undefined when it does not exist */
  helmRepositoryClient(namespace: string, name: string): Promise<Client | undefined>;
}

const maxArchives = 64;

export class RepositoryCharts {
  readonly #kube: KubeClient;
  readonly #log: Logger;
  readonly #sources: HelmRepositoryClients | undefined;
  readonly #clients = new Map<string, Client>();
  /** digest → archive bytes, least recently used first */
  readonly #archives = new Map<string, Uint8Array>();

  constructor(opts: { kube: KubeClient; log: Logger; sources?: HelmRepositoryClients | undefined }) {
    this.#kube = opts.kube;
    this.#log = opts.log;
    this.#sources = opts.sources;
  }

  async fromHelmRepository(spec: HelmChartTemplateSpec, namespace: string, ctx: ChartResolveContext): Promise<ResolvedChart> {
    const key = `${namespace}/${spec.sourceRef.name}`;
    const o = { spec, source: `HelmRepository ${key}`, sourceObject: key };
    if (this.#sources !== undefined) {
      let shared: Client | undefined;
      try {
        shared = await this.#sources.helmRepositoryClient(namespace, spec.sourceRef.name);
      } catch (e) {
        throw new ChartResolveError('SourceNotReady', (e as Error).message, { cause: e });
      }
      if (shared === undefined) throw new ChartResolveError('SourceNotFound', `HelmRepository '${key}' not found`);
      return this.#resolveWith(shared, spec.chart, spec.version, ctx, o);
    }
    const repo = await this.#helmRepository(namespace, spec.sourceRef.name, ctx);
    const access = await this.#access(repo.spec.url, namespace, repo.spec.secretRef?.name, repo.spec.certSecretRef?.name, ctx);
    return this.#resolve({ ...access, insecure: repo.spec.insecure }, spec.chart, spec.version, ctx, o);
  }

  async fromInlineRepository(src: ChartRepositorySource, namespace: string, ctx: ChartResolveContext): Promise<ResolvedChart> {
    const access = await this.#access(src.url, namespace, src.secretRef?.name, undefined, ctx);
    return this.#resolve(access, src.name, src.version, ctx, { source: redactUrl(src.url) });
  }

  close(): void {
    for (const c of this.#clients.values()) c.client.close();
    this.#clients.clear();
  }

  #resolve(access: RepoAccess, chart: string, version: string, ctx: ChartResolveContext, o: { spec?: HelmChartTemplateSpec; source: string; sourceObject?: string }): Promise<ResolvedChart> {
    return this.#resolveWith(this.#client(access), chart, version, ctx, o);
  }

  async #resolveWith(c: Client, chart: string, version: string, ctx: ChartResolveContext, o: { spec?: HelmChartTemplateSpec; source: string; sourceObject?: string }): Promise<ResolvedChart> {
    let tgz: Uint8Array;
    let digest: string;
    try {
      if (c.kind === 'oci') {
        const v = await c.client.resolve(chart, version, { signal: ctx.signal });
        digest = v.digest;
        tgz = this.#cached(digest) ?? this.#keep(digest, (await c.client.pull(chart, `${v.version}@${v.digest}`, { signal: ctx.signal })).tgz);
      } else {
        const entry = await c.client.resolve(chart, version, { signal: ctx.signal });
        const known = entry.digest === undefined ? undefined : `sha256:${entry.digest}`;
        const hit = known === undefined ? undefined : this.#cached(known);
        if (hit !== undefined && known !== undefined) {
          tgz = hit;
          digest = known;
        } else {
          const d = await c.client.download(entry, { signal: ctx.signal });
          digest = d.digest;
          tgz = this.#keep(digest, d.tgz);
        }
      }
    } catch (e) {
      const code = (e as { code?: string }).code;
      const notFound = code === 'ChartNotFound' || code === 'InvalidConstraint';
      throw new ChartResolveError(notFound ? 'ChartNotFound' : 'FetchFailed', `${o.source}: ${(e as Error).message}`, { cause: e });
    }
    return resolvedChart({ load: () => loadChartArchive(tgz), spec: o.spec, files: chartValuesFiles, source: o.source, sourceObject: o.sourceObject, digest });
  }

  #client(a: RepoAccess): Client {
    const key = JSON.stringify([a.url, a.username ?? '', a.password ?? '', a.tls ?? {}, a.insecure ?? false]);
    let c = this.#clients.get(key);
    if (c === undefined) {
      const creds = { ...(a.username !== undefined ? { username: a.username } : {}), ...(a.password !== undefined ? { password: a.password } : {}) };
      const tls = a.tls !== undefined ? { tls: a.tls } : {};
      c = a.url.startsWith('oci://')
        ? { kind: 'oci', client: new OciRepositoryClient({ url: a.url, logger: this.#log, ...creds, ...tls, plainHttp: a.insecure === true }) }
        : { kind: 'http', client: new HelmRepositoryClient({ url: a.url, logger: this.#log, ...creds, ...tls }) };
      this.#clients.set(key, c);
    }
    return c;
  }

  #cached(digest: string): Uint8Array | undefined {
    const v = this.#archives.get(digest);
    if (v !== undefined) {
      this.#archives.delete(digest);
      this.#archives.set(digest, v);
    }
    return v;
  }

  #keep(digest: string, tgz: Uint8Array): Uint8Array {
    this.#archives.set(digest, tgz);
    while (this.#archives.size > maxArchives) this.#archives.delete(this.#archives.keys().next().value as string);
    return tgz;
  }

  async #helmRepository(namespace: string, name: string, ctx: ChartResolveContext): Promise<HelmRepository> {
    const key = `${namespace}/${name}`;
    // the cache may not hold it (a label-selected shard): ask the API server then
    const raw = (ctx.cache.has(helmRepositoryGvk) ? ctx.cache.get(helmRepositoryGvk, key) : undefined)
      ?? await this.#kube.get({ apiVersion: helmRepositoryGvk.apiVersion, kind: helmRepositoryGvk.kind, name, namespace });
    if (raw === undefined) throw new ChartResolveError('SourceNotFound', `HelmRepository '${key}' not found`);
    const parsed = parseHelmRepository(raw);
    if (!parsed.ok) throw new ChartResolveError('SourceNotReady', `HelmRepository '${key}' is invalid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    return parsed.value;
  }

  async #access(url: string, namespace: string, secretName: string | undefined, certName: string | undefined, ctx: ChartResolveContext): Promise<RepoAccess> {
    const reader = configReader(this.#kube, ctx.cache);
    const text = (d: Record<string, Buffer>, k: string): string | undefined => d[k]?.toString('utf8');
    const out: RepoAccess = { url };
    if (secretName !== undefined) {
      const s = await reader.read('Secret', namespace, secretName);
      if (s === undefined) throw new ChartResolveError('SourceNotReady', `secret '${namespace}/${secretName}' not found`);
      const username = text(s.data, 'username');
      const password = text(s.data, 'password');
      if (username !== undefined) out.username = username;
      if (password !== undefined) out.password = password;
    }
    if (certName !== undefined) {
      const s = await reader.read('Secret', namespace, certName);
      if (s === undefined) throw new ChartResolveError('SourceNotReady', `secret '${namespace}/${certName}' not found`);
      const tls: { ca?: string; cert?: string; key?: string } = {};
      const ca = text(s.data, 'ca.crt');
      const cert = text(s.data, 'tls.crt');
      const key = text(s.data, 'tls.key');
      if (ca !== undefined) tls.ca = ca;
      if (cert !== undefined) tls.cert = cert;
      if (key !== undefined) tls.key = key;
      out.tls = tls;
    }
    return out;
  }
}
