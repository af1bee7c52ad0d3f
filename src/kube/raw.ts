/** Plain GET requests to the API server with the kubeconfig's credentials (discovery, /version). */
import { request, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubeError } from './errors.ts';

/** A raw request; `body` is sent as given (JSON text), so no key is dropped by typed models. */
export async function rawRequest<T>(kc: KubeConfig, method: string, path: string, body?: string, contentType = 'application/json'): Promise<T> {
  return request_<T>(kc, method, path, body, contentType);
}

export async function rawGet<T>(kc: KubeConfig, path: string): Promise<T> {
  return request_<T>(kc, 'GET', path);
}

async function request_<T>(kc: KubeConfig, method: string, path: string, body?: string, contentType?: string): Promise<T> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new KubeError('ServerError', 'no current cluster in the kubeconfig');
  const opts: RequestOptions = {};
  await kc.applyToHTTPSOptions(opts);
  const url = new URL(path, cluster.server);
  return new Promise<T>((resolve, reject) => {
    const headers: Record<string, string | number> = { ...(opts.headers as Record<string, string>), accept: 'application/json' };
    if (body !== undefined) {
      headers['content-type'] = contentType ?? 'application/json';
      headers['content-length'] = Buffer.byteLength(body);
    }
    const req = request(url, { ...opts, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        if ((res.statusCode ?? 0) >= 300) {
          // the API server's Status message, as the typed client reports it
          let message = text.slice(0, 2000);
          try { message = (JSON.parse(text) as { message?: string }).message ?? message; } catch { /* not JSON */ }
          reject(Object.assign(new Error(message), { code: res.statusCode, body: text }));
          return;
        }
        try { resolve(JSON.parse(text) as T); } catch (e) { reject(e); }
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
