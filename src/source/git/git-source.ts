/**
 * `GitSource.fetch`: from a GitRepository's URL, ref, credentials and ignore rules to a tar.gz artifact in
 * the shared store, with a Flux v2 revision (`main@sha1:<id>`).
 *
 * One fetch: list the remote's refs (with the object's credentials, so reachability, auth and the host key
 * are checked every time), resolve the ref, and if the cache already made an artifact of that commit with
 * the same inputs, return it untouched (`upToDate`); otherwise fetch the commit one deep into the object's
 * working cache, check it out, select the files and pack them. Fetches of one cache run one at a time.
 *
 * A failed fetch throws a `GitSourceError` and changes nothing the caller holds: the last good artifact
 * stays in the store (keep its digest in the gc set) and in the object's status.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../observability/logger.ts';
import type { Digest } from '../artifacts/digest.ts';
import type { ArtifactStore, StoredArtifact } from '../artifacts/store.ts';
import { KeyedMutex } from '../artifacts/mutex.ts';
import { packFiles } from '../artifacts/pack.ts';
import { openAuthSession, scrubberFor } from './auth.ts';
import { cachePaths, inputsKey, readState, removeCaches, writeState, type CachePaths, type CacheState } from './cache.ts';
import { toGitSourceError } from './failure.ts';
import { checkout, ensureRepository, fetchTarget, hasCommit, listRemote } from './operations.ts';
import { formatRevision, planRef, resolveTarget, type GitRef, type RefPlan } from './refs.ts';
import { GitRunner } from './runner.ts';
import type { GitErrorCode } from './errors.ts';
import { credentialsFor, secretValues, type GitCredentials, type SecretData } from './secret.ts';
import { selectFiles } from './tree.ts';
import { parseGitUrl, redactUrlText, type GitUrl } from './url.ts';

const MiB = 1024 * 1024;

/** Failures after which the working cache is discarded. */
const SELF_HEAL: ReadonlySet<GitErrorCode> = new Set(['GitFailed', 'Timeout', 'Cancelled']);

export interface GitSourceOptions {
  /** directory for the working caches and temporary credential files (needs exec permission) */
  cacheDir: string;
  store: ArtifactStore;
  log: Logger;
  /** time limit of one fetch (default 5 minutes) */
  timeoutMs?: number;
  /** kill git after this long without output (default 60 s) */
  inactivityTimeoutMs?: number;
  /** default limit on the total size of the files in an artifact (default 100 MiB) */
  maxBytes?: number;
  /** the git binary (default `git` on PATH) */
  gitBinary?: string;
}

export interface GitFetchRequest {
  /** names the object's working cache, e.g. `namespace/name`; one fetch per key runs at a time */
  cacheKey: string;
  url: string;
  ref?: GitRef | undefined;
  /** the data of the Secret named by `spec.secretRef` */
  secret?: SecretData | undefined;
  /** `spec.ignore`: gitignore-syntax rules, replacing Flux's default excludes */
  ignore?: string | undefined;
  /** overrides the default size limit */
  maxBytes?: number | undefined;
  /** overrides the default time limit (`spec.timeout`) */
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
}

export interface GitArtifact {
  /** the repository URL, credentials redacted */
  url: string;
  /** `main@sha1:<id>`, `v1.2.0@sha1:<id>`, `refs/pull/1/head@sha1:<id>` or `sha1:<id>` */
  revision: string;
  commit: string;
  digest: Digest;
  /** bytes of the tar.gz */
  size: number;
  /** the artifact file in the store */
  path: string;
  /** number of files packed */
  files: number;
  /** their total size */
  bytes: number;
  /** the working cache existed before this fetch */
  reusedCache: boolean;
  /** the commit and inputs had not changed: nothing was fetched or packed */
  upToDate: boolean;
}

/** A request after its URL, ref and Secret were checked. */
interface Prepared {
  url: GitUrl;
  plan: RefPlan;
  creds: GitCredentials;
  paths: CachePaths;
  signal: AbortSignal;
}

export class GitSource {
  readonly #opts: Required<Omit<GitSourceOptions, 'gitBinary'>> & { gitBinary?: string };
  readonly #log: Logger;
  readonly #locks = new KeyedMutex();

  constructor(opts: GitSourceOptions) {
    this.#opts = { timeoutMs: 5 * 60_000, inactivityTimeoutMs: 60_000, maxBytes: 100 * MiB, ...opts };
    this.#log = opts.log.child({ component: 'git-source' });
  }

  /** Fetches and packs the ref; see the module comment. Throws `GitSourceError`. */
  async fetch(req: GitFetchRequest): Promise<GitArtifact> {
    const display = redactUrlText(req.url);
    const scrubber0 = scrubberFor({}, secretValues(req.secret));
    const timeoutMs = req.timeoutMs ?? this.#opts.timeoutMs;
    try {
      const url = parseGitUrl(req.url);
      const plan = planRef(req.ref, url.redacted);
      const creds = credentialsFor(url, req.secret);
      const scrubber = scrubberFor(creds, secretValues(req.secret));
      const paths = cachePaths(this.#opts.cacheDir, req.cacheKey, url.url);
      return await this.#locks.run(paths.dir, async () => {
        const signal = req.signal ? AbortSignal.any([req.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
        try {
          return await this.#fetchLocked(req, { url, plan, creds, paths, signal });
        } catch (e) {
          const hadCredentials = creds.basic !== undefined || creds.bearerToken !== undefined || creds.ssh !== undefined || creds.tlsClient !== undefined;
          const err = toGitSourceError(e, { url: url.redacted, scrubber, callerSignal: req.signal, timeoutMs, hadCredentials });
          // git killed mid-way, or failing for no known reason, may leave lock files or a damaged
          // repository behind: start the next fetch from an empty cache rather than fail forever
          if (SELF_HEAL.has(err.code)) await rm(paths.dir, { recursive: true, force: true });
          throw err;
        }
      });
    } catch (e) {
      const err = toGitSourceError(e, { url: display, scrubber: scrubber0, callerSignal: req.signal, timeoutMs });
      this.#log.warn({ url: err.url, code: err.code, err: err.message }, 'git fetch failed');
      throw err;
    }
  }

  async #fetchLocked(req: GitFetchRequest, c: Prepared): Promise<GitArtifact> {
    const { url, plan, paths, signal } = c;
    const log = this.#log.child({ url: url.redacted });
    await removeCaches(this.#opts.cacheDir, req.cacheKey, paths.dir);
    await mkdir(paths.repo, { recursive: true, mode: 0o700 });
    const session = await openAuthSession(url, c.creds, { tmpRoot: join(this.#opts.cacheDir, 'tmp') });
    try {
      const git = new GitRunner({ cwd: paths.repo, env: session.env, inactivityTimeoutMs: this.#opts.inactivityTimeoutMs, signal, binary: this.#opts.gitBinary });
      const reusedCache = !(await ensureRepository(git, paths.repo));
      const remote = await listRemote(git, url.url, plan);
      const target = resolveTarget(plan, remote, url.redacted);
      const maxBytes = req.maxBytes ?? this.#opts.maxBytes;
      const inputs = inputsKey({ ignore: req.ignore, maxBytes, format: 1 });
      const state = await readState(paths);
      const artifact = (st: CacheState, stored: StoredArtifact, upToDate: boolean): GitArtifact => ({
        url: url.redacted, revision: formatRevision(target, st.commit), commit: st.commit, digest: stored.digest, size: stored.size,
        path: stored.path, files: st.files, bytes: st.bytes, reusedCache, upToDate,
      });
      if (state !== undefined && state.commit === target.commit && state.inputs === inputs) {
        const stored = await this.#opts.store.get(state.digest);
        if (stored !== undefined) {
          log.debug({ commit: state.commit }, 'git source up to date');
          return artifact(state, stored, true);
        }
      }
      const commit = target.commit !== undefined && await hasCommit(git, target.commit)
        ? target.commit
        : await fetchTarget(git, url, plan, target);
      await checkout(git, commit);
      const selection = await selectFiles(paths.repo, { ignore: req.ignore, maxBytes, url: url.redacted });
      const stored = await this.#opts.store.put(packFiles(paths.repo, selection.files), { kind: 'tree', signal });
      const next: CacheState = { commit, inputs, digest: stored.digest, size: stored.size, files: selection.files.length, bytes: selection.bytes };
      await writeState(paths, next);
      const result = artifact(next, stored, false);
      log.info({ revision: result.revision, digest: stored.digest, files: next.files, reusedCache }, 'git artifact stored');
      return result;
    } finally {
      await session.close();
    }
  }

  /** Removes the working caches of an object (call when the GitRepository is deleted). */
  async removeCache(cacheKey: string): Promise<void> {
    await removeCaches(this.#opts.cacheDir, cacheKey);
  }
}
