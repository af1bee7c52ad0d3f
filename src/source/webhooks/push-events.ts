/**
 * The repository URLs and the ref a push event names, from GitHub's, GitLab's and the generic payload.
 * Only called on verified requests.
 *
 * Generic payload: `{"repository": "<url>" | {"url": "<url>"}, "ref": "refs/heads/main"}` (`ref` optional:
 * without it every GitRepository of the repository matches).
 */

export interface PushEvent {
  /** every URL the payload gives for the repository (clone, ssh, web) */
  urls: string[];
  /** `refs/heads/<branch>` or `refs/tags/<tag>`; undefined when the sender does not say */
  ref?: string;
}

type Json = Record<string, unknown>;

function obj(v: unknown): Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
}

function strings(o: Json, keys: readonly string[]): string[] {
  return keys.map((k) => o[k]).filter((v): v is string => typeof v === 'string' && v !== '');
}

function withRef(urls: string[], ref: unknown): PushEvent {
  const out: PushEvent = { urls: [...new Set(urls)] };
  if (typeof ref === 'string' && ref !== '') out.ref = ref;
  return out;
}

export function parseGitHubPush(payload: unknown): PushEvent {
  const p = obj(payload);
  const repo = obj(p['repository']);
  return withRef(strings(repo, ['clone_url', 'ssh_url', 'git_url', 'html_url', 'svn_url', 'url']), p['ref']);
}

export function parseGitLabPush(payload: unknown): PushEvent {
  const p = obj(payload);
  const urls = [
    ...strings(obj(p['project']), ['git_http_url', 'git_ssh_url', 'web_url', 'http_url', 'ssh_url']),
    ...strings(obj(p['repository']), ['git_http_url', 'git_ssh_url', 'url', 'homepage']),
  ];
  return withRef(urls, p['ref']);
}

export function parseGenericPush(payload: unknown): PushEvent {
  const p = obj(payload);
  const r = p['repository'];
  const urls = typeof r === 'string' ? [r] : strings(obj(r), ['url', 'clone_url', 'ssh_url']);
  if (Array.isArray(p['urls'])) urls.push(...p['urls'].filter((u): u is string => typeof u === 'string'));
  return withRef(urls, p['ref']);
}
