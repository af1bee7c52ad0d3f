/** Typed errors from the API server, with the status code and the server's message. */
export type KubeErrorCode = 'NotFound' | 'Conflict' | 'Forbidden' | 'Invalid' | 'Unauthorized' | 'Timeout' | 'ServerError';

export class KubeError extends Error {
  readonly code: KubeErrorCode;
  readonly httpStatus: number | undefined;
  constructor(code: KubeErrorCode, message: string, httpStatus?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KubeError';
    this.code = code;
    this.httpStatus = httpStatus;
  }
}

const codes: Record<number, KubeErrorCode> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 409: 'Conflict', 422: 'Invalid', 504: 'Timeout' };

/** The KubeErrorCode of an HTTP status (`ServerError` for any status without one of its own). */
export const kubeErrorCode = (status: number): KubeErrorCode => codes[status] ?? 'ServerError';

/** Converts a client-node ApiException (or anything thrown) into a KubeError carrying the server's message. */
export function toKubeError(e: unknown, what: string): KubeError {
  if (e instanceof KubeError) return e;
  const status = (e as { code?: number }).code;
  const body = (e as { body?: unknown }).body;
  let message = e instanceof Error ? e.message : String(e);
  if (typeof body === 'string') {
    try { message = (JSON.parse(body) as { message?: string }).message ?? body; } catch { message = body || message; }
  } else if (body && typeof body === 'object' && 'message' in body) {
    message = String((body as { message: unknown }).message);
  }
  return new KubeError(status !== undefined ? kubeErrorCode(status) : 'ServerError', `${what}: ${message}`, status, { cause: e });
}

export const isNotFound = (e: unknown): boolean => e instanceof KubeError ? e.code === 'NotFound' : (e as { code?: number }).code === 404;
