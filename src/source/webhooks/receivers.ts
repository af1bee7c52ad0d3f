/**
 * Configured webhook receivers: who may ask for a reconcile, how requests are verified, and where they
 * post. Each receiver has its own path, `/hook/<sha256(token + name + namespace)>` as in Flux's
 * notification-controller, so the URL reveals nothing about the token and receivers cannot be guessed.
 */
import { createHash } from 'node:crypto';

/**
 * - `generic-hmac`: `X-Signature: sha256=<hex>` (or `sha512=`), the HMAC of the body keyed by the token;
 * - `github`: `X-Hub-Signature-256: sha256=<hex>` keyed by the webhook secret; events `push` and `ping`;
 * - `gitlab`: `X-Gitlab-Token` equal to the token; events `Push Hook` and `Tag Push Hook`.
 */
export type ReceiverType = 'generic-hmac' | 'github' | 'gitlab';

export interface ReceiverConfig {
  name: string;
  namespace: string;
  type: ReceiverType;
  /** the shared secret; at least 16 bytes */
  token: string | Uint8Array;
  /** namespaces whose GitRepositories this receiver may trigger; all when absent */
  namespaces?: readonly string[];
}

export const RECEIVER_TYPES: readonly ReceiverType[] = ['generic-hmac', 'github', 'gitlab'];

const MIN_TOKEN_BYTES = 16;

function tokenBytes(t: string | Uint8Array): Buffer {
  return typeof t === 'string' ? Buffer.from(t, 'utf8') : Buffer.from(t);
}

/** The receiver's path: `/hook/<hex sha256 of token, name and namespace>`. */
export function receiverPath(r: Pick<ReceiverConfig, 'name' | 'namespace' | 'token'>): string {
  const h = createHash('sha256').update(tokenBytes(r.token)).update(r.name).update(r.namespace).digest('hex');
  return `/hook/${h}`;
}

/** Checks a receiver's configuration; returns the problems (empty when fine). */
export function validateReceiver(r: ReceiverConfig): string[] {
  const out: string[] = [];
  if (!RECEIVER_TYPES.includes(r.type)) out.push(`type "${String(r.type)}" is not one of ${RECEIVER_TYPES.join(', ')}`);
  if (tokenBytes(r.token).length < MIN_TOKEN_BYTES) out.push(`the token must be at least ${MIN_TOKEN_BYTES} bytes`);
  if (r.name === '' || r.namespace === '') out.push('name and namespace are required');
  return out;
}

export { tokenBytes };
