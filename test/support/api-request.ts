/** A minimal HTTPS client for the test control plane's own bootstrapping (before a kubeconfig exists). */
import { request } from 'node:https';
import { readFileSync } from 'node:fs';
import { eventually } from './poll.ts';

export interface ApiTarget { server: string; token: string; caFile: string }
export interface ApiResponse { status: number; body: unknown }

export function apiRequest(t: ApiTarget, method: string, path: string, body?: unknown): Promise<ApiResponse> {
  const url = new URL(path, t.server);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method,
      ca: readFileSync(t.caFile),
      headers: {
        authorization: `Bearer ${t.token}`,
        accept: 'application/json',
        ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
      },
      timeout: 10_000,
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let parsed: unknown = text;
        try { parsed = JSON.parse(text); } catch { /* plain text (e.g. /readyz) */ }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timeout`)));
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** Polls `check` until it returns true; throws naming `what` after `timeoutMs` (see poll.ts). */
export async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  await eventually(what, timeoutMs, async () => ((await check()) ? true : undefined));
}
