/**
 * `SourceArtifacts`: what other controllers (HelmRelease, GitSync) use of the sources; one per process, so
 * every Git artifact is unpacked once whoever asks for it.
 *
 * ```ts
 * const sources = new SourceArtifacts({ store, kube, git, cache: manager.cache, dir: '/var/lib/capstan/trees', log });
 * const a = await sources.gitArtifact('capstan-system', 'infra');   // {revision, digest, dir} | undefined
 * const t = await sources.gitRepositoryTree(gitRepository, { signal });  // the same, or fetched here (needs `git`)
 * const repo = await sources.helmRepositoryClient('capstan-system', 'charts');  // {kind: 'http' | 'oci', client}
 * const off = sources.onArtifactChanged((c) => queue.add(...dependantsOf(c)));
 * ```
 *
 * - `gitArtifact` reads the GitRepository's `status.artifact` and unpacks that artifact from the shared store
 *   once per digest into a read-only directory; undefined while the repository has no artifact this process's
 *   store holds. `gitRepositoryTree` does the same for a GitRepository object the caller read, and when this
 *   process's store does not hold its artifact (no GitRepository controller here, or none published yet)
 *   fetches it with the repository's own url, ref, secretRef and ignore rules, through the working cache the
 *   GitRepository controller uses; `fetchGitTree` fetches a revision that is no GitRepository's (Flux v1's
 *   inline `chart.git`). Fetched trees are unpacked by the same rule, once per digest.
 * - `helmRepositoryClient` gives one client per HelmRepository object, the same one the HelmRepository
 *   controller uses, so the index cache (ETag, wanted charts only) serves both; it is replaced when the spec or
 *   its Secrets change.
 * - `onArtifactChanged` is told of every new revision (and of removed sources) once the status says so.
 */
import {
  durationMs, parseGitRepository, parseHelmRepository, formatIssues, type GitRepository, type HelmRepository,
} from '../../api/index.ts';
import type { CacheReader, Kind } from '../../controller/index.ts';
import type { KubeClient, KubeObject } from '../../kube/index.ts';
import type { Logger } from '../../observability/logger.ts';
import type { ArtifactStore } from '../../source/artifacts/index.ts';
import { redactUrlText, type GitFetchRequest, type GitSource } from '../../source/git/index.ts';
import { configReader } from '../shared/object-reader.ts';
import { gitRepositoryGvk, helmRepositoryGvk } from '../shared/kinds.ts';
import { ArtifactChanges, type ArtifactChange, type ArtifactListener } from './artifact-changes.ts';
import { gitCacheKey } from './git-repository-reconciler.ts';
import { HelmClients, type HelmRepositoryClientHandle } from './helm-clients.ts';
import { readAccess } from './helm-repository-access.ts';
import { UnpackedTrees } from './unpacked-trees.ts';

/** A GitRepository's current artifact, unpacked. */
export interface GitArtifactTree {
  /** `main@sha1:<commit>` */
  revision: string;
  digest: string;
  /** the unpacked tree: read only (files and directories have no write bits); do not change it */
  dir: string;
}

export interface SourceArtifactsOptions {
  store: ArtifactStore;
  kube: KubeClient;
  log: Logger;
  /** where artifacts are unpacked */
  dir: string;
  /** the manager's informer cache; objects of kinds it does not hold are read with `kube` */
  cache?: CacheReader;
  /** how long an unpacked tree that is no GitRepository's current artifact is kept after its last use */
  treeIdleMs?: number;
  /**
   * fetches what this process's store does not hold (`gitRepositoryTree` of a GitRepository whose artifact is
   * not here, `fetchGitTree`); the GitRepository controller's own GitSource, so both share its working caches
   */
  git?: Pick<GitSource, 'fetch'> | undefined;
}

/** The source object cannot be used: it is invalid, or a Secret it names is missing or unusable. */
export class SourceUnavailableError extends Error {
  readonly code = 'SourceUnavailable';
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'SourceUnavailableError';
  }
}

export class SourceArtifacts {
  /** the notifications the source controllers send; subscribe with `onArtifactChanged` */
  readonly changes: ArtifactChanges;
  /** the per-object chart repository clients, shared with the HelmRepository controller */
  readonly helmClients: HelmClients;
  readonly #o: SourceArtifactsOptions;
  readonly #trees: UnpackedTrees;
  #cache: CacheReader | undefined;

  constructor(opts: SourceArtifactsOptions) {
    this.#o = opts;
    this.#cache = opts.cache;
    const log = opts.log.child({ component: 'source-artifacts' });
    this.changes = new ArtifactChanges(log);
    this.helmClients = new HelmClients({ log });
    this.#trees = new UnpackedTrees({ store: opts.store, dir: opts.dir, ...(opts.treeIdleMs !== undefined ? { idleMs: opts.treeIdleMs } : {}) });
  }

  /** Uses the manager's cache from now on (when it was not available at construction). */
  useCache(cache: CacheReader): void {
    this.#cache = cache;
  }

  /**
   * The GitRepository's current artifact as a directory, or undefined when the repository does not exist, has
   * no artifact yet, or its artifact is not in this process's store. Throws SourceUnavailableError for an
   * invalid object, and the store's ArtifactError for an unsafe or damaged archive.
   */
  async gitArtifact(namespace: string, name: string): Promise<GitArtifactTree | undefined> {
    const repo = await this.#read<GitRepository>(gitRepositoryGvk, namespace, name, parseGitRepository);
    const a = repo?.status?.artifact;
    if (a?.digest === undefined) return undefined;
    const dir = await this.#tree(a.digest);
    return dir === undefined ? undefined : { revision: a.revision, digest: a.digest, dir };
  }

  /**
   * The tree of a GitRepository's revision: its published artifact when this process's store holds it, else,
   * when this service has a GitSource, fetched with the repository's own url, ref, secretRef, ignore rules and
   * timeout; undefined when neither can be had. Throws SourceUnavailableError when its Secret is missing, the
   * GitSourceError of a failed fetch, and the store's ArtifactError for an unsafe or damaged archive.
   */
  async gitRepositoryTree(repo: GitRepository, opts: { signal?: AbortSignal } = {}): Promise<GitArtifactTree | undefined> {
    const a = repo.status?.artifact;
    if (a?.digest !== undefined) {
      const dir = await this.#tree(a.digest);
      if (dir !== undefined) return { revision: a.revision, digest: a.digest, dir };
    }
    if (this.#o.git === undefined) return undefined;
    const ns = repo.metadata.namespace ?? 'default';
    const key = `${ns}/${repo.metadata.name}`;
    let secret: Record<string, Buffer> | undefined;
    if (repo.spec.secretRef !== undefined) {
      const s = await configReader(this.#o.kube, this.#cache).read('Secret', ns, repo.spec.secretRef.name);
      if (s === undefined) throw new SourceUnavailableError(`Secret '${ns}/${repo.spec.secretRef.name}' of GitRepository '${key}' not found`);
      secret = s.data;
    }
    return this.fetchGitTree({
      cacheKey: gitCacheKey(key), url: repo.spec.url, ref: repo.spec.ref, secret, ignore: repo.spec.ignore,
      timeoutMs: durationMs(repo.spec.timeout), signal: opts.signal,
    });
  }

  /**
   * Fetches a Git revision (as a GitRepository would: `req.cacheKey` names the working cache) and unpacks it.
   * Throws SourceUnavailableError when this service has no GitSource, the GitSourceError of a failed fetch,
   * and the store's ArtifactError for an unsafe or damaged archive.
   */
  async fetchGitTree(req: GitFetchRequest): Promise<GitArtifactTree> {
    if (this.#o.git === undefined) throw new SourceUnavailableError(`cannot fetch ${redactUrlText(req.url)}: no Git source in this process`);
    const f = await this.#o.git.fetch(req);
    const dir = await this.#tree(f.digest);
    if (dir === undefined) throw new SourceUnavailableError(`the artifact ${f.digest} of ${f.url} left the artifact store before it was unpacked`);
    return { revision: f.revision, digest: f.digest, dir };
  }

  /**
   * Resolves with the GitRepository's artifact once it has one whose revision is not `notRevision` (pass the
   * revision you have, to wait for the next); rejects when `signal` aborts or after `timeoutMs` (default 5
   * minutes).
   */
  async waitForGitArtifact(namespace: string, name: string, opts: { notRevision?: string; timeoutMs?: number; signal?: AbortSignal } = {}): Promise<GitArtifactTree> {
    const signal = AbortSignal.any([AbortSignal.timeout(opts.timeoutMs ?? 5 * 60_000), ...(opts.signal ? [opts.signal] : [])]);
    const fits = (t: GitArtifactTree | undefined): t is GitArtifactTree => t !== undefined && t.revision !== opts.notRevision;
    for (;;) {
      let wake: () => void = () => undefined;
      const changed = new Promise<void>((resolve) => { wake = resolve; });
      const off = this.onArtifactChanged((c) => {
        if (c.kind === 'GitRepository' && c.namespace === namespace && c.name === name) wake();
      });
      try {
        const now = await this.gitArtifact(namespace, name);
        if (fits(now)) return now;
        signal.throwIfAborted();
        // the cache may lag the notification a little: look again every second as well
        await new Promise<void>((resolve, reject) => {
          const onAbort = (): void => { clearTimeout(t); reject(signal.reason as Error); };
          const done = (): void => { clearTimeout(t); signal.removeEventListener('abort', onAbort); resolve(); };
          const t = setTimeout(done, 1000);
          void changed.then(done);
          signal.addEventListener('abort', onAbort, { once: true });
        });
      } finally {
        off();
      }
    }
  }

  /**
   * The client of a HelmRepository (`kind: 'http'` with a HelmRepositoryClient, or `'oci'` with an
   * OciRepositoryClient), or undefined when no such object exists. Throws SourceUnavailableError when the
   * object is invalid or a Secret it names is missing or unusable.
   */
  async helmRepositoryClient(namespace: string, name: string): Promise<HelmRepositoryClientHandle | undefined> {
    const repo = await this.#read<HelmRepository>(helmRepositoryGvk, namespace, name, parseHelmRepository);
    if (repo === undefined) {
      this.helmClients.drop(`${namespace}/${name}`);
      return undefined;
    }
    try {
      const access = await readAccess(repo, configReader(this.#o.kube, this.#cache));
      return this.helmClients.client(`${namespace}/${name}`, access);
    } catch (e) {
      throw new SourceUnavailableError(`HelmRepository '${namespace}/${name}': ${e instanceof Error ? e.message : String(e)}`, e);
    }
  }

  /** Calls `listener` on every new revision of a GitRepository or HelmRepository; returns the unsubscribe function. */
  onArtifactChanged(listener: ArtifactListener): () => void {
    return this.changes.subscribe(listener);
  }

  /** Closes the repository clients (shutdown). */
  close(): void {
    this.helmClients.close();
  }

  async #read<T>(kind: Kind, namespace: string, name: string, parse: (o: unknown) => { ok: true; value: T } | { ok: false; issues: { path: string; message: string }[] }): Promise<T | undefined> {
    const raw: KubeObject | undefined = this.#cache?.has(kind) === true
      ? this.#cache.get(kind, `${namespace}/${name}`)
      : await this.#o.kube.get({ apiVersion: kind.apiVersion, kind: kind.kind, name, namespace });
    if (raw === undefined) return undefined;
    const parsed = parse(raw);
    if (!parsed.ok) throw new SourceUnavailableError(`${kind.kind} '${namespace}/${name}' is invalid: ${formatIssues(parsed.issues)}`);
    return parsed.value;
  }

  /** The unpacked tree of `digest` (undefined when the store lacks it); trees no longer used are removed. */
  async #tree(digest: string): Promise<string | undefined> {
    const dir = await this.#trees.tree(digest);
    await this.#trees.sweep(this.#currentDigests(digest));
    return dir;
  }

  #currentDigests(also: string): Set<string> {
    const out = new Set<string>([also]);
    if (this.#cache?.has(gitRepositoryGvk) === true) {
      for (const o of this.#cache.list<KubeObject & { status?: { artifact?: { digest?: string } } }>(gitRepositoryGvk)) {
        const d = o.status?.artifact?.digest;
        if (d !== undefined) out.add(d);
      }
    }
    return out;
  }
}

export type { ArtifactChange, ArtifactListener, HelmRepositoryClientHandle };
