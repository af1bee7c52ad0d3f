/**
 * Push webhooks: an HTTP receiver that turns a verified push (generic HMAC, GitHub, GitLab) into reconcile
 * requests for the GitRepositories of the pushed repository and ref.
 *
 * ```ts
 * const receiver = new WebhookReceiver({
 *   receivers: () => config.receivers,              // [{ name, namespace, type: 'github', token }]
 *   listGitRepositories: () => gitRepoCache.list().map((o) => ({ namespace, name, url: o.spec.url, ref: o.spec.ref })),
 *   requestReconcile: (t) => queue.add(`${t.namespace}/${t.name}`),
 *   log,
 * });
 * await receiver.listen(9292, '0.0.0.0');
 * // give GitHub the URL https://<host>:9292${receiverPath(receiverConfig)}
 * ```
 */
export { WebhookReceiver } from './server.ts';
export type { WebhookReceiverOptions } from './server.ts';
export { RECEIVER_TYPES, receiverPath, validateReceiver } from './receivers.ts';
export type { ReceiverConfig, ReceiverType } from './receivers.ts';
export { matchPush } from './match.ts';
export type { ReconcileTarget, WatchedGitRepository } from './match.ts';
export { parseGenericPush, parseGitHubPush, parseGitLabPush } from './push-events.ts';
export type { PushEvent } from './push-events.ts';
export { signBody, verifyHmac, verifyToken } from './signatures.ts';
export type { Verdict } from './signatures.ts';
export { verifyRequest } from './verify-request.ts';
export type { RequestOutcome } from './verify-request.ts';
