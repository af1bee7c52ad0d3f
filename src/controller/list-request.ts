/**
 * One page of a LIST as raw JSON. Written here rather than using client-node's KubernetesObjectApi.list because
 * that one deserialises into typed models (timestamps become Date objects) while watch events arrive as plain
 * JSON: the informer's cache must hold one shape. It also takes an AbortSignal, so stopping an informer never
 * waits on a hung list.
 */
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { request as httpRequest } from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeObject } from '../kube/index.ts';

export interface ListPage {
  items: KubeObject[];
  resourceVersion: string;
  continueToken: string | undefined;
}

export interface ListQuery {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continueToken?: string;
  resourceVersion?: string;
}

/** An HTTP failure of a LIST, with the status code (410 = the continue token or resourceVersion expired). */
export class ListError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'ListError';
    this.status = status;
  }
}

interface ListBody {
  items?: KubeObject[] | null;
  metadata?: { resourceVersion?: string; continue?: string };
}

export async function listPage(kc: KubeConfig, path: string, query: ListQuery, signal: AbortSignal): Promise<ListPage> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new ListError(0, 'no current cluster in the kubeconfig');
  const url = new URL(path, cluster.server);
  const params: Record<string, string | number | undefined> = {
    labelSelector: query.labelSelector, fieldSelector: query.fieldSelector, limit: query.limit,
    continue: query.continueToken, resourceVersion: query.resourceVersion,
  };
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  const opts: RequestOptions = {};
  await kc.applyToHTTPSOptions(opts);
  const body = await getJson(url, opts, signal);
  const list = body as ListBody;
  return {
    items: list.items ?? [],
    resourceVersion: list.metadata?.resourceVersion ?? '',
    continueToken: list.metadata?.continue || undefined,
  };
}

function getJson(url: URL, opts: RequestOptions, signal: AbortSignal): Promise<unknown> {
  const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { ...opts, method: 'GET', signal, headers: { ...opts.headers, accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          let message = text.slice(0, 300);
          try { message = (JSON.parse(text) as { message?: string }).message ?? message; } catch { /* not JSON */ }
          reject(new ListError(status, `GET ${url.pathname}: HTTP ${status}: ${message}`));
          return;
        }
        try { resolve(JSON.parse(text)); } catch (e) { reject(e); }
      });
    });
    req.on('error', reject);
    req.end();
  });
}
