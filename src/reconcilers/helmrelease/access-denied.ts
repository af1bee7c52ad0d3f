/**
 * RBAC failures, said plainly: finds the API server's "forbidden" answer anywhere in an error's cause chain
 * and words it with the identity the release acts as, so the condition names the verb and resource.
 */

function* chain(e: unknown): Generator<unknown> {
  for (let cur = e, depth = 0; cur !== undefined && cur !== null && depth < 16; depth++) {
    yield cur;
    cur = (cur as { cause?: unknown }).cause;
  }
}

const forbiddenText = /(\S+ "[^"]*" is forbidden|\S+ is forbidden): User "[^"]+" cannot [^\n]*/;

/** The server's forbidden message (`configmaps "x" is forbidden: User "…" cannot patch resource …`), if any. */
export function forbiddenMessage(e: unknown): string | undefined {
  for (const c of chain(e)) {
    const code = (c as { code?: unknown }).code;
    const status = (c as { httpStatus?: unknown }).httpStatus;
    const message = c instanceof Error ? c.message : String(c);
    const m = forbiddenText.exec(message);
    if (m) return m[0];
    if (code === 'Forbidden' || code === 403 || status === 403) return message;
  }
  return undefined;
}

/** `RBAC: ServiceAccount ns/sa may not …: <server message>` when the error is an RBAC denial; else undefined. */
export function describeAccessDenied(e: unknown, identity: string): string | undefined {
  const m = forbiddenMessage(e);
  return m === undefined ? undefined : `access denied to ${identity}: ${m}`;
}
