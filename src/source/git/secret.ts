/**
 * Reading Git credentials from a Secret's data, with Flux's key names:
 * - ssh: `identity` (private key), `identity.pub`, `known_hosts` (required: host keys are never accepted
 *   unseen), `password` (the key's passphrase);
 * - http(s): `username` + `password`, or `bearerToken`; `ca.crt` (custom CA, https only), `tls.crt` +
 *   `tls.key` (client certificate).
 * The controller reads the Secret and passes its data; nothing here touches the API server.
 */
import { GitSourceError } from './errors.ts';
import type { GitUrl } from './url.ts';

/** A Secret's `data` (bytes, as decoded from base64) or `stringData`. */
export type SecretData = Readonly<Record<string, Uint8Array | string>>;

export interface SshCredentials {
  identity: string;
  knownHosts: string;
  passphrase?: string;
}

export interface GitCredentials {
  ssh?: SshCredentials;
  basic?: { username: string; password: string };
  bearerToken?: string;
  caCert?: string;
  tlsClient?: { cert: string; key: string };
}

function text(data: SecretData | undefined, key: string): string | undefined {
  const v = data?.[key];
  if (v === undefined) return undefined;
  const s = typeof v === 'string' ? v : Buffer.from(v).toString('utf8');
  return s === '' ? undefined : s;
}

/** Every secret value in the data, for scrubbing output. */
export function secretValues(data: SecretData | undefined): string[] {
  if (data === undefined) return [];
  return Object.keys(data).filter((k) => k !== 'known_hosts' && k !== 'identity.pub' && k !== 'ca.crt' && k !== 'tls.crt' && k !== 'username')
    .map((k) => text(data, k)).filter((v): v is string => v !== undefined);
}

/**
 * The credentials to use for `url`. Throws `InvalidSecret` when the data cannot work: ssh without
 * `identity` or `known_hosts`, a username without a password, both basic auth and a bearer token, half a
 * client certificate.
 */
export function credentialsFor(url: GitUrl, data: SecretData | undefined): GitCredentials {
  if (url.scheme === 'ssh') return { ssh: sshCredentials(url, data) };
  if (url.scheme !== 'http' && url.scheme !== 'https') return {};
  const out: GitCredentials = {};
  const username = text(data, 'username');
  const password = text(data, 'password');
  const bearerToken = text(data, 'bearerToken');
  if (bearerToken !== undefined && (username !== undefined || password !== undefined)) {
    throw invalid(url, 'the Secret has both bearerToken and username/password: keep one');
  }
  if ((username === undefined) !== (password === undefined)) {
    throw invalid(url, 'the Secret must have both username and password, or neither');
  }
  if (bearerToken !== undefined) out.bearerToken = bearerToken;
  else if (username !== undefined && password !== undefined) out.basic = { username, password };
  else if (url.userinfo !== undefined) out.basic = url.userinfo;
  if (url.scheme === 'https') {
    const ca = text(data, 'ca.crt') ?? text(data, 'caFile');
    if (ca !== undefined) out.caCert = ca;
    const cert = text(data, 'tls.crt');
    const key = text(data, 'tls.key');
    if ((cert === undefined) !== (key === undefined)) throw invalid(url, 'the Secret must have both tls.crt and tls.key, or neither');
    if (cert !== undefined && key !== undefined) out.tlsClient = { cert, key };
  }
  return out;
}

function sshCredentials(url: GitUrl, data: SecretData | undefined): SshCredentials {
  const identity = text(data, 'identity');
  const knownHosts = text(data, 'known_hosts');
  if (knownHosts === undefined) {
    throw invalid(url, 'ssh needs known_hosts in the Secret: host keys are never accepted unseen');
  }
  if (identity === undefined) throw invalid(url, 'ssh needs an identity (private key) in the Secret');
  const out: SshCredentials = { identity: withNewline(identity), knownHosts: withNewline(knownHosts) };
  const passphrase = text(data, 'password');
  if (passphrase !== undefined) out.passphrase = passphrase;
  return out;
}

function withNewline(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}

function invalid(url: GitUrl, why: string): GitSourceError {
  return new GitSourceError('InvalidSecret', url.redacted, `invalid credentials for ${url.redacted}: ${why}`);
}
