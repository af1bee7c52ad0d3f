/**
 * Registry credentials from a Secret's data, as Flux's ImageRepository `secretRef` takes them:
 * - `kubernetes.io/dockerconfigjson`: `.dockerconfigjson` = `{"auths": {"<registry>": {"auth": base64("user:pass")}
 *   | {"username", "password"}}}`;
 * - the legacy `kubernetes.io/dockercfg`: `.dockercfg` = the `auths` map itself;
 * - or plain `username` + `password` keys.
 * Registry keys are matched on `host[:port]`, with any scheme and path dropped (`https://index.docker.io/v1/`
 * matches Docker Hub, as do `docker.io` and `registry-1.docker.io`). `identitytoken` (an OAuth refresh token) is
 * not supported: such an entry gives no credentials.
 */
import { ImageRegistryError } from './errors.ts';

/** A Secret's `data` (bytes, decoded from base64 by the caller) or `stringData`. */
export type SecretData = Readonly<Record<string, Uint8Array | string>>;

export interface RegistryCredentials {
  readonly username: string;
  readonly password: string;
}

const HUB_KEYS = new Set(['index.docker.io', 'docker.io', 'registry-1.docker.io']);

function text(v: Uint8Array | string | undefined): string | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : Buffer.from(v).toString('utf8');
}

/** `host[:port]` of an `auths` key, lower case. */
export function registryKeyHost(key: string): string {
  return key.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0]?.toLowerCase() ?? '';
}

function sameRegistry(key: string, registry: string): boolean {
  const k = registryKeyHost(key);
  const r = registry.toLowerCase();
  return k === r || (HUB_KEYS.has(k) && HUB_KEYS.has(r));
}

interface AuthEntry {
  auth?: unknown;
  username?: unknown;
  password?: unknown;
}

function entryCredentials(entry: AuthEntry, image: string, key: string): RegistryCredentials | undefined {
  if (typeof entry.username === 'string' && entry.username !== '') {
    return { username: entry.username, password: typeof entry.password === 'string' ? entry.password : '' };
  }
  if (typeof entry.auth !== 'string' || entry.auth === '') return undefined;
  const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) {
    throw new ImageRegistryError('InvalidCredentials', image, `the credentials for ${key} have an "auth" that is not base64 of user:password`);
  }
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function parseAuths(json: string, secretKey: string, image: string): Record<string, AuthEntry> {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    throw new ImageRegistryError('InvalidCredentials', image, `the Secret's ${secretKey} is not valid JSON`, { cause: e });
  }
  const auths = secretKey === '.dockerconfigjson' ? (doc as { auths?: unknown } | null)?.auths : doc;
  if (auths === undefined) return {};
  if (typeof auths !== 'object' || auths === null || Array.isArray(auths)) {
    throw new ImageRegistryError('InvalidCredentials', image, `the Secret's ${secretKey} has no "auths" object`);
  }
  return auths as Record<string, AuthEntry>;
}

/**
 * The credentials for `registry` (`host[:port]`, as ImageName.registry) in the Secret data, or undefined when it
 * has none for that registry. Throws `InvalidCredentials` (without any secret in the message) when the data is
 * malformed. `image` is only used in error messages.
 */
export function credentialsFromSecret(data: SecretData, registry: string, image: string): RegistryCredentials | undefined {
  for (const secretKey of ['.dockerconfigjson', '.dockercfg']) {
    const json = text(data[secretKey]);
    if (json === undefined) continue;
    const auths = parseAuths(json, secretKey, image);
    for (const [key, entry] of Object.entries(auths)) {
      if (typeof entry === 'object' && entry !== null && sameRegistry(key, registry)) return entryCredentials(entry, image, key);
    }
    return undefined;
  }
  const username = text(data['username']);
  if (username !== undefined && username !== '') return { username, password: text(data['password']) ?? '' };
  return undefined;
}
