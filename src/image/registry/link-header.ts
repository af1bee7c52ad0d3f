/** The registry API's pagination: the `rel="next"` target of an RFC 8288 `Link` header. */

/** The next page's URL resolved against `page`, or undefined when there is none. */
export function nextPageUrl(link: string | string[] | undefined, page: URL): URL | undefined {
  const values = Array.isArray(link) ? link : link !== undefined ? [link] : [];
  for (const value of values) {
    for (const part of value.split(/,(?=\s*<)/)) {
      const m = /^\s*<([^>]*)>\s*(.*)$/s.exec(part);
      if (m === null) continue;
      const params = (m[2] ?? '').split(';').map((p) => p.trim());
      const rel = params.find((p) => /^rel\s*=/i.test(p))?.replace(/^rel\s*=\s*/i, '').replace(/^"|"$/g, '') ?? '';
      if (rel.split(/\s+/).includes('next')) return new URL(m[1] ?? '', page);
    }
  }
  return undefined;
}
