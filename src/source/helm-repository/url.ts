/** URL rules of Helm's chart repositories (pkg/repo/chartrepo.go). */

/**
 * ResolveReferenceURL: an absolute `ref` comes back unchanged; a relative one is resolved against the repository
 * URL taken as a directory (a trailing `/` is added), and the result carries the repository URL's query string
 * (so signed or token query parameters of the repository apply to its archives too).
 */
export function resolveReferenceUrl(base: string, ref: string): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(ref)) return ref;
  const b = new URL(base);
  b.pathname = b.pathname.replace(/\/$/, '') + '/';
  const query = b.search;
  const resolved = new URL(ref, b);
  resolved.search = query;
  return resolved.href;
}

/** The index URL of a repository: `<repo>/index.yaml`. */
export function indexUrl(repo: string): string {
  return resolveReferenceUrl(repo, 'index.yaml');
}

/** `scheme://host[:port]`, the unit Helm compares before sending a repository's credentials. */
export function originOf(u: string | URL): string {
  return new URL(u).origin;
}
