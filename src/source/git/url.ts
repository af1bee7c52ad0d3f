/**
 * Git repository URLs: which forms are accepted, how they are shown (credentials redacted) and how two
 * URLs of the same repository are recognised as one (for push webhooks).
 *
 * Accepted: `ssh://[user@]host[:port]/path`, scp-like `[user@]host:path`, `https://`, `http://`, `git://`
 * and `file:///path`. Anything else (`ext::`, `fd::`, bare local paths, option-like strings) is refused,
 * since git would run commands or read local files for them.
 */
import { GitSourceError } from './errors.ts';

export type GitScheme = 'ssh' | 'https' | 'http' | 'git' | 'file';

export interface GitUrl {
  scheme: GitScheme;
  /** the URL handed to git: userinfo removed for http(s), everything else as given */
  url: string;
  /** the URL as shown in logs, events, status and errors */
  redacted: string;
  /** lower-case host ('' for file://) */
  host: string;
  /** the port when given, '' otherwise */
  port: string;
  /** repository path without a leading slash */
  path: string;
  /** ssh user, when given */
  sshUser?: string;
  /** username and password found in an http(s) URL's userinfo (moved to an Authorization header) */
  userinfo?: { username: string; password: string };
  /** `http(s)://host[:port]`: the scope of http.<url>.* settings */
  origin: string;
}

const SCP_RE = /^(?:([^@/\s]+)@)?([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(?!\/\/)(.*)$/;
const DEFAULT_PORTS: Record<string, string> = { ssh: '22', https: '443', http: '80', git: '9418' };

/** Parses and checks a repository URL; throws `GitSourceError('InvalidUrl')` with the URL redacted. */
export function parseGitUrl(raw: string): GitUrl {
  const input = raw.trim();
  if (input === '' || input.startsWith('-') || /[\s\0]/.test(input)) throw invalid(input, 'empty, option-like or containing white space');
  if (!input.includes('://')) return parseScp(input);
  let u: URL;
  try {
    u = new URL(input);
  } catch {
    throw invalid(input, 'not a URL');
  }
  const scheme = u.protocol.replace(/:$/, '');
  if (!isScheme(scheme)) throw invalid(input, `scheme "${scheme}" is not supported (ssh, https, http, git, file)`);
  const path = decodeURIComponent(u.pathname).replace(/^\/+/, '');
  if (scheme === 'file') {
    if (u.host !== '' || path === '') throw invalid(input, 'file URLs take the form file:///absolute/path');
    return { scheme, url: `file:///${path}`, redacted: `file:///${path}`, host: '', port: '', path, origin: '' };
  }
  if (u.hostname === '' || path === '') throw invalid(input, 'a host and a repository path are required');
  const host = u.hostname.toLowerCase();
  const base = { scheme, host, port: u.port, path, origin: `${scheme}://${u.host.toLowerCase()}` };
  const username = decodeURIComponent(u.username);
  const password = decodeURIComponent(u.password);
  if (scheme === 'http' || scheme === 'https') {
    u.username = '';
    u.password = '';
    const clean = u.toString();
    const out: GitUrl = { ...base, url: clean, redacted: username || password ? clean.replace('://', '://***@') : clean };
    if (username || password) out.userinfo = { username, password };
    return out;
  }
  if (password !== '') throw invalid(input, 'passwords in ssh:// and git:// URLs are not supported: use a Secret');
  if (scheme === 'git' && username !== '') throw invalid(input, 'git:// URLs take no user');
  const out: GitUrl = { ...base, url: u.toString(), redacted: u.toString() };
  if (username !== '') out.sshUser = username;
  return out;
}

function parseScp(input: string): GitUrl {
  const m = SCP_RE.exec(input);
  if (!m || (m[3] ?? '') === '') throw invalid(input, 'not a URL: use ssh://, https://, http://, git:// or file://');
  const host = (m[2] ?? '').toLowerCase();
  const path = (m[3] ?? '').replace(/^\/+/, '');
  const out: GitUrl = { scheme: 'ssh', url: input, redacted: input, host, port: '', path, origin: '' };
  if (m[1] !== undefined) out.sshUser = m[1];
  return out;
}

function isScheme(s: string): s is GitScheme {
  return s === 'ssh' || s === 'https' || s === 'http' || s === 'git' || s === 'file';
}

function invalid(input: string, why: string): GitSourceError {
  return new GitSourceError('InvalidUrl', redactUrlText(input), `invalid repository URL: ${why}`);
}

/**
 * Redacts the userinfo of every http(s) URL in a text (`https://user:pw@host` → `https://***@host`), and
 * the password part of any other URL.
 */
export function redactUrlText(text: string): string {
  return text
    .replace(/\b(https?:\/\/)[^/@\s'"]*@/gi, '$1***@')
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/[^/:@\s'"]*):[^/@\s'"]*@/gi, '$1:***@');
}

/**
 * The identity of a repository, equal for its ssh, scp-like, https and git URLs: `host/path`, in lower case,
 * without user, port, `.git` or a trailing slash. Returns undefined for an unparsable URL.
 */
export function repositoryIdentity(raw: string): string | undefined {
  const u = tryParse(raw);
  return u === undefined ? undefined : identityOf(u);
}

/**
 * Whether two URLs name the same repository: same identity and, when both use the same scheme, the same
 * port (a scheme's default port counts as given). Ports of different schemes are not compared: a host's
 * ssh and https ports differ by nature.
 */
export function sameRepository(a: string, b: string): boolean {
  const ua = tryParse(a);
  const ub = tryParse(b);
  if (ua === undefined || ub === undefined || identityOf(ua) !== identityOf(ub)) return false;
  return ua.scheme !== ub.scheme || effectivePort(ua) === effectivePort(ub);
}

function tryParse(raw: string): GitUrl | undefined {
  try {
    return parseGitUrl(raw);
  } catch {
    return undefined;
  }
}

function identityOf(u: GitUrl): string {
  const path = u.path.replace(/\/+$/, '').replace(/\.git$/i, '').replace(/^~[^/]*\//, '');
  return `${u.host}/${path}`.toLowerCase();
}

function effectivePort(u: GitUrl): string {
  return u.port !== '' ? u.port : DEFAULT_PORTS[u.scheme] ?? '';
}
