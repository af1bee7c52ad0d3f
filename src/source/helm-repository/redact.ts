/** URLs as they may appear in errors, logs and status: without user info (`user:password@`). */

const USERINFO = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#@]*@/;

/**
 * The URL with any user name and password removed, otherwise exactly as given (no normalisation, so messages
 * show the URL the user wrote).
 */
export function redactUrl(u: URL | string): string {
  const s = typeof u === 'string' ? u : u.href;
  return s.replace(USERINFO, '$1');
}
