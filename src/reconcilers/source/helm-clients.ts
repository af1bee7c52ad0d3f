/**
 * One chart-repository client per HelmRepository object, kept between reconciles so that the index cache of
 * an HTTP repository (ETag, the charts asked for) and the tokens of an OCI registry are reused. A client is
 * replaced when what it was made from changes (URL, type, credentials, TLS, timeout); the old one is closed a
 * little later, so requests already under way can finish.
 */
import type { Logger } from '../../observability/logger.ts';
import { HelmRepositoryClient } from '../../source/helm-repository/index.ts';
import { OciRepositoryClient } from '../../source/oci/index.ts';
import { fingerprint, type HelmRepositoryAccess } from './helm-repository-access.ts';

/** The client of one HelmRepository: `http` for an index.yaml repository, `oci` for a registry. */
export type HelmRepositoryClientHandle =
  | { readonly kind: 'http'; readonly client: HelmRepositoryClient }
  | { readonly kind: 'oci'; readonly client: OciRepositoryClient };

interface Entry { fingerprint: string; handle: HelmRepositoryClientHandle }

export class HelmClients {
  readonly #log: Logger;
  readonly #closeDelayMs: number;
  readonly #entries = new Map<string, Entry>();

  constructor(opts: { log: Logger; closeDelayMs?: number }) {
    this.#log = opts.log;
    this.#closeDelayMs = opts.closeDelayMs ?? 60_000;
  }

  /** The client for the object `key` (`namespace/name`) with this access, made or replaced as needed. */
  client(key: string, access: HelmRepositoryAccess): HelmRepositoryClientHandle {
    const fp = fingerprint(access);
    const have = this.#entries.get(key);
    if (have !== undefined && have.fingerprint === fp) return have.handle;
    if (have !== undefined) this.#closeLater(have.handle);
    const handle = make(access, this.#log.child({ helmRepository: key }));
    this.#entries.set(key, { fingerprint: fp, handle });
    return handle;
  }

  /** The client made for `key`, if any, without reading anything. */
  peek(key: string): HelmRepositoryClientHandle | undefined {
    return this.#entries.get(key)?.handle;
  }

  /** Forgets the client of a deleted object. */
  drop(key: string): void {
    const have = this.#entries.get(key);
    if (have === undefined) return;
    this.#entries.delete(key);
    this.#closeLater(have.handle);
  }

  /** Closes every client now (shutdown). */
  close(): void {
    for (const e of this.#entries.values()) e.handle.client.close();
    this.#entries.clear();
  }

  #closeLater(h: HelmRepositoryClientHandle): void {
    setTimeout(() => h.client.close(), this.#closeDelayMs).unref();
  }
}

function make(a: HelmRepositoryAccess, logger: Logger): HelmRepositoryClientHandle {
  const creds = { ...(a.username !== undefined ? { username: a.username } : {}), ...(a.password !== undefined ? { password: a.password } : {}) };
  const tls = a.tls !== undefined ? { tls: a.tls } : {};
  if (a.type === 'oci') {
    return { kind: 'oci', client: new OciRepositoryClient({ url: a.url, logger, ...creds, ...tls, plainHttp: a.insecure, timeoutMs: a.timeoutMs }) };
  }
  return { kind: 'http', client: new HelmRepositoryClient({ url: a.url, logger, ...creds, ...tls, passCredentialsAll: a.passCredentials, timeoutMs: a.timeoutMs }) };
}
