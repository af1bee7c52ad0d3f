/**
 * Registry authentication (distribution's token and basic schemes): a request that gets `401` with
 * `WWW-Authenticate: Bearer realm=…,service=…,scope=…` is retried with a token from the realm (asked with the
 * basic credentials, or anonymously without any); `WWW-Authenticate: Basic` is retried with the credentials.
 * Tokens are cached per realm, service and scope until they expire.
 */
import type { HttpClient } from '../helm-repository/http-client.ts';
import { readBody } from '../helm-repository/http-client.ts';
import { redactUrl } from '../helm-repository/redact.ts';
import { OciRegistryError } from './errors.ts';

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** One parsed `WWW-Authenticate` challenge. */
export interface Challenge {
  /** lower case: `bearer`, `basic` */
  readonly scheme: string;
  readonly params: Readonly<Record<string, string>>;
}

/** Parses the first challenge of a `WWW-Authenticate` header (quoted values may hold commas). */
export function parseChallenge(header: string): Challenge | undefined {
  const m = /^\s*([A-Za-z][A-Za-z0-9_-]*)(?:\s+(.*))?$/s.exec(header);
  if (m === null) return undefined;
  const params: Record<string, string> = {};
  const re = /\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]*))\s*(?:,|$)/gy;
  const rest = m[2] ?? '';
  for (let p = re.exec(rest); p !== null && p[0] !== ''; p = re.exec(rest)) {
    params[(p[1] ?? '').toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '');
  }
  return { scheme: (m[1] ?? '').toLowerCase(), params };
}

interface Token {
  readonly value: string;
  readonly expiresAt: number;
}

const TOKEN_SLACK_MS = 5_000;

/** Holds the credentials and tokens for one registry. */
export class RegistryAuth {
  readonly #http: HttpClient;
  readonly #creds: Credentials | undefined;
  readonly #tokens = new Map<string, Token>();
  /** the scheme the registry asked for last, so later requests authenticate up front */
  #scheme: 'basic' | 'bearer' | undefined;
  #lastChallenge: Challenge | undefined;

  constructor(http: HttpClient, creds: Credentials | undefined) {
    this.#http = http;
    this.#creds = creds;
  }

  /** The `Authorization` value to try first for `scope`, if one is known. */
  header(scope: string): string | undefined {
    if (this.#scheme === 'basic') return this.#basic();
    if (this.#scheme === 'bearer' && this.#lastChallenge !== undefined) {
      const t = this.#tokens.get(this.#tokenKey(this.#lastChallenge, scope));
      if (t !== undefined && t.expiresAt > Date.now() + TOKEN_SLACK_MS) return `Bearer ${t.value}`;
    }
    return undefined;
  }

  /**
   * Answers a 401's challenge: returns the `Authorization` value to retry with. Throws `Unauthorized` when
   * there is nothing better to try (no credentials for basic, the token service refusing).
   */
  async answer(wwwAuthenticate: string | undefined, scope: string, url: string, signal?: AbortSignal): Promise<string> {
    const c = wwwAuthenticate !== undefined ? parseChallenge(wwwAuthenticate) : undefined;
    if (c?.scheme === 'basic') {
      this.#scheme = 'basic';
      const b = this.#basic();
      if (b === undefined) throw new OciRegistryError('Unauthorized', url, `GET ${redactUrl(url)}: basic credential not found`, { httpStatus: 401 });
      return b;
    }
    if (c?.scheme === 'bearer' && c.params['realm'] !== undefined) {
      this.#scheme = 'bearer';
      this.#lastChallenge = c;
      return `Bearer ${await this.#token(c, scope, signal)}`;
    }
    throw new OciRegistryError('Unauthorized', url, `GET ${redactUrl(url)}: 401 Unauthorized without a usable WWW-Authenticate challenge`, { httpStatus: 401 });
  }

  /** Forgets a token the registry refused (so the next attempt asks again). */
  forget(scope: string): void {
    if (this.#lastChallenge !== undefined) this.#tokens.delete(this.#tokenKey(this.#lastChallenge, scope));
  }

  #basic(): string | undefined {
    const c = this.#creds;
    return c !== undefined ? `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}` : undefined;
  }

  #tokenKey(c: Challenge, scope: string): string {
    return `${c.params['realm'] ?? ''}\n${c.params['service'] ?? ''}\n${scope}`;
  }

  async #token(c: Challenge, scope: string, signal?: AbortSignal): Promise<string> {
    const key = this.#tokenKey(c, scope);
    const cached = this.#tokens.get(key);
    if (cached !== undefined && cached.expiresAt > Date.now() + TOKEN_SLACK_MS) return cached.value;
    const realm = new URL(c.params['realm'] ?? '');
    if (c.params['service'] !== undefined) realm.searchParams.set('service', c.params['service']);
    // the scope we need; the challenge's own scope may name more (e.g. push) than a pull needs
    realm.searchParams.set('scope', scope);
    const basic = this.#basic();
    const what = `failed to authorize: failed to fetch ${basic !== undefined ? 'a' : 'an anonymous'} token from ${redactUrl(realm)}`;
    let body: Buffer;
    let status: number;
    try {
      const res = await this.#http.request({
        url: realm,
        headers: { accept: 'application/json' },
        ...(basic !== undefined ? { authorization: basic, authOrigin: realm.origin } : {}),
        ...(signal !== undefined ? { signal } : {}),
      });
      status = res.status;
      body = await readBody(res, 1024 * 1024);
    } catch (e) {
      throw new OciRegistryError('RegistryError', realm.href, `${what}: ${(e as Error).message}`, { cause: e });
    }
    if (status !== 200) {
      throw new OciRegistryError(status === 401 || status === 403 ? 'Unauthorized' : 'RegistryError', realm.href,
        `${what}: unexpected status ${status}`, { httpStatus: status });
    }
    let json: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      json = JSON.parse(body.toString('utf8')) as typeof json;
    } catch (e) {
      throw new OciRegistryError('RegistryError', realm.href, `${what}: the answer is not JSON`, { cause: e });
    }
    const value = typeof json.token === 'string' && json.token !== '' ? json.token : json.access_token;
    if (typeof value !== 'string' || value === '') throw new OciRegistryError('RegistryError', realm.href, `${what}: the answer has no token`);
    // distribution's default lifetime is 60 s when expires_in is missing
    const ttl = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 60;
    this.#tokens.set(key, { value, expiresAt: Date.now() + ttl * 1000 });
    return value;
  }
}
