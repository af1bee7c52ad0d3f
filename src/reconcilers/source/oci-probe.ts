/**
 * Is an OCI HelmRepository's registry there? One `GET /v2/` (the registry API's version check) with the
 * repository's TLS settings: 200, or 401 with a `WWW-Authenticate` challenge (the registry wants a login,
 * which chart pulls do per repository), means it answers as a registry. Charts are not listed: an OCI
 * HelmRepository names a prefix, not a chart, so there is nothing else to check before a HelmRelease asks.
 */
import { Reason } from '../../api/index.ts';
import { HttpClient } from '../../source/helm-repository/http-client.ts';
import { redactUrl } from '../../source/helm-repository/index.ts';
import type { HelmRepositoryAccess } from './helm-repository-access.ts';
import { registryHost } from './helm-repository-access.ts';

export class RegistryProbeError extends Error {
  readonly code = Reason.RegistryUnreachable;
  readonly url: string;
  constructor(url: string, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'RegistryProbeError';
    this.url = url;
  }
}

/** Resolves when the registry answers as one; throws RegistryProbeError otherwise. */
export async function probeRegistry(a: HelmRepositoryAccess, signal?: AbortSignal): Promise<void> {
  const host = registryHost(a.url);
  const url = new URL(`${a.insecure ? 'http' : 'https'}://${host}/v2/`);
  const http = new HttpClient({ ...(a.tls !== undefined ? { tls: a.tls } : {}), timeoutMs: a.timeoutMs });
  try {
    const res = await http.request({ url, ...(signal !== undefined ? { signal } : {}) });
    res.body.resume();
    const challenged = res.status === 401 && res.headers['www-authenticate'] !== undefined;
    if (res.status !== 200 && !challenged) {
      throw new RegistryProbeError(redactUrl(a.url), `${redactUrl(a.url)}: GET ${url.href} answered ${res.status} ${res.statusText}: not an OCI registry`);
    }
  } catch (e) {
    if (e instanceof RegistryProbeError) throw e;
    throw new RegistryProbeError(redactUrl(a.url), `cannot reach the registry of ${redactUrl(a.url)}: ${e instanceof Error ? e.message : String(e)}`, e);
  } finally {
    http.close();
  }
}
