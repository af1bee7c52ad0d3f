/**
 * The push webhook receiver of the operator, in its simple form (no Receiver kind): receivers are configured
 * in a Secret (key `receivers.yaml`, re-read every 30 s) or a file, and a verified push sets
 * `capstan.dev/reconcile-requested-at` on each matching GitRepository, which the GitRepository controller
 * answers with an immediate fetch.
 *
 * ```yaml
 * # Secret capstan-system/capstan-webhook-receivers, key receivers.yaml
 * receivers:
 *   - name: github-infra          # the path is /hook/<sha256(token + name + namespace)>: see the operator log
 *     namespace: capstan-system
 *     type: github                # github | gitlab | generic-hmac
 *     token: <shared secret, at least 16 bytes>
 *     namespaces: [capstan-system] # optional: GitRepositories outside these are never triggered
 * ```
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { reconcileRequestedAtAnnotation, formatIssues, parseWith, type GitRef } from '../../api/index.ts';
import { parseListenAddr, type CacheReader } from '../../controller/index.ts';
import { rawRequest, toKubeError, type KubeClient, type KubeObject } from '../../kube/index.ts';
import type { Logger } from '../../observability/logger.ts';
import {
  RECEIVER_TYPES, WebhookReceiver, receiverPath, validateReceiver, type ReceiverConfig, type ReconcileTarget, type WatchedGitRepository,
} from '../../source/webhooks/index.ts';
import { gitRepositoryGvk } from '../shared/kinds.ts';
import { configReader } from '../shared/object-reader.ts';

const ReceiverSchema = z.object({
  name: z.string().min(1),
  namespace: z.string().min(1),
  type: z.enum(RECEIVER_TYPES as [ReceiverConfig['type'], ...ReceiverConfig['type'][]]),
  token: z.string().min(16, { message: 'must be at least 16 characters' }),
  namespaces: z.array(z.string().min(1)).optional(),
});
const ReceiversSchema = z.array(ReceiverSchema);

/** Reading the receivers configuration failed; the message names the field, never a token. */
export class ReceiversConfigError extends Error {
  readonly code = 'InvalidReceivers';
  constructor(message: string) {
    super(message);
    this.name = 'ReceiversConfigError';
  }
}

/** Parses `receivers.yaml` (a list, or `{receivers: [...]}`). */
export function parseReceivers(text: string, where = 'receivers.yaml'): ReceiverConfig[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new ReceiversConfigError(`${where}: not YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const wrapped = typeof doc === 'object' && doc !== null && !Array.isArray(doc) && 'receivers' in doc;
  const r = parseWith(ReceiversSchema, (wrapped ? (doc as { receivers: unknown }).receivers : doc) ?? []);
  if (!r.ok) {
    // a token, even a bad one, is never quoted
    const issues = r.issues.map((i) => ({
      path: `${wrapped ? 'receivers' : ''}${i.path}`,
      message: i.path.endsWith('.token') ? 'must be a string of at least 16 characters' : i.message,
    }));
    throw new ReceiversConfigError(`${where}: ${formatIssues(issues)}`);
  }
  return r.value.map((x) => ({ name: x.name, namespace: x.namespace, type: x.type, token: x.token, ...(x.namespaces !== undefined ? { namespaces: x.namespaces } : {}) }));
}

/** Where the receivers come from: `{secret: 'ns/name'}` (key `receivers.yaml`) or `{file: path}`. */
export type ReceiversSource = { secret: string; key?: string } | { file: string };

/** Keeps the receivers of a Secret or a file, re-read every `refreshMs`; a failed read keeps the last good list. */
export class ReceiversConfig {
  readonly #src: ReceiversSource;
  readonly #kube: KubeClient;
  readonly #log: Logger;
  readonly #refreshMs: number;
  #list: readonly ReceiverConfig[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(opts: { source: ReceiversSource; kube: KubeClient; log: Logger; refreshMs?: number }) {
    this.#src = opts.source;
    this.#kube = opts.kube;
    this.#log = opts.log.child({ component: 'webhook-receivers' });
    this.#refreshMs = opts.refreshMs ?? 30_000;
  }

  get receivers(): readonly ReceiverConfig[] {
    return this.#list;
  }

  /** Reads once (throwing ReceiversConfigError when that fails), then keeps re-reading in the background. */
  async start(): Promise<void> {
    this.#list = await this.#read();
    this.#logPaths();
    this.#timer = setInterval(() => {
      this.#read().then((l) => { this.#list = l; }, (e: unknown) => this.#log.warn({ err: e instanceof Error ? e.message : String(e) }, 'could not re-read the webhook receivers; keeping the last ones'));
    }, this.#refreshMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  async #read(): Promise<ReceiverConfig[]> {
    if ('file' in this.#src) return parseReceivers(await readFile(this.#src.file, 'utf8'), this.#src.file);
    const [ns, name] = this.#src.secret.includes('/') ? this.#src.secret.split('/', 2) as [string, string] : ['default', this.#src.secret];
    const key = this.#src.key ?? 'receivers.yaml';
    const s = await configReader(this.#kube).read('Secret', ns, name);
    const text = s?.data[key]?.toString('utf8');
    if (text === undefined) throw new ReceiversConfigError(`Secret ${ns}/${name} has no key ${key}`);
    const list = parseReceivers(text, `Secret ${ns}/${name} key ${key}`);
    for (const r of list) {
      const problems = validateReceiver(r);
      if (problems.length > 0) throw new ReceiversConfigError(`receiver ${r.namespace}/${r.name}: ${problems.join('; ')}`);
    }
    return list;
  }

  #logPaths(): void {
    for (const r of this.#list) this.#log.info({ receiver: `${r.namespace}/${r.name}`, type: r.type, path: receiverPath(r) }, 'webhook receiver configured');
  }
}

/** Sets `capstan.dev/reconcile-requested-at` on a GitRepository (a merge patch of the annotation only). */
export async function requestReconcile(kube: KubeClient, target: { namespace: string; name: string }, now = new Date()): Promise<void> {
  const path = await kube.resourcePath(gitRepositoryGvk.apiVersion, gitRepositoryGvk.kind, target.name, target.namespace);
  const body = { metadata: { annotations: { [reconcileRequestedAtAnnotation]: now.toISOString() } } };
  try {
    await rawRequest<KubeObject>(kube.kc, 'PATCH', path, JSON.stringify(body), 'application/merge-patch+json');
  } catch (e) {
    throw toKubeError(e, `request a reconcile of GitRepository ${target.namespace}/${target.name}`);
  }
}

export interface SourceWebhooksOptions {
  /** `:9292`, `127.0.0.1:0` (controller-runtime address syntax) */
  addr: string;
  receivers: () => readonly ReceiverConfig[];
  /** the manager's cache, holding GitRepositories */
  cache: CacheReader;
  kube: KubeClient;
  log: Logger;
}

/** Starts the receiver; returns its base URL (`http://host:port`) and a close function. */
export async function startSourceWebhooks(opts: SourceWebhooksOptions): Promise<{ url: string; close(): Promise<void> }> {
  const addr = parseListenAddr(opts.addr);
  if (addr === undefined) throw new ReceiversConfigError(`webhook address "${opts.addr}" turns the receiver off`);
  const receiver = new WebhookReceiver({
    receivers: opts.receivers,
    listGitRepositories: () => watched(opts.cache),
    requestReconcile: async (t: ReconcileTarget) => {
      try {
        await requestReconcile(opts.kube, t);
      } catch (e) {
        opts.log.warn({ gitRepository: `${t.namespace}/${t.name}`, err: e instanceof Error ? e.message : String(e) }, 'could not request a reconcile');
      }
    },
    log: opts.log,
  });
  const bound = await receiver.listen(addr.port, addr.host ?? '0.0.0.0');
  const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  return { url: `http://${host}:${bound.port}`, close: () => receiver.close() };
}

function watched(cache: CacheReader): WatchedGitRepository[] {
  return cache.list<KubeObject & { spec?: { url?: string; ref?: GitRef; suspend?: boolean } }>(gitRepositoryGvk)
    .filter((o) => typeof o.spec?.url === 'string' && o.spec.suspend !== true)
    .map((o) => ({ namespace: o.metadata.namespace ?? 'default', name: o.metadata.name, url: o.spec?.url ?? '', ref: o.spec?.ref }));
}
