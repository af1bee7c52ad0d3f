/**
 * What it takes to talk to a HelmRepository: its URL and type, and the credentials and TLS material of its
 * Secrets, with Flux's key names:
 * - `spec.secretRef`: `username` + `password` (basic auth, or the registry login for OCI), or for OCI a
 *   `.dockerconfigjson` whose `auths` entry for the registry host gives them;
 * - `spec.certSecretRef`: `ca.crt`, and `tls.crt` + `tls.key` for a client certificate (the deprecated
 *   `caFile`/`certFile`/`keyFile` keys, also in `spec.secretRef`, are read too).
 * The result holds secret values: never log it; `fingerprint` names it without revealing them.
 */
import { createHash } from 'node:crypto';
import { durationMs, type HelmRepository, type HelmRepositoryType } from '../../api/index.ts';
import type { TlsOptions } from '../../source/helm-repository/index.ts';
import type { ConfigReader } from '../shared/object-reader.ts';

export interface HelmRepositoryAccess {
  url: string;
  type: HelmRepositoryType;
  username?: string;
  password?: string;
  tls?: TlsOptions;
  passCredentials: boolean;
  /** OCI: plain HTTP */
  insecure: boolean;
  timeoutMs: number;
}

export type AccessErrorCode = 'SecretNotFound' | 'InvalidSecret';

/** A Secret named by the HelmRepository is missing or unusable; the message names it, never its values. */
export class HelmRepositoryAccessError extends Error {
  readonly code: AccessErrorCode;
  constructor(code: AccessErrorCode, message: string) {
    super(message);
    this.name = 'HelmRepositoryAccessError';
    this.code = code;
  }
}

type Data = Record<string, Buffer>;

const text = (d: Data, ...keys: string[]): string | undefined => {
  for (const k of keys) {
    const v = d[k]?.toString('utf8');
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
};

/** Reads the repository's Secrets; throws HelmRepositoryAccessError. */
export async function readAccess(repo: HelmRepository, reader: ConfigReader): Promise<HelmRepositoryAccess> {
  const ns = repo.metadata.namespace ?? 'default';
  const out: HelmRepositoryAccess = {
    url: repo.spec.url, type: repo.spec.type, passCredentials: repo.spec.passCredentials, insecure: repo.spec.insecure,
    timeoutMs: durationMs(repo.spec.timeout),
  };
  const tls: { ca?: string; cert?: string; key?: string } = {};
  const read = async (name: string, field: string): Promise<Data> => {
    const s = await reader.read('Secret', ns, name);
    if (s === undefined) throw new HelmRepositoryAccessError('SecretNotFound', `failed to get secret '${ns}/${name}' (${field}): not found`);
    return s.data;
  };
  if (repo.spec.secretRef !== undefined) {
    const d = await read(repo.spec.secretRef.name, 'spec.secretRef');
    const creds = credentials(d, repo.spec.type === 'oci' ? registryHost(repo.spec.url) : undefined);
    if ((creds.username === undefined) !== (creds.password === undefined)) {
      throw new HelmRepositoryAccessError('InvalidSecret', `secret '${ns}/${repo.spec.secretRef.name}' must have both username and password, or neither`);
    }
    if (creds.username !== undefined) out.username = creds.username;
    if (creds.password !== undefined) out.password = creds.password;
    addTls(tls, d, true);
  }
  if (repo.spec.certSecretRef !== undefined) addTls(tls, await read(repo.spec.certSecretRef.name, 'spec.certSecretRef'), false);
  if ((tls.cert === undefined) !== (tls.key === undefined)) {
    throw new HelmRepositoryAccessError('InvalidSecret', `the TLS Secret of HelmRepository ${ns}/${repo.metadata.name} must have both tls.crt and tls.key, or neither`);
  }
  if (Object.keys(tls).length > 0) out.tls = tls;
  return out;
}

function addTls(tls: { ca?: string; cert?: string; key?: string }, d: Data, legacyOnly: boolean): void {
  const ca = legacyOnly ? text(d, 'caFile') : text(d, 'ca.crt', 'caFile');
  const cert = legacyOnly ? text(d, 'certFile') : text(d, 'tls.crt', 'certFile');
  const key = legacyOnly ? text(d, 'keyFile') : text(d, 'tls.key', 'keyFile');
  if (ca !== undefined) tls.ca = ca;
  if (cert !== undefined) tls.cert = cert;
  if (key !== undefined) tls.key = key;
}

function credentials(d: Data, registry: string | undefined): { username?: string; password?: string } {
  const username = text(d, 'username');
  const password = text(d, 'password');
  if (username !== undefined || password !== undefined || registry === undefined) {
    return { ...(username !== undefined ? { username } : {}), ...(password !== undefined ? { password } : {}) };
  }
  const docker = text(d, '.dockerconfigjson');
  if (docker === undefined) return {};
  let auths: Record<string, { username?: string; password?: string; auth?: string }>;
  try {
    auths = (JSON.parse(docker) as { auths?: typeof auths }).auths ?? {};
  } catch {
    throw new HelmRepositoryAccessError('InvalidSecret', 'the .dockerconfigjson of the Secret is not JSON');
  }
  const entry = auths[registry] ?? auths[`https://${registry}`] ?? auths[`http://${registry}`];
  if (entry === undefined) return {};
  if (entry.username !== undefined && entry.password !== undefined) return { username: entry.username, password: entry.password };
  if (entry.auth !== undefined) {
    const plain = Buffer.from(entry.auth, 'base64').toString('utf8');
    const i = plain.indexOf(':');
    if (i > 0) return { username: plain.slice(0, i), password: plain.slice(i + 1) };
  }
  return {};
}

/** `host[:port]` of an `oci://` URL. */
export function registryHost(url: string): string {
  return url.replace(/^oci:\/\//, '').split('/')[0] ?? '';
}

/** A digest of everything the access is made of: equal fingerprints, same client. Reveals no secret. */
export function fingerprint(a: HelmRepositoryAccess): string {
  const tls = a.tls === undefined ? {} : { ca: str(a.tls.ca), cert: str(a.tls.cert), key: str(a.tls.key) };
  return createHash('sha256').update(JSON.stringify([a.url, a.type, a.username ?? '', a.password ?? '', tls, a.passCredentials, a.insecure, a.timeoutMs])).digest('hex');
}

function str(v: string | Uint8Array | undefined): string {
  return v === undefined ? '' : typeof v === 'string' ? v : Buffer.from(v).toString('utf8');
}
