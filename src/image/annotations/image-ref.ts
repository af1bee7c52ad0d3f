/**
 * Image references as Flux v1 read them from HelmRelease values (`fluxcd/flux` `pkg/image` ParseRef): an
 * optional domain, the image path, an optional tag. A first element counts as a domain when it has a `.` or a
 * `:` or is `localhost` (or, with three or more elements, always). Digests are not supported (Flux v1 had none);
 * such a value is not an image for automation.
 */

export interface ImageRef {
  /** registry `host[:port]`, '' when not written */
  readonly domain: string;
  /** the path, without domain and tag */
  readonly path: string;
  /** '' when not written */
  readonly tag: string;
}

/** Parses `[domain/]path[:tag]`; undefined when it is not an image reference. */
export function parseImageRef(s: string): ImageRef | undefined {
  if (s === '' || s.startsWith('/') || s.endsWith('/') || s.includes('@') || /\s/.test(s)) return undefined;
  const elements = s.split('/');
  const first = elements[0] ?? '';
  const hasDomain = elements.length > 2 || (elements.length === 2 && (first.includes('.') || first.includes(':') || first === 'localhost'));
  const domain = hasDomain ? first : '';
  const rest = hasDomain ? elements.slice(1).join('/') : s;
  const parts = rest.split(':');
  if (parts.length > 2 || parts.some((p) => p === '') || rest.split('/').some((p) => p === '')) return undefined;
  return { domain, path: parts[0] ?? '', tag: parts[1] ?? '' };
}

/** `domain/path` (Flux v1 `Name.String()`), or `path` without a domain. */
export function refName(r: ImageRef): string {
  return r.domain !== '' ? `${r.domain}/${r.path}` : r.path;
}

/** `domain/path:tag` (Flux v1 `Ref.String()`), without `:` when there is no tag. */
export function refString(r: ImageRef): string {
  return r.tag !== '' ? `${refName(r)}:${r.tag}` : refName(r);
}
