/** Plain GET requests to the API server with the kubeconfig's credentials (discovery, /version). */
import { request, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubeError } from './errors.ts';

export async function rawGet<T>(kc: KubeConfig, path: string): Promise<T> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new KubeError('ServerError', 'no current cluster in the kubeconfig');
  const opts: RequestOptions = {};
  await kc.applyToHTTPSOptions(opts);
  const url = new URL(path, cluster.server);
  return new Promise<T>((resolve, reject) => {
    const req = request(url, { ...opts, method: 'GET', headers: { ...opts.headers, accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        if ((res.statusCode ?? 0) >= 300) {
          reject(new KubeError(res.statusCode === 404 ? 'NotFound' : res.statusCode === 403 ? 'Forbidden' : 'ServerError', `GET ${path}: HTTP ${res.statusCode}: ${text.slice(0, 300)}`, res.statusCode));
          return;
        }
        try { resolve(JSON.parse(text) as T); } catch (e) { reject(e); }
      });
    });
    req.on('error', reject);
    req.end();
  });
}
