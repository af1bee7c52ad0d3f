/** URLs as they may appear in errors, logs and status: without user info (`user:password@`). */

/** The URL with any user name and password removed; strings that are not URLs come back unchanged. */
export function redactUrl(u: URL | string): string {
  let url: URL;
  try {
    url = typeof u === 'string' ? new URL(u) : new URL(u.href);
  } catch {
    return typeof u === 'string' ? u.replace(/\/\/[^/@]*@/, '//') : String(u);
  }
  if (url.username === '' && url.password === '') return url.href;
  url.username = '';
  url.password = '';
  return url.href;
}
